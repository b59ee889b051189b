import { describe, expect, test } from 'vitest';
import { SEARCH_INDEX_BUDGET_BYTES, planSearchIndex } from '../../../src/lib/offline/search-index-plan.ts';

/** Two shards as the search index step lays them out: the primary holds Pagefind's script and WebAssembly. */
const bundle = [
  { path: 'shards.json', bytes: 3 },
  { path: '2025/pagefind.js', bytes: 40 },
  { path: '2025/pagefind-entry.json', bytes: 1 },
  { path: '2025/wasm.en.pagefind', bytes: 50 },
  { path: '2025/pagefind.en_1a.pf_meta', bytes: 2 },
  { path: '2025/index/en_2b.pf_index', bytes: 300 },
  { path: '2025/fragment/en_3c.pf_fragment', bytes: 500 },
  { path: '2025/filter/en_4d.pf_filter', bytes: 7 },
  { path: 'undated/pagefind-entry.json', bytes: 1 },
  { path: 'undated/pagefind.en_5e.pf_meta', bytes: 2 },
  { path: 'undated/index/en_6f.pf_index', bytes: 30 },
  { path: 'undated/fragment/en_7a.pf_fragment', bytes: 50 },
];
const total = 986;

describe('planSearchIndex', () => {
  test('precaches the whole bundle when it fits the budget, the budget itself included', () => {
    const plan = planSearchIndex(bundle, total);
    expect(plan).toEqual({ mode: 'precached', bytes: total, budget: total, precache: bundle.map((f) => f.path).sort() });
  });

  test('above the budget precaches only the core of every shard and leaves chunks, fragments and filters to on-use caching', () => {
    const plan = planSearchIndex(bundle, total - 1);
    expect(plan.mode).toBe('on-use');
    expect(plan.bytes).toBe(total);
    expect(plan.precache).toEqual([
      '2025/pagefind-entry.json',
      '2025/pagefind.en_1a.pf_meta',
      '2025/pagefind.js',
      '2025/wasm.en.pagefind',
      'shards.json',
      'undated/pagefind-entry.json',
      'undated/pagefind.en_5e.pf_meta',
    ]);
  });

  test('an empty bundle (search not built) precaches nothing', () => {
    expect(planSearchIndex([])).toEqual({ mode: 'precached', bytes: 0, budget: SEARCH_INDEX_BUDGET_BYTES, precache: [] });
  });

  test('the default budget is 3 MiB', () => {
    expect(SEARCH_INDEX_BUDGET_BYTES).toBe(3 * 1024 * 1024);
    expect(planSearchIndex([{ path: 'index/a.pf_index', bytes: SEARCH_INDEX_BUDGET_BYTES + 1 }]).mode).toBe('on-use');
  });
});
