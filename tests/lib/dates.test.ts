import { describe, expect, it } from 'vitest';
import { isBareDay, isIsoDate, parseDateLine, resolveDate } from '../../src/lib/dates.ts';

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
  ])('reads %j', (line, date) => {
    expect(parseDateLine(line)).toEqual(date);
  });

  it.each(['Feb 29, 2023', 'Feb 30', 'Apr 31', 'Jun 0', 'Mayday 5', 'Marching 5', 'May the 4th', '4 authors', 'May 5, 24', ''])(
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
