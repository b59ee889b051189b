/**
 * Dates as translated pages and notes apps write them read as the day they name: every language
 * the reader knows, formatted by the runtime itself (Intl, as a browser's translation would print
 * it), reads back as the same day; and lines that are no date stay none.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDateLine } from '../../../src/lib/listing/dates.ts';
import { readLocalisedDate } from '../../../src/lib/listing/localised-dates.ts';

const LANGUAGES = ['de', 'fr', 'es', 'it', 'pt', 'nl', 'sv', 'da', 'nb', 'fi', 'pl', 'cs', 'tr', 'ru', 'uk', 'id', 'ro', 'hu', 'ca', 'ja', 'zh', 'ko'];

describe('readLocalisedDate', () => {
  it.each([
    ['28. Juli 2021', { month: 7, day: 28, year: 2021 }],
    ['10. Okt. 2022', { month: 10, day: 10, year: 2022 }],
    ['10 de octubre de 2022', { month: 10, day: 10, year: 2022 }],
    ['28 juillet 2021', { month: 7, day: 28, year: 2021 }],
    ['2023年12月10日', { month: 12, day: 10, year: 2023 }],
    ['5月30日', { month: 5, day: 30 }],
    ['2023년 12월 10일', { month: 12, day: 10, year: 2023 }],
    ['28.07.2021', { month: 7, day: 28, year: 2021 }],
    ['2021/07/28', { month: 7, day: 28, year: 2021 }],
    ['[2024-01-31 Wed]', { month: 1, day: 31, year: 2024 }],
    ['25/12/2024', { month: 12, day: 25, year: 2024, slashOrder: 'day first' }],
    ['12/25/2024', { month: 12, day: 25, year: 2024, slashOrder: 'month first' }],
    ['6/1/2023', { month: 6, day: 1, year: 2023, slashOrder: 'guessed' }],
  ])('reads %s', (line, date) => {
    expect(readLocalisedDate(line)).toEqual(date);
  });

  it.each(['May the 4th', 'Mamba 2', '2024-5-28', 'Llama 3.1 405B', 'GPT-4 12', '3 authors', 'Set Transformer', 'Mars 2020 Rover Landing Site Selection'])('reads %s as no date', (line) => {
    expect(readLocalisedDate(line)).toBeNull();
  });

  it('reads back any day as each language formats it, with and without its year', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LANGUAGES),
        fc.date({ min: new Date('1995-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.constantFrom<Intl.DateTimeFormatOptions>(
          { day: 'numeric', month: 'long', year: 'numeric' },
          { day: 'numeric', month: 'short', year: 'numeric' },
          { day: 'numeric', month: 'long' },
          { day: 'numeric', month: 'short' },
        ),
        (language, when, style) => {
          const line = new Intl.DateTimeFormat(language, { ...style, timeZone: 'UTC' }).format(when);
          const expected = { month: when.getUTCMonth() + 1, day: when.getUTCDate(), ...(style.year ? { year: when.getUTCFullYear() } : {}) };
          // Through dates.ts, as the reader meets it: the English forms first, then these.
          const read = readDateLine(line);
          expect(read && 'month' in read ? { month: read.month, day: read.day, ...(read.year === undefined ? {} : { year: read.year }) } : read, `${language}: ${line}`).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });
});
