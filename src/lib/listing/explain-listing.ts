/**
 * A listing as the reader saw it, for `npm run ingest -- --explain FILE`: every line with the role
 * the reader gave it, each entry's fields where the entry ends, and each warning and rejection at
 * its line, so an editor can see why an entry came out as it did.
 */
import type { EntryDate } from './dates.ts';
import type { Finding, ParsedListing, PlaceSummary, RawEntry, TemplateSummary } from './index.ts';
import { splitLines } from './text.ts';

const SHOWN = 100;
const shorten = (text: string) => (text.length > SHOWN ? `${text.slice(0, SHOWN - 1)}…` : text);

function describeDate(date: EntryDate | undefined): string {
  if (!date) return 'no date';
  const upvotes = date.upvotes === undefined ? '' : `, ${date.upvotes} upvotes`;
  if ('problem' in date) return `no day (${date.problem})${upvotes}`;
  if ('daysBeforeCapture' in date) return `${date.daysBeforeCapture} days before the capture day${upvotes}`;
  const day = `${date.year ?? '(capture year)'}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
  return `${day}${upvotes}`;
}

function describeEntry(entry: RawEntry): string {
  const who = entry.authorNames ? entry.authorNames.join(', ') : entry.organisation ? entry.organisation.name : entry.authors ? `${entry.authors} authors` : 'no author count';
  const ids = entry.ids?.arxiv ? ` | arXiv ${entry.ids.arxiv}` : '';
  return `entry "${shorten(entry.title)}" | ${who} | ${describeDate(entry.date)}${ids} | abstract of ${entry.abstract.length} characters`;
}

/** The card layout the reader learned, place by place, before the lines that follow it. */
function describeTemplate(template: TemplateSummary): string[] {
  const place = (p: PlaceSummary) => `  ${p.role.padEnd(10)} in ${p.found} of ${template.cards} cards${p.example ? `, e.g. "${shorten(p.example)}"` : ''}`;
  return [
    template.learned ? `card layout learned from ${template.cards} cards:` : `card layout: the page's own (${template.cards} cards are too few to learn one from):`,
    ...template.before.map(place),
    `  ${'abstract'.padEnd(10)} in every card`,
    ...template.after.map(place),
    '',
  ];
}

export function explainListing(parsed: ParsedListing, text: string): string {
  const kind = { page: 'page dump', bare: 'bare dump', 'daily-papers-json': 'Daily Papers JSON' }[parsed.format];
  const ignored = Object.entries(parsed.ignored)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  const out = [`${parsed.file}: ${kind}, ${parsed.entries.length} entries, ${parsed.rejected.length} rejected, ${parsed.warnings.length} warnings${ignored ? `; furniture dropped: ${ignored}` : ''}`];
  if (parsed.template) out.push(...describeTemplate(parsed.template));
  const atLine = new Map<number, string[]>();
  const note = (line: number, text: string) => atLine.set(line, [...(atLine.get(line) ?? []), text]);
  // An entry is shown after its last line, so its fields follow the lines that gave them.
  const lines = splitLines(text);
  const starts = parsed.entries.map((e) => e.line);
  parsed.entries.forEach((entry, i) => {
    const next = starts[i + 1] ?? lines.length + 1;
    let last = entry.line;
    for (let l = entry.line; l < next; l++) if (parsed.roles.has(l) && !parsed.roles.get(l)!.startsWith('furniture') && parsed.roles.get(l) !== 'rejected') last = l;
    note(last, `=> ${describeEntry(entry)}`);
  });
  const findings = (label: string, list: Finding[]) => {
    for (const f of list) note(f.line, `${label}: ${f.reason}${f.item === undefined ? '' : ` (item ${f.item})`}`);
  };
  findings('warning', parsed.warnings);
  findings('rejected', parsed.rejected);
  const width = String(lines.length).length;
  lines.forEach((raw, i) => {
    const line = i + 1;
    const role = parsed.roles.get(line);
    const text = raw.trim();
    if (role || text !== '') out.push(`${String(line).padStart(width)}  ${(role ?? (parsed.format === 'daily-papers-json' ? '' : 'blank')).padEnd(22)} ${shorten(text)}`);
    for (const extra of atLine.get(line) ?? []) out.push(`${' '.repeat(width)}  ${extra}`);
  });
  return `${out.join('\n')}\n`;
}
