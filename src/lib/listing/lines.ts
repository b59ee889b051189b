/**
 * Step 1 of reading a text listing: the file's lines as the rest of the reader sees them. What a way
 * of copying adds to every line (a mail's `> ` quote marks, a notes app's list markers, a Markdown
 * export's links, hard wraps at a fixed width) is learned from the whole file and taken off; page
 * furniture the site prints on every page is dropped and counted; rows that hold several fields
 * (`• 4 authors · May 28, 2024`) are split into one line per field.
 */
import { isBareDay, parseDateLine } from './dates.ts';
import { hasInvisibleCharacters, isBinaryJunk, normalizeLine, splitLines } from './text.ts';
import { furnitureKind, type FurnitureKind, stripGluedHeader } from './furniture.ts';
import { DOTS, isFieldShape, looksLikeAbstract, shapeOf, splitRow, withoutIcon } from './shapes.ts';
import { repairMojibake } from './mojibake.ts';
import { readTable } from './tables.ts';
import type { Finding, LineRole } from './types.ts';
import { excerpt } from './types.ts';

export interface Line {
  /** 1-based line of the original file (the first, for lines a hard wrap joined). */
  line: number;
  text: string;
}

export interface ReadLines {
  format: 'page' | 'bare';
  lines: Line[];
  warnings: Finding[];
  rejected: Finding[];
  ignored: Partial<Record<FurnitureKind, number>>;
  roles: Map<number, LineRole>;
  /** The capture day a page header printed (no year). */
  capturedOn?: { month: number; day: number };
}

/** The longest line the reader looks at; past it a line is cut, with a finding, so no step can stall on one. */
export const MAX_LINE = 100_000;

/** A mail quote: `>` marks, nested or not. */
const QUOTE = /^(?:> ?)+/;
/** A list marker a notes app or a Markdown export puts before each item. */
const LIST_MARKER = /^[-*+•‣◦▪–]\s+/;
/** An org-mode headline's stars, with its task keyword and priority (`** TODO [#A] `). */
const ORG_HEADLINE = /^\*{1,6}\s+(?:(?:TODO|DONE|NEXT|WAITING|CANCELL?ED)\s+)?(?:\[#[A-Z]\]\s+)?/;
/** An org-mode property (`:PUBLISHED: [2024-01-31 Wed]`): a label and its value, as `Published: …` reads. */
const ORG_PROPERTY = /^:(\p{L}[\p{L}\d_-]{0,30}):\s+(?=\S)/u;
/** A numbered list's marker, taken off short lines only: an abstract's own `1) we …` stays, and so does a date's day (`28. Juli 2021`). */
const NUMBER_MARKER = /^\d{1,3}[.)]\s+(?=\S)/;
/** Emphasis a notes app or a Markdown export wraps a whole line in (`**A Title**`, `*5 authors · May 24*`). */
const unemphasise = (line: string) => line.replace(/^(\*{1,2}|_{1,2})(?=\S)(.+?)(?<=\S)\1$/, '$2');
/** A label a notes app's user set in bold inside a row (`**Authors:** 7 · **Published:** May 24`): its text. */
const unboldLabels = (line: string) => (line.length <= 300 && line.includes(':') ? line.replace(/(\*\*|__)([^*_:]{1,30})\1(?=:)|(\*\*|__)([^*_:]{1,30}:)\3/g, '$2$4') : line);
const unlist = (line: string) => (line.length <= 300 && NUMBER_MARKER.test(line) && !parseDateLine(line) ? line.replace(NUMBER_MARKER, '') : line).replace(ORG_HEADLINE, '').replace(LIST_MARKER, '');
/** A Markdown heading's `#`s. */
const HEADING = /^#{1,6}\s+/;

/**
 * Links and images reduced to their text, in one left-to-right pass (no regex that rescans from
 * every bracket): `[text](url)`, `[text][12]`, `![alt](url)` (dropped), and a link's tail whose `[`
 * stood on the line before (`4 authors](https://…)`).
 */
export function unwrapLinks(line: string): string {
  if (!line.includes('[') && !line.includes('](')) return line.trim();
  // A tail `…](url)` at the very end, with no `[` before it on the line.
  const tail = /^([^[\]]*)\]\((?:https?:\/\/|\/)[^)\s]*\)$/.exec(line);
  if (tail) return tail[1]!;
  const n = line.length;
  // Where the next `]`, `)` and `[` stand from each place: every bracket is looked up once.
  const next = (char: string) => {
    const at = new Int32Array(n + 1).fill(-1);
    for (let k = n - 1; k >= 0; k--) at[k] = line[k] === char ? k : at[k + 1]!;
    return at;
  };
  const [closeAt, parenAt, openAt] = [next(']'), next(')'), next('[')];
  let out = '';
  let i = 0;
  while (i < n) {
    const image = line[i] === '!' && line[i + 1] === '[';
    if (line[i] !== '[' && !image) {
      const stop = openAt[i]! < 0 ? n : openAt[i]! - (line[openAt[i]! - 1] === '!' ? 1 : 0);
      out += line.slice(i, Math.max(stop, i + 1));
      i = Math.max(stop, i + 1);
      continue;
    }
    const open = image ? i + 1 : i;
    const close = closeAt[open + 1]!;
    const nested = openAt[open + 1]!;
    // A `[` inside the text ends the candidate: `[[[[` is scanned once, not once per bracket.
    if (close < 0 || (nested >= 0 && nested < close)) {
      out += line.slice(i, open + 1);
      i = open + 1;
      continue;
    }
    const after = line[close + 1];
    const end = after === '(' ? (parenAt[close + 2] ?? -1) : after === '[' ? (closeAt[close + 2] ?? -1) : -1;
    const target = end < 0 ? '' : line.slice(close + 2, end);
    const isLink = after === '(' ? /^(?:https?:\/\/|\/)\S*$/.test(target) : after === '[' ? /^\d+$/.test(target) : false;
    if (!isLink) {
      out += line.slice(i, close + 1);
      i = close + 1;
      continue;
    }
    if (!image) out += line.slice(open + 1, close);
    i = end + 1;
  }
  return out.trim();
}

/**
 * The width a plain-text mail or a PDF's text was wrapped at, if it was: most long lines end near
 * one width and no line is much longer. Undefined for copies that keep each paragraph on one line.
 */
interface Wrap {
  width: number;
  /**
   * Cut at the width itself, inside words, as a terminal's screen rows are (`tmux capture-pane`): a
   * row that runs to the width goes on in the next without a space; one a column short lost the
   * space that stood at the width, as terminals trim rows.
   */
  atWidth: boolean;
}

function wrapWidth(lines: string[]): Wrap | undefined {
  const content = lines.filter((l) => l.length > 0);
  if (content.length < 8) return undefined;
  const sorted = content.map((l) => l.length).sort((a, b) => a - b);
  const width = sorted[Math.floor(sorted.length * 0.95)]!;
  if (width > 110 || width < 55) return undefined;
  const near = content.filter((l) => l.length >= width * 0.8);
  // Wrapped lines end wherever a word did not fit, mostly inside a sentence.
  const midSentence = near.filter((l) => !/[.!?:]["'”)\]]?$/.test(l)).length;
  if (near.length < 6 || near.length < content.length * 0.25 || midSentence < near.length * 0.5) return undefined;
  return { width, atWidth: near.filter((l) => l.length === width).length >= near.length * 0.6 };
}

const firstWord = (line: string) => line.trimStart().split(/\s/, 1)[0] ?? '';
/** A short line that holds a card's field (a byline, a date, a count, a dot), list marker aside. */
const isField = (line: string) => line.length <= 80 && isFieldShape(shapeOf(unlist(normalizeLine(line))));

/**
 * Joins the lines of each hard-wrapped paragraph: a line was wrapped when the next line's first word
 * would not have fitted after it. A word split at a hyphen is joined back when it was split by the
 * wrap (a lowercase letter follows).
 */
function joinWrapped(lines: { line: number; text: string }[], { width, atWidth }: Wrap): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  let open: { line: number; text: string } | undefined;
  lines.forEach((current, i) => {
    const text = current.text.trim();
    if (text === '') {
      if (open) out.push(open);
      open = undefined;
      out.push(current);
      return;
    }
    if (!open) open = { line: current.line, text };
    else if (atWidth && lines[i - 1]!.text.trimEnd().length === width) open.text += current.text.trimEnd();
    // `determi-` + `ning` was one word; `intra-` + `and inter-sample` keeps its hyphen.
    else if (/\p{L}-$/u.test(open.text) && /^\p{Ll}/u.test(text) && !/^(?:and|or|to|nor|vs?\.?)\s/.test(text)) open.text = open.text.slice(0, -1) + text;
    else open.text = `${open.text} ${text}`;
    const next = lines[i + 1];
    const length = current.text.trimEnd().length;
    // A field on the next line (`• 2 authors`, a date) starts a row of its own however long this line is.
    const full = atWidth ? length >= width - 1 : length + 1 + firstWord(next?.text ?? '').length > width * 0.9;
    const wrapped = next !== undefined && next.text.trim() !== '' && full && !isField(next.text);
    if (!wrapped) {
      out.push(open);
      open = undefined;
    }
  });
  if (open) out.push(open);
  return out;
}

/**
 * A raw line's fields as the reader sees them: emphasis, list markers, links (and in Markdown a
 * heading's `#`s) taken off, and a row of fields split into one per field when `splitRows`.
 */
export function rowFields(raw: string, splitRows: boolean, markdown: boolean): string[] {
  const row = unemphasise(unboldLabels(unwikilink(withoutLinkTargets(raw.trim()))));
  return (splitRows ? splitRow(row) : [row]).map((part) => {
    const normal = normalizeLine(part);
    return withoutIcon(unemphasise(unlist(unwrapLinks(markdown ? normal.replace(HEADING, '') : normal)).trim()).replace(ORG_PROPERTY, '$1: '));
  });
}

/** A wiki link as its text (`[[Title]]`, `[[page|shown text]]`), as Obsidian, Logseq and Roam write links. */
const unwikilink = (line: string) => (line.includes('[[') ? line.replace(/\[\[(?:[^[\]|]*\|)?([^[\]]*)\]\]/g, '$1') : line);

/**
 * A link's target in angle brackets after its text (`Title <https://…>`), as mail clients write an
 * HTML mail as plain text. Taken off short lines only: an abstract's own `<https://…>` stays.
 */
const withoutLinkTargets = (line: string) => (line.length <= 300 && line.includes('<http') ? line.replace(/\s*<https?:\/\/[^\s<>]*>/g, '') : line);

/**
 * Whether a file's cards have fields beside title and abstract: a dot on its own, an author count,
 * or at least two dates, bylines or counts. A bare dump has none (`Keynote · Oct 3` can be its
 * title). Read after the copy's own marks (quotes, a table's cells, wraps) are taken off.
 */
function formatOf(lines: string[]): 'page' | 'bare' {
  let fields = 0;
  for (const raw of lines) {
    // Fields are short: a paragraph is looked at no further.
    if (raw.length > 400) continue;
    if (DOTS.includes(normalizeLine(raw))) return 'page';
    // A Markdown heading is no field either way.
    for (const line of rowFields(raw, true, false)) {
      const shape = shapeOf(line);
      if (shape.kind === 'byline' && shape.authors !== undefined && shape.names === undefined && shape.organisation === undefined) return 'page';
      if (shape.kind === 'date' || shape.kind === 'byline' || (shape.kind === 'number' && shape.unit) || (shape.kind === 'label' && shape.value)) fields++;
      if (fields >= 2) return 'page';
    }
  }
  return 'bare';
}

/**
 * Quote marks taken off. In a mail thread the listing stands at one depth of quoting and replies at
 * shallower ones (`> Isn't this the one Lena presented?` typed inside a `>> ` card): lines quoted
 * less deeply than any line holding a field or an abstract are a reply, reported line by line and
 * not read. A notes app that quotes only the abstracts keeps them, as they stand deeper.
 */
function unquote(file: string, raw: Line[], result: ReadLines): Line[] {
  const lines = raw.map((r) => {
    const marks = QUOTE.exec(r.text.trim())?.[0] ?? '';
    return { ...r, text: r.text.trim().slice(marks.length), depth: (marks.match(/>/g) ?? []).length };
  });
  const listing = new Set<number>();
  for (const l of lines) {
    const text = normalizeLine(l.text);
    // An abstract is long: two short sentences (`Thanks! Comment inline.`) are a reply's.
    if (text.length > 0 && ((text.length > 200 && looksLikeAbstract(text)) || rowFields(text, true, false).some((f) => isFieldShape(shapeOf(f))))) listing.add(l.depth);
  }
  if (listing.size === 0) return lines;
  // A reply quotes less deeply than what it answers; a notes app's quoted abstracts stand deeper.
  const shallowest = Math.min(...listing);
  return lines.map(({ depth, ...l }) => {
    if (depth >= shallowest || l.text.trim() === '') return l;
    result.warnings.push({
      file,
      line: l.line,
      reason: `quoted ${depth === 0 ? 'not at all' : `${depth} deep`}, where the listing's lines are quoted ${[...listing].sort().join(' or ')} deep: a reply in the mail, not read`,
      text: excerpt(l.text),
    });
    result.roles.set(l.line, 'extra');
    return { ...l, text: '' };
  });
}

/**
 * A chat export's head on every message (`[Anna] [10:42 AM] `, `[5/30/2024 10:02 AM] anna: `): the
 * export's, not the card's, where at least three lines carry one. The lines of a message after its
 * first have none, so a card pasted as one message keeps its rows.
 */
const MESSAGE_HEAD = /^\[[^\]]{1,40}\](?: \[[^\]]{1,40}\])?(?: [^\s:]{1,30}:)? (?=\S)/;
function withoutMessageHeads(file: string, raw: Line[], result: ReadLines): Line[] {
  const heads = raw.filter((r) => MESSAGE_HEAD.test(r.text));
  if (heads.length < 3) return raw;
  result.warnings.push({ file, line: heads[0]!.line, reason: `a chat export's head on ${heads.length} lines, first here: taken off`, text: excerpt(MESSAGE_HEAD.exec(heads[0]!.text)![0]) });
  return raw.map((r) => ({ ...r, text: r.text.replace(MESSAGE_HEAD, '') }));
}

/** Lines before the copied page's own header (a shell prompt, a note typed above the paste): outside the listing, each said. */
function dropBeforePage(file: string, result: ReadLines): void {
  for (const l of result.lines) {
    result.warnings.push({ file, line: l.line, reason: "stands before the copied page's header (a note, a prompt, a mail's lines?): not read", text: excerpt(l.text) });
    result.roles.set(l.line, 'outside cards');
  }
  result.lines = [];
}

/**
 * An org-mode file's own markup: `#+` keyword and block lines, drawers (`:LOGBOOK:` … `:END:`; a
 * PROPERTIES drawer's properties are the card's fields and stay), a date
 * tree's headings (`*** 2024-11-22 Friday`), and on a headline the TODO keywords the file declares
 * (`#+TODO: TODO READING | READ`) and its tags (`:neuro:theory:`). Org's, never a card's.
 */
const ORG_KEYWORD_LINE = /^\s*#\+/;
const ORG_TODO_LINE = /^\s*#\+(?:SEQ_|TYP_)?TODO:(.*)$/i;
const ORG_DRAWER = /^\s*:[A-Z][A-Z_-]*:\s*$/;
const ORG_DATE_HEADING = /^\*+\s+\d{4}(?:-\d{2}(?:-\d{2})?)?(?:\s+\p{L}+)?\s*$/u;
const ORG_TAGS = /^:[\p{L}\d_@#%]+(?::[\p{L}\d_@#%]+)*:$/u;
/** A headline's last word when it is its tags (`:neuro:theory:`): looked at alone, so no run of spaces is scanned twice. */
function withoutOrgTags(text: string): string {
  const trimmed = text.trimEnd();
  const space = trimmed.lastIndexOf(' ');
  return space > 0 && ORG_TAGS.test(trimmed.slice(space + 1)) ? trimmed.slice(0, space).trimEnd() : text;
}
function withoutOrgMarkup(raw: Line[], result: ReadLines): Line[] {
  if (!raw.some((r) => ORG_KEYWORD_LINE.test(r.text))) return raw;
  const keywords = new Set(['TODO', 'DONE']);
  for (const r of raw) for (const word of ORG_TODO_LINE.exec(r.text)?.[1]?.split(/\s+/) ?? []) if (/^\p{Lu}+$/u.test(word)) keywords.add(word);
  const headline = new RegExp(`^(\\*+\\s+)(?:(?:${[...keywords].join('|')})\\s+)?`, 'u');
  // A drawer's lines are org's own (a LOGBOOK's state changes), but for PROPERTIES: the card's fields.
  let drawer = false;
  return raw.map((r) => {
    const markup = (drawer && !/^\*+\s/.test(r.text)) || ORG_KEYWORD_LINE.test(r.text) || ORG_DRAWER.test(r.text) || ORG_DATE_HEADING.test(r.text);
    if (ORG_DRAWER.test(r.text)) drawer = !/^\s*:(?:END|PROPERTIES):\s*$/.test(r.text);
    // A drawer never holds a headline: one that was never closed ends there.
    if (/^\*+\s/.test(r.text)) drawer = false;
    if (markup) {
      result.ignored['org markup'] = (result.ignored['org markup'] ?? 0) + 1;
      result.roles.set(r.line, 'furniture (org markup)');
      return { ...r, text: '' };
    }
    return headline.test(r.text) ? { ...r, text: withoutOrgTags(r.text.replace(headline, '$1')) } : r;
  });
}

/**
 * A translation a browser extension puts under each line of the page (Immersive Translate's
 * bilingual view): a line in another script right under a line in Latin letters, throughout the
 * file. The page is the Latin text; the translations are the copy's, said once and not read.
 */
const latinShare = (text: string) => {
  // Most lines are ASCII: their letters are all Latin, and nothing is counted.
  if (!/[^\x00-\x7F]/.test(text)) return /[A-Za-z]/.test(text) ? 1 : undefined;
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  return letters === 0 ? undefined : (text.match(/\p{Script=Latin}/gu)?.length ?? 0) / letters;
};
function withoutTranslations(file: string, raw: Line[], result: ReadLines): Line[] {
  const translations = new Set<number>();
  raw.forEach((r, i) => {
    const above = i > 0 ? latinShare(raw[i - 1]!.text) : undefined;
    const here = latinShare(r.text);
    // A translation says what the line above says: not far shorter (a label or a field typed under an abstract is).
    const ratio = i > 0 ? r.text.length / Math.max(1, raw[i - 1]!.text.length) : 0;
    if (above !== undefined && above > 0.9 && here !== undefined && here < 0.5 && ratio >= 0.15 && ratio <= 1.5 && !isField(r.text)) translations.add(i);
  });
  // In a bilingual view every line in the other script stands under its source; in a page translated
  // whole, most (its abstracts, the titles under an organisation's line) do not.
  if (translations.size < 3) return raw;
  const otherScript = raw.filter((r) => (latinShare(r.text) ?? 1) < 0.5 && !isField(r.text)).length;
  if (translations.size < otherScript * 0.8) return raw;
  const first = raw[Math.min(...translations)]!;
  result.warnings.push({
    file,
    line: first.line,
    reason: `a line in another script under ${translations.size} lines of the page, first here (a translation a browser extension adds?): not read`,
    text: excerpt(first.text),
  });
  return raw.map((r, i) => {
    if (!translations.has(i)) return r;
    result.roles.set(r.line, 'extra');
    return { ...r, text: '' };
  });
}

/** Reads a dump's lines (see the file comment). Pure; never throws on content. */
export function readLines(file: string, text: string): ReadLines {
  const result: ReadLines = { format: 'bare', lines: [], warnings: [], rejected: [], ignored: {}, roles: new Map() };
  let raw = splitLines(text).map((t, i) => ({ line: i + 1, text: t }));
  let mojibake: { line: number; count: number } | undefined;
  for (const r of raw) {
    if (r.text.length > MAX_LINE) {
      result.warnings.push({ file, line: r.line, reason: `line of ${r.text.length} characters cut to ${MAX_LINE}`, text: excerpt(r.text) });
      r.text = r.text.slice(0, MAX_LINE);
    }
    const { text: repaired, repaired: count } = repairMojibake(r.text);
    if (count > 0) {
      mojibake = { line: mojibake?.line ?? r.line, count: (mojibake?.count ?? 0) + count };
      r.text = repaired;
    }
  }
  if (mojibake) {
    result.warnings.push({ file, line: mojibake.line, reason: `UTF-8 text once shown as Windows-1252 (\`â€¢\` for \`•\`): ${mojibake.count} characters repaired, first on this line`, text: '' });
  }
  // A table (a spreadsheet saved as TSV or CSV, a Markdown table) has one row a card: each cell a line.
  const table = readTable(raw);
  if (table) {
    raw = table.lines;
    if (table.headerLine !== undefined) {
      result.ignored.header = (result.ignored.header ?? 0) + 1;
      result.roles.set(table.headerLine, 'furniture (header)');
    }
  }
  // Quote marks on several lines are the copy's (a mail reply, a notes app's quoted abstracts).
  const quoted = raw.filter((r) => /^\s*>(?:\s|>|$)/.test(r.text)).length >= 2;
  if (quoted) raw = unquote(file, raw, result);
  raw = withoutTranslations(file, withoutOrgMarkup(withoutMessageHeads(file, raw, result), result), result);
  const wrap = wrapWidth(raw.map((r) => r.text.trimEnd()));
  if (wrap !== undefined) raw = joinWrapped(raw, wrap);

  // In Markdown (links, or several headings) `# ` is a heading's; in a text copy it may be a title's own text.
  const markdown = raw.some((r) => r.text.includes('](') && r.text.trimEnd().endsWith(')')) || raw.filter((r) => HEADING.test(r.text)).length >= 2;
  result.format = formatOf(raw.map((r) => r.text));
  const splitRows = result.format === 'page';
  const invisible: number[] = [];
  let inHeader = true;
  let pageStarted = false;
  for (const { line, text: rawText } of raw) {
    if (isBinaryJunk(rawText)) {
      result.rejected.push({ file, line, reason: 'binary junk, not text', text: excerpt(rawText) });
      result.roles.set(line, 'rejected');
      continue;
    }
    if (hasInvisibleCharacters(rawText)) invisible.push(line);
    // A bare dump has no rows of fields: `Keynote · Oct 3` may be its title.
    for (const clean of rowFields(rawText, splitRows, markdown)) {
      if (clean === '') continue;
      const furniture = furnitureKind(clean);
      if (furniture) {
        result.ignored[furniture] = (result.ignored[furniture] ?? 0) + 1;
        result.roles.set(line, `furniture (${furniture})`);
        if (furniture === 'header') {
          inHeader = true;
          if (!pageStarted) dropBeforePage(file, result);
          pageStarted = true;
        }
        continue;
      }
      const date = parseDateLine(clean);
      if (inHeader && date && isBareDay(date)) {
        result.roles.set(line, 'header day');
        const seen = result.capturedOn;
        if (!seen) result.capturedOn = { month: date.month, day: date.day };
        else if (seen.month !== date.month || seen.day !== date.day) {
          result.warnings.push({ file, line, reason: 'a repeated page header shows another capture day: the first one is used', text: clean });
        }
        continue;
      }
      // Glued header phrases are stripped wherever they stand: a stray line may come before them.
      const stripped = stripGluedHeader(clean);
      // A label (`View PDF`) among the header's lines does not end the header.
      if (shapeOf(clean).kind !== 'label') inHeader = false;
      if (stripped !== '') result.lines.push({ line, text: stripped });
      // An abstract before any page header: the header, if one comes, is a second copy's or a stray.
      if (stripped.length > 200 || looksLikeAbstract(stripped)) pageStarted = true;
    }
  }
  if (invisible.length > 0) {
    const where = invisible.length === 1 ? 'this line' : `${invisible.length} lines, first here`;
    result.warnings.push({ file, line: invisible[0]!, reason: `invisible characters (zero-width spaces or joiners, soft hyphens, direction marks) removed from ${where}`, text: '' });
  }
  return result;
}
