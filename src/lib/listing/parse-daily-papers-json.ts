/**
 * The third listing format: a saved response of the Hugging Face Daily Papers API
 * (`/api/daily_papers`, optionally `?date=YYYY-MM-DD`), read into the same parsed shape as the text
 * dumps. The response is an array of items, each with the day's `title`, `publishedAt` (the day it
 * was put on the daily page) and `numComments`, and a `paper` carrying the arXiv `id`, `title`,
 * `summary`, `authors[].name`, `publishedAt` (arXiv's date), `upvotes`, optional `githubRepo` and
 * whatever else the service adds: of that, the AI summary and keywords, project page, stars,
 * submitter and withdrawal are read by listing/api-fields.ts. A page's own embedded props
 * (`{ "dailyPapers": [...] }`) and a single item are read too.
 *
 * Nothing here trusts the file: every field is checked for its type, a field of the wrong type is
 * left out with a warning, and an item that cannot be a paper is rejected with its index and line.
 * JSON is parsed as data only (jsonc-parser, which also gives each item's place in the file).
 */
import { z } from 'astro/zod';
import { type Node, type ParseError, getNodeValue, parseTree, printParseErrorCode } from 'jsonc-parser';
import { parseIsoDate } from './dates.ts';
import { parseArxivId, parseCodeUrl } from '../identifiers/identifiers.ts';
import { readApiFields } from './api-fields.ts';
import { apiDay as day, oneLine } from './api-values.ts';
import { type Finding, NO_ABSTRACT, NO_DATE, type ParsedListing, type RawEntry, excerpt } from './index.ts';
import { MAX_JSON_DEPTH, tooDeepAt } from '../security/json-depth.ts';
import { hasInvisibleCharacters } from './text.ts';

/** Line starts of a text, so an offset can be named by its 1-based line. */
function lineOf(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/** An abstract as the text dumps give it: paragraphs apart, arXiv's hard-wrapped lines joined. */
const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map(oneLine)
    .filter((p) => p !== '')
    .join('\n\n');

const text = z.string();
const count = z.number().int().nonnegative();
const author = z.object({ name: z.string() });

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The items of a response, wherever the saved shape keeps them; null when it is no response at all. */
function itemNodes(root: Node): Node[] | null {
  if (root.type === 'array') return root.children ?? [];
  if (root.type !== 'object') return null;
  const props = root.children ?? [];
  const daily = props.find((p) => p.children?.[0]?.value === 'dailyPapers')?.children?.[1];
  if (daily?.type === 'array') return daily.children ?? [];
  const value: unknown = getNodeValue(root);
  return isObject(value) && isObject(value['paper']) ? [root] : null;
}

/** Reads one item; undefined (with a rejection) when it cannot be a paper. */
function readItem(value: unknown, at: { file: string; line: number; item: number }, result: ParsedListing): RawEntry | undefined {
  const finding = (reason: string, shown = ''): Finding => ({ ...at, reason, text: excerpt(shown) });
  if (!isObject(value)) {
    result.rejected.push(finding(`item ${at.item} is not an object`, JSON.stringify(value) ?? ''));
    return undefined;
  }
  const paper = isObject(value['paper']) ? value['paper'] : {};
  /** A field's value when it has the expected type; a warning when it is there but of another type. */
  const field = <T>(from: Json, key: string, schema: z.ZodType<T>, path: string): T | undefined => {
    const raw = from[key];
    if (raw === undefined || raw === null) return undefined;
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    result.warnings.push(finding(`item ${at.item}: ${path} is not what the API gives (${JSON.stringify(raw)?.slice(0, 60)}): left out`));
    return undefined;
  };

  const title = oneLine(field(paper, 'title', text, 'paper.title') ?? field(value, 'title', text, 'title') ?? '');
  const abstract = paragraphs(field(paper, 'summary', text, 'paper.summary') ?? field(value, 'summary', text, 'summary') ?? '');
  if (title === '') {
    result.rejected.push(finding(abstract === '' ? `item ${at.item} has no title and no summary` : `item ${at.item} has no title`, abstract));
    return undefined;
  }

  const entry: RawEntry = { file: at.file, line: at.line, item: at.item, title, abstract };
  const id = field(paper, 'id', text, 'paper.id');
  const arxiv = id === undefined ? null : parseArxivId(id);
  if (arxiv) entry.ids = { arxiv: arxiv.id };
  else if (id !== undefined) result.warnings.push(finding(`item ${at.item}: paper.id "${id}" is not an arXiv id: kept without one`, title));

  const repo = field(paper, 'githubRepo', text, 'paper.githubRepo');
  const code = repo === undefined ? null : parseCodeUrl(repo);
  if (code) entry.ids = { ...entry.ids, code };
  else if (repo !== undefined && repo !== '') result.warnings.push(finding(`item ${at.item}: paper.githubRepo "${repo}" is not a code repository's URL: left out`, title));

  const authors = field(paper, 'authors', z.array(z.unknown()), 'paper.authors');
  if (authors) {
    // Hidden authors are still the paper's authors: `hidden` only hides their Hugging Face account.
    const names = authors.flatMap((a) => {
      const parsed = author.safeParse(a);
      const name = parsed.success ? oneLine(parsed.data.name) : '';
      return name === '' ? [] : [name];
    });
    if (names.length < authors.length) result.warnings.push(finding(`item ${at.item}: ${authors.length - names.length} of ${authors.length} authors have no name: left out`, title));
    if (names.length > 0) {
      entry.authorNames = names;
      entry.authors = names.length;
    }
  }

  const published = field(paper, 'publishedAt', day, 'paper.publishedAt') ?? field(value, 'publishedAt', day, 'publishedAt');
  const upvotes = field(paper, 'upvotes', count, 'paper.upvotes');
  if (published) {
    const { year, month, day: d } = parseIsoDate(published);
    entry.date = upvotes === undefined ? { year, month, day: d } : { year, month, day: d, upvotes };
  } else if (upvotes !== undefined) entry.date = { problem: 'the item gives no date', upvotes };
  else result.warnings.push(finding(NO_DATE, title));
  const comments = field(value, 'numComments', count, 'numComments');
  if (comments !== undefined) entry.comments = comments;

  Object.assign(
    entry,
    readApiFields(paper, value, field, (reason) => result.warnings.push(finding(`item ${at.item}: ${reason}`, title))),
  );

  if (abstract === '') result.warnings.push(finding(NO_ABSTRACT, title));
  return entry;
}

/** The day the listing shows: when its items were put on the daily page. */
function captureDay(items: unknown[]): string | undefined {
  let latest: string | undefined;
  for (const item of items) {
    if (!isObject(item)) continue;
    const paper = isObject(item['paper']) ? item['paper'] : {};
    for (const raw of [item['publishedAt'], paper['submittedOnDailyAt']]) {
      const parsed = day.safeParse(raw);
      if (parsed.success && (!latest || parsed.data > latest)) latest = parsed.data;
    }
  }
  return latest;
}

/** The texts of an item that become a page's text: its titles, summaries and author names. */
function shownTexts(item: unknown): unknown[] {
  if (!isObject(item)) return [];
  const paper = isObject(item['paper']) ? item['paper'] : {};
  const authors = Array.isArray(paper['authors']) ? paper['authors'] : [];
  return [paper['title'], paper['summary'], item['title'], item['summary'], ...authors.map((a) => (isObject(a) ? a['name'] : undefined))];
}

/** Parses one saved Daily Papers JSON response. Pure: never throws on content. */
export function parseDailyPapersJson(file: string, source: string): ParsedListing {
  const result: ParsedListing = { file, format: 'daily-papers-json', entries: [], rejected: [], warnings: [], ignored: {}, roles: new Map() };
  const line = lineOf(source);
  // Read only up to where the file nests too deep for the parser's recursion (see json-depth.ts).
  const deep = tooDeepAt(source);
  const errors: ParseError[] = [];
  const root = parseTree((deep === undefined ? source : source.slice(0, deep)).replace(/^\uFEFF/, ' '), errors, { disallowComments: true, allowTrailingComma: false });
  const firstError = deep === undefined ? errors[0] : { offset: deep, reason: `nested deeper than ${MAX_JSON_DEPTH} levels, which no Daily Papers response is` };
  if (firstError) {
    result.rejected.push({
      file,
      line: line(firstError.offset),
      reason: `${'reason' in firstError ? firstError.reason : `not valid JSON (${printParseErrorCode(firstError.error)})`}: nothing from here on is read`,
      text: excerpt(source.slice(firstError.offset, firstError.offset + 80)),
    });
  }
  const nodes = root ? itemNodes(root) : null;
  if (!nodes) {
    if (!firstError) result.rejected.push({ file, line: 1, reason: 'not a Daily Papers response: expected an array of items, each with a "paper"', text: excerpt(source.slice(0, 80)) });
    return result;
  }
  // A truncated save still gives every item that ended before the file broke off: the items in
  // file order up to the first that does not, so an item's index is its place in `values`.
  const whole = nodes.filter((node) => !firstError || node.offset + node.length <= firstError.offset);
  const values = whole.map((node) => getNodeValue(node) as unknown);
  let unreadable: number | undefined;
  whole.forEach((node, i) => {
    const at = { file, line: line(node.offset), item: i };
    const entry = readItem(values[i], at, result);
    if (entry) result.entries.push(entry);
    if (unreadable === undefined && shownTexts(values[i]).some((t) => typeof t === 'string' && hasInvisibleCharacters(t))) {
      unreadable = i;
      result.warnings.push({
        ...at,
        reason: `item ${i} carries invisible characters or characters XML cannot carry (controls, noncharacters, lone surrogates): removed here and in every later item`,
        text: entry?.title ?? '',
      });
    }
  });
  if (nodes.length === 0) result.warnings.push({ file, line: 1, reason: 'the response holds no items', text: '' });
  const captured = captureDay(values);
  if (captured) result.captured = captured;
  result.rejected.sort((a, b) => a.line - b.line);
  return result;
}
