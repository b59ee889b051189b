import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { dateSortKey } from '../../../src/lib/search/search-record.ts';
import { UNDATED_SHARD, dayToDate, mergeSortedResults, newestShard, planShards, shardWeight, sortValueRuns, sumFilterCounts, valueAtPosition } from '../../../src/lib/search/search-shards.ts';

const day = (iso: string) => Number(dateSortKey(iso));
const isoDate = fc
  .record({ year: fc.integer({ min: 1990, max: 2035 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) })
  .map(({ year, month, day: d }) => `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
/** Pages with unique paths, a tenth of them undated. */
const pagesArb = fc
  .uniqueArray(fc.tuple(fc.stringMatching(/^[a-z]{1,8}$/), fc.option(isoDate, { freq: 10 })), { selector: ([path]) => path, maxLength: 120 })
  .map((pairs) => pairs.map(([path, iso]) => ({ path, day: iso ? day(iso) : 0 })));

describe('dayToDate', () => {
  test('is the calendar date dateSortKey counted', () => {
    fc.assert(
      fc.property(isoDate, (iso) => {
        const { year, month } = dayToDate(day(iso));
        expect(`${year}-${String(month).padStart(2, '0')}`).toBe(iso.slice(0, 7));
      }),
    );
    expect(dayToDate(1)).toEqual({ year: 1, month: 1 });
  });
});

describe('planShards', () => {
  const monthOf = (page: { day: number }) => (page.day === 0 ? 'undated' : (({ year, month }) => `${year}-${String(month).padStart(2, '0')}`)(dayToDate(page.day)));

  test('puts every page in exactly one shard of whole months, within the limit unless one month is past it, newest first', () => {
    fc.assert(
      fc.property(pagesArb, fc.integer({ min: 1, max: 40 }), (pages, limit) => {
        const shards = planShards(pages, limit);
        expect(shards.flatMap((shard) => shard.pages.map((page) => page.path)).sort()).toEqual(pages.map((page) => page.path).sort());
        shards.forEach((shard, i) => {
          const months = new Set(shard.pages.map(monthOf));
          expect(shard.name).toBe([...months].sort((a, b) => Number(b === UNDATED_SHARD) - Number(a === UNDATED_SHARD) || a.localeCompare(b))[0]);
          // The newest may hold what joined it from a shard under half the limit.
          if (i > 0 && months.size > 1) expect(shard.pages.length).toBeLessThanOrEqual(limit);
          if (i === 0 && shards.length > 1) expect(shards[0]!.pages.length).toBeGreaterThanOrEqual(limit / 2);
          expect(shard.pages.map((page) => page.path)).toEqual(shard.pages.map((page) => page.path).sort());
        });
        // Disjoint runs of months, newest first, the undated papers in the oldest.
        const spans = shards.map((shard) => shard.pages.map((page) => page.day));
        for (let i = 1; i < spans.length; i++) expect(Math.min(...spans[i - 1]!)).toBeGreaterThan(Math.max(...spans[i]!));
        const undated = shards.findIndex((shard) => shard.pages.some((page) => page.day === 0));
        if (undated >= 0) expect(undated).toBe(shards.length - 1);
      }),
    );
  });

  test('gives the same shards for the same pages in any order', () => {
    fc.assert(
      fc.property(pagesArb, fc.integer({ min: 1, max: 40 }), (pages, limit) => {
        expect(planShards([...pages].reverse(), limit)).toEqual(planShards(pages, limit));
      }),
    );
  });

  test('a paper newer than all others changes the newest shard, or the two newest, and no other', () => {
    fc.assert(
      fc.property(pagesArb, fc.integer({ min: 1, max: 40 }), (pages, limit) => {
        const newest = Math.max(0, ...pages.map((page) => page.day));
        const before = planShards(pages, limit);
        const after = planShards([...pages, { path: 'zz-added', day: newest + 1 }], limit);
        const older = before.slice(2);
        expect(after.slice(after.length - older.length)).toEqual(older);
      }),
    );
  });

  test('packs months oldest first and folds a small newest shard into the one before', () => {
    const pages = [
      { path: 'a', day: day('2024-01-05') },
      { path: 'b', day: day('2024-02-01') },
      { path: 'c', day: day('2024-11-30') },
      { path: 'd', day: day('2019-06-01') },
      { path: 'e', day: 0 },
    ];
    expect(planShards(pages, 10).map((shard) => shard.name)).toEqual(['undated']);
    expect(planShards(pages, 3).map((shard) => [shard.name, shard.pages.map((page) => page.path)])).toEqual([
      ['2024-02', ['b', 'c']],
      ['undated', ['a', 'd', 'e']],
    ]);
    // The newest run (2024-11 alone) is under half the limit, so it joins the four before it.
    expect(planShards(pages, 4).map((shard) => [shard.name, shard.pages.length])).toEqual([['undated', 5]]);
    expect(planShards(pages, 2).map((shard) => shard.name)).toEqual(['2024-11', '2024-01', 'undated']);
    expect(planShards(pages, 1).map((shard) => shard.name)).toEqual(['2024-11', '2024-02', '2024-01', '2019-06', 'undated']);
    expect(() => planShards(pages, 0)).toThrow(/at least 1/);
  });
});

describe('sort value runs', () => {
  test('give back the value at every position of the ascending order, and nothing past it', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 200 }), (values) => {
        const sorted = [...values].sort((a, b) => a - b);
        const valueAt = valueAtPosition(sortValueRuns(values));
        sorted.forEach((value, position) => {
          expect(valueAt(position)).toBe(value);
        });
        expect(valueAt(sorted.length)).toBeUndefined();
        expect(valueAt(-1)).toBeUndefined();
      }),
    );
  });
});

describe('mergeSortedResults', () => {
  /** Pagefind's sorted results of one shard: every page matching, scored by its position (negated ascending). */
  const shardResults = (values: number[], matching: boolean[], direction: 'asc' | 'desc', weight: number) => {
    const order = values.map((value, page) => ({ value, page })).sort((a, b) => a.value - b.value);
    const results = order.map(({ value, page }, position) => ({ value, page, score: direction === 'desc' ? position : -position })).filter(({ page }) => matching[page]);
    results.sort((a, b) => b.score - a.score);
    return { results: results.map((result) => ({ ...result, score: result.score * weight })), runs: sortValueRuns(values), weight };
  };

  test('orders the results of all shards by value, as one index over all of them would', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.boolean()), { maxLength: 40 }), { maxLength: 6 }),
        fc.constantFrom('asc' as const, 'desc' as const),
        (shards, direction) => {
          const merged = mergeSortedResults(
            shards.map((pages, i) =>
              shardResults(
                pages.map(([value]) => value),
                pages.map(([, matching]) => matching),
                direction,
                1 + i * 0.37,
              ),
            ),
            direction,
          );
          const expected = shards.flatMap((pages) => pages.filter(([, matching]) => matching).map(([value]) => value));
          expected.sort((a, b) => (direction === 'desc' ? b - a : a - b));
          expect(merged.map((result) => result.value)).toEqual(expected);
        },
      ),
    );
  });

  test('keeps ties in shard order, then in each shard’s own', () => {
    const a = {
      results: [
        { id: 'a1', score: 1 },
        { id: 'a0', score: 0 },
      ],
      runs: sortValueRuns([5, 5]),
      weight: 1,
    };
    const b = { results: [{ id: 'b0', score: 0 }], runs: sortValueRuns([5]), weight: 1.2 };
    expect(mergeSortedResults([a, b], 'desc').map((result) => result.id)).toEqual(['a1', 'a0', 'b0']);
  });

  test('refuses a position its shard does not have: the manifest and the index disagree', () => {
    expect(() => mergeSortedResults([{ results: [{ score: 3 }], runs: sortValueRuns([1, 2]), weight: 1 }], 'desc')).toThrow(/past its shard/);
  });
});

describe('newestShard', () => {
  const shard = (name: string, pages: number) => ({ name, pages, sorts: {} });

  test('names the newest shard and the month it starts when others follow it', () => {
    expect(newestShard({ shards: [shard('2024-05', 4312), shard('2023-11', 5000), shard(UNDATED_SHARD, 900)] })).toEqual({ papers: 4312, since: 'May 2024' });
  });

  test('is nothing for a catalog of one shard, dated or not, or none', () => {
    expect(newestShard({ shards: [shard('2013-12', 525)] })).toBeUndefined();
    expect(newestShard({ shards: [shard(UNDATED_SHARD, 3)] })).toBeUndefined();
    expect(newestShard({ shards: [] })).toBeUndefined();
  });
});

describe('shardWeight', () => {
  test('gives a word on one page of a shard the weight it has on one page of the whole catalog', () => {
    const idf = (n: number) => Math.log((n - 1 + 0.5) / 1.5 + 1);
    expect(shardWeight(60, 531) * idf(60)).toBeCloseTo(idf(531), 10);
    expect(shardWeight(531, 531)).toBe(1);
    expect(shardWeight(0, 10)).toBe(1);
    expect(shardWeight(50, 5000)).toBeGreaterThan(shardWeight(2500, 5000));
  });
});

describe('sumFilterCounts', () => {
  test('adds the counts of disjoint shards per value and leaves the shard filter out', () => {
    expect(
      sumFilterCounts([
        { year: { '2024': 2 }, topic: { RL: 1 }, shard: { '2024': 2 } },
        { year: { '2023': 1, '2024': 0 }, topic: { RL: 3, NLP: 1 }, shard: { '2023': 1 } },
      ]),
    ).toEqual({ year: { '2024': 2, '2023': 1 }, topic: { RL: 4, NLP: 1 } });
  });
});
