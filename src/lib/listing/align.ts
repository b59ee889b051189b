/**
 * Aligning a run of lines with a card template's places (the edit distance of two short sequences):
 * each line matches a place, or is extra; each place is matched, or missing. Used to learn the
 * template from the cards (template.ts) and to read every card by it (cards.ts).
 */

/** What a line is, as far as aligning it goes: its shape's kind, or a learned label's text. */
export type LineClass = 'date' | 'separator' | 'byline' | 'number' | 'text' | `label:${string}`;

export interface Place {
  cls: LineClass;
  /** A place some cards leave out (an optional upvote count): missing it is no departure. */
  optional: boolean;
}

export type Step = { line: number; place: number } | { line: number; place: null } | { line: null; place: number };

/** Lines longer than this are matched as extras without being aligned: no gap stalls the reader. */
export const MAX_ALIGNED = 48;

/** How far one class may stand in for another: an organisation in a byline's place, a title `2048` in a title's. */
function substitution(line: LineClass, place: LineClass): number {
  if (line === place) return 0;
  // A title that is a number (`2048`) stands in only where no line fits better: dearer than an extra line.
  if (place === 'text' && line === 'number') return 2;
  if (place === 'text' && line === 'byline') return 1;
  if (place === 'byline' && line === 'text') return 1;
  return Number.POSITIVE_INFINITY;
}

export interface AlignOptions {
  /** Cost of each line before the first matched place (a file's header): free where the template is learned. */
  leading?: number;
  /** Cost of each line after the last matched place (a file's footer). */
  trailing?: number;
}

const EXTRA = 1.5;
const MISSING = 1;
const MISSING_OPTIONAL = 0.1;
/** A card always has its title: a line of any class stands in for it before the title goes missing. */
const MISSING_TEXT = 2.5;

/**
 * The cheapest alignment of `lines` with `places`. Ties go to matching a line as early as possible,
 * so the first text line after a card's fields is its title and later ones open its abstract.
 */
export function align(lines: readonly LineClass[], places: readonly Place[], options: AlignOptions = {}): { cost: number; steps: Step[] } {
  const n = Math.min(lines.length, MAX_ALIGNED);
  const m = places.length;
  const leading = options.leading ?? EXTRA;
  const trailing = options.trailing ?? EXTRA;
  // cost[i][j]: lines i.. against places j..; computed backwards so ties prefer early matches.
  const cost: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  // A line before the first place is the file's header; one after the last, its footer.
  const extraAt = (j: number) => (j === m ? trailing : j === 0 ? leading : EXTRA);
  const missing = (j: number) => (places[j]!.optional ? MISSING_OPTIONAL : places[j]!.cls === 'text' ? MISSING_TEXT : MISSING);
  for (let i = n; i >= 0; i--) {
    for (let j = m; j >= 0; j--) {
      if (i === n && j === m) continue;
      let best = Number.POSITIVE_INFINITY;
      if (i < n && j < m) best = Math.min(best, substitution(lines[i]!, places[j]!.cls) + cost[i + 1]![j + 1]!);
      if (j < m) best = Math.min(best, missing(j) + cost[i]![j + 1]!);
      if (i < n) best = Math.min(best, extraAt(j) + cost[i + 1]![j]!);
      cost[i]![j] = best;
    }
  }
  const steps: Step[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    const here = cost[i]![j]!;
    if (i < n && j < m && substitution(lines[i]!, places[j]!.cls) + cost[i + 1]![j + 1]! === here) steps.push({ line: i++, place: j++ });
    else if (j < m && missing(j) + cost[i]![j + 1]! === here) steps.push({ line: null, place: j++ });
    else steps.push({ line: i++, place: null });
  }
  for (let k = n; k < lines.length; k++) steps.push({ line: k, place: null });
  return { cost: cost[0]![0]!, steps };
}
