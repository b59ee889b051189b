/**
 * Step 6: each card's lines as an entry, by the roles of the places they stand at, and the card's
 * departures from its file's layout as findings at their lines.
 */
import type { EntryDate } from './dates.ts';
import { continuesParagraph, type ShapedLine } from './cards.ts';
import type { CardLines } from './read-cards.ts';
import { isName, looksLikeAbstract } from './shapes.ts';
import type { Template } from './template.ts';
import { type Finding, type LineRole, NO_ABSTRACT, NO_DATE, type ParsedListing, type PlaceRole, type RawEntry, excerpt } from './types.ts';

/** An organisation line such as `naver-ai NAVER AI Lab`: a handle, then a display name. */
function parseOrganisation(text: string): { id: string; name: string } | null {
  if (text.length > 80 || /[.!?]$/.test(text) || text.split(' ').length > 8) return null;
  const [id, ...name] = text.split(' ');
  return { id: id!, name: name.length > 0 ? name.join(' ') : id! };
}

/** What a place's role calls the field, in a finding. */
const FIELD: Partial<Record<PlaceRole, string>> = {
  byline: 'byline (author count, names or organisation)',
  upvotes: 'upvote count',
  comments: 'comment count',
  submitter: 'submitter',
};

/** A title is never silently a number, a date, a byline or a label: reading one as a title is said. */
const oddTitle = (line: ShapedLine) => (line.shape.kind === 'text' || line.shape.kind === 'long' ? undefined : line.shape.kind);

/** A prose paragraph (a sentence, or one that runs on) is an abstract's, not a title, where a card gives a choice. */
const prose = (line: ShapedLine) => !(line.shape.kind === 'text' && line.shape.sentences) && (continuesParagraph(line.text) || (/[.!]$/.test(line.text) && line.text.split(' ').length >= 6));

const words = (text: string) => text.split(' ').length;
/** A title's first line that cannot end it: it stops at a word that needs what follows. */
const OPEN_END = /(?:\s(?:for|of|and|or|via|with|without|in|on|to|the|a|an|from|by|at|as|into|towards?|through|under|over|between|using)|[:,–-])$/i;
/** `From: Anna <…>`, `Subject: …`: a label and its value, as a mail's header writes them. */
const LABEL_LIKE = /^[\p{L}][\p{L} -]{0,20}:\s/u;

/**
 * A title wrapped over two lines (a PDF's text, a narrow window's copy: titles wrap at a larger
 * font's width than the abstract): two title-like lines on adjacent lines of the file, the first
 * not ending a sentence, are one title. A user name or a one-word note above a title is no half of
 * one. Joining is a guess, and is said.
 */
function joinWrappedTitles(zone: ShapedLine[], warn: (line: number, reason: string, text: string) => void): ShapedLine[] {
  const out: (ShapedLine & { lastLine: number })[] = [];
  for (const line of zone) {
    const before = out.at(-1);
    const wrapped =
      before !== undefined &&
      line.line === before.lastLine + 1 &&
      line.shape.kind === 'text' &&
      before.shape.kind === 'text' &&
      !prose(before) &&
      !prose(line) &&
      !/[.!?]$/.test(before.text) &&
      words(before.text) >= 3 &&
      words(line.text) >= 2 &&
      before.text.length + line.text.length < 300 &&
      !LABEL_LIKE.test(before.text) &&
      !LABEL_LIKE.test(line.text) &&
      (/^\p{Ll}/u.test(line.text) || OPEN_END.test(before.text));
    if (!wrapped) {
      out.push({ ...line, lastLine: line.line });
      continue;
    }
    warn(before.line, `title read from lines ${before.line} to ${line.line} together, as one title wrapped: check the card`, `${before.text} ${line.text}`);
    out[out.length - 1] = { ...before, text: `${before.text} ${line.text}`, lastLine: line.line };
  }
  return out;
}

/**
 * The title zone with the first line of a title the template says wraps in every card (a `title`
 * place before the title's own) joined to it, where it stands right above it.
 */
function withTitleStart(card: CardLines, template: Template): { zone: ShapedLine[]; joined?: ShapedLine } {
  const start = [...card.at].find(([at]) => template.roles[at] === 'title')?.[1];
  const [first, ...rest] = card.titleZone;
  // A card whose title fits one line has it at the first line's place.
  if (start && !first) return { zone: [start], joined: start };
  if (!start || !first || start.line !== first.line - 1) return { zone: card.titleZone };
  return { zone: [{ ...start, text: `${start.text} ${first.text}` }, ...rest], joined: start };
}

/** The text most of the file's cards show at a separator place (their `·`), if one does. */
export function usualSeparator(template: Template, values: ShapedLine[][]): string | undefined {
  const at = template.roles.indexOf('separator');
  const counts = new Map<string, number>();
  for (const l of values[at] ?? []) counts.set(l.text, (counts.get(l.text) ?? 0) + 1);
  const [text, count] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [];
  return text !== undefined && count! * 2 > values[at]!.length ? text : undefined;
}

/**
 * Text a card's byline place took only by its place: no organisation, or one of a card that lost
 * its date. It stands right above the next card's title, and may be that title.
 */
function bylineByPlace(card: CardLines, template: Template): ShapedLine | undefined {
  const lostDate = card.missing.some((at) => template.roles[at] === 'date' && !template.places[at]!.optional);
  const [, line] = [...card.at].find(([at, l]) => template.roles[at] === 'byline' && l.shape.kind === 'text') ?? [];
  return line && (lostDate || !parseOrganisation(line.text)) ? line : undefined;
}

/** What every card of a file is read against: its template and the values found at each place. */
export interface CardContext {
  file: string;
  template: Template;
  bare: boolean;
  values: ShapedLine[][];
  separator: string | undefined;
}

export interface CardReading {
  entry?: RawEntry;
  rejected: Finding[];
  warnings: Finding[];
  roles: [number, LineRole][];
}

export function readEntry(card: CardLines, previous: CardLines | undefined, { file, template, bare, values, separator }: CardContext): CardReading {
  const namesAt = (at: number) => values[at]!.some((l) => l.shape.kind === 'byline' && l.shape.names !== undefined);
  const out: CardReading = { rejected: [], warnings: [], roles: [] };
  const warn = (line: number, reason: string, text: string) => out.warnings.push({ file, line, reason, text: excerpt(text) });
  const start = withTitleStart(card, template);
  const zone = joinWrappedTitles(start.zone, warn);
  // The title is the zone's longest line that is not prose (a heading, a note or a user name
  // beside it is shorter); prose after it opens the abstract, short lines before it are strays.
  let titleIndex = 0;
  zone.forEach((line, i) => {
    if (!prose(line) && (prose(zone[titleIndex]!) || line.text.length >= zone[titleIndex]!.text.length)) titleIndex = i;
  });
  const title = zone[titleIndex];
  const abstract = [...zone.slice(titleIndex + 1), ...card.abstract];
  const all = [...zone, ...card.abstract, ...card.at.values(), ...card.extra].sort((a, b) => a.line - b.line);
  // A card between two abstracts that lost its abstract and got none of the lines: nothing to read.
  if (all.length === 0) return out;
  const firstLine = (title ?? all[0])!.line;
  for (const l of zone.slice(0, Math.max(0, titleIndex))) {
    out.roles.push([l.line, 'extra']);
    warn(l.line, `fits no place of this file's card layout, before the title of line ${title?.line ?? firstLine}: not read`, l.text);
  }
  // Which of two title-like lines is the title is a guess: the one taken is named too.
  const rival = zone.find((l, i) => i !== titleIndex && !prose(l));
  if (title && rival) warn(title.line, `read as the title, though line ${rival.line} could be: check the card`, title.text);
  // The line above, which the card before took for its byline, may be this card's title and this one a stray.
  const above = previous && !rival ? bylineByPlace(previous, template) : undefined;
  if (title && above && zone.every((l) => l.line > above.line))
    warn(title.line, `read as the title, though line ${above.line} above it, taken for the byline of the card before, could be: check the card`, title.text);
  if (!title) {
    for (const l of all) out.roles.push([l.line, 'rejected']);
    // The rejection quotes every line of the card, so nothing it held is lost without a word.
    out.rejected.push({
      file,
      line: firstLine,
      reason: card.abstract.length > 0 ? 'abstract without a title' : 'card fields without a title or an abstract',
      text: excerpt(all.map((l) => l.text).join(' / ')),
    });
    return out;
  }
  if (!card.ended) {
    for (const l of [title, ...abstract]) out.roles.push([l.line, 'rejected']);
    out.rejected.push({ file, line: title.line, reason: 'truncated entry: the file ends before its metadata and date lines', text: excerpt([title, ...abstract].map((l) => l.text).join(' / ')) });
    return out;
  }
  const entry: RawEntry = { file, line: title.line, title: title.text, abstract: abstract.map((l) => l.text).join('\n\n') };
  out.roles.push([title.line, 'title'], ...abstract.map((l): [number, LineRole] => [l.line, 'abstract']));
  const odd = oddTitle(title) ?? (/\p{L}/u.test(title.text) ? undefined : 'symbol');
  if (odd && !bare) warn(title.line, `read as the title, but reads like a ${odd}: check the card`, title.text);
  abstract.slice(0, -1).forEach((l, i) => {
    const next = abstract[i + 1]!;
    if (!looksLikeAbstract(l.text) && !prose(l) && looksLikeAbstract(next.text)) {
      warn(l.line, `read as part of the abstract of line ${title.line}, but reads like a title: if it starts another entry, that entry lost its metadata lines`, l.text);
    }
  });

  // A card that lost its date lost its other fields with it, as a rule: one warning says so.
  const lostDate = card.missing.some((at) => template.roles[at] === 'date' && !template.places[at]!.optional);
  let date: EntryDate | undefined;
  let upvotes: number | undefined;
  for (const [at, line] of card.at) {
    const role = template.roles[at]!;
    out.roles.push([line.line, role === 'byline' ? 'metadata' : role]);
    const shape = line.shape;
    if (role === 'date' && shape.kind === 'date') date = { ...shape.date };
    else if (role === 'byline' && shape.kind === 'byline') {
      if (shape.authors !== undefined && shape.authors > 0) entry.authors = shape.authors;
      if (shape.names) entry.authorNames = shape.names;
      if (shape.names && shape.authors === undefined) entry.authors = shape.names.length;
      if (shape.organisation) entry.organisation = parseOrganisation(shape.organisation) ?? { id: shape.organisation, name: shape.organisation };
      if (shape.unreadable !== undefined) warn(line.line, `an author count that cannot be read ("${shape.unreadable}"): no count kept`, line.text);
    } else if (role === 'byline' && shape.kind === 'text' && isName(line.text) && namesAt(at)) {
      // One author's name, where the file's other bylines are lists of names.
      entry.authorNames = [line.text];
      entry.authors = 1;
    } else if (role === 'byline' && shape.kind === 'text') {
      const organisation = parseOrganisation(line.text);
      if (organisation) entry.organisation = organisation;
      // Short text where a byline stands is an organisation only by its place: where the card
      // lost its date, or has another line of text beside it, the place is a guess and is said.
      const beside = card.extra.find((l) => l.cls === 'text' && Math.abs(l.line - line.line) <= 2);
      if (!organisation) warn(line.line, 'stands where this file has its bylines, but is no author count, names or organisation: not read', line.text);
      else if (lostDate || beside)
        warn(line.line, `read as the organisation${beside ? `, though line ${beside.line} beside it could be` : ' of a card without its date row'}: check the card`, line.text);
    } else if ((role === 'upvotes' || role === 'comments') && shape.kind === 'number') {
      if (role === 'comments') entry.comments = shape.value;
      else upvotes = shape.value;
    } else if (role === 'separator' && separator !== undefined && line.text !== separator) {
      warn(line.line, `stands where this file's cards have "${separator}": check the card`, line.text);
    } else if (role === 'title' && line !== start.joined) {
      warn(line.line, `stands where this file's titles have their first line, but not right above this card's title: not read`, line.text);
    } else if (role === 'submitter') {
      const user = shape.kind === 'label' ? shape.value : line.text;
      if (user) entry.submitter = { user };
    }
  }
  // The count is the card's wherever it stands; a date line's own count comes first.
  if (upvotes !== undefined && !date) date = { problem: 'no date line, only an upvote count', upvotes };
  else if (upvotes !== undefined && date!.upvotes === undefined) date!.upvotes = upvotes;
  if (date) entry.date = date;
  if (entry.abstract === '') warn(title.line, NO_ABSTRACT, title.text);
  for (const l of card.closing) warn(l.line, `read as the last paragraph of the abstract of line ${title.line}, though it stands apart from it: check it is not a note or a field`, l.text);
  for (const at of card.missing) {
    const role = template.roles[at]!;
    if (template.places[at]!.optional) continue;
    if (role === 'date') warn(title.line, NO_DATE, title.text);
    else if (FIELD[role] && !lostDate) warn(title.line, `entry has no ${FIELD[role]}, where this file's other cards have one`, title.text);
  }
  if (template.roles.every((r) => r !== 'date') && !bare && !date) warn(title.line, NO_DATE, title.text);
  for (const l of card.extra) {
    out.roles.push([l.line, 'extra']);
    warn(l.line, `fits no place of this file's card layout (in the card of line ${title.line}): not read`, l.text);
  }
  out.entry = entry;
  return out;
}

/** Writes each card's reading into the parsed listing. */
export function addReadings(result: ParsedListing, readings: CardReading[]): void {
  for (const r of readings) {
    if (r.entry) result.entries.push(r.entry);
    result.rejected.push(...r.rejected);
    result.warnings.push(...r.warnings);
    for (const [line, role] of r.roles) result.roles.set(line, role);
  }
}
