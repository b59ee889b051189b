import type { Organisation } from './paper.ts';
import { type DayMonth, type EntryDate, isBareDay, parseDateLine, readDateLine } from './dates.ts';
import { isBinaryJunk, normalizeLine, splitLines } from './text.ts';

/**
 * `page`: the full page dump with metadata; `bare`: alternating title and abstract lines;
 * `daily-papers-json`: a saved response of the Daily Papers API (parse-daily-papers-json.ts).
 */
export type ListingFormat = 'page' | 'bare' | 'daily-papers-json';

/** Identifiers a listing itself gives (the JSON format does; text dumps never do). */
export interface EntryIdentifiers {
  arxiv?: string;
  code?: string;
}

export interface RawEntry {
  file: string;
  /** 1-based line of the entry's title in the original file. */
  line: number;
  title: string;
  abstract: string;
  authors?: number;
  organisation?: Organisation;
  date?: EntryDate;
  /** 0-based index of the item in a JSON listing. */
  item?: number;
  authorNames?: string[];
  ids?: EntryIdentifiers;
  comments?: number;
}

/** An entry (or stray text) that could not become a paper, or a paper with something to say. */
export interface Finding {
  file: string;
  line: number;
  /** 0-based index of the item in a JSON listing. */
  item?: number;
  reason: string;
  text: string;
}

export interface ParsedListing {
  file: string;
  format: ListingFormat;
  /** The capture day printed in a page dump's header (no year). */
  capturedOn?: DayMonth;
  /** The whole capture day, where the listing itself gives it (a JSON listing's submission day). */
  captured?: string;
  entries: RawEntry[];
  rejected: Finding[];
  warnings: Finding[];
}

interface Line {
  line: number;
  text: string;
  /** The first line after a page header: pages pasted together repeat their header between entries. */
  afterHeader: boolean;
}

/** Page furniture of daily-papers dumps; matched whole, or glued to the start of the first title. */
const BOILERPLATE = [
  'Get trending papers in your email inbox once a day!',
  'Get trending papers in your email inbox!',
  'byAK and the research community',
  'Daily Papers',
  'Subscribe',
  'new',
];
const GLUABLE = BOILERPLATE.filter((b) => b.length > 3);

/**
 * A line as it compares with the boilerplate: without case or spaces, since how a copied page
 * spaces its linked words depends on the browser (`byAK and …` here, `by AK and …` elsewhere).
 */
const boilerplateForm = (line: string) => line.toLowerCase().replace(/ /g, '');
const BOILERPLATE_FORMS = new Set(BOILERPLATE.map(boilerplateForm));

/** The dot between a page dump's metadata and its date. */
const SEPARATOR = '·';
/** Dots and bars plain-text copies may show in its place, on a line of their own or inside a metadata row. */
const ROW_SEPARATORS = [SEPARATOR, '•', '∙', '⋅', '|'];
/**
 * Every separator on a line of its own: dashes too, which inside a row would split titles. Only the
 * dot itself marks a page dump: a lone dash could be anything.
 */
const SEPARATORS = new Set([...ROW_SEPARATORS, '-', '–', '—']);
const METADATA_ROW = new RegExp(`^(.+?) ([${ROW_SEPARATORS.join('')}]) (.+)$`);
/** The longest metadata (author count or organisation) that can share a row with the date. */
const MAX_META_IN_ROW = 80;
const AUTHORS = /^•? ?(\d{1,4}) authors?$/i;
const UPVOTES = /^\d{1,7}$/;
const MAX_TEXT_IN_REPORT = 300;

export const NO_DATE = 'entry has no date line: kept without a date';
export const NO_ABSTRACT = 'entry has no abstract';

const excerpt = (text: string) =>
  text.length > MAX_TEXT_IN_REPORT ? `${text.slice(0, MAX_TEXT_IN_REPORT)}…` : text;

/**
 * Removes boilerplate glued to the front of a line (`SubscribeExploration of …`). A phrase only
 * counts as glued when what follows does not continue a lowercase word, so a title such as
 * `Subscribers of …` survives.
 */
function stripGluedBoilerplate(text: string): string {
  let rest = text;
  for (let changed = true; changed; ) {
    changed = false;
    for (const phrase of GLUABLE) {
      if (rest.startsWith(phrase) && rest.length > phrase.length && !/^\p{Ll}/u.test(rest.slice(phrase.length))) {
        rest = rest.slice(phrase.length).trim();
        changed = true;
      }
    }
  }
  return rest;
}

/**
 * The content lines of a dump, common to both formats: normalised, blank lines gone, binary junk
 * rejected, and page headers (boilerplate lines and the capture day after them, at the top or
 * repeated mid-file) removed, with boilerplate glued onto the next line stripped off it.
 */
function contentLines(file: string, text: string, result: ParsedListing): Line[] {
  const lines: Line[] = [];
  let inHeader = true;
  splitLines(text).forEach((raw, i) => {
    const line = i + 1;
    if (isBinaryJunk(raw)) {
      result.rejected.push({ file, line, reason: 'binary junk, not text', text: excerpt(raw) });
      return;
    }
    const clean = normalizeLine(raw);
    if (clean === '') return;
    if (BOILERPLATE_FORMS.has(boilerplateForm(clean))) {
      inHeader = true;
      return;
    }
    const date = parseDateLine(clean);
    if (inHeader && date && isBareDay(date)) {
      const seen = result.capturedOn;
      if (!seen) result.capturedOn = { month: date.month, day: date.day };
      else if (seen.month !== date.month || seen.day !== date.day) {
        result.warnings.push({ file, line, reason: 'a repeated page header shows another capture day: the first one is used', text: clean });
      }
      return;
    }
    const stripped = inHeader ? stripGluedBoilerplate(clean) : clean;
    const afterHeader = inHeader && lines.length > 0;
    // Only page dumps have metadata rows; in a bare dump the line is a title or an abstract, whole.
    for (const text of result.format === 'page' ? metadataRow(stripped) : [stripped]) lines.push({ line, text, afterHeader });
    inHeader = false;
  });
  return lines;
}

/**
 * A line as the lines it stands for. Copies that keep a page's inline elements together put the
 * metadata, the separator and the date on one row (`• 4 authors · May 28, 2024`): split, it reads
 * like every other entry, and unsplit its entry would run on into the next ones.
 */
function metadataRow(text: string): string[] {
  const m = METADATA_ROW.exec(text);
  if (!m || m[1]!.length > MAX_META_IN_ROW || !readDateLine(m[3]!)) return [text];
  return [m[1]!, m[2]!, m[3]!];
}

export function detectFormat(text: string): ListingFormat {
  // A metadata row counts by its author count: `Keynote · Oct 3` could as well be a bare dump's title.
  return splitLines(text).some((raw) => {
    const line = normalizeLine(raw);
    return line === SEPARATOR || metadataRow(line).some((part) => AUTHORS.test(part));
  })
    ? 'page'
    : 'bare';
}

/** An organisation line such as `naver-ai NAVER AI Lab`: a handle, then a display name. */
function parseOrganisation(text: string): Organisation | null {
  if (text.length > 80 || /[.!?]$/.test(text) || text.split(' ').length > 8) return null;
  const [id, ...name] = text.split(' ');
  return { id: id!, name: name.length > 0 ? name.join(' ') : id! };
}

/** Abstracts are long or hold several sentences; titles are short and rarely end a sentence. */
function looksLikeAbstract(text: string): boolean {
  return text.length > 300 || /[.!?]["'”)\]]? +\S.*[.!?]["'”)\]]?$/.test(text);
}

/**
 * Whether `text` can be the title of an entry whose next line is `next`. A short line that reads
 * like two sentences (`Why Does X Work? A Study.`) still is one when a much longer abstract follows.
 */
function isTitle(text: string, next: string | undefined): boolean {
  if (!looksLikeAbstract(text)) return true;
  return next !== undefined && text.length <= 200 && looksLikeAbstract(next) && next.length >= 3 * text.length;
}

/**
 * Splits a run of lines into entries: an entry whose metadata lines were lost runs straight into
 * the next one, so a new entry starts wherever a title sits between two abstracts.
 */
function splitEntries(lines: Line[]): Line[][] {
  const starts = [0];
  for (let i = 2; i < lines.length - 1; i++) {
    const [before, text, after] = [lines[i - 1]!.text, lines[i]!.text, lines[i + 1]!.text];
    if (looksLikeAbstract(before) && isTitle(text, after) && looksLikeAbstract(after)) starts.push(i);
  }
  return starts.map((start, n) => lines.slice(start, starts[n + 1]));
}

type Meta = Pick<RawEntry, 'authors' | 'organisation'>;

/** Takes the author count or organisation line off the end of an entry's lines. */
function takeMeta(lines: Line[]): { lines: Line[]; meta: Meta; found: boolean } {
  const last = lines[lines.length - 1]!;
  const authors = AUTHORS.exec(last.text);
  if (lines.length > 1 && authors) {
    const count = Number(authors[1]);
    return { lines: lines.slice(0, -1), meta: count > 0 ? { authors: count } : {}, found: true };
  }
  const organisation = lines.length > 2 ? parseOrganisation(last.text) : null;
  if (organisation) return { lines: lines.slice(0, -1), meta: { organisation }, found: true };
  return { lines, meta: {}, found: false };
}

function parsePageDump(file: string, body: Line[], result: ParsedListing): void {
  let block: Line[] = [];
  let sawSeparator = false;
  /** The entry a date line just closed, while a lone upvote count on the next line may still follow. */
  let justDated: RawEntry | undefined;

  const pushEntry = (lines: Line[], meta: Meta, date: EntryDate | undefined): RawEntry => {
    const first = lines[0]!;
    const abstract = lines.slice(1).map((l) => l.text).join('\n\n');
    const entry: RawEntry = { file, line: first.line, title: first.text, abstract, ...meta };
    if (date) entry.date = date;
    else result.warnings.push({ file, line: first.line, reason: NO_DATE, text: excerpt(first.text) });
    if (abstract === '') result.warnings.push({ file, line: first.line, reason: NO_ABSTRACT, text: excerpt(first.text) });
    result.entries.push(entry);
    return entry;
  };

  /** Ends the current block. Only its last entry owns the metadata and the date. */
  const close = (date: EntryDate | undefined, atEnd = false): RawEntry | undefined => {
    const { lines, meta, found } = takeMeta(block);
    const complete = !atEnd || found || sawSeparator;
    block = [];
    sawSeparator = false;
    const parts = splitEntries(lines);
    const last = parts.pop()!;
    for (const part of parts) pushEntry(part, {}, undefined);
    if (complete) return pushEntry(last, meta, date);
    result.rejected.push({
      file,
      line: last[0]!.line,
      reason: 'truncated entry: the file ends before its metadata and date lines',
      text: excerpt(last.map((l) => l.text).join(' / ')),
    });
    return undefined;
  };

  for (const current of body) {
    const dated = justDated;
    justDated = undefined;
    if (current.afterHeader && block.length > 0) close(undefined);
    if (SEPARATORS.has(current.text)) {
      if (block.length === 0) result.rejected.push({ file, line: current.line, reason: 'separator without an entry', text: current.text });
      else sawSeparator = true;
      continue;
    }
    if (block.length === 0 && dated?.date && dated.date.upvotes === undefined && UPVOTES.test(current.text)) {
      dated.date.upvotes = Number(current.text);
      continue;
    }
    const date = readDateLine(current.text);
    if (date) {
      if (block.length > 0) justDated = close(date);
      else result.rejected.push({ file, line: current.line, reason: 'date line without an entry', text: current.text });
      continue;
    }
    if (sawSeparator) close(undefined);
    block.push(current);
  }
  if (block.length > 0) close(undefined, true);
}

function parseBareDump(file: string, body: Line[], result: ParsedListing): void {
  for (let i = 0; i < body.length; ) {
    const title = body[i]!;
    const abstract = body[i + 1];
    const next = body[i + 2];
    if (!isTitle(title.text, abstract?.text)) {
      result.rejected.push({ file, line: title.line, reason: 'abstract without a title', text: excerpt(title.text) });
      i += 1;
    } else if (!abstract) {
      result.rejected.push({
        file,
        line: title.line,
        reason: 'truncated entry: title without an abstract at the end of the file',
        text: excerpt(title.text),
      });
      i += 1;
    } else if (!looksLikeAbstract(abstract.text) && next && looksLikeAbstract(next.text) && isTitle(abstract.text, next.text)) {
      result.rejected.push({ file, line: title.line, reason: 'title without an abstract', text: excerpt(title.text) });
      i += 1;
    } else {
      result.entries.push({ file, line: title.line, title: title.text, abstract: abstract.text });
      i += 2;
    }
  }
}

/** Parses one raw listing dump of either format. Pure: never throws on content. */
export function parseListing(file: string, text: string): ParsedListing {
  const result: ParsedListing = { file, format: detectFormat(text), entries: [], rejected: [], warnings: [] };
  const body = contentLines(file, text, result);
  if (result.format === 'page') parsePageDump(file, body, result);
  else parseBareDump(file, body, result);
  result.rejected.sort((a, b) => a.line - b.line);
  return result;
}
