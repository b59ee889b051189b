/**
 * The parsed shape every listing reader returns (the text reader in this folder and the Daily Papers
 * JSON reader), so everything after parsing is one path.
 */
import type { DayMonth, EntryDate } from './dates.ts';
import type { ApiFields, Organisation } from '../paper/paper.ts';
import type { FurnitureKind } from './furniture.ts';

/**
 * `page`: a copy of the page, read by its card layout; `bare`: alternating title and abstract lines;
 * `daily-papers-json`: a saved response of the Daily Papers API (parse-daily-papers-json.ts).
 */
export type ListingFormat = 'page' | 'bare' | 'daily-papers-json';

/** Identifiers a listing itself gives (the JSON format does, and a copy of a paper's own page its arXiv id). */
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
  /** What the Daily Papers API adds, checked and bounded (api-fields.ts); a page copy gives only the submitter. */
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
  /** Page furniture dropped, by kind, so an editor sees what was ignored. */
  ignored: Partial<Record<FurnitureKind, number>>;
  /** What the reader took each line for (1-based line → role), for `ingest --explain`. */
  roles: Map<number, LineRole>;
  /** The card layout the reader learned from a text listing, for `ingest --explain`. */
  template?: TemplateSummary;
}

/** One place of a learned card layout, as `ingest --explain` shows it. */
export interface PlaceSummary {
  role: PlaceRole;
  /** Cards that had a line at this place, of all cards. */
  found: number;
  /** A value seen there, for the reader to recognise the place. */
  example: string;
}

export interface TemplateSummary {
  cards: number;
  /** Learned from the file's cards, or the page's own layout for a file of too few cards. */
  learned: boolean;
  /** Places before the abstract, in order. */
  before: PlaceSummary[];
  /** Places after the abstract, in order. */
  after: PlaceSummary[];
}

export type PlaceRole = 'title' | 'byline' | 'separator' | 'date' | 'upvotes' | 'comments' | 'submitter' | 'label' | 'unread';

/** The part a line played, as `ingest --explain` shows it. */
export type LineRole = PlaceRole | 'abstract' | 'metadata' | 'header day' | 'extra' | 'outside cards' | `furniture (${FurnitureKind})` | 'rejected';

export const NO_DATE = 'entry has no date line: kept without a date';
export const NO_ABSTRACT = 'entry has no abstract';
const MAX_TEXT_IN_REPORT = 300;

/** Text as the report quotes it: whole, or cut at MAX_TEXT_IN_REPORT. Every parser's findings use it. */
export const excerpt = (text: string) => (text.length > MAX_TEXT_IN_REPORT ? `${text.slice(0, MAX_TEXT_IN_REPORT)}…` : text);

/** A file rejected whole, with one reason at its first line. */
export const unreadListing = (file: string, reason: string): ParsedListing => ({
  file,
  format: 'page',
  entries: [],
  warnings: [],
  ignored: {},
  roles: new Map(),
  rejected: [{ file, line: 1, reason, text: '' }],
});

/** A reading of a document inside a file (a saved page's text, a mail's decoded part) with its entries, findings and roles moved to the file's own lines. */
export function atLines(parsed: ParsedListing, lineOf: (line: number) => number): ParsedListing {
  for (const list of [parsed.entries, parsed.warnings, parsed.rejected]) for (const x of list) x.line = lineOf(x.line);
  parsed.roles = new Map([...parsed.roles].map(([line, role]) => [lineOf(line), role]));
  return parsed;
}
