import type { ApiFields, Organisation } from './paper.ts';
import { type DayMonth, type EntryDate, isBareDay, isCount, parseCount, parseDateLine, readDateLine } from './dates.ts';
import { hasInvisibleCharacters, isBinaryJunk, normalizeLine, splitLines } from './text.ts';

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
  /** What the Daily Papers API adds, checked and bounded (src/lib/listing/api-fields.ts); text dumps give none. */
  aiSummary?: ApiFields['aiSummary'];
  aiKeywords?: ApiFields['aiKeywords'];
  projectPage?: ApiFields['projectPage'];
  githubStars?: ApiFields['githubStars'];
  withdrawn?: ApiFields['withdrawn'];
  submitter?: ApiFields['submitter'];
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
  /** Page furniture dropped, by kind (see FURNITURE), so an editor sees what was ignored. */
  ignored: Partial<Record<FurnitureKind, number>>;
  /** What the reader took each line for (1-based line → role), for `ingest --explain`. */
  roles: Map<number, LineRole>;
}

/** The part a line played, as `ingest --explain` shows it. */
export type LineRole = 'title' | 'abstract' | 'metadata' | 'separator' | 'date' | 'upvotes' | 'header day' | `furniture (${FurnitureKind})` | 'rejected';

interface Line {
  line: number;
  text: string;
  /** The first line after a page header: pages pasted together repeat their header between entries. */
  afterHeader: boolean;
}

/**
 * Page furniture of the Hugging Face Daily Papers page, as select-all copies and page exporters
 * give it (collected from public captures of huggingface.co/papers): the page header, the site's
 * navigation and footer, the list's controls, and the lines each paper card adds. Matched whole,
 * without case or spaces; the header's phrases also when glued to the start of the first title.
 */
const FURNITURE = {
  header: [
    'Get trending papers in your email inbox once a day!',
    'Get trending papers in your email inbox!',
    'by AK and the research community',
    'Daily Papers by AK and the research community',
    'and the research community',
    'Daily Papers',
    'Trending Papers',
    'Subscribe',
    'new',
  ],
  navigation: [
    'Hugging Face', 'Models', 'Datasets', 'Spaces', 'Buckets new', 'Buckets', 'Docs', 'Enterprise', 'Pricing', 'Log In', 'Sign Up',
    'Website', 'Tasks', 'HuggingChat', 'Collections', 'Languages', 'Organizations', 'Community', 'Blog', 'Posts', 'Learn',
    'Discord', 'Forum', 'GitHub', 'Solutions', 'Team & Enterprise', 'Hugging Face PRO', 'Enterprise Support',
    'Inference Providers', 'Inference Endpoints', 'Storage Buckets', 'System theme', 'Company', 'TOS', 'Terms of Service',
    'Privacy', 'About', 'Careers', 'Jobs',
  ],
  controls: ['Daily', 'Weekly', 'Monthly', 'Previous', 'Next', 'Submitted by', 'Trending Papers ranked by GitHub stars activity', 'Search any paper with AI'],
} as const;
export type FurnitureKind = keyof typeof FURNITURE | 'paper card';

/** Header phrases long enough to be told apart from a title they are glued to. */
const GLUABLE = FURNITURE.header.filter((b) => b.length > 3);

/**
 * A line as it compares with the furniture: without case or spaces, since how a copied page
 * spaces its linked words depends on the browser (`byAK and …` here, `by AK and …` elsewhere).
 */
const furnitureForm = (line: string) => line.toLowerCase().replace(/ /g, '');
const FURNITURE_KIND = new Map<string, FurnitureKind>(
  (Object.entries(FURNITURE) as [FurnitureKind, readonly string[]][]).flatMap(([kind, lines]) => lines.map((line) => [furnitureForm(line), kind] as const)),
);
/**
 * What each paper card adds in copies that keep its links and widgets: the upvote button (`[-] 12`,
 * `[-] -`), a link target on its own line, a lone bracket of a link split over lines.
 */
const CARD_FURNITURE = /^(?:\[-\] ?(?:\d[\d,.]*k?|-)|https?:\/\/\S+|\[|\]|\]\[\d+\])$/i;

/**
 * A Markdown export of the page has whole lines that are links (`### [A Title](https://…)`,
 * `[4 authors](https://…)`, or a link's tail `4 authors](https://…)`); a text copy has none, even
 * where an abstract quotes a link.
 */
const LINK_LINE = /^(?:#{1,6} +)?(?:\[[^\]\n]*|[^[\]\n]*)\]\((?:https?:)?\/\/[^)\s]*\)[ \t]*\r?$/m;
const isMarkdownExport = (text: string) => LINK_LINE.test(text);

/**
 * Strips the markup page exporters (Markdown copies, link-keeping text exports) wrap around a
 * line: images, links reduced to their text (`[4 authors](https://…)`, `[A Title][12]`, and the
 * tail of a link whose `[` stood on the line before), and in a Markdown export, a heading's `#`s
 * (`### [A Title](https://…)`). In a text copy, `# …` is a title's own text.
 */
function unwrapExportMarkup(line: string, markdown: boolean): string {
  return (markdown ? line.replace(/^#{1,6} +/, '') : line)
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\((?:https?:\/\/|\/)[^)\s]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[\d+\]/g, '$1')
    .replace(/^([^[\]]*)\]\((?:https?:\/\/|\/)[^)\s]*\)$/, '$1')
    .trim();
}

/** The dot between a page dump's metadata and its date, and the look-alikes copies and fonts put in its place. */
const DOTS = ['·', '・', '･', '‧', '∙', '⋅'];
/** Dots, bullets and bars plain-text copies may show in its place, on a line of their own or inside a metadata row. */
const ROW_SEPARATORS = [...DOTS, '•', '|'];
/**
 * Every separator on a line of its own: dashes too, which inside a row would split titles. Only the
 * dot itself marks a page dump: a lone dash could be anything.
 */
const SEPARATORS = new Set([...ROW_SEPARATORS, '-', '–', '—']);
const METADATA_ROW = new RegExp(`^(.+?) ([${ROW_SEPARATORS.join('')}]) (.+)$`);
/** The longest metadata (author count or organisation) that can share a row with the date. */
const MAX_META_IN_ROW = 80;
const AUTHORS = /^•? ?(\d{1,4}) authors?$/i;
const MAX_TEXT_IN_REPORT = 300;

export const NO_DATE = 'entry has no date line: kept without a date';
export const NO_ABSTRACT = 'entry has no abstract';

/** Text as the report quotes it: whole, or cut at MAX_TEXT_IN_REPORT. Every parser's findings use it. */
export const excerpt = (text: string) =>
  text.length > MAX_TEXT_IN_REPORT ? `${text.slice(0, MAX_TEXT_IN_REPORT)}…` : text;

/**
 * Removes boilerplate glued to the front of a line (`SubscribeExploration of …`). A phrase only
 * counts as glued when what follows does not continue a lowercase word, so a title such as
 * `Subscribers of …` survives.
 */
function stripGluedHeader(text: string): string {
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

/** The vote button of a Markdown export: the count, linked to the login page (`[101](https://huggingface.co/login?next=…)`). */
const VOTE_LINK = /^\[[^\]]*\]\((?:https?:\/\/huggingface\.co)?\/login\b[^)]*\)$/;

/** A furniture line, by kind, or undefined for content. */
function furnitureKind(line: string): FurnitureKind | undefined {
  return FURNITURE_KIND.get(furnitureForm(line)) ?? (CARD_FURNITURE.test(line) ? 'paper card' : undefined);
}

/**
 * The content lines of a dump, common to both formats: normalised, exporters' markup unwrapped,
 * blank lines gone, binary junk rejected, page furniture dropped (counted by kind), page headers
 * (furniture and the capture day after it, at the top or repeated mid-file) removed, and header
 * phrases glued onto the next line stripped off it.
 */
function contentLines(file: string, text: string, result: ParsedListing): Line[] {
  const lines: Line[] = [];
  const markdown = isMarkdownExport(text);
  const invisible: number[] = [];
  let inHeader = true;
  splitLines(text).forEach((raw, i) => {
    const line = i + 1;
    if (isBinaryJunk(raw)) {
      result.rejected.push({ file, line, reason: 'binary junk, not text', text: excerpt(raw) });
      result.roles.set(line, 'rejected');
      return;
    }
    if (hasInvisibleCharacters(raw)) invisible.push(line);
    const normal = normalizeLine(raw);
    const clean = unwrapExportMarkup(normal, markdown);
    if (clean === '') return;
    const furniture = VOTE_LINK.test(normal) ? 'paper card' : furnitureKind(clean);
    if (furniture) {
      result.ignored[furniture] = (result.ignored[furniture] ?? 0) + 1;
      result.roles.set(line, `furniture (${furniture})`);
      if (furniture === 'header') inHeader = true;
      return;
    }
    const date = parseDateLine(clean);
    if (inHeader && date && isBareDay(date)) {
      const seen = result.capturedOn;
      result.roles.set(line, 'header day');
      if (!seen) result.capturedOn = { month: date.month, day: date.day };
      else if (seen.month !== date.month || seen.day !== date.day) {
        result.warnings.push({ file, line, reason: 'a repeated page header shows another capture day: the first one is used', text: clean });
      }
      return;
    }
    const stripped = inHeader ? stripGluedHeader(clean) : clean;
    const afterHeader = inHeader && lines.length > 0;
    // Only page dumps have metadata rows; in a bare dump the line is a title or an abstract, whole.
    for (const text of result.format === 'page' ? metadataRow(stripped) : [stripped]) lines.push({ line, text, afterHeader });
    inHeader = false;
  });
  if (invisible.length > 0) {
    const where = invisible.length === 1 ? 'this line' : `${invisible.length} lines, first here`;
    result.warnings.push({ file, line: invisible[0]!, reason: `invisible characters (zero-width spaces or joiners, soft hyphens, direction marks) removed from ${where}`, text: '' });
  }
  return lines;
}

const DOT_CLASS = `[${DOTS.join('')}]`;
/** Metadata with the dot still on its line (`• 4 authors ·`), and a date with the dot before it (`· May 28, 2024`). */
const TRAILING_DOT = new RegExp(`^(.+?) ?(${DOT_CLASS})$`);
const LEADING_DOT = new RegExp(`^(${DOT_CLASS}) ?(.+)$`);

/**
 * A line as the lines it stands for. Copies that keep a page's inline elements together put the
 * metadata, the separator and the date on one row (`• 4 authors · May 28, 2024`), or the dot on
 * the metadata's line or the date's: split, it reads like every other entry, and unsplit its
 * entry would run on into the next ones.
 */
function metadataRow(text: string): string[] {
  const m = METADATA_ROW.exec(text);
  if (m && m[1]!.length <= MAX_META_IN_ROW && readDateLine(m[3]!)) return [m[1]!, m[2]!, m[3]!];
  // A title or an abstract never ends in a spaced dot; an author count or an organisation may carry it.
  const trailing = TRAILING_DOT.exec(text);
  if (trailing && / $/.test(text.slice(0, -trailing[2]!.length)) && trailing[1]!.length <= MAX_META_IN_ROW) return [trailing[1]!, trailing[2]!];
  const leading = LEADING_DOT.exec(text);
  if (leading && readDateLine(leading[2]!)) return [leading[1]!, leading[2]!];
  return [text];
}

export function detectFormat(text: string): ListingFormat {
  const markdown = isMarkdownExport(text);
  // A metadata row counts by its author count: `Keynote · Oct 3` could as well be a bare dump's title.
  return splitLines(text).some((raw) => {
    const line = unwrapExportMarkup(normalizeLine(raw), markdown);
    return DOTS.includes(line) || metadataRow(line).some((part) => AUTHORS.test(part));
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
    if (looksLikeAbstract(before) && !continuesParagraph(text) && isTitle(text, after) && looksLikeAbstract(after)) starts.push(i);
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

/**
 * A paragraph that cannot start an entry: a title does not end in a colon, semicolon or comma, and
 * an abstract's paragraphs often do (`Our contributions are threefold:`).
 */
const continuesParagraph = (text: string) => /[:;,]$/.test(text);

/**
 * Warns about an abstract holding what reads like another entry (a title-like paragraph followed by
 * an abstract-like one) that the structure did not split off: it may have swallowed an entry whose
 * metadata lines were lost.
 */
function checkAbsorbed(lines: Line[], result: ParsedListing): void {
  for (let i = 2; i < lines.length - 1; i++) {
    const [text, next] = [lines[i]!.text, lines[i + 1]!.text];
    if (!looksLikeAbstract(text) && !continuesParagraph(text) && isTitle(text, next) && looksLikeAbstract(next)) {
      result.warnings.push({
        file: result.file,
        line: lines[i]!.line,
        reason: `read as part of the abstract of line ${lines[0]!.line}, but reads like a title: if it starts another entry, that entry lost its metadata lines`,
        text: excerpt(text),
      });
    }
  }
}

function parsePageDump(file: string, body: Line[], result: ParsedListing): void {
  let block: Line[] = [];
  let sawSeparator = false;
  /** The entry a date line just closed, while a lone upvote count on the next line may still follow. */
  let justDated: RawEntry | undefined;
  /** The first date line whose year stood without a comma, where upvotes could stand too. */
  let yearWithoutComma: Line | undefined;

  const pushEntry = (lines: Line[], meta: Meta, date: EntryDate | undefined): RawEntry => {
    const first = lines[0]!;
    const abstract = lines.slice(1).map((l) => l.text).join('\n\n');
    const entry: RawEntry = { file, line: first.line, title: first.text, abstract, ...meta };
    result.roles.set(first.line, 'title');
    for (const l of lines.slice(1)) result.roles.set(l.line, 'abstract');
    checkAbsorbed(lines, result);
    if (date) entry.date = date;
    else result.warnings.push({ file, line: first.line, reason: NO_DATE, text: excerpt(first.text) });
    if (abstract === '') result.warnings.push({ file, line: first.line, reason: NO_ABSTRACT, text: excerpt(first.text) });
    result.entries.push(entry);
    return entry;
  };

  /** Ends the current block. Only its last entry owns the metadata and the date. */
  const close = (date: EntryDate | undefined, atEnd = false): RawEntry | undefined => {
    const { lines, meta, found } = takeMeta(block);
    if (found) result.roles.set(block[block.length - 1]!.line, 'metadata');
    const complete = !atEnd || found || sawSeparator;
    block = [];
    sawSeparator = false;
    const parts = splitEntries(lines);
    const last = parts.pop()!;
    for (const part of parts) pushEntry(part, {}, undefined);
    if (complete) return pushEntry(last, meta, date);
    for (const l of last) result.roles.set(l.line, 'rejected');
    result.rejected.push({
      file,
      line: last[0]!.line,
      reason: 'truncated entry: the file ends before its metadata and date lines',
      text: excerpt(last.map((l) => l.text).join(' / ')),
    });
    return undefined;
  };

  body.forEach((current, i) => {
    const dated = justDated;
    justDated = undefined;
    if (current.afterHeader && block.length > 0) close(undefined);
    if (SEPARATORS.has(current.text)) {
      result.roles.set(current.line, 'separator');
      if (block.length === 0) result.rejected.push({ file, line: current.line, reason: 'separator without an entry', text: current.text });
      else sawSeparator = true;
      return;
    }
    // A number after a date line counts its upvotes, unless an abstract follows: then it is a title (`2048`).
    const next = body[i + 1];
    if (block.length === 0 && dated?.date && dated.date.upvotes === undefined && isCount(current.text) && !(next && looksLikeAbstract(next.text))) {
      dated.date.upvotes = parseCount(current.text);
      result.roles.set(current.line, 'upvotes');
      return;
    }
    const date = readDateLine(current.text);
    if (date) {
      result.roles.set(current.line, 'date');
      if ('yearWithoutComma' in date && !yearWithoutComma) yearWithoutComma = current;
      if (block.length > 0) justDated = close(date);
      else result.rejected.push({ file, line: current.line, reason: 'date line without an entry', text: current.text });
      return;
    }
    // After a separator, or after an author count, a line that is no date starts the next entry: this one lost its date.
    if (sawSeparator || (block.length > 1 && AUTHORS.test(block[block.length - 1]!.text))) close(undefined);
    block.push(current);
  });
  if (block.length > 0) close(undefined, true);
  if (yearWithoutComma) {
    result.warnings.push({
      file,
      line: yearWithoutComma.line,
      reason: 'dates without a comma before the year (first here): a number from 1900 to 2099 after the day is read as the year, not as upvotes',
      text: yearWithoutComma.text,
    });
  }
}

function parseBareDump(file: string, body: Line[], result: ParsedListing): void {
  for (let i = 0; i < body.length; ) {
    const title = body[i]!;
    const abstract = body[i + 1];
    const next = body[i + 2];
    if (!isTitle(title.text, abstract?.text)) {
      result.rejected.push({ file, line: title.line, reason: 'abstract without a title', text: excerpt(title.text) });
      result.roles.set(title.line, 'rejected');
      i += 1;
    } else if (!abstract) {
      result.rejected.push({
        file,
        line: title.line,
        reason: 'truncated entry: title without an abstract at the end of the file',
        text: excerpt(title.text),
      });
      result.roles.set(title.line, 'rejected');
      i += 1;
    } else if (!looksLikeAbstract(abstract.text) && next && looksLikeAbstract(next.text) && isTitle(abstract.text, next.text)) {
      result.rejected.push({ file, line: title.line, reason: 'title without an abstract', text: excerpt(title.text) });
      result.roles.set(title.line, 'rejected');
      i += 1;
    } else {
      result.entries.push({ file, line: title.line, title: title.text, abstract: abstract.text });
      result.roles.set(title.line, 'title').set(abstract.line, 'abstract');
      i += 2;
    }
  }
}

/** Parses one raw listing dump of either format. Pure: never throws on content. */
export function parseListing(file: string, text: string): ParsedListing {
  const result: ParsedListing = { file, format: detectFormat(text), entries: [], rejected: [], warnings: [], ignored: {}, roles: new Map() };
  const body = contentLines(file, text, result);
  if (result.format === 'page') parsePageDump(file, body, result);
  else parseBareDump(file, body, result);
  result.rejected.sort((a, b) => a.line - b.line);
  return result;
}
