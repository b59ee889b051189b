import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { paperCardLimit, paperImage, papersWithOwnCard } from '../../../src/lib/cards/card-policy.ts';
import type { IndexablePaper } from '../../../src/lib/catalog/catalog-index.ts';
import { compareNewestFirst } from '../../../src/lib/catalog/newest-first.ts';
import { routes } from '../../../src/lib/site/urls.ts';

const arbitraryPaper = fc.record({
  published: fc.option(fc.constantFrom('2024-01-01', '2024-01-02', '2025-06-30'), { nil: undefined }),
  upvotes: fc.nat(3),
  title: fc.constantFrom('A', 'B', 'C'),
});

const papersOf = (fields: { published: string | undefined; upvotes: number; title: string }[]): IndexablePaper[] =>
  fields.map((f, i) => ({
    id: `p${i}`,
    data: { title: f.title, upvotes: f.upvotes, topics: [], sources: [], ...(f.published ? { published: f.published } : {}) },
  }));

describe('papersWithOwnCard', () => {
  test('exactly the first `limit` papers newest first, whatever order they come in', () => {
    fc.assert(
      fc.property(fc.array(arbitraryPaper, { maxLength: 30 }), fc.nat(35), (fields, limit) => {
        const papers = papersOf(fields);
        const own = papersWithOwnCard([...papers].reverse(), limit);
        const newest = [...papers].sort(compareNewestFirst);
        expect(own.size).toBe(Math.min(limit, papers.length));
        expect(newest.slice(0, limit).every((paper) => own.has(paper.id))).toBe(true);
        expect(newest.slice(limit).some((paper) => own.has(paper.id))).toBe(false);
      }),
    );
  });

  test('every paper when the limit is all', () => {
    expect(papersWithOwnCard(papersOf([{ published: undefined, upvotes: 0, title: 'A' }]), Number.POSITIVE_INFINITY)).toEqual(new Set(['p0']));
  });
});

describe('paperImage', () => {
  const paper = (id: string, topics: string[]) => ({ id, data: { title: id, upvotes: 0, topics, sources: [] } });
  const topics = new Set(['icl', 'moe']);

  test('its own card, else the first of its topics that has a card, else the site card', () => {
    expect(paperImage(paper('a', ['moe']), new Set(['a']), topics)).toBe(routes.paperCard('a'));
    expect(paperImage(paper('b', ['gone', 'moe', 'icl']), new Set(['a']), topics)).toBe(routes.topicCard('moe'));
    expect(paperImage(paper('c', ['gone']), new Set(), topics)).toBe(routes.siteCard());
    expect(paperImage(paper('d', []), new Set(), topics)).toBe(routes.siteCard());
  });
});

describe('paperCardLimit', () => {
  test('the setting unless PAPERSHELF_PAPER_CARDS says otherwise', () => {
    expect(paperCardLimit(5000, {})).toBe(5000);
    expect(paperCardLimit(5000, { PAPERSHELF_PAPER_CARDS: '' })).toBe(5000);
    expect(paperCardLimit(5000, { PAPERSHELF_PAPER_CARDS: '0' })).toBe(0);
    expect(paperCardLimit(5000, { PAPERSHELF_PAPER_CARDS: '120' })).toBe(120);
    expect(paperCardLimit(5000, { PAPERSHELF_PAPER_CARDS: 'all' })).toBe(Number.POSITIVE_INFINITY);
  });

  test('anything else fails with the value named', () => {
    for (const bad of ['-1', '2.5', 'many']) expect(() => paperCardLimit(5000, { PAPERSHELF_PAPER_CARDS: bad })).toThrow(`not "${bad}"`);
  });
});
