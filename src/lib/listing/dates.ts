import { readLocalisedDate, type SlashOrder } from './localised-dates.ts';

export interface DayMonth {
  month: number;
  day: number;
}

export interface ListingDate extends DayMonth {
  year?: number;
}

/** A date line of a page dump, e.g. `May 28, 2024`, `May 30`, `Jun 5, 2023 18` (18 upvotes). */
export interface DateLine extends ListingDate {
  upvotes?: number;
  /** Set when the year stood after the day without a comma (`May 28 2024`), where upvotes could stand too. */
  yearWithoutComma?: true;
  /** For a date written with slashes, whether it showed which of its numbers is the day. */
  slashOrder?: SlashOrder;
}

/** A relative date line (`2 days ago`, `yesterday`): a day counted back from the capture day. */
export interface RelativeDateLine {
  daysBeforeCapture: number;
  upvotes?: number;
}

/**
 * A line in the place and shape of a date line that names no day (`Feb 30, 2025`, `3 months ago`).
 * It still ends its entry: read as a title, it would swallow the entries after it.
 */
export interface UnplacedDateLine {
  problem: string;
  upvotes?: number;
}

/** What an entry's date line says. */
export type EntryDate = DateLine | RelativeDateLine | UnplacedDateLine;

const MONTH_NAMES = ['jan(?:uary)?', 'feb(?:ruary)?', 'mar(?:ch)?', 'apr(?:il)?', 'may', 'june?', 'july?', 'aug(?:ust)?', 'sep(?:t(?:ember)?)?', 'oct(?:ober)?', 'nov(?:ember)?', 'dec(?:ember)?'];
const MONTHS = MONTH_NAMES.map((name) => new RegExp(`^${name}$`, 'i'));
/** An upvote count as the page and people write it: `15`, `1,234`, `1.2k`. */
export const COUNT = String.raw`\d{1,7}|\d{1,3}(?:,\d{3})+|\d{1,4}(?:\.\d)?[kK]`;
/**
 * `May 28, 2024`, `May 28 2024` (a year of this century or the last without its comma: any other
 * number there counts upvotes), `May 28`, each with optional upvotes.
 */
const DATE_LINE = new RegExp(`^(${MONTH_NAMES.join('|')})\\.? (\\d{1,2})(?:(, ?| )((?:19|20)\\d{2})|, ?(\\d{4}))?(?: (${COUNT}))?$`, 'i');
/** The same day written day first (`28 May 2024`, `28 May`), as copies in other locales show it. */
const DAY_FIRST_LINE = new RegExp(`^(\\d{1,2}) (${MONTH_NAMES.join('|')})\\.?(?:,? (\\d{4}))?(?: (${COUNT}))?$`, 'i');
/** And as an ISO date (`2024-05-28`). */
const ISO_LINE = new RegExp(`^(\\d{4})-(\\d{2})-(\\d{2})(?: (${COUNT}))?$`);
/** Words a copy may put before a date: `Published on May 28, 2024`, `Submitted: 2 days ago`. */
const DATE_PREFIX = /^(?:published|submitted|updated|posted|listed|added)(?: on)?:? +/i;

const RELATIVE_LINE = new RegExp(`^(?:(just now|today|yesterday)|(a|an|one|\\d{1,4}) (second|minute|hour|day|week|month|year)s? ago)(?: (${COUNT}))?$`, 'i');

/** The number an upvote count stands for: `1.2k` is 1200, `1,234` is 1234. */
export function parseCount(text: string): number {
  const plain = text.replace(/,/g, '');
  return /k$/i.test(plain) ? Math.round(Number(plain.slice(0, -1)) * 1000) : Number(plain);
}

/** A lone upvote count, in any of the spellings COUNT accepts. */
export const isCount = (text: string) => new RegExp(`^(?:${COUNT})$`).test(text);

function daysIn(month: number, year: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const withUpvotes = (date: EntryDate, upvotes: string | undefined): EntryDate => (upvotes === undefined ? date : { ...date, upvotes: parseCount(upvotes) });

/** Month, day, year and upvotes of a line in any of the absolute date forms, as written. */
function absoluteParts(line: string): { month: number; day: number; year?: string | undefined; upvotes?: string | undefined; noComma?: boolean; slashOrder?: SlashOrder } | null {
  const monthOf = (name: string) => MONTHS.findIndex((pattern) => pattern.test(name)) + 1;
  let m = DATE_LINE.exec(line);
  if (m) return { month: monthOf(m[1]!), day: Number(m[2]), year: m[4] ?? m[5], upvotes: m[6], noComma: m[3] === ' ' };
  m = DAY_FIRST_LINE.exec(line);
  if (m) return { month: monthOf(m[2]!), day: Number(m[1]), year: m[3], upvotes: m[4] };
  m = ISO_LINE.exec(line);
  if (m) return { month: Number(m[2]), day: Number(m[3]), year: m[1], upvotes: m[4] };
  const local = readLocalisedDate(line);
  if (!local) return null;
  const parts = { month: local.month, day: local.day, year: local.year === undefined ? undefined : String(local.year), upvotes: local.upvotes === undefined ? undefined : String(local.upvotes) };
  return local.slashOrder ? { ...parts, slashOrder: local.slashOrder } : parts;
}

/** Reads a date line that names a calendar day, or says why the line in date form names none. */
function readAbsolute(line: string): EntryDate | null {
  const parts = absoluteParts(line);
  if (!parts) return null;
  const { month, day } = parts;
  const year = parts.year === undefined ? undefined : Number(parts.year);
  // A leap day without a year is checked against a leap year: the year is decided later.
  if (month < 1 || month > 12 || day < 1 || day > daysIn(month, year ?? 2024)) return withUpvotes({ problem: `"${line}" names no day of the calendar` }, parts.upvotes);
  const date: DateLine = { month, day };
  if (year !== undefined) date.year = year;
  if (parts.noComma) date.yearWithoutComma = true;
  if (parts.slashOrder) date.slashOrder = parts.slashOrder;
  return withUpvotes(date, parts.upvotes);
}

/**
 * Reads a relative date line. Counts of days or less give a day (anything under a day is the capture
 * day itself); weeks, months and years are too coarse to date a paper by.
 */
function readRelative(line: string): EntryDate | null {
  const m = RELATIVE_LINE.exec(line);
  if (!m) return null;
  const [, word, count, unit, upvotes] = m;
  if (word) return withUpvotes({ daysBeforeCapture: word.toLowerCase() === 'yesterday' ? 1 : 0 }, upvotes);
  const n = /^\d+$/.test(count!) ? Number(count) : 1;
  const lower = unit!.toLowerCase();
  if (lower === 'day') return withUpvotes({ daysBeforeCapture: n }, upvotes);
  if (lower === 'week' || lower === 'month' || lower === 'year') return withUpvotes({ problem: `"${line}" is too coarse to date a paper by` }, upvotes);
  return withUpvotes({ daysBeforeCapture: 0 }, upvotes);
}

/** Parses a date line that names a calendar day; null for anything else. */
export function parseDateLine(line: string): DateLine | null {
  const date = readAbsolute(line.trim().replace(DATE_PREFIX, ''));
  return date && 'month' in date ? date : null;
}

/** Reads an entry's date line of any kind (see EntryDate); null when the line is not one. */
export function readDateLine(line: string): EntryDate | null {
  const text = line.trim().replace(DATE_PREFIX, '');
  return readAbsolute(text) ?? readRelative(text);
}

/** A date line that prints neither a year nor upvotes: how a page header shows its capture day. */
export function isBareDay(date: DateLine): boolean {
  return date.year === undefined && date.upvotes === undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function toIsoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

export function parseIsoDate(iso: string): { year: number; month: number; day: number } {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

/** Whether `iso` is a real calendar day written as YYYY-MM-DD. */
export function isIsoDate(iso: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return false;
  const { year, month, day } = parseIsoDate(iso);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysIn(month, year);
}

export type ResolvedDate = { iso: string } | { problem: string };

const MONTH_LABELS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The day `days` before the ISO day `iso`. */
function daysBefore(iso: string, days: number): string {
  const { year, month, day } = parseIsoDate(iso);
  const d = new Date(Date.UTC(year, month - 1, day - days));
  return toIsoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * The day an entry's date line names. Daily-papers pages print the year only for earlier years, so
 * a yearless date is in the capture year, or in the year before when it would otherwise lie after
 * the capture day; a relative date counts back from the capture day. Without a capture date, for a
 * leap day the resolved year lacks, or for a line that names no day, it says why not.
 */
export function resolveDate(date: EntryDate, captured: string | undefined): ResolvedDate {
  if ('problem' in date) return { problem: date.problem };
  if ('daysBeforeCapture' in date) {
    if (!captured) return { problem: 'relative date and the capture date is unknown' };
    return { iso: daysBefore(captured, date.daysBeforeCapture) };
  }
  if (date.year !== undefined) return { iso: toIsoDate(date.year, date.month, date.day) };
  if (!captured) return { problem: 'date has no year and the capture year is unknown' };
  const c = parseIsoDate(captured);
  const afterCapture = date.month > c.month || (date.month === c.month && date.day > c.day);
  const year = afterCapture ? c.year - 1 : c.year;
  if (date.day > daysIn(date.month, year)) {
    return { problem: `${MONTH_LABELS[date.month - 1]} ${date.day} has no year: ${year}, the year it belongs to, has no such day` };
  }
  return { iso: toIsoDate(year, date.month, date.day) };
}
