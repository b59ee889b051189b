/**
 * Step 5: every card read by the template. Each gap is aligned with the template's places; what
 * matches a place before the split ends the card before, what matches one after it starts the card
 * after. A line that fits no place, and a place a card lacks, are departures from the file's
 * layout, reported at their line.
 */
import { align } from './align.ts';
import type { Cut, ShapedLine } from './cards.ts';
import { type Template, titlePlace } from './template.ts';

export interface CardLines {
  /** Lines at each place of the template, by place index. */
  at: Map<number, ShapedLine>;
  /** Places of the template this card has no line for. */
  missing: number[];
  /** Text lines where the title stands: the title, then any short paragraphs that open the abstract. */
  titleZone: ShapedLine[];
  abstract: ShapedLine[];
  /** Short lines after the abstract, before the fields, read as its last paragraphs (a guess, warned). */
  closing: ShapedLine[];
  /** Lines of this card that fit no place. */
  extra: ShapedLine[];
  /** Whether the card's end was in the file at all (the last card of a cut-off copy has none). */
  ended: boolean;
}

export interface ReadCards {
  cards: CardLines[];
  /** Lines before the first card and after the last one. */
  outside: ShapedLine[];
  /** The lines found at each place, over all cards, for the template's roles. */
  values: ShapedLine[][];
}

const newCard = (abstract: ShapedLine[]): CardLines => ({ at: new Map(), missing: [], titleZone: [], abstract, closing: [], extra: [], ended: true });

/** How many cards' fields a gap holds: one, or more where cards between two abstracts lost theirs. */
function cyclesIn(gap: ShapedLine[], places: Template['places']): number {
  if (places.filter((p) => p.cls === 'date' && !p.optional).length !== 1) return 1;
  return Math.min(8, Math.max(1, gap.filter((l) => l.cls === 'date').length));
}

export function readCards(cut: Cut, template: Omit<Template, 'roles'>): ReadCards {
  const { places, split, learned } = template;
  const n = places.length;
  const titleAt = titlePlace(places, split);
  const abstractCards = cut.abstracts.map(newCard);
  const cards: CardLines[] = [];
  const outside: ShapedLine[] = [];
  const values: ShapedLine[][] = places.map(() => []);
  const last = cut.gaps.length - 1;
  const edge = learned ? 0.5 : 1.5;

  cut.gaps.forEach((gap, g) => {
    const before = g > 0 ? abstractCards[g - 1] : undefined;
    const after = g < last ? abstractCards[g] : undefined;
    // The first gap holds only the first card's start; the last, only the last card's end. A gap
    // holding several cards' fields holds cards that lost their abstracts: each is a card of its own.
    const cycles = before && after ? cyclesIn(gap, places) : 1;
    const between = Array.from({ length: cycles - 1 }, () => newCard([]));
    const from = before ? 0 : split;
    const to = after ? (cycles - 1) * n + n : split;
    const target = Array.from({ length: to - from }, (_, k) => places[(k + from) % n]!);
    const { steps } = align(
      gap.map((l) => l.cls),
      target,
      { ...(before ? {} : { leading: edge }), ...(after ? {} : { trailing: edge }) },
    );
    /** The card a place of the aligned cycles belongs to. */
    const cardAt = (q: number) => {
      const cycle = Math.floor(q / n);
      if (q % n < split) return cycle === 0 ? before : between[cycle - 1];
      return cycle === cycles - 1 ? after : between[cycle];
    };
    let side = before;
    const lastPlace = steps.findLastIndex((step) => step.place !== null);
    let matched = false;
    let postStarted = false;
    let afterTitle = false;
    steps.forEach((step, k) => {
      const q = step.place === null ? null : step.place + from;
      if (q !== null) side = cardAt(q);
      if (step.line === null) {
        if (q !== null) cardAt(q)?.missing.push(q % n);
        return;
      }
      const line = gap[step.line]!;
      if (q !== null) {
        matched = true;
        if (side === before) postStarted = true;
        afterTitle = q % n === titleAt;
        if (afterTitle) side!.titleZone.push(line);
        else {
          side!.at.set(q % n, line);
          values[q % n]!.push(line);
        }
        return;
      }
      // An extra line: a short paragraph opening the abstract after the title, a header or footer
      // outside every card, or a departure from the layout.
      const trailingFooter = !after && k > lastPlace;
      if (afterTitle && line.cls === 'text') side!.titleZone.push(line);
      // Short text right after an abstract, before the card's fields, closes the abstract (`Keywords: …`).
      else if (before && split > 0 && side === before && !postStarted && line.cls === 'text') {
        before.abstract.push(line);
        before.closing.push(line);
      } else if ((!before && !matched) || trailingFooter) outside.push(line);
      else (side ?? after ?? before)!.extra.push(line);
    });
    // The last card ends with its fields (a byline, a date); where the layout has none after the abstract, it may end at it.
    if (!after && before && !matched && places.slice(0, split).some((p) => !p.optional && !p.cls.startsWith('label:') && p.cls !== 'text')) before.ended = false;
    // The text right before the first title may be the title as well as a heading: the title's
    // choice (entries.ts) sees them all and names the one it does not take.
    if (!before && after && after.titleZone.length > 0) {
      let k = gap.indexOf(after.titleZone[0]!);
      while (k > 0 && gap[k - 1]!.cls === 'text' && outside.at(-1) === gap[k - 1]) after.titleZone.unshift(outside.pop()!), k--;
    }
    cards.push(...between);
    if (after) cards.push(after);
  });
  return { cards, outside, values };
}
