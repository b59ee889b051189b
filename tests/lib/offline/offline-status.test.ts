import { expect, test } from 'vitest';
import { offlineStatus, parseOfflineStatus, searchMayBePartial } from '../../../src/lib/offline/offline-status.ts';
import { planSearchIndex } from '../../../src/lib/offline/search-index-plan.ts';

test('the status a build writes reads back as itself through JSON', () => {
  const status = offlineStatus('abc', planSearchIndex([{ path: 'index/a.pf_index', bytes: 10 }], 5));
  expect(status).toEqual({ build: 'abc', search: { mode: 'on-use', bytes: 10, budget: 5 } });
  expect(parseOfflineStatus(JSON.parse(JSON.stringify(status)))).toEqual(status);
});

test.each([null, 'offline', {}, { build: 'abc' }, { build: 'abc', search: { mode: 'partial', bytes: 1, budget: 2 } }, { build: 1, search: { mode: 'on-use', bytes: 1, budget: 2 } }])(
  'anything else is not a status: %j',
  (value) => {
    expect(parseOfflineStatus(value)).toBeUndefined();
  },
);

test('search results may be partial only offline with an index cached on use', () => {
  const onUse = offlineStatus('abc', planSearchIndex([{ path: 'index/a.pf_index', bytes: 10 }], 5));
  const precached = offlineStatus('abc', planSearchIndex([{ path: 'index/a.pf_index', bytes: 10 }], 10));
  expect(searchMayBePartial(onUse, false)).toBe(true);
  expect(searchMayBePartial(onUse, true)).toBe(false);
  expect(searchMayBePartial(precached, false)).toBe(false);
  expect(searchMayBePartial(undefined, false)).toBe(false);
});
