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
}

const MONTH_NAMES = [
  'jan(?:uary)?',
  'feb(?:ruary)?',
  'mar(?:ch)?',
  'apr(?:il)?',
  'may',
  'june?',
  'july?',
  'aug(?:ust)?',
  'sep(?:t(?:ember)?)?',
  'oct(?:ober)?',
  'nov(?:ember)?',
  'dec(?:ember)?',
];
const MONTHS = MONTH_NAMES.map((name) => new RegExp(`^${name}$`, 'i'));
const DATE_LINE = new RegExp(`^(${MONTH_NAMES.join('|')})\\.? (\\d{1,2})(?:, ?(\\d{4}))?(?: (\\d{1,7}))?$`, 'i');

function daysIn(month: number, year: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses a date line; null when the line is not one (or names a day no month has). */
export function parseDateLine(line: string): DateLine | null {
  const m = DATE_LINE.exec(line.trim());
  if (!m) return null;
  const month = MONTHS.findIndex((name) => name.test(m[1]!)) + 1;
  const day = Number(m[2]);
  const year = m[3] === undefined ? undefined : Number(m[3]);
  // A leap day without a year is checked against a leap year: the year is decided later.
  if (day < 1 || day > daysIn(month, year ?? 2024)) return null;
  const date: DateLine = { month, day };
  if (year !== undefined) date.year = year;
  if (m[4] !== undefined) date.upvotes = Number(m[4]);
  return date;
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

/**
 * Gives a listing date its year. Daily-papers pages print the year only for earlier years, so a
 * yearless date is in the capture year, or in the year before when it would otherwise lie after the
 * capture day. Without a capture date, or for a leap day the resolved year lacks, it says why not.
 */
export function resolveDate(date: ListingDate, captured: string | undefined): ResolvedDate {
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
