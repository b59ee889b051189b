import type { Organisation } from './paper.ts';
import { type DateLine, type DayMonth, parseDateLine } from './dates.ts';
import { normalizeLine, splitLines } from './text.ts';

/** `page`: the full page dump with metadata; `bare`: alternating title and abstract lines. */
export type ListingFormat = 'page' | 'bare';

export interface RawEntry {
  file: string;
  /** 1-based line of the entry's title in the original file. */
  line: number;
  title: string;
  abstract: string;
  authors?: number;
  organisation?: Organisation;
  date?: DateLine;
}

/** An entry (or stray text) that could not become a paper, or a paper with something to say. */
export interface Finding {
  file: string;
  line: number;
  reason: string;
  text: string;
}

export interface ParsedListing {
  file: string;
  format: ListingFormat;
  /** The capture day printed in a page dump's header (no year). */
  capturedOn?: DayMonth;
  entries: RawEntry[];
  rejected: Finding[];
  warnings: Finding[];
}

interface Line {
  line: number;
  text: string;
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

const SEPARATOR = '·';
const AUTHORS = /^•? ?(\d{1,4}) authors?$/i;
const MAX_TEXT_IN_REPORT = 300;

const excerpt = (text: string) =>
  text.length > MAX_TEXT_IN_REPORT ? `${text.slice(0, MAX_TEXT_IN_REPORT)}…` : text;

function contentLines(text: string): Line[] {
  return splitLines(text)
    .map((raw, i) => ({ line: i + 1, text: normalizeLine(raw) }))
    .filter((l) => l.text !== '');
}

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

/** Drops the header furniture; returns the remaining lines and a capture-day line if one was seen. */
function skipHeader(lines: Line[]): { body: Line[]; capturedOn?: DayMonth } {
  let i = 0;
  let capturedOn: DayMonth | undefined;
  for (; i < lines.length; i++) {
    const text = lines[i]!.text;
    if (BOILERPLATE.includes(text)) continue;
    const date = parseDateLine(text);
    if (date && date.year === undefined && date.upvotes === undefined && capturedOn === undefined) {
      capturedOn = { month: date.month, day: date.day };
      continue;
    }
    break;
  }
  const body = lines.slice(i);
  if (body.length > 0) body[0] = { ...body[0]!, text: stripGluedBoilerplate(body[0]!.text) };
  return capturedOn ? { body, capturedOn } : { body };
}

export function detectFormat(text: string): ListingFormat {
  return contentLines(text).some((l) => l.text === SEPARATOR || AUTHORS.test(l.text)) ? 'page' : 'bare';
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

function parsePageDump(file: string, body: Line[], result: ParsedListing): void {
  let block: Line[] = [];
  let sawSeparator = false;

  const pushEntry = (lines: Line[], meta: Pick<RawEntry, 'authors' | 'organisation'>, date: DateLine | undefined) => {
    const first = lines[0]!;
    const entry: RawEntry = { file, line: first.line, title: first.text, abstract: lines.slice(1).map((l) => l.text).join('\n\n'), ...meta };
    if (date) entry.date = date;
    else result.warnings.push({ file, line: first.line, reason: 'entry has no date line: kept without a date', text: excerpt(first.text) });
    if (entry.abstract === '') {
      result.warnings.push({ file, line: first.line, reason: 'entry has no abstract', text: excerpt(first.text) });
    }
    result.entries.push(entry);
  };

  const close = (date: DateLine | undefined) => {
    const lines = [...block];
    block = [];
    sawSeparator = false;
    if (lines.length === 0) return;
    const meta: Pick<RawEntry, 'authors' | 'organisation'> = {};
    const last = lines[lines.length - 1]!;
    const authors = AUTHORS.exec(last.text);
    if (lines.length > 1 && authors) {
      if (Number(authors[1]) > 0) meta.authors = Number(authors[1]);
      lines.pop();
    } else if (lines.length > 2) {
      const organisation = parseOrganisation(last.text);
      if (organisation) {
        meta.organisation = organisation;
        lines.pop();
      }
    }
    // An entry whose metadata lines were lost runs straight into the next one: split where a
    // title-like line sits between two abstracts. Only the last part owns the metadata and date.
    const starts = [0];
    for (let i = 2; i < lines.length - 1; i++) {
      if (!looksLikeAbstract(lines[i]!.text) && looksLikeAbstract(lines[i - 1]!.text) && looksLikeAbstract(lines[i + 1]!.text)) starts.push(i);
    }
    starts.forEach((start, n) => {
      const isLast = n === starts.length - 1;
      pushEntry(lines.slice(start, starts[n + 1]), isLast ? meta : {}, isLast ? date : undefined);
    });
  };

  for (const current of body) {
    // Dumps of several pages pasted together repeat the page header between entries.
    if (block.length === 0 && BOILERPLATE.includes(current.text)) continue;
    if (current.text === SEPARATOR) {
      if (block.length === 0) {
        result.rejected.push({ file, line: current.line, reason: 'separator without an entry', text: current.text });
      } else sawSeparator = true;
      continue;
    }
    const date = parseDateLine(current.text);
    const afterMeta = block.length > 1 && AUTHORS.test(block[block.length - 1]!.text);
    if (date && (sawSeparator || afterMeta)) {
      close(date);
      continue;
    }
    if (sawSeparator) close(undefined);
    block.push(current);
  }
  if (block.length > 0) {
    result.rejected.push({
      file,
      line: block[0]!.line,
      reason: 'truncated entry: the file ends before its date line',
      text: excerpt(block.map((l) => l.text).join(' / ')),
    });
  }
}

function parseBareDump(file: string, body: Line[], result: ParsedListing): void {
  for (let i = 0; i < body.length; ) {
    const title = body[i]!;
    const abstract = body[i + 1];
    if (looksLikeAbstract(title.text)) {
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
    } else if (!looksLikeAbstract(abstract.text) && body[i + 2] && looksLikeAbstract(body[i + 2]!.text)) {
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
  const { body, capturedOn } = skipHeader(contentLines(text));
  const format = detectFormat(text);
  const result: ParsedListing = { file, format, entries: [], rejected: [], warnings: [] };
  if (capturedOn) result.capturedOn = capturedOn;
  if (format === 'page') parsePageDump(file, body, result);
  else parseBareDump(file, body, result);
  return result;
}
