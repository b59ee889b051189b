import { describe, expect, test } from 'vitest';
import { SEARCH_INDEX_BUDGET_BYTES, planSearchIndex } from '../../../src/lib/offline/search-index-plan.ts';

const bundle = [
  { path: 'pagefind.js', bytes: 40 },
  { path: 'pagefind-entry.json', bytes: 1 },
  { path: 'wasm.en.pagefind', bytes: 50 },
  { path: 'pagefind.en_1a.pf_meta', bytes: 2 },
  { path: 'index/en_2b.pf_index', bytes: 300 },
  { path: 'fragment/en_3c.pf_fragment', bytes: 500 },
  { path: 'filter/en_4d.pf_filter', bytes: 7 },
];
const total = 900;

describe('planSearchIndex', () => {
  test('precaches the whole bundle when it fits the budget, the budget itself included', () => {
    const plan = planSearchIndex(bundle, total);
    expect(plan).toEqual({ mode: 'precached', bytes: total, budget: total, precache: bundle.map((f) => f.path).sort() });
  });

  test('above the budget precaches only the core and leaves chunks, fragments and filters to on-use caching', () => {
    const plan = planSearchIndex(bundle, total - 1);
    expect(plan.mode).toBe('on-use');
    expect(plan.bytes).toBe(total);
    expect(plan.precache).toEqual(['pagefind-entry.json', 'pagefind.en_1a.pf_meta', 'pagefind.js', 'wasm.en.pagefind']);
  });

  test('an empty bundle (search not built) precaches nothing', () => {
    expect(planSearchIndex([])).toEqual({ mode: 'precached', bytes: 0, budget: SEARCH_INDEX_BUDGET_BYTES, precache: [] });
  });

  test('the default budget is 3 MiB', () => {
    expect(SEARCH_INDEX_BUDGET_BYTES).toBe(3 * 1024 * 1024);
    expect(planSearchIndex([{ path: 'index/a.pf_index', bytes: SEARCH_INDEX_BUDGET_BYTES + 1 }]).mode).toBe('on-use');
  });
});
