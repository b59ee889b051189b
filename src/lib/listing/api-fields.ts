/**
 * The Daily Papers API's fields beyond title, abstract, authors and date, as its published client
 * models name them (huggingface_hub's `PaperInfo` and `User`): `ai_summary`, `ai_keywords`,
 * `projectPage`, `githubStars`, the submitter (`paper.submittedOnDailyBy`, or the item's
 * `submittedBy`: `user` or `name`, and `fullname`), and `withdrawnAt`, which the service adds to a
 * withdrawn paper. Each is read from the item's `paper` first and the item itself second, as the
 * client models fall back.
 *
 * Every value is untrusted: text is put on one line, bounded and kept as text (markup in it stays
 * literal characters on the page); a URL is kept only when it is an absolute http(s) URL; anything
 * of another type, out of bounds or unusable is left out with a warning, never the item.
 */
import { z } from 'astro/zod';
import { parseHttpUrl } from '../identifiers/identifiers.ts';
import type { ApiFields, Submitter } from '../paper/paper.ts';
import { apiDay, oneLine } from './api-values.ts';

type Json = Record<string, unknown>;

/** Reads one field of an object, warning when it is there with the wrong type (parse-daily-papers-json.ts). */
export type FieldReader = <T>(from: Json, key: string, schema: z.ZodType<T>, path: string) => T | undefined;

/** Longest AI summary kept whole: Hugging Face's run to two sentences; a longer one is cut. */
export const AI_SUMMARY_MAX = 400;
/** Keywords a paper keeps: Hugging Face gives about ten; more would crowd the page and the search filter. */
export const KEYWORDS_MAX = 12;
/** Longest keyword: a keyword is a phrase, not a sentence. */
export const KEYWORD_MAX = 60;
export const URL_MAX = 500;
const FULLNAME_MAX = 100;
/** Hugging Face user names: letters, digits, `-`, `_` and `.`, starting with a letter or digit. */
const USER_NAME = /^[A-Za-z0-9][\w.-]{0,95}$/;

/** At most `max` UTF-16 units, cut at a word where one is near, never inside a surrogate pair. */
export function bounded(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}

/** Something that reads as a word: a keyword or name of punctuation alone says nothing. */
const hasWord = (text: string) => /[\p{L}\p{N}]/u.test(text);

const user = z.object({ user: z.unknown(), name: z.unknown(), fullname: z.unknown() }).partial();

/** A field from the paper, else from the item: the client models read both. */
function either<T>(field: FieldReader, paper: Json, item: Json, key: string, schema: z.ZodType<T>): T | undefined {
  return field(paper, key, schema, `paper.${key}`) ?? field(item, key, schema, key);
}

function readSubmitter(raw: z.infer<typeof user>, path: string, warn: (reason: string) => void): Submitter | undefined {
  const submitter: Submitter = {};
  const handle = raw.user ?? raw.name;
  if (typeof handle === 'string' && USER_NAME.test(handle)) submitter.user = handle;
  else if (handle !== undefined && handle !== null && handle !== '') warn(`${path} user name ${JSON.stringify(handle)?.slice(0, 60)} is not a Hugging Face user name: left out`);
  if (typeof raw.fullname === 'string') {
    const fullname = bounded(oneLine(raw.fullname), FULLNAME_MAX);
    if (hasWord(fullname)) submitter.fullname = fullname;
  }
  return submitter.user || submitter.fullname ? submitter : undefined;
}

function readKeywords(raw: unknown[], warn: (reason: string) => void): string[] | undefined {
  const seen = new Set<string>();
  const keywords: string[] = [];
  let unusable = 0;
  for (const value of raw) {
    const keyword = typeof value === 'string' ? oneLine(value) : '';
    if (keyword === '' || keyword.length > KEYWORD_MAX || !hasWord(keyword)) {
      unusable += 1;
      continue;
    }
    const key = keyword.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    keywords.push(keyword);
  }
  if (unusable > 0) warn(`${unusable} of ${raw.length} ai_keywords are not words of at most ${KEYWORD_MAX} characters: left out`);
  if (keywords.length > KEYWORDS_MAX) warn(`${keywords.length} ai_keywords: the first ${KEYWORDS_MAX} kept`);
  return keywords.length > 0 ? keywords.slice(0, KEYWORDS_MAX) : undefined;
}

/**
 * The API fields of one item. `field` reads a field with its type checked (a wrong type is its
 * warning); `warn` says what else was left out or cut.
 */
export function readApiFields(paper: Json, item: Json, field: FieldReader, warn: (reason: string) => void): ApiFields {
  const fields: ApiFields = {};

  const summary = either(field, paper, item, 'ai_summary', z.string());
  if (summary !== undefined) {
    const line = oneLine(summary);
    if (line.length > AI_SUMMARY_MAX) warn(`ai_summary is ${line.length} characters long: cut to ${AI_SUMMARY_MAX}`);
    if (hasWord(line)) fields.aiSummary = bounded(line, AI_SUMMARY_MAX);
  }

  const keywords = either(field, paper, item, 'ai_keywords', z.array(z.unknown()));
  const kept = keywords && readKeywords(keywords, warn);
  if (kept) fields.aiKeywords = kept;

  const page = either(field, paper, item, 'projectPage', z.string());
  if (page !== undefined && page.trim() !== '') {
    const url = parseHttpUrl(page);
    if (url && url.href.length <= URL_MAX) fields.projectPage = url.href;
    else warn(`projectPage ${JSON.stringify(page.slice(0, 60))} is not an http(s) URL of at most ${URL_MAX} characters: left out`);
  }

  const stars = either(field, paper, item, 'githubStars', z.number().int().nonnegative());
  if (stars !== undefined) fields.githubStars = stars;

  const withdrawn = either(field, paper, item, 'withdrawnAt', apiDay);
  if (withdrawn !== undefined) fields.withdrawn = withdrawn;

  const raw = field(paper, 'submittedOnDailyBy', user, 'paper.submittedOnDailyBy');
  const submitter = raw ? readSubmitter(raw, 'paper.submittedOnDailyBy', warn) : undefined;
  const fallback = submitter ? undefined : field(item, 'submittedBy', user, 'submittedBy');
  const chosen = submitter ?? (fallback ? readSubmitter(fallback, 'submittedBy', warn) : undefined);
  if (chosen) fields.submitter = chosen;
  return fields;
}
