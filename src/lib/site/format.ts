/**
 * Reader-facing formatting of dates and counts. Hand-rolled rather than Intl so the output is the
 * same on every machine, whatever its locale data.
 */
import { parseIsoDate } from '../listing/dates.ts';

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function monthName(month: number): string {
  const name = MONTH_NAMES[month - 1];
  if (!name) throw new RangeError(`no month ${month}`);
  return name;
}

/** `2024-09-28` → `September 28, 2024`, or `Sep 28, 2024` when `short`. */
export function formatDate(iso: string, { short = false } = {}): string {
  const { year, month, day } = parseIsoDate(iso);
  const name = monthName(month);
  return `${short ? name.slice(0, 3) : name} ${day}, ${year}`;
}

/** `2024`, `5` → `May 2024`. */
export function formatMonth(year: number, month: number): string {
  return `${monthName(month)} ${year}`;
}

/** Highwire/Google Scholar date format: `2024/05/28`. */
export function citationDate(iso: string): string {
  return iso.replaceAll('-', '/');
}

/** `12345` → `12,345`. */
export function formatNumber(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `1, 'author'` → `1 author`; `3, 'author'` → `3 authors`. */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${formatNumber(n)} ${n === 1 ? singular : plural}`;
}
