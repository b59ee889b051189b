/**
 * The text listing reader: a copy of the Daily Papers page (or a bare title/abstract dump) read by
 * the card layout the file itself repeats. One read, in order:
 *
 *   lines     (lines.ts)      what the way of copying added, taken off; furniture dropped; rows split
 *   shapes    (shapes.ts)     what each line holds: a date, a count, a byline, a label, prose
 *   cards     (cards.ts)      the file cut at its abstracts, one per card
 *   template  (template.ts)   the card layout the gaps between abstracts repeat, and each place's role
 *   read      (read-cards.ts) every card aligned with the template
 *   entries   (entries.ts)    each card as an entry; every departure from the layout a finding
 *
 * A file with no abstracts at all is no listing of papers, and is rejected whole with what it looks like.
 */
import { commonEnd, commonStart } from './affixes.ts';
import { type ShapedLine, classify, cutAtAbstracts } from './cards.ts';
import { addReadings, type CardContext, readEntry, usualSeparator } from './entries.ts';
import { readLines } from './lines.ts';
import { readPaperPage } from './paper-page.ts';
import { readCards } from './read-cards.ts';
import { assignRoles, learnTemplate, type Template } from './template.ts';
import { type ListingFormat, type ParsedListing, type PlaceSummary, excerpt } from './types.ts';

/** Whether a text listing is a copy of the page or a bare title/abstract dump (see `formatOf`). */
export const detectFormat = (text: string): Exclude<ListingFormat, 'daily-papers-json'> => readLines('', text).format;

/** One line saying what a file with no abstracts looks like, for its rejection. */
function describeNoCards(kinds: Map<string, number>, lines: number): string {
  const count = (kind: string) => kinds.get(kind) ?? 0;
  const parts = [`${count('text')} short lines`];
  for (const [kind, label] of [
    ['date', 'dates'],
    ['byline', 'bylines'],
    ['number', 'counts'],
  ] as const)
    if (count(kind) > 0) parts.push(`${count(kind)} ${label}`);
  const guess = count('text') > 0 && (count('byline') > 0 || count('date') > 0) ? '; a collection page or a list of titles?' : lines === 0 ? '; an empty file?' : '; not a copy of a papers page?';
  return `no card layout: ${parts.join(', ')} and no abstracts${guess}`;
}

function summarise(template: Template, values: ReturnType<typeof readCards>['values'], cards: number, firstTitle: string): { before: PlaceSummary[]; after: PlaceSummary[] } {
  const summary = template.places.map((_, i): PlaceSummary => ({ role: template.roles[i]!, found: values[i]!.length, example: excerpt(values[i]![0]?.text ?? '').slice(0, 60) }));
  const titleAt = template.roles.lastIndexOf('title');
  if (titleAt >= 0) summary[titleAt] = { role: 'title', found: cards, example: firstTitle.slice(0, 60) };
  return { before: summary.slice(template.split), after: summary.slice(0, template.split) };
}

/** One finding for the whole file, at its first entry's line: what the copy did to every card. */
function warnOnce(result: ParsedListing, reason: string, text: string): void {
  result.warnings.push({ file: result.file, line: result.entries[0]!.line, reason, text: excerpt(text) });
}

/**
 * Takes off what the copy put before every title (`Paper page - `), or before every abstract a label
 * (`Abstract: `, `الملخص: `; an abstract's own shared words, `Large language models (LLMs) `, stay), and says so once.
 */
function takeOffCommonStart(result: ParsedListing, field: 'title' | 'abstract'): void {
  const start = commonStart(result.entries.map((e) => e[field]));
  const shown = start?.exec(result.entries[0]?.[field] ?? '')?.[0].trim();
  if (!start || !shown || (field === 'abstract' && !/^[^:]{1,30}::?$/.test(shown))) return;
  warnOnce(result, `every ${field} starts with "${shown}" (digits aside): taken off as the copy's own`, result.entries[0]![field]);
  for (const entry of result.entries) entry[field] = entry[field].replace(start, '').trim();
}

/** Takes off what the copy put after every abstract (` (View Highlight)`), and says so once. */
function takeOffCommonEnd(result: ParsedListing): void {
  const end = commonEnd(result.entries.map((e) => e.abstract));
  if (!end) return;
  warnOnce(result, `every abstract ends with "${end.trim()}": taken off as the copy's own`, end);
  for (const entry of result.entries) entry.abstract = entry.abstract.slice(0, -end.length).trimEnd();
}

/**
 * A count glued to the front of every title (`2WINA: …`, `5FuseChat: …`): the vote box a narrow
 * page puts before the title, copied without a space, in a file whose cards show no count anywhere
 * else. Read as upvotes, said once. Titles that merely start with digits (`3D …`, `3DGS-Avatar`,
 * `4K4D`) are not counts: at least three titles, with three different letters after their digits.
 */
const GLUED_COUNT = /^(\d{1,5})(?=\p{Lu})/u;
function takeOffGluedCounts(result: ParsedListing): void {
  const glued = result.entries.map((e) => GLUED_COUNT.exec(e.title)?.[1]);
  if (glued.length < 3 || glued.some((m) => m === undefined) || result.entries.some((e) => e.date?.upvotes !== undefined)) return;
  const letters = new Set(result.entries.map((e, i) => e.title[glued[i]!.length]));
  if (letters.size < 3) return;
  warnOnce(result, "every title starts with a number glued to it: read as the card's upvotes, as a narrow page's vote box copies", result.entries[0]!.title);
  result.entries.forEach((entry, i) => {
    const upvotes = Number(glued[i]);
    entry.title = entry.title.slice(glued[i]!.length);
    if (!entry.date) entry.date = { problem: 'no date line, only an upvote count', upvotes };
    else entry.date.upvotes = upvotes;
  });
}

/**
 * Dates with slashes read in the order the file's own dates show: one `25/12/2024` makes `6/1/2023`
 * the 6th of January. Where no date shows it (or they disagree), month first is a guess, said once.
 */
function settleSlashOrder(result: ParsedListing, dateLines: ShapedLine[]): void {
  const dates = result.entries.flatMap((e) => (e.date && 'slashOrder' in e.date && e.date.slashOrder ? [e.date] : []));
  const shown = new Set(dates.map((d) => d.slashOrder).filter((order) => order !== 'guessed'));
  const dayFirst = shown.size === 1 && shown.has('day first');
  for (const date of dates) {
    if (date.slashOrder === 'guessed' && dayFirst) [date.month, date.day] = [date.day, date.month];
    delete date.slashOrder;
  }
  const guessed = dateLines.find((l) => l.shape.kind === 'date' && 'slashOrder' in l.shape.date && l.shape.date.slashOrder === 'guessed');
  if (guessed && !dayFirst && !shown.has('month first')) {
    const why = shown.size > 1 ? "this file's dates show both orders" : 'no date in this file has a day over 12 to show the order';
    result.warnings.push({ file: result.file, line: guessed.line, reason: `dates with slashes (first here) are read month first, as the page writes them: ${why}`, text: guessed.text });
  }
}

/**
 * A stray line that took a card's title (the title itself pushed into the card before, which lost
 * its fields) is a word or two where the file's other titles are sentences long: said, at its line.
 */
function warnShortTitles(result: ParsedListing): void {
  const lengths = result.entries.map((e) => e.title.length).sort((a, b) => a - b);
  const typical = lengths[Math.floor(lengths.length / 2)] ?? 0;
  for (const entry of result.entries) {
    const short = entry.title.length <= 12 && entry.title.split(' ').length <= 2 && entry.title.length * 4 < typical;
    if (short)
      result.warnings.push({
        file: result.file,
        line: entry.line,
        reason: 'read as the title, but is as short as a note, a label or a user name, where the other titles are long: check the card',
        text: excerpt(entry.title),
      });
  }
}

/** Parses one text listing. Pure: never throws on content. */
export function readTextListing(file: string, text: string): ParsedListing {
  const read = readLines(file, text);
  const format = read.format;
  const result: ParsedListing = { file, format, entries: [], rejected: read.rejected, warnings: read.warnings, ignored: read.ignored, roles: read.roles };
  if (read.capturedOn) result.capturedOn = read.capturedOn;
  const paperPage = readPaperPage(file, read.lines);
  if (paperPage) {
    result.entries.push(paperPage.entry);
    result.warnings.push(...paperPage.warnings);
    for (const [line, role] of paperPage.roles) result.roles.set(line, role);
    const furniture = paperPage.roles.filter(([, role]) => role === 'furniture (paper page)').length;
    if (furniture > 0) result.ignored['paper page'] = furniture;
    result.warnings.sort((a, b) => a.line - b.line);
    return result;
  }
  const lines = classify(read.lines, format === 'page');
  const cut = cutAtAbstracts(lines, format === 'page');
  if (cut.abstracts.length === 0) {
    if (lines.length > 0) {
      const kinds = new Map<string, number>();
      for (const l of lines) kinds.set(l.shape.kind, (kinds.get(l.shape.kind) ?? 0) + 1);
      result.rejected.push({
        file,
        line: lines[0]!.line,
        reason: describeNoCards(kinds, lines.length),
        text: excerpt(
          lines
            .filter((l) => l.shape.kind === 'text')
            .map((l) => l.text)
            .join(' / '),
        ),
      });
      for (const l of lines) result.roles.set(l.line, 'rejected');
    }
    return result;
  }
  const learned = learnTemplate(cut, format === 'page');
  const cards = readCards(cut, learned);
  const template: Template = { ...learned, roles: assignRoles(learned, cards.values) };
  result.template = {
    cards: cut.abstracts.length,
    learned: template.learned,
    ...summarise(template, cards.values, cut.abstracts.length, cards.cards.find((c) => c.titleZone.length > 0)?.titleZone[0]!.text ?? ''),
  };
  const bare = format === 'bare';
  const context: CardContext = { file, template, bare, values: cards.values, separator: usualSeparator(template, cards.values) };
  addReadings(
    result,
    cards.cards.map((card, i) => readEntry(card, cards.cards[i - 1], context)),
  );
  takeOffCommonStart(result, 'title');
  takeOffCommonEnd(result);
  takeOffGluedCounts(result);
  takeOffCommonStart(result, 'abstract');
  if (!bare) warnShortTitles(result);
  settleSlashOrder(result, cards.values[template.roles.indexOf('date')] ?? []);
  // Text after the last card is a card the copy cut off before its fields (or a title without an abstract).
  const lastCardLine = Math.max(0, ...cut.abstracts.at(-1)!.map((l) => l.line));
  const cutOff = cards.outside.filter((l) => l.line > lastCardLine && l.shape.kind === 'text');
  if (cutOff.length > 0 && cutOff.length <= 3 && cards.outside.every((l) => l.line < lastCardLine || cutOff.includes(l))) {
    for (const l of cutOff) result.roles.set(l.line, 'rejected');
    const reason = bare ? 'truncated entry: title without an abstract at the end of the file' : 'truncated entry: the file ends before its metadata and date lines';
    result.rejected.push({ file, line: cutOff[0]!.line, reason, text: excerpt(cutOff.map((l) => l.text).join(' / ')) });
  }
  for (const l of cards.outside) {
    if (cutOff.includes(l) && result.roles.get(l.line) === 'rejected') continue;
    if (l.shape.kind === 'label') {
      result.ignored['paper card'] = (result.ignored['paper card'] ?? 0) + 1;
      result.roles.set(l.line, 'label');
      continue;
    }
    result.roles.set(l.line, 'outside cards');
    result.warnings.push({ file, line: l.line, reason: 'stands outside every card (a heading, a header or footer?): not read', text: excerpt(l.text) });
  }
  // Places no field is read from are said once, at their first line, so a layout nobody listed is
  // never read silently; a place of text, which may be part of a title or an abstract, at every line.
  template.roles.forEach((role, i) => {
    const values = cards.values[i]!;
    if (role !== 'unread' || values.length === 0) return;
    const text = template.places[i]!.cls === 'text';
    for (const l of text ? values : values.slice(0, 1)) {
      result.warnings.push({
        file,
        line: l.line,
        reason: text ? 'text at a place of the layout that fits no field: not read' : `a line at this place of ${values.length} cards (first here) fits no field: not read`,
        text: excerpt(l.text),
      });
    }
  });
  const noComma = cards.values[template.roles.indexOf('date')]?.find((l) => l.shape.kind === 'date' && 'yearWithoutComma' in l.shape.date);
  if (noComma) {
    result.warnings.push({
      file,
      line: noComma.line,
      reason: 'dates without a comma before the year (first here): a number from 1900 to 2099 after the day is read as the year, not as upvotes',
      text: noComma.text,
    });
  }
  result.warnings.sort((a, b) => a.line - b.line);
  result.rejected.sort((a, b) => a.line - b.line);
  return result;
}
