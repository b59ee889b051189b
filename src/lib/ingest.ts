import { type DayMonth, parseIsoDate, resolveDate, toIsoDate } from './dates.ts';
import type { ListingSummary } from './listing.ts';
import type { MergedPaper, PaperSource } from './paper.ts';
import { type Finding, type RawEntry, parseListing } from './parse-listing.ts';
import { slugFor } from './slug.ts';
import type { ListingEncoding } from './text.ts';
import { titleKey } from './title-key.ts';

/** Optional facts an editor keeps next to a dump, in `<name>.yaml`. */
export interface ListingSidecar {
  /** The day the dump was captured (ISO date): gives yearless dates their year. */
  captured?: string;
  /** A human name for the listing. */
  title?: string;
}

export interface ListingInput {
  /** Path as shown in the report, e.g. `content/listings/000_x.txt`. */
  file: string;
  /** The listing's id: the file name without extension. */
  name: string;
  text: string;
  /** Set when the file was not UTF-8 and was read as something else (see decodeListing). */
  encoding?: ListingEncoding;
  sidecar?: ListingSidecar;
}

export interface IngestReport {
  entries: number;
  papers: number;
  duplicates: { slug: string; sources: { file: string; line: number }[] }[];
  rejected: Finding[];
  warnings: Finding[];
  listings: ListingSummary[];
}

export interface IngestResult {
  papers: MergedPaper[];
  listings: ListingSummary[];
  report: IngestReport;
}

interface DatedEntry extends RawEntry {
  listing: string;
  captured?: string;
  published?: string;
}

/**
 * The capture date of a listing: its sidecar's, or else the header's day in the year after the
 * latest year any entry prints (pages print a year only for dates before the capture year).
 */
function captureDate(
  capturedOn: DayMonth | undefined,
  entries: RawEntry[],
  sidecar: ListingSidecar | undefined,
): { captured?: string; inferred: boolean } {
  if (sidecar?.captured) return { captured: sidecar.captured, inferred: false };
  if (!capturedOn) return { inferred: false };
  const years = entries.flatMap((e) => (e.date && 'year' in e.date && e.date.year !== undefined ? [e.date.year] : []));
  if (years.length === 0) return { inferred: false };
  return { captured: toIsoDate(Math.max(...years) + 1, capturedOn.month, capturedOn.day), inferred: true };
}

function listingTitle(name: string, captured: string | undefined, sidecar: ListingSidecar | undefined): string {
  if (sidecar?.title) return sidecar.title;
  return captured ? `Daily papers of ${captured}` : `Listing ${name}`;
}

function readListing(input: ListingInput, warnings: Finding[], rejected: Finding[]) {
  const parsed = parseListing(input.file, input.text);
  rejected.push(...parsed.rejected);
  if (input.encoding && input.encoding !== 'utf-8') {
    // UTF-16 is named by the file's byte-order mark; Windows-1252 is only the likeliest reading of bytes that are not UTF-8.
    const how = input.encoding === 'windows-1252' ? 'save the dump as UTF-8 to be sure of its accents' : 'its byte-order mark says so';
    warnings.push({ file: input.file, line: 1, reason: `not UTF-8: read as ${input.encoding} (${how})`, text: '' });
  }
  warnings.push(...parsed.warnings);
  const { captured, inferred } = captureDate(parsed.capturedOn, parsed.entries, input.sidecar);
  if (inferred) {
    warnings.push({
      file: input.file,
      line: 1,
      reason: `capture year inferred as ${captured!.slice(0, 4)}: add a sidecar ${input.name}.yaml with "captured:" to fix it`,
      text: '',
    });
  }
  if (input.sidecar?.captured && parsed.capturedOn) {
    const c = parseIsoDate(input.sidecar.captured);
    if (c.month !== parsed.capturedOn.month || c.day !== parsed.capturedOn.day) {
      warnings.push({ file: input.file, line: 1, reason: `sidecar date ${input.sidecar.captured} differs from the header's day`, text: '' });
    }
  }
  const entries: DatedEntry[] = parsed.entries.map((entry) => {
    const dated: DatedEntry = { ...entry, listing: input.name };
    if (captured) dated.captured = captured;
    if (entry.date) {
      const resolved = resolveDate(entry.date, captured);
      if (!('iso' in resolved)) warnings.push({ file: input.file, line: entry.line, reason: `${resolved.problem}: kept without a date`, text: entry.title });
      else {
        dated.published = resolved.iso;
        // Only a printed year can do this (a yearless date is placed on or before the capture day): a typo, most likely.
        if (captured && resolved.iso > captured) {
          warnings.push({ file: input.file, line: entry.line, reason: `dated ${resolved.iso}, after the listing was captured on ${captured}: check the year`, text: entry.title });
        }
      }
    }
    return dated;
  });
  const summary: ListingSummary = {
    id: input.name,
    file: input.file,
    title: listingTitle(input.name, captured, input.sidecar),
    format: parsed.format,
    entries: parsed.entries.length,
    capturedInferred: inferred,
  };
  if (captured) summary.captured = captured;
  return { entries, summary };
}

/** Code-unit order: the same on every machine, unlike `localeCompare`. */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const earliest = (a: string | undefined, b: string | undefined) => (!a ? b : !b ? a : a < b ? a : b);

/** One paper from every entry that shares a key: earliest date, most upvotes, every source kept. */
function mergeEntries(key: string, group: DatedEntry[]): MergedPaper {
  const first = group[0]!;
  let abstract = first.abstract;
  let published: string | undefined;
  let upvotes = 0;
  let authors: number | undefined;
  let organisation = first.organisation;
  for (const entry of group) {
    if (entry.abstract.length > abstract.length) abstract = entry.abstract;
    published = earliest(published, entry.published);
    upvotes = Math.max(upvotes, entry.date?.upvotes ?? 0);
    if (entry.authors && (!authors || entry.authors > authors)) authors = entry.authors;
    organisation ??= entry.organisation;
  }
  const sources = group.map((e) => {
    const source: PaperSource = { listing: e.listing, file: e.file, line: e.line };
    if (e.captured) source.captured = e.captured;
    return source;
  });
  const paper: MergedPaper = {
    slug: slugFor(key),
    title: first.title,
    key,
    abstract,
    upvotes,
    sources,
    generator: 'papershelf-ingest',
  };
  if (published) paper.published = published;
  if (authors) paper.authors = authors;
  if (organisation) paper.organisation = organisation;
  return paper;
}

/**
 * The pure heart of ingest: raw listing texts in, merged papers and a report out. Topics are the
 * caller's to assign: ingest itself knows no taxonomy. Inputs are taken in the order given (the CLI
 * sorts them by file name), so the result is deterministic.
 */
export function ingestListings(inputs: ListingInput[]): IngestResult {
  const rejected: Finding[] = [];
  const warnings: Finding[] = [];
  const listings: ListingSummary[] = [];
  const groups = new Map<string, DatedEntry[]>();
  let entryCount = 0;

  for (const input of inputs) {
    const { entries, summary } = readListing(input, warnings, rejected);
    listings.push(summary);
    for (const entry of entries) {
      entryCount += 1;
      const key = titleKey(entry.title);
      if (key === '') {
        rejected.push({ file: entry.file, line: entry.line, reason: 'title has no letters, digits or symbols', text: entry.title });
        continue;
      }
      const group = groups.get(key);
      if (group) group.push(entry);
      else groups.set(key, [entry]);
    }
  }

  // Groups are taken in key order, so which of two papers keeps a (vanishingly unlikely) shared
  // slug depends on the papers themselves, not on the order of the listings.
  const bySlug = new Map<string, MergedPaper>();
  const duplicates: IngestReport['duplicates'] = [];
  for (const [key, group] of [...groups].sort(([a], [b]) => compare(a, b))) {
    const merged = mergeEntries(key, group);
    const taken = bySlug.get(merged.slug);
    if (taken) {
      rejected.push(
        ...group.map((e) => ({ file: e.file, line: e.line, reason: `slug ${merged.slug} is taken by "${taken.title}"`, text: e.title })),
      );
      continue;
    }
    bySlug.set(merged.slug, merged);
    if (group.length > 1) duplicates.push({ slug: merged.slug, sources: group.map((e) => ({ file: e.file, line: e.line })) });
  }

  const papers = [...bySlug.values()].sort((a, b) => compare(a.slug, b.slug));
  return {
    papers,
    listings,
    report: { entries: entryCount, papers: papers.length, duplicates, rejected, warnings, listings },
  };
}
