import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupEntries } from '../../../src/lib/merge/group-entries.ts';

describe('groupEntries', () => {
  it('groups by arXiv id first, then joins id-less entries by title to the one paper with that title', () => {
    const { groups, ambiguous } = groupEntries([{ key: 'a', arxiv: '1' }, { key: 'a revised', arxiv: '1' }, { key: 'a' }, { key: 'b' }, { key: 'b' }, { key: 'c', arxiv: '2' }]);
    expect(groups).toEqual([[0, 1, 2], [3, 4], [5]]);
    expect(ambiguous).toEqual([]);
  });

  it('leaves a title that papers with several ids carry apart from all of them', () => {
    const { groups, ambiguous } = groupEntries([{ key: 'x', arxiv: '2' }, { key: 'x', arxiv: '1' }, { key: 'x' }]);
    expect(groups).toEqual([[0], [1], [2]]);
    expect(ambiguous).toEqual([{ key: 'x', entries: [2], arxiv: ['1', '2'] }]);
  });

  it('puts every entry in exactly one group; entries that share an id always share a group', () => {
    const entry = fc.record({ key: fc.constantFrom('a', 'b', 'c'), arxiv: fc.option(fc.constantFrom('1', '2', '3'), { nil: undefined }) });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 30 }), (entries) => {
        const { groups } = groupEntries(entries);
        expect(groups.flat().sort((a, b) => a - b)).toEqual(entries.map((_, i) => i));
        const groupOf = new Map(groups.flatMap((g, n) => g.map((i) => [i, n] as const)));
        entries.forEach((e, i) => {
          entries.forEach((f, j) => {
            if (e.arxiv && e.arxiv === f.arxiv) expect(groupOf.get(i)).toBe(groupOf.get(j));
            if (e.arxiv && f.arxiv && e.arxiv !== f.arxiv) expect(groupOf.get(i)).not.toBe(groupOf.get(j));
          });
        });
      }),
    );
  });
});
