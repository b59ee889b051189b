import { agreeingAbstracts } from './abstract-agreement.ts';
import { type DayMonth, parseIsoDate, resolveDate, toIsoDate } from '../listing/dates.ts';
import { groupEntries } from './group-entries.ts';
import { mergeApiFields } from './api-fields.ts';
import type { IdentifierPin } from '../identifiers/identifier-sidecar.ts';
import { identifiersFromAbstract } from '../identifiers/identifiers.ts';
import type { ListingSummary } from '../listing/listing-summary.ts';
import type { MergedPaper, PaperSource } from '../paper/paper.ts';
import { readAnyListing } from '../listing/read-any-listing.ts';
import type { Finding, ParsedListing, RawEntry } from '../listing/index.ts';
import { listingId } from '../security/listing-id.ts';
import { limitListing } from '../security/listing-limits.ts';
import { slugFor } from './slug.ts';
import type { ListingEncoding } from '../listing/text.ts';
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

/** Where a value came from, as the report names it. */
export interface SourceRef {
  file: string;
  line: number;
  item?: number;
}

/** Sources of one paper that disagree about one of its fields; the value the paper took is first. */
export interface Conflict {
  slug: string;
  field: 'title' | 'arxiv' | 'doi' | 'code' | 'authors';
  values: (SourceRef & { value: string })[];
}

export interface IngestReport {
  entries: number;
  papers: number;
  duplicates: { slug: string; sources: SourceRef[] }[];
  conflicts: Conflict[];
  rejected: Finding[];
  warnings: Finding[];
  /** Each listing as the site knows it, with the page furniture ingest dropped from it, by kind. */
  listings: (ListingSummary & { ignored: ParsedListing['ignored'] })[];
}

export interface IngestResult {
  papers: MergedPaper[];
  listings: ListingSummary[];
  report: IngestReport;
}

/** Where an identifier came from, strongest last: an editor's pin beats the listing, which beats a mention in the abstract. */
const ID_RANK = { abstract: 0, listing: 1, pin: 2 } as const;
type IdOrigin = keyof typeof ID_RANK;

interface DatedEntry extends RawEntry {
  listing: string;
  key: string;
  captured?: string;
  published?: string;
  arxiv?: { value: string; origin: IdOrigin };
  doi?: { value: string; origin: IdOrigin };
  code?: { value: string; origin: IdOrigin };
}

const refOf = (e: { file: string; line: number; item?: number | undefined }): SourceRef => (e.item === undefined ? { file: e.file, line: e.line } : { file: e.file, line: e.line, item: e.item });

/**
 * The capture date of a listing: its sidecar's, or else the header's day in the year after the
 * latest year any entry prints (pages print a year only for dates before the capture year).
 */
function captureDate(capturedOn: DayMonth | undefined, entries: RawEntry[], sidecar: ListingSidecar | undefined, given: string | undefined): { captured?: string; inferred: boolean } {
  if (sidecar?.captured) return { captured: sidecar.captured, inferred: false };
  if (given) return { captured: given, inferred: false };
  if (!capturedOn) return { inferred: false };
  const years = entries.flatMap((e) => (e.date && 'year' in e.date && e.date.year !== undefined ? [e.date.year] : []));
  if (years.length === 0) return { inferred: false };
  return { captured: toIsoDate(Math.max(...years) + 1, capturedOn.month, capturedOn.day), inferred: true };
}

function listingTitle(name: string, captured: string | undefined, sidecar: ListingSidecar | undefined): string {
  if (sidecar?.title) return sidecar.title;
  return captured ? `Daily papers of ${captured}` : `Listing ${name}`;
}

/** Reads a listing in its format, by its file name (listing/read-any-listing.ts). */
export const parseAnyListing = readAnyListing;

/** What ingest needs of a parsed listing: all but the line roles that `ingest --explain` shows. Plain JSON, so it can be cached. */
export type ListingReading = Omit<ParsedListing, 'roles'>;

/** Parses a listing for ingest; `parseAnyListing` or a memo of it (ingest-cache.ts). */
export type ListingParser = (file: string, text: string) => ListingReading;

function readListing(input: ListingInput, parse: ListingParser, warnings: Finding[], rejected: Finding[]) {
  const parsed = limitListing(parse(input.file, input.text));
  const id = listingId(input.name);
  if (id !== input.name) warnings.push({ file: input.file, line: 1, reason: `the file name "${input.name}" cannot be a URL or a folder name as it is: the listing's id is ${id}`, text: '' });
  rejected.push(...parsed.rejected);
  if (input.encoding && input.encoding !== 'utf-8') {
    // UTF-16 is named by the file's byte-order mark; Windows-1252 is only the likeliest reading of bytes that are not UTF-8.
    const how = input.encoding === 'windows-1252' ? 'save the dump as UTF-8 to be sure of its accents' : 'its byte-order mark says so';
    warnings.push({ file: input.file, line: 1, reason: `not UTF-8: read as ${input.encoding} (${how})`, text: '' });
  }
  warnings.push(...parsed.warnings);
  const { captured, inferred } = captureDate(parsed.capturedOn, parsed.entries, input.sidecar, parsed.captured);
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
    const dated: DatedEntry = { ...entry, listing: id, key: titleKey(entry.title) };
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
    withIdentifiers(dated, warnings);
    return dated;
  });
  const summary: ListingSummary = {
    id,
    file: input.file,
    title: listingTitle(id, captured, input.sidecar),
    format: parsed.format,
    entries: parsed.entries.length,
    capturedInferred: inferred,
  };
  if (captured) summary.captured = captured;
  return { entries, summary, ignored: parsed.ignored };
}

/** Code-unit order: the same on every machine, unlike `localeCompare`. */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const earliest = (a: string | undefined, b: string | undefined) => (!a ? b : !b ? a : a < b ? a : b);

/** The identifiers the listing gives an entry, then those its abstract names for it where the listing gave none. */
function withIdentifiers(entry: DatedEntry, warnings: Finding[]): void {
  if (entry.ids?.arxiv) entry.arxiv = { value: entry.ids.arxiv, origin: 'listing' };
  if (entry.ids?.code) entry.code = { value: entry.ids.code, origin: 'listing' };
  const gleaned = identifiersFromAbstract(entry.abstract, entry.published);
  const note = (reason: string | undefined) => reason && warnings.push({ ...refOf(entry), reason, text: entry.title });
  if (!entry.arxiv) {
    if (gleaned.arxiv) entry.arxiv = { value: gleaned.arxiv, origin: 'abstract' };
    note(gleaned.notes.arxiv);
  }
  if (gleaned.doi) entry.doi = { value: gleaned.doi, origin: 'abstract' };
  note(gleaned.notes.doi);
  if (!entry.code && gleaned.code) entry.code = { value: gleaned.code, origin: 'abstract' };
}

/** The slug an entry's title gives it alone. */
const titleSlug = (entry: DatedEntry) => slugFor(entry.key);

/** The identifiers sidecar's file and pins (see identifier-sidecar.ts). */
export interface Identifiers {
  file: string;
  pins: IdentifierPin[];
}

/**
 * An editor's arXiv ids, given to the entries whose title has the pinned slug before entries are
 * grouped, so they group by it. An id a listing gave otherwise is overruled, and the report says so.
 */
function applyArxivPins(entries: DatedEntry[], identifiers: Identifiers, conflicts: Conflict[]): void {
  const bySlug = new Map(identifiers.pins.filter((pin) => pin.arxiv).map((pin) => [pin.slug, pin]));
  for (const entry of entries) {
    const pin = bySlug.get(titleSlug(entry));
    if (!pin) continue;
    if (entry.arxiv && entry.arxiv.value !== pin.arxiv) {
      conflicts.push({
        slug: pin.slug,
        field: 'arxiv',
        values: [
          { value: pin.arxiv!, file: identifiers.file, line: pin.line },
          { value: entry.arxiv.value, ...refOf(entry) },
        ],
      });
    }
    entry.arxiv = { value: pin.arxiv!, origin: 'pin' };
  }
}

type IdField = 'doi' | 'code';

/**
 * A paper's value of an identifier: from the strongest origin (pin, listing, abstract), the first
 * such in input order. Every other value its sources give is a conflict in the report.
 */
function pickIdentifier(field: IdField, slug: string, group: DatedEntry[], pin: IdentifierPin | undefined, identifiers: Identifiers, conflicts: Conflict[]): string | undefined {
  const candidates: (SourceRef & { value: string; rank: number })[] = group.flatMap((e) => {
    const found = e[field];
    return found ? [{ value: found.value, rank: ID_RANK[found.origin], ...refOf(e) }] : [];
  });
  if (pin?.[field]) candidates.push({ value: pin[field], rank: ID_RANK.pin, file: identifiers.file, line: pin.line });
  if (candidates.length === 0) return undefined;
  const best = candidates.reduce((a, b) => (b.rank > a.rank ? b : a));
  const others = candidates.filter((c) => c.value !== best.value);
  if (others.length > 0) conflicts.push({ slug, field, values: [best, ...others].map(({ rank: _, ...ref }) => ref) });
  return best.value;
}

/**
 * The title a paper shows: its only one, or when its listings revised it (one arXiv id, several
 * titles), the title of the last listing to print it. The report lists the others.
 */
function pickTitle(slug: string, group: DatedEntry[], conflicts: Conflict[]): string {
  const keys = new Set(group.map((e) => e.key));
  if (keys.size === 1) return group[0]!.title;
  const latest = group[group.length - 1]!;
  const seen = new Set<string>([latest.key]);
  const values = [{ value: latest.title, ...refOf(latest) }];
  for (const e of group) {
    if (seen.has(e.key)) continue;
    seen.add(e.key);
    values.push({ value: e.title, ...refOf(e) });
  }
  conflicts.push({ slug, field: 'title', values });
  return latest.title;
}

/** Warns about merged entries whose abstracts say different things: they may not be one paper after all. */
function checkAbstracts(group: DatedEntry[], chosen: string, warnings: Finding[]): void {
  const owner = group.find((e) => e.abstract === chosen)!;
  for (const entry of group) {
    if (entry === owner || agreeingAbstracts(entry.abstract, chosen)) continue;
    warnings.push({
      ...refOf(entry),
      reason: `merged with ${owner.file}:${owner.line} (same ${entry.arxiv && entry.arxiv.value === owner.arxiv?.value ? 'arXiv id' : 'title'}), but the abstracts differ: check that they are one paper`,
      text: entry.title,
    });
  }
}

/**
 * The names a paper shows: those recorded in content/identifiers.yaml (an editor's, or what its
 * arXiv entry gave resolve) win, as every identifier there does; a listing that names the authors
 * otherwise is a conflict in the report, so the editor sees it and may drop the recorded names.
 */
function pickAuthorNames(slug: string, group: DatedEntry[], listed: string[] | undefined, pin: IdentifierPin | undefined, context: MergeContext): string[] | undefined {
  if (!pin?.authors) return listed;
  const recorded = pin.authors.join('; ');
  const others = group.filter((e) => e.authorNames && e.authorNames.join('; ') !== recorded);
  if (others.length > 0) {
    context.conflicts.push({
      slug,
      field: 'authors',
      values: [{ value: recorded, file: context.identifiers.file, line: pin.line }, ...others.map((e) => ({ value: e.authorNames!.join('; '), ...refOf(e) }))],
    });
  }
  return pin.authors;
}

interface MergeContext {
  identifiers: Identifiers;
  conflicts: Conflict[];
  warnings: Finding[];
}

/** One paper from every entry of a group: earliest date, most upvotes, every source kept. */
function mergeEntries(slug: string, group: DatedEntry[], pin: IdentifierPin | undefined, context: MergeContext): MergedPaper {
  const first = group[0]!;
  let abstract = first.abstract;
  let published: string | undefined;
  let upvotes = 0;
  let authors: number | undefined;
  let authorNames: string[] | undefined;
  let comments: number | undefined;
  let organisation = first.organisation;
  for (const entry of group) {
    if (entry.abstract.length > abstract.length) abstract = entry.abstract;
    published = earliest(published, entry.published);
    upvotes = Math.max(upvotes, entry.date?.upvotes ?? 0);
    if (entry.authors && (!authors || entry.authors > authors)) authors = entry.authors;
    if (entry.authorNames && (!authorNames || entry.authorNames.length > authorNames.length)) authorNames = entry.authorNames;
    if (entry.comments !== undefined) comments = Math.max(comments ?? 0, entry.comments);
    organisation ??= entry.organisation;
  }
  checkAbstracts(group, abstract, context.warnings);
  const sources = group.map((e) => {
    const source: PaperSource = { listing: e.listing, ...refOf(e) };
    if (e.captured) source.captured = e.captured;
    return source;
  });
  const paper: MergedPaper = {
    slug,
    title: pickTitle(slug, group, context.conflicts),
    key: first.key,
    abstract,
    upvotes,
    sources,
    generator: 'papershelf-ingest',
  };
  if (published) paper.published = published;
  authorNames = pickAuthorNames(slug, group, authorNames, pin, context);
  // Named authors are counted by their names: a listing's count may be of another version.
  if (authorNames) {
    paper.authorNames = authorNames;
    paper.authors = authorNames.length;
  } else if (authors) paper.authors = authors;
  if (organisation) paper.organisation = organisation;
  const arxiv = group.find((e) => e.arxiv)?.arxiv?.value;
  if (arxiv) paper.arxiv = arxiv;
  if (pin?.category) paper.arxivCategory = pin.category;
  if (pin?.submitted) paper.arxivSubmitted = pin.submitted;
  const doi = pickIdentifier('doi', slug, group, pin, context.identifiers, context.conflicts);
  if (doi) paper.doi = doi;
  const code = pickIdentifier('code', slug, group, pin, context.identifiers, context.conflicts);
  if (code) paper.code = code;
  if (comments !== undefined) paper.comments = comments;
  // Which listing's AI summary, stars, submitter and withdrawal win: see merge/api-fields.ts.
  Object.assign(paper, mergeApiFields(group, code));
  return paper;
}

/** A second paper under one title (a different arXiv id) is told apart by its id. */
const slugWithId = (key: string, arxiv: string) => slugFor(`${key} ${arxiv.replace(/[./]/g, ' ')}`);

/**
 * The pure heart of ingest: raw listing texts in, merged papers and a report out. Topics are the
 * caller's to assign: ingest itself knows no taxonomy. Inputs are taken in the order given (the CLI
 * sorts them by file name), so the result is deterministic. `identifiers` are the editor's
 * (content/identifiers.yaml): they win over what listings say, and their slugs are kept.
 */
export function ingestListings(inputs: ListingInput[], identifiers: Identifiers = { file: 'content/identifiers.yaml', pins: [] }, parse: ListingParser = parseAnyListing): IngestResult {
  const rejected: Finding[] = [];
  const warnings: Finding[] = [];
  const conflicts: Conflict[] = [];
  const listings: ListingSummary[] = [];
  const reported: IngestReport['listings'] = [];
  const entries: DatedEntry[] = [];
  let entryCount = 0;

  for (const input of inputs) {
    const read = readListing(input, parse, warnings, rejected);
    listings.push(read.summary);
    reported.push({ ...read.summary, ignored: read.ignored });
    for (const entry of read.entries) {
      entryCount += 1;
      if (entry.key === '') rejected.push({ ...refOf(entry), reason: 'title has no letters, digits or symbols', text: entry.title });
      else entries.push(entry);
    }
  }

  applyArxivPins(entries, identifiers, conflicts);
  const { groups, ambiguous } = groupEntries(entries.map((e) => ({ key: e.key, arxiv: e.arxiv?.value })));
  for (const { entries: members, arxiv } of ambiguous) {
    for (const i of members) {
      const e = entries[i]!;
      warnings.push({ ...refOf(e), reason: `the title is that of several papers (arXiv ${arxiv.join(', ')}): kept apart from them; set its id in content/identifiers.yaml`, text: e.title });
    }
  }

  const pinByArxiv = new Map(identifiers.pins.filter((p) => p.arxiv).map((p) => [p.arxiv!, p]));
  const pinBySlug = new Map(identifiers.pins.map((p) => [p.slug, p]));
  const candidates = groups.map((indexes) => {
    const group = indexes.map((i) => entries[i]!);
    const arxiv = group.find((e) => e.arxiv)?.arxiv?.value;
    const pin = (arxiv && pinByArxiv.get(arxiv)) || pinBySlug.get(titleSlug(group[0]!));
    return { group, arxiv, pin, slug: pin?.slug ?? titleSlug(group[0]!) };
  });
  // Taken in slug order, then by arXiv id, so which of two papers under one title keeps the plain
  // slug depends on the papers themselves (the older id), not on the order of the listings.
  candidates.sort((a, b) => compare(a.slug, b.slug) || compare(a.arxiv ?? '', b.arxiv ?? '') || compare(a.group[0]!.key, b.group[0]!.key));

  const bySlug = new Map<string, MergedPaper>();
  const duplicates: IngestReport['duplicates'] = [];
  const context: MergeContext = { identifiers, conflicts, warnings };
  for (const candidate of candidates) {
    const { group, arxiv, pin } = candidate;
    let slug = candidate.slug;
    if (bySlug.has(slug) && arxiv && !pin) slug = slugWithId(group[0]!.key, arxiv);
    const taken = bySlug.get(slug);
    if (taken) {
      rejected.push(...group.map((e) => ({ ...refOf(e), reason: `slug ${slug} is taken by "${taken.title}"`, text: e.title })));
      continue;
    }
    bySlug.set(slug, mergeEntries(slug, group, pin, context));
    if (group.length > 1) duplicates.push({ slug, sources: group.map(refOf) });
  }
  for (const pin of identifiers.pins) {
    if (!bySlug.has(pin.slug)) warnings.push({ file: identifiers.file, line: pin.line, reason: `${pin.slug} names no paper of the catalog: its identifiers are not used`, text: '' });
  }

  const papers = [...bySlug.values()].sort((a, b) => compare(a.slug, b.slug));
  return {
    papers,
    listings,
    report: { entries: entryCount, papers: papers.length, duplicates, conflicts, rejected, warnings, listings: reported },
  };
}
