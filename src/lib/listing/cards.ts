/**
 * Step 3: the file cut into cards. Every card has one abstract, the one field no layout leaves out
 * and no other field looks like, so the abstracts cut the file: what stands between two abstracts
 * (a gap) is the end of one card and the start of the next. Which lines end one card and which start
 * the next is decided by the template (template.ts), not here.
 */
import type { LineClass } from './align.ts';
import type { Line } from './lines.ts';
import { MORE_AUTHORS_LINE, type Shape, isFieldShape, isName, looksLikeAbstract, shapeOf } from './shapes.ts';

export interface ShapedLine extends Line {
  shape: Shape;
  cls: LineClass;
}

export interface Cut {
  /** Abstract paragraphs, one run per card. */
  abstracts: ShapedLine[][];
  /** gaps[0] is before the first abstract, gaps[i] between abstracts i-1 and i, the last after the last one. */
  gaps: ShapedLine[][];
}

/** A paragraph that cannot start a card: a title does not end in a colon, semicolon or comma, and an abstract's paragraphs often do. */
export const continuesParagraph = (text: string) => /[:;,]$/.test(text);

/**
 * Lines as the alignment sees them. A short line that stands unchanged in a good share of the cards
 * is a label of the copy's own, furniture the reader has not been told about.
 */
/** `+3 authors` after names one to a line (a page's author chips): one byline, as the row would read. */
function joinNameChips(lines: Line[]): Line[] {
  const out: Line[] = [];
  for (const line of lines) {
    let start = out.length;
    if (MORE_AUTHORS_LINE.test(line.text)) while (start > 0 && isName(out[start - 1]!.text)) start--;
    if (start === out.length) out.push(line);
    else
      out.push({
        line: out[start]!.line,
        text: `${out
          .splice(start)
          .map((l) => l.text)
          .join(', ')} ${line.text}`,
      });
  }
  return out;
}

export function classify(lines: Line[], fielded: boolean): ShapedLine[] {
  const shaped = joinNameChips(lines).map((l) => ({ ...l, shape: shapeOf(l.text) }));
  // About one abstract a card: a label stands in a good share of them, an organisation's name in few.
  const cards = shaped.filter((l, i) => l.shape.kind === 'long' && shaped[i - 1]?.shape.kind !== 'long').length;
  const often = cards >= 3 ? Math.max(3, cards * 0.3) : Number.POSITIVE_INFINITY;
  const seen = new Map<string, number>();
  const key = (text: string) => text.toLowerCase();
  for (const l of shaped) if (l.shape.kind === 'text') seen.set(key(l.text), (seen.get(key(l.text)) ?? 0) + 1);
  // Only a file without a single long paragraph has its abstracts in short lines.
  const shortAbstracts = fielded && !shaped.some((l) => l.shape.kind === 'long');
  return shaped.map((l, i) => {
    if (l.shape.kind === 'long' && titleAfterAll(l, abstractAfter(shaped, i))) return { ...l, shape: { kind: 'text', sentences: true }, cls: 'text' };
    if (l.shape.kind === 'text' && (fielded ? shortAbstracts && opensShortAbstract(shaped, i) : answersTitle(shaped, i))) return { ...l, shape: { kind: 'long' }, cls: 'text' };
    if (l.shape.kind === 'label') return { ...l, cls: `label:${l.shape.label.toLowerCase()}` as LineClass };
    if (l.shape.kind === 'text' && seen.get(key(l.text))! >= often) return { ...l, cls: `label:${key(l.text)}` as LineClass };
    return { ...l, cls: l.shape.kind === 'long' ? 'text' : (l.shape.kind as LineClass) };
  });
}

/**
 * A short line that reads like two sentences (`Why Does X Work? A Study.`) is still a title when it
 * opens a card and a much longer abstract follows it.
 */
/**
 * The line after `i`, or, where line `i` opens a card (no text before it), the one after that past
 * a stray word or two (a note between a title and its abstract).
 */
function abstractAfter(lines: { shape: Shape; text: string }[], i: number): Line | undefined {
  const next = lines[i + 1] as Line | undefined;
  const opensCard = lines[i - 1]?.shape.kind !== 'text' && lines[i - 1]?.shape.kind !== 'long';
  const stray = opensCard && next && next.text.length <= 30 && next.text.split(' ').length <= 4 && lines[i + 1]!.shape.kind !== 'long';
  return stray ? (lines[i + 2] as Line | undefined) : next;
}

function titleAfterAll(line: Line, next: Line | undefined): boolean {
  return next !== undefined && line.text.length <= 200 && looksLikeAbstract(next.text) && next.text.length >= 3 * line.text.length;
}

/**
 * An abstract of short paragraphs (a one-line abstract, code quoted in one) has no long line to
 * find it by: in a file of cards with fields and no long paragraph anywhere, the text lines after
 * the title up to the next field are its.
 */
function opensShortAbstract(lines: { shape: Shape }[], i: number): boolean {
  if (lines[i - 1]?.shape.kind !== 'text') return false;
  let end = i;
  while (lines[end]?.shape.kind === 'text') end++;
  const next = lines[end]?.shape.kind;
  // A byline ends it: a models list's `Text Generation • Updated …` row is no card.
  return next === 'byline';
}

/** In a bare dump, a sentence after a title is its abstract, however short. */
const answersTitle = (lines: { shape: Shape; text: string }[], i: number) => lines[i - 1]?.shape.kind === 'text' && /[.!?…]["'”)\]]?$/.test(lines[i]!.text) && lines[i + 1]?.shape.kind !== 'long';

/**
 * Cuts the lines at the abstracts. In a file whose cards have fields (dates, bylines), short lines
 * between two paragraphs with no field beside them are paragraphs of the abstract when none can
 * open a card (each ends in a colon); otherwise they open a card that lost its fields, as real
 * copies have (and the template says so).
 */
export function cutAtAbstracts(lines: ShapedLine[], fielded: boolean): Cut {
  const abstracts: ShapedLine[][] = [];
  const gaps: ShapedLine[][] = [[]];
  for (const line of lines) {
    const long = line.shape.kind === 'long';
    const gap = gaps[gaps.length - 1]!;
    if (!long) {
      gap.push(line);
      continue;
    }
    const joinsAbstract = abstracts.length > 0 && gap.length > 0 && fielded && gap.every((l) => !isFieldShape(l.shape) && continuesParagraph(l.text));
    // A bare dump has one line an abstract: a second in a row is an abstract without its title.
    if (gap.length === 0 && abstracts.length > 0 && fielded) {
      abstracts[abstracts.length - 1]!.push(line);
    } else if (joinsAbstract) {
      abstracts[abstracts.length - 1]!.push(...gap.splice(0), line);
    } else {
      abstracts.push([line]);
      gaps.push([]);
    }
  }
  return { abstracts, gaps };
}
