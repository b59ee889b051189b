/**
 * What JavaScript a built page ships: its `<script>` elements (inline or external) and module
 * preloads, each judged by what it is for. A paper page may ship the theme toggle and the search
 * entry point and the citation's copy buttons, and nothing else.
 */

export type ScriptPurpose = 'theme' | 'search' | 'citation' | 'other';

export interface PageScript {
  /** The `src` / `href` as written in the page, or `inline`. */
  source: string;
  inline: boolean;
  /** Inline scripts: their text (to judge and size them). */
  text?: string;
}

const PURPOSE_MARKS: readonly (readonly [ScriptPurpose, RegExp])[] = [
  ['theme', /theme|color-?scheme|dark-?mode/i],
  ['search', /search|pagefind/i],
  ['citation', /citation|clipboard/i],
];

const JS_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript']);

function attribute(attrs: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(attrs);
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

/** Scripts that run JavaScript (JSON-LD and other data blocks are not code) and module preloads. */
export function pageScripts(html: string): PageScript[] {
  const scripts: PageScript[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const attrs = match[1]!;
    if (!JS_TYPES.has((attribute(attrs, 'type') ?? '').toLowerCase())) continue;
    const src = attribute(attrs, 'src');
    if (src) scripts.push({ source: src, inline: false });
    else if (match[2]!.trim() !== '') scripts.push({ source: 'inline', inline: true, text: match[2]! });
  }
  for (const match of html.matchAll(/<link\b([^>]*)>/gi)) {
    const attrs = match[1]!;
    const href = attribute(attrs, 'href');
    if (href && (attribute(attrs, 'rel') ?? '').toLowerCase() === 'modulepreload') scripts.push({ source: href, inline: false });
  }
  return scripts;
}

/**
 * What a script is for, from its file name (Astro names bundled component scripts after their
 * component) or, when that says nothing, from its code: every purpose the code shows, since a
 * layout's bundle carries the scripts of all its components; `other` when it shows none.
 */
export function scriptPurposes(source: string, code: string): ScriptPurpose[] {
  const name = source === 'inline' ? '' : (source.split('/').pop() ?? '');
  const judge = (text: string): ScriptPurpose[] => PURPOSE_MARKS.filter(([, mark]) => mark.test(text)).map(([purpose]) => purpose);
  const byName = judge(name);
  if (byName.length > 0) return byName.slice(0, 1);
  const byCode = judge(code);
  return byCode.length > 0 ? byCode : ['other'];
}

/** Relative module specifiers a bundled chunk imports statically (what loads with it). */
export function staticImports(code: string): string[] {
  const found = new Set<string>();
  for (const match of code.matchAll(/(?:\bimport|\bexport)\s*(?:[\w*{}\s,$]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+)["']/g)) found.add(match[1]!);
  return [...found].sort();
}
