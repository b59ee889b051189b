/**
 * Dates as a page reads after a browser translated it or a notes app stamped it, where the English
 * forms of dates.ts do not match: `28. Juli 2021`, `10 de octubre de 2022`, `2023年12月10日`,
 * `28.07.2021`, `6/1/2023`, `[2024-01-31 Wed]`. Month and weekday names come from the runtime's
 * own locale data (Intl), for the languages a page is commonly translated into, so a new language
 * is one more tag, not one more pattern.
 */

/** Languages a browser commonly translates a page into. */
const LOCALES = ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'sv', 'da', 'nb', 'fi', 'pl', 'cs', 'sk', 'tr', 'ru', 'uk', 'id', 'vi', 'ro', 'hu', 'el', 'ca', 'ar', 'he'];

/** Every name (long, short, standalone, as inside a date) of each month and weekday, lowercase, without a final dot. */
function namesOf(field: 'month' | 'weekday', count: number, at: (i: number) => Date): Map<string, number> {
  const names = new Map<string, number>();
  const styles: Intl.DateTimeFormatOptions[] =
    field === 'month' ? [{ month: 'long' }, { month: 'short' }, { month: 'long', day: 'numeric' }, { month: 'short', day: 'numeric' }] : [{ weekday: 'long' }, { weekday: 'short' }];
  for (const locale of LOCALES) {
    for (const style of styles) {
      const format = new Intl.DateTimeFormat(locale, { ...style, timeZone: 'UTC' });
      for (let i = 0; i < count; i++) {
        const name = format
          .formatToParts(at(i))
          .find((p) => p.type === field)
          ?.value.toLowerCase()
          .replace(/\.$/, '');
        // A name with a digit (`1月`) is a number, read by the numeric forms.
        if (name && name.length >= 2 && !/\d/.test(name)) names.set(name, i + 1);
      }
    }
  }
  return names;
}

const MONTHS = namesOf('month', 12, (i) => new Date(Date.UTC(2024, i, 15)));
// 2024-01-01 was a Monday: the value is unused, only whether a word names a weekday.
const WEEKDAYS = namesOf('weekday', 7, (i) => new Date(Date.UTC(2024, 0, 1 + i)));
/**
 * Words other languages write a date with besides its parts (`10 de octubre de 2022`, `3 г.`).
 * English ones are not among them: `May the 4th` is a title.
 */
const FILLERS = new Set(['de', 'del', 'di', 'den', 'le', 'el', 'г', 'года', 'р', 'r', 'roku']);

export type SlashOrder = 'day first' | 'month first' | 'guessed';

export interface LocalisedDate {
  month: number;
  day: number;
  year?: number;
  upvotes?: number;
  /**
   * How a date with slashes put day and month: `25/12/2024` shows day first, `12/25/2024` month
   * first; `6/1/2023` does not show it and is read month first until the file's other dates tell.
   */
  slashOrder?: SlashOrder;
}

const YEAR = /^(?:19|20)\d{2}$/;
const CJK = /^(?:((?:19|20)\d{2})\s*[年년]\s*)?(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?$/;
/** Day, month and year by digits: `28.07.2021`, `28. 7. 2021`, `6/1/2023`, `2021/07/28`, `28-07-2021`; `28.7.` without a year. */
const NUMERIC = /^(\d{1,4})([./-]) ?(\d{1,2})(?:\2 ?(\d{1,4})\.?|(\.))$/;

function numeric(text: string): LocalisedDate | null {
  const m = NUMERIC.exec(text);
  if (!m) return null;
  const [a, separator, b] = [m[1]!, m[2]!, m[3]!];
  // `28.7.`, as Finnish and Czech write a day of this year: the closing dot tells it from a version (`3.1`).
  if (m[5] !== undefined) return separator === '.' && a.length <= 2 ? { month: Number(b), day: Number(a) } : null;
  const c = m[4]!;
  // Year first (`2021/07/28`); with dashes only in ISO's two-digit form (`2024-5-28` is no date).
  if (YEAR.test(a)) return c.length <= 2 && (separator !== '-' || (b.length === 2 && c.length === 2)) ? { year: Number(a), month: Number(b), day: Number(c) } : null;
  if (!YEAR.test(c) || a.length > 2) return null;
  const [first, second] = [Number(a), Number(b)];
  // Dots and dashes with the year last are written day first wherever they are used.
  if (separator !== '/') return { year: Number(c), month: second, day: first };
  if (first > 12) return { year: Number(c), month: second, day: first, slashOrder: 'day first' };
  if (second > 12) return { year: Number(c), month: first, day: second, slashOrder: 'month first' };
  return first === second ? { year: Number(c), month: first, day: second } : { year: Number(c), month: first, day: second, slashOrder: 'guessed' };
}

/** A day, a month's name and at most a year, in any order, among filler words and weekday names. */
function named(text: string): LocalisedDate | null {
  const words = text
    .toLowerCase()
    .split(/[\s,]+|\.(?=\s|$)/)
    .map((w) => w.replace(/\.$/, ''))
    // `mar` is March and, in Spanish, Tuesday: a month's name wins.
    .filter((w) => w !== '' && !FILLERS.has(w) && (MONTHS.has(w) || !WEEKDAYS.has(w)));
  if (words.length < 2 || words.length > 4) return null;
  let month: number | undefined;
  let day: number | undefined;
  let year: number | undefined;
  let upvotes: number | undefined;
  for (const [i, word] of words.entries()) {
    const asMonth = MONTHS.get(word);
    if (asMonth !== undefined && month === undefined) month = asMonth;
    else if (YEAR.test(word) && year === undefined && upvotes === undefined) year = Number(word);
    else if (/^\d{1,2}(?:st|nd|rd|th|er|e|º|ª)?$/.test(word) && day === undefined) day = Number.parseInt(word, 10);
    // A count after a whole date is its upvotes, as the page prints them (`31 ene. 2024 2`, `8 sept. 2`).
    // Not after a comma: `May 5, 24` is a year cut short, not 24 votes.
    else if (/^\d{1,7}$/.test(word) && i === words.length - 1 && day !== undefined && month !== undefined && (year !== undefined || !text.includes(','))) upvotes = Number(word);
    else return null;
  }
  if (month === undefined || day === undefined) return null;
  return { month, day, ...(year === undefined ? {} : { year }), ...(upvotes === undefined ? {} : { upvotes }) };
}

/**
 * A calendar date in one of the forms above, or null. Brackets around it (an org-mode timestamp)
 * and a weekday beside it are read past; the caller checks the day exists.
 */
export function readLocalisedDate(line: string): LocalisedDate | null {
  // The longest form (`Mittwoch, 28. September 2021`) is under 40 characters, and every form has a digit.
  if (line.length > 40 || !/\d/.test(line)) return null;
  const text = line
    .trim()
    .replace(/^[[<(](.*)[\]>)]$/, '$1')
    .trim();
  const cjk = CJK.exec(text);
  if (cjk) return cjk[1] ? { year: Number(cjk[1]), month: Number(cjk[2]), day: Number(cjk[3]) } : { month: Number(cjk[2]), day: Number(cjk[3]) };
  const withoutWeekday = text.replace(/\s+\p{L}+\.?$/u, (w) => (WEEKDAYS.has(w.trim().toLowerCase().replace(/\.$/, '')) ? '' : w));
  return numeric(withoutWeekday) ?? named(text);
}
