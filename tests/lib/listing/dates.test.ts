import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBareDay, isIsoDate, parseDateLine, readDateLine, resolveDate } from '../../../src/lib/listing/dates.ts';

describe('parseDateLine', () => {
  it.each([
    ['May 28, 2024', { month: 5, day: 28, year: 2024 }],
    ['May 30', { month: 5, day: 30 }],
    ['Jun 5, 2023 18', { month: 6, day: 5, year: 2023, upvotes: 18 }],
    ['Sep 26 4', { month: 9, day: 26, upvotes: 4 }],
    ['Oct 30', { month: 10, day: 30 }],
    ['Sept 26', { month: 9, day: 26 }],
    ['September 26,2024', { month: 9, day: 26, year: 2024 }],
    ['dec. 9', { month: 12, day: 9 }],
    ['Feb 29', { month: 2, day: 29 }],
    ['Feb 29, 2024 1200', { month: 2, day: 29, year: 2024, upvotes: 1200 }],
    ['28 May 2024', { month: 5, day: 28, year: 2024 }],
    ['28 May, 2024', { month: 5, day: 28, year: 2024 }],
    ['5 Sept', { month: 9, day: 5 }],
    ['5 Jun 2023 18', { month: 6, day: 5, year: 2023, upvotes: 18 }],
    ['2024-05-28', { month: 5, day: 28, year: 2024 }],
    ['2024-02-29 3', { month: 2, day: 29, year: 2024, upvotes: 3 }],
  ])('reads %j', (line, date) => {
    expect(parseDateLine(line)).toEqual(date);
  });

  it.each(['Feb 29, 2023', 'Feb 30', 'Apr 31', 'Jun 0', '2024-13-01', '2023-02-29', '30 Feb', 'Mayday 5', 'Marching 5', 'May the 4th', '4 authors', '7 Wonders', 'May 5, 24', '2024-5-28', ''])(
    'rejects %j',
    (line) => {
      expect(parseDateLine(line)).toBeNull();
    },
  );

  it('tells a header capture day from an entry date', () => {
    expect(isBareDay(parseDateLine('Oct 30')!)).toBe(true);
    expect(isBareDay(parseDateLine('Oct 30 2')!)).toBe(false);
    expect(isBareDay(parseDateLine('Oct 30, 2024')!)).toBe(false);
  });
});

describe('readDateLine', () => {
  it('reads what parseDateLine reads', () => {
    expect(readDateLine('Jun 5, 2023 18')).toEqual({ month: 6, day: 5, year: 2023, upvotes: 18 });
  });

  it.each([
    ['2 days ago', { daysBeforeCapture: 2 }],
    ['1 day ago', { daysBeforeCapture: 1 }],
    ['a day ago', { daysBeforeCapture: 1 }],
    ['Yesterday', { daysBeforeCapture: 1 }],
    ['today', { daysBeforeCapture: 0 }],
    ['just now', { daysBeforeCapture: 0 }],
    ['an hour ago', { daysBeforeCapture: 0 }],
    ['23 hours ago 7', { daysBeforeCapture: 0, upvotes: 7 }],
    ['5 minutes ago', { daysBeforeCapture: 0 }],
    ['10 days ago 120', { daysBeforeCapture: 10, upvotes: 120 }],
  ])('reads the relative date %j as days before the capture day', (line, date) => {
    expect(readDateLine(line)).toEqual(date);
  });

  it.each([
    ['Feb 30', '"Feb 30" names no day of the calendar'],
    ['Feb 29, 2023 4', '"Feb 29, 2023 4" names no day of the calendar'],
    ['Jun 0', '"Jun 0" names no day of the calendar'],
    ['2024-13-01', '"2024-13-01" names no day of the calendar'],
    ['31 Apr 2025', '"31 Apr 2025" names no day of the calendar'],
    ['2 weeks ago', '"2 weeks ago" is too coarse to date a paper by'],
    ['a month ago', '"a month ago" is too coarse to date a paper by'],
    ['3 years ago', '"3 years ago" is too coarse to date a paper by'],
  ])('reads %j as a date line that names no day', (line, problem) => {
    expect(readDateLine(line)).toMatchObject({ problem });
  });

  it('keeps the upvotes of a date line that names no day', () => {
    expect(readDateLine('Apr 31 12')).toEqual({ problem: '"Apr 31 12" names no day of the calendar', upvotes: 12 });
  });

  it.each(['days ago', 'ago', '2 days', 'two days ago', 'Mayday 5', '4 authors', 'Yesterday I learned', ''])('is not fooled by %j', (line) => {
    expect(readDateLine(line)).toBeNull();
  });
});

describe('date lines, for any calendar day', () => {
  const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const day = fc
    .record({ year: fc.integer({ min: 1990, max: 2040 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
    .filter(({ year, month, day }) => new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day);
  const iso = ({ year, month, day }: { year: number; month: number; day: number }) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

  it('reads the same day in every written form', () => {
    fc.assert(
      fc.property(day, fc.boolean(), (date, short) => {
        const name = short ? MONTHS[date.month - 1]!.slice(0, 3) : MONTHS[date.month - 1]!;
        for (const line of [`${name} ${date.day}, ${date.year}`, `${date.day} ${name} ${date.year}`, iso(date)]) {
          expect(readDateLine(line), line).toEqual(date);
        }
      }),
    );
  });

  it('counts "N days ago" back exactly N days from any capture day', () => {
    fc.assert(
      fc.property(day, fc.nat(3650), (captured, n) => {
        const resolved = resolveDate(readDateLine(`${n} days ago`)!, iso(captured));
        expect('iso' in resolved).toBe(true);
        const back = (Date.UTC(captured.year, captured.month - 1, captured.day) - Date.parse(`${(resolved as { iso: string }).iso}T00:00:00Z`)) / 86_400_000;
        expect(back).toBe(n);
      }),
    );
  });
});

describe('resolveDate', () => {
  it('keeps a printed year', () => {
    expect(resolveDate({ month: 5, day: 28, year: 2024 }, '2025-10-30')).toEqual({ iso: '2024-05-28' });
    expect(resolveDate({ month: 5, day: 28, year: 2024 }, undefined)).toEqual({ iso: '2024-05-28' });
  });

  it('puts a yearless date in the capture year, up to and including the capture day', () => {
    expect(resolveDate({ month: 3, day: 6 }, '2025-12-08')).toEqual({ iso: '2025-03-06' });
    expect(resolveDate({ month: 12, day: 8 }, '2025-12-08')).toEqual({ iso: '2025-12-08' });
  });

  it('puts a yearless date after the capture day in the year before', () => {
    expect(resolveDate({ month: 12, day: 9 }, '2025-12-08')).toEqual({ iso: '2024-12-09' });
    expect(resolveDate({ month: 11, day: 1 }, '2026-01-05')).toEqual({ iso: '2025-11-01' });
  });

  it('resolves Feb 29 only into a leap year and says why not otherwise', () => {
    expect(resolveDate({ month: 2, day: 29 }, '2024-03-01')).toEqual({ iso: '2024-02-29' });
    expect(resolveDate({ month: 2, day: 29 }, '2025-02-01')).toEqual({ iso: '2024-02-29' });
    expect(resolveDate({ month: 2, day: 29 }, '2025-03-01')).toEqual({ problem: expect.stringMatching(/Feb 29 .*2025.* no such day/) });
  });

  it('counts a relative date back from the capture day, across months and years', () => {
    expect(resolveDate({ daysBeforeCapture: 0 }, '2025-10-30')).toEqual({ iso: '2025-10-30' });
    expect(resolveDate({ daysBeforeCapture: 2 }, '2025-03-01')).toEqual({ iso: '2025-02-27' });
    expect(resolveDate({ daysBeforeCapture: 1 }, '2024-03-01')).toEqual({ iso: '2024-02-29' });
    expect(resolveDate({ daysBeforeCapture: 3 }, '2026-01-02')).toEqual({ iso: '2025-12-30' });
    expect(resolveDate({ daysBeforeCapture: 3 }, undefined)).toEqual({ problem: 'relative date and the capture date is unknown' });
  });

  it('passes on why a date line names no day', () => {
    expect(resolveDate({ problem: '"Feb 30" names no day of the calendar' }, '2025-10-30')).toEqual({ problem: '"Feb 30" names no day of the calendar' });
  });

  it('cannot place a yearless date without a capture date', () => {
    expect(resolveDate({ month: 3, day: 6 }, undefined)).toEqual({ problem: 'date has no year and the capture year is unknown' });
  });
});

describe('isIsoDate', () => {
  it('accepts real days only', () => {
    expect(isIsoDate('2025-10-30')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025-1-1')).toBe(false);
    expect(isIsoDate('Oct 30')).toBe(false);
  });
});
