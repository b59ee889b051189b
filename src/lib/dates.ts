const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

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

const DATE_LINE = /^([A-Za-z]{3})[a-z]*\.? (\d{1,2})(?:, ?(\d{4}))?(?: (\d{1,7}))?$/;

function daysIn(month: number, year: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses a date line; null when the line is not one (or names a day no month has). */
export function parseDateLine(line: string): DateLine | null {
  const m = DATE_LINE.exec(line.trim());
  if (!m) return null;
  const month = MONTHS.indexOf(m[1]!.toLowerCase()) + 1;
  if (month === 0) return null;
  const day = Number(m[2]);
  const year = m[3] === undefined ? undefined : Number(m[3]);
  // A leap day without a year is checked against a leap year: the year is decided later.
  if (day < 1 || day > daysIn(month, year ?? 2024)) return null;
  const date: DateLine = { month, day };
  if (year !== undefined) date.year = year;
  if (m[4] !== undefined) date.upvotes = Number(m[4]);
  return date;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function toIsoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

export function parseIsoDate(iso: string): { year: number; month: number; day: number } {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

/**
 * Gives a listing date its year. Daily-papers pages print the year only for earlier years, so a
 * yearless date is in the capture year, or in the year before when it would otherwise lie after the
 * capture day. Returns null when the date has no year and the capture date is unknown.
 */
export function resolveDate(date: ListingDate, captured: string | undefined): string | null {
  if (date.year !== undefined) return toIsoDate(date.year, date.month, date.day);
  if (!captured) return null;
  const c = parseIsoDate(captured);
  const afterCapture = date.month > c.month || (date.month === c.month && date.day > c.day);
  const year = afterCapture ? c.year - 1 : c.year;
  if (date.day > daysIn(date.month, year)) return null;
  return toIsoDate(year, date.month, date.day);
}
