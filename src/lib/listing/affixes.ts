/**
 * What a way of copying puts before every title (`Paper page - `, lynx's `[9]`, a chat export's
 * `30/05/2024, 10:42 - Anna: `): learned from the file as the start all its titles share, digits
 * aside, up to a separator. A start of words that titles merely share (`Learning `) is no such
 * thing: it must hold a mark that is neither a letter nor a space.
 */

/** Digits as one class, and what brackets hold as another, so `[9]` and `[10]`, `[Anna] [10:42]` and `[Ben] [9:05]` share a start. */
const shapeOfStart = (text: string) => text.replace(/\[[^\]]{0,40}\]/g, '[]').replace(/\d+/g, '0');

/** The pattern every title starts with, if there is one worth taking off. */
export function commonStart(titles: string[]): RegExp | undefined {
  if (titles.length < 2) return undefined;
  // A start worth taking off is short: an abstract is not looked at past its first words.
  const shapes = titles.map((text) => shapeOfStart(text.slice(0, 120)));
  let common = shapes[0]!;
  for (const shape of shapes.slice(1)) {
    let n = 0;
    while (n < common.length && n < shape.length && common[n] === shape[n]) n++;
    common = common.slice(0, n);
  }
  // Only up to a separator: a mark followed by a space, or a closing bracket.
  const start = common.slice(0, lastSeparatorEnd(common));
  if (start.trim() === '' || !/[^\p{L}\s]/u.test(start)) return undefined;
  const pattern = start
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/0/g, '\\d+')
    .replace(/\\\[\\\]/g, '\\[[^\\]]{0,40}\\]');
  return new RegExp(`^${pattern}`, 'u');
}

/** Where the last separator of a shared start ends: after `- `, `: `, `] `, `]`. */
function lastSeparatorEnd(common: string): number {
  let end = 0;
  for (const m of common.matchAll(/(?:[:>|\-–—•·]\s+|\]\s*|\)\s+)/g)) end = m.index + m[0].length;
  return end;
}

/**
 * What a way of copying puts after every abstract (Readwise's ` (View Highlight)`): the end they all
 * share, from a space on, short beside them and holding a bracket. A sentence's own end that
 * abstracts merely share (`the results.`) is no such thing, nor is an abstract a copy holds twice.
 */
export function commonEnd(texts: string[]): string | undefined {
  if (texts.length < 2) return undefined;
  let common = texts[0]!;
  for (const text of texts.slice(1)) {
    let n = 0;
    while (n < common.length && n < text.length && common[common.length - 1 - n] === text[text.length - 1 - n]) n++;
    common = common.slice(common.length - n);
  }
  const shortest = Math.min(...texts.map((t) => t.length));
  // An abstract shared whole (a paper copied twice) is no mark of the copy's.
  if (common.length >= shortest) return undefined;
  // From the last space before the first bracket: `results. (View Highlight)` leaves `results.` to the abstract.
  const bracket = common.search(/[()[\]<>{}|]/);
  const start = bracket < 0 ? -1 : common.lastIndexOf(' ', bracket);
  const end = start < 0 ? '' : common.slice(start);
  return end.length > 1 && end.length <= 40 && end.length * 2 < shortest && /[()[\]<>{}|]/.test(end) ? end : undefined;
}
