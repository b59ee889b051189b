import { describe, expect, it } from 'vitest';
import { addDays, dayOfFile, daysBetween, lastSavedDay, planDays } from '../../../src/lib/fetch/days.ts';

const TODAY = '2024-05-29';

describe('days fetch asks for', () => {
  it('counts calendar days in UTC, across months and leap days', () => {
    expect(daysBetween('2024-02-27', '2024-03-01')).toEqual(['2024-02-27', '2024-02-28', '2024-02-29', '2024-03-01']);
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(daysBetween('2024-05-28', '2024-05-28')).toEqual(['2024-05-28']);
  });

  it('knows its own files only: a real day, .json, nothing before or after', () => {
    expect(['2024-05-28.json', '2024-05-28.txt', '2024-02-30.json', 'x2024-05-28.json', '2024-05-28.json.tmp-12', '000_a.json'].map(dayOfFile)).toEqual([
      '2024-05-28',
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(lastSavedDay(['2024-05-27.json', '2024-06-01.txt', '2024-05-28.json', '000_a.txt'])).toBe('2024-05-28');
    expect(lastSavedDay(['000_a.txt'])).toBeUndefined();
  });

  it('--date and --from/--to name their days; none may be after today or not a day', () => {
    expect(planDays({ date: '2024-05-28' }, TODAY, []).days).toEqual(['2024-05-28']);
    expect(planDays({ from: '2024-05-26', to: '2024-05-28' }, TODAY, []).days).toEqual(['2024-05-26', '2024-05-27', '2024-05-28']);
    expect(() => planDays({ date: '2024-05-30' }, TODAY, [])).toThrow('--date 2024-05-30 is after today (2024-05-29 UTC)');
    expect(() => planDays({ date: '2024-5-3' }, TODAY, [])).toThrow('--date takes a real day written YYYY-MM-DD, not "2024-5-3"');
    expect(() => planDays({ from: '2024-05-28', to: '2024-05-26' }, TODAY, [])).toThrow('--from 2024-05-28 is after --to 2024-05-26');
  });

  it('--since-last starts at the last day saved and fetches it again: it may have been saved half-listed', () => {
    const plan = planDays({ sinceLast: true }, TODAY, ['2024-05-20.json', '2024-05-27.json', 'notes.txt']);
    expect(plan.days).toEqual(['2024-05-27', '2024-05-28', '2024-05-29']);
    expect([...plan.refetch]).toEqual(['2024-05-27']);
    expect(plan.stopAtFailure).toBe(true);
    expect(planDays({ from: '2024-05-26', to: '2024-05-28' }, TODAY, []).stopAtFailure).toBe(false);
    expect(planDays({ sinceLast: true, to: '2024-05-28' }, TODAY, ['2024-05-27.json']).days).toEqual(['2024-05-27', '2024-05-28']);
  });

  it('--since-last with nothing saved yet starts with today; with a later day saved it fetches nothing', () => {
    expect(planDays({ sinceLast: true }, TODAY, ['000_a.txt'])).toMatchObject({ days: [TODAY], note: 'no day saved yet: starting with 2024-05-29' });
    expect(planDays({ sinceLast: true, to: '2024-05-20' }, TODAY, ['2024-05-27.json']).days).toEqual([]);
  });
});
