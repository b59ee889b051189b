/**
 * Reads the `@font-face` rules that Fontsource packages ship, so the card renderer can find which
 * WOFF file of a split font (Inter per script, Noto Sans SC in ~100 slices) holds a character.
 */

export type CodeRange = readonly [from: number, to: number];

export interface FontFace {
  family: string;
  weight: number;
  style: string;
  /** The `.woff` file (satori cannot read WOFF2), relative to the CSS file. */
  woff: string;
  ranges: CodeRange[];
}

/** `U+0460-052F,U+20B4,U+4??` → code point ranges. */
export function parseUnicodeRange(value: string): CodeRange[] {
  return value
    .split(',')
    .map((part) => part.trim().replace(/^U\+/i, ''))
    .filter(Boolean)
    .map((part): CodeRange => {
      if (part.includes('?')) return [parseInt(part.replace(/\?/g, '0'), 16), parseInt(part.replace(/\?/g, 'f'), 16)];
      const [from, to = from] = part.split('-') as [string, string?];
      return [parseInt(from, 16), parseInt(to, 16)];
    });
}

export function inRanges(codePoint: number, ranges: readonly CodeRange[]): boolean {
  return ranges.some(([from, to]) => codePoint >= from && codePoint <= to);
}

const FACE = /@font-face\s*{([^}]*)}/g;

function declaration(block: string, name: string): string | undefined {
  return new RegExp(`${name}\\s*:\\s*([^;]+);`).exec(block)?.[1]?.trim();
}

/** Every `@font-face` rule of a stylesheet that offers a WOFF file. */
export function parseFontFaces(css: string): FontFace[] {
  const faces: FontFace[] = [];
  for (const [, block] of css.matchAll(FACE)) {
    const woff = /url\(\s*['"]?([^'")]+\.woff)['"]?\s*\)\s*format\(\s*['"]woff['"]\s*\)/.exec(block!)?.[1];
    if (!woff) continue;
    const range = declaration(block!, 'unicode-range');
    faces.push({
      family: (declaration(block!, 'font-family') ?? '').replace(/^['"]|['"]$/g, ''),
      weight: Number(declaration(block!, 'font-weight') ?? 400),
      style: declaration(block!, 'font-style') ?? 'normal',
      woff,
      ranges: range ? parseUnicodeRange(range) : [[0, 0x10ffff]],
    });
  }
  return faces;
}
