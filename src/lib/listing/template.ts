/**
 * Step 4: the file's card template, learned from the file. The lines between two abstracts (a gap)
 * are the end of one card and the start of the next, in one order every card repeats: the most
 * common gap is the template, a place that some cards add or leave out in numbers is optional, and
 * the file's two ends say where one card ends and the next begins (the first card has no card
 * before it, the last none after it). Each place's role then follows from the values it holds.
 */
import { type Place, align } from './align.ts';
import type { Cut, ShapedLine } from './cards.ts';
import type { PlaceRole } from './types.ts';

export interface Template {
  /** The places of a gap, in order: places[0..split) end a card, places[split..] start the next. */
  places: Place[];
  split: number;
  /** Learned from the file's own cards, or the page's own layout for a file of too few cards to tell. */
  learned: boolean;
  roles: PlaceRole[];
}

const place = (cls: Place['cls'], optional = false): Place => ({ cls, optional });
/** The Daily Papers page's own card: title, abstract, byline, dot, date (an upvote count may follow). */
const PAGE_LAYOUT: Place[] = [place('byline'), place('separator'), place('date'), place('number', true), place('text')];
const PAGE_SPLIT = 4;
const BARE_LAYOUT: Place[] = [place('text')];

const classes = (gap: ShapedLine[]) => gap.map((l) => l.cls);
/**
 * How often something must recur among the cards to be part of the layout rather than a departure:
 * a line that some cards add (an upvote count only voted papers show) in a few of them; a place
 * that cards leave out, in a good share (fewer are cards that lost a line, and are warned about).
 */
const addedOften = (count: number, cards: number) => count >= 2 && count >= cards * 0.05;
const leftOutOften = (count: number, cards: number) => count >= 2 && count >= cards * 0.2;

/** The most common gap, if at least two cards share it. */
function commonGap(gaps: ShapedLine[][]): Place[] | undefined {
  const counts = new Map<string, { n: number; gap: ShapedLine[] }>();
  for (const gap of gaps) {
    const key = classes(gap).join(' ');
    const seen = counts.get(key);
    if (seen) seen.n++;
    else counts.set(key, { n: 1, gap });
  }
  const best = [...counts.values()].sort((a, b) => b.n - a.n)[0];
  return best && best.n >= 2 && best.gap.length > 0 ? best.gap.map((l) => place(l.cls)) : undefined;
}

/** The common gap with what other cards add (an optional place) or leave out (made optional). */
function withOptionalPlaces(base: Place[], gaps: ShapedLine[][]): Place[] {
  const added = new Map<string, number>();
  const missing = new Array<number>(base.length).fill(0);
  for (const gap of gaps) {
    const { steps } = align(classes(gap), base);
    const seen = new Set<string>();
    let next = 0;
    for (const step of steps) {
      if (step.place !== null) next = step.place + 1;
      if (step.line !== null && step.place === null) seen.add(`${next} ${gap[step.line]!.cls}`);
      if (step.line === null && step.place !== null) missing[step.place]!++;
    }
    for (const key of seen) added.set(key, (added.get(key) ?? 0) + 1);
  }
  const places = base.map((p, i) => ({ ...p, optional: leftOutOften(missing[i]!, gaps.length) }));
  // Inserted back to front, so each insertion's index still points into the base layout.
  const inserts = [...added].filter(([, n]) => addedOften(n, gaps.length)).map(([key]) => key.split(' ') as [string, Place['cls']]);
  for (const [at, cls] of inserts.sort((a, b) => Number(b[0]) - Number(a[0]))) places.splice(Number(at), 0, place(cls, true));
  return places;
}

/**
 * Where a card ends and the next begins: the split that best explains both ends of the file, the
 * first card's start (its header may hold anything) and the last card's end (so may its footer).
 * A tie goes to the later split, the page's own order: what follows a card's date is still its own.
 */
function chooseSplit(places: Place[], first: ShapedLine[], last: ShapedLine[], learned: boolean): number {
  const lastText = places.map((p) => p.cls).lastIndexOf('text');
  const edge = learned ? 0.5 : 1.5;
  let best = { split: Math.max(0, lastText), cost: Number.POSITIVE_INFINITY };
  for (let split = 0; split <= lastText; split++) {
    const start = align(classes(first), places.slice(split), { leading: edge });
    const end = align(classes(last), places.slice(0, split), { trailing: edge });
    if (start.cost + end.cost <= best.cost) best = { split, cost: start.cost + end.cost };
  }
  return best.split;
}

/** How many of a file's distinct gaps are tried as its layout when no gap repeats. */
const CANDIDATES = 3;

/**
 * Where no gap repeats (a few cards, one of them with an extra line), the layout is the one that
 * explains the whole file at least cost: the page's own, or one of the file's own gaps with what
 * the others add or leave out. A copy of three cards in a layout nobody listed is read by its own
 * layout, and a seed-like copy of three cards still by the page's.
 */
function bestExplaining(cut: Cut, inner: ShapedLine[][]): Omit<Template, 'roles'> {
  const [first, last] = [cut.gaps[0]!, cut.gaps[cut.gaps.length - 1]!];
  // A layout has a title and a field; two cards (one gap) are too few to learn one from.
  const distinct = new Map<string, ShapedLine[]>();
  if (inner.length >= 2) for (const gap of inner) if (gap.some((l) => l.cls === 'text') && gap.some((l) => l.cls !== 'text')) distinct.set(classes(gap).join(' '), gap);
  const candidates = [
    { places: PAGE_LAYOUT, learned: false },
    ...[...distinct.values()].slice(0, CANDIDATES).map((gap) => ({
      places: withOptionalPlaces(
        gap.map((l) => place(l.cls)),
        inner,
      ),
      learned: true,
    })),
  ];
  let best: (Omit<Template, 'roles'> & { cost: number }) | undefined;
  for (const { places, learned } of candidates) {
    const split = learned ? chooseSplit(places, first, last, true) : PAGE_SPLIT;
    // The file's ends are scored alike for every candidate: a layout learned from one gap must not
    // win by calling the lines it cannot place a header or a footer.
    const cost = inner.reduce((sum, gap) => sum + align(classes(gap), places).cost, 0) + align(classes(first), places.slice(split)).cost + align(classes(last), places.slice(0, split)).cost;
    // A tie goes to the page's own layout, tried first.
    if (!best || cost < best.cost) best = { places, split, learned, cost };
  }
  return { places: best!.places, split: best!.split, learned: best!.learned };
}

export function learnTemplate(cut: Cut, fielded: boolean): Omit<Template, 'roles'> {
  if (!fielded) return { places: BARE_LAYOUT, split: 0, learned: true };
  const inner = cut.gaps.slice(1, -1);
  const common = commonGap(inner);
  if (common === undefined || !common.some((p) => p.cls === 'text')) return bestExplaining(cut, inner);
  const places = withOptionalPlaces(common, inner);
  return { places, split: chooseSplit(places, cut.gaps[0]!, cut.gaps[cut.gaps.length - 1]!, true), learned: true };
}

/**
 * The title's place: the last text place before the abstract that no label names (the place after
 * `Submitted by` holds a user name, wherever the card puts it).
 */
export function titlePlace(places: Place[], split: number): number {
  for (let i = places.length - 1; i >= split; i--) if (places[i]!.cls === 'text' && places[i - 1]?.cls !== 'label:submitted by') return i;
  return -1;
}

/** Whether most values at a place carry something: upvotes on the date line, a unit on a count. */
const most = (values: ShapedLine[], test: (l: ShapedLine) => boolean) => values.length > 0 && values.filter(test).length * 2 >= values.length;

/**
 * The role of each place, from where it stands and what it holds in every card (`values[i]`: the
 * lines found at place i). The title is the last text place before the abstract; a text place after
 * a `Submitted by` label names the submitter; a count takes its unit's role, or stands for upvotes
 * before the title and after a date without them, and for comments after a date that has them.
 */
export function assignRoles(template: Omit<Template, 'roles'>, values: ShapedLine[][]): PlaceRole[] {
  const { places, split } = template;
  const titleAt = titlePlace(places, split);
  const dateAt = places.findIndex((p) => p.cls === 'date');
  const datesHaveUpvotes = dateAt >= 0 && most(values[dateAt]!, (l) => l.shape.kind === 'date' && l.shape.date.upvotes !== undefined);
  const unitOf = (i: number) => {
    const units = values[i]!.map((l) => (l.shape.kind === 'number' ? l.shape.unit : undefined));
    const unit = units.find((u) => u !== undefined);
    return unit && most(values[i]!, (l) => l.shape.kind === 'number' && l.shape.unit === unit) ? unit : undefined;
  };
  let upvotesTaken = datesHaveUpvotes || places.some((p, i) => p.cls === 'number' && (i >= split ? i < titleAt : false) && unitOf(i) !== 'comments' && unitOf(i) !== 'stars');
  let dateSeen = false;
  return places.map((p, i): PlaceRole => {
    const before = places[i - 1];
    switch (p.cls) {
      case 'separator':
        return 'separator';
      case 'byline':
        return 'byline';
      case 'date':
        if (dateSeen) return 'unread';
        dateSeen = true;
        return 'date';
      case 'number': {
        const unit = unitOf(i);
        if (unit === 'stars') return 'unread';
        if (unit) return unit;
        if (i >= split && i < titleAt) return 'upvotes';
        if (!upvotesTaken) {
          upvotesTaken = true;
          return 'upvotes';
        }
        return 'comments';
      }
      case 'text':
        if (i === titleAt) return 'title';
        if (before?.cls === 'label:submitted by') return 'submitter';
        // Long text right before the title in every card: the first line of titles wrapped in two (a
        // PDF's text), which wrapped because it was long; a user name, an organisation or a note is short.
        if (i === titleAt - 1 && i >= split && most(values[i]!, (l) => l.text.length >= 40 && l.text.split(' ').length >= 4 && !/[.!?]$/.test(l.text))) return 'title';
        if (i < split && (dateAt < 0 || i < dateAt || dateAt >= split)) return 'byline';
        return 'unread';
      default:
        return p.cls === 'label:submitted by' && most(values[i]!, (l) => l.shape.kind === 'label' && l.shape.value !== undefined) ? 'submitter' : 'label';
    }
  });
}
