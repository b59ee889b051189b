import { describe, expect, test } from 'vitest';
import { type IndexablePaper, buildCatalog, paperContext, paperListings } from '../../../src/lib/catalog/catalog-index.ts';
import { compareNewestFirst } from '../../../src/lib/catalog/newest-first.ts';
import { routes } from '../../../src/lib/site/urls.ts';

function paper(id: string, fields: Partial<IndexablePaper['data']> = {}): IndexablePaper {
  return {
    id,
    data: { title: id.toUpperCase(), upvotes: 0, topics: [], sources: [{ listing: 'l1', line: 1 }], ...fields },
  };
}

const papers = [
  paper('old', { published: '2023-05-01', sources: [{ listing: 'l1', line: 30 }] }),
  paper('new', {
    published: '2025-01-02',
    topics: ['icl'],
    sources: [
      { listing: 'l1', line: 10 },
      { listing: 'l2', line: 5 },
    ],
  }),
  paper('same-day-popular', {
    published: '2025-01-02',
    upvotes: 9,
    sources: [
      { listing: 'l2', line: 3 },
      { listing: 'l2', line: 90 },
    ],
  }),
  paper('zeta-undated', { sources: [{ listing: 'l1', line: 20 }] }),
  paper('alpha-undated', { topics: ['icl', 'unknown-topic'], sources: [{ listing: 'l1', line: 2 }] }),
];
const input = {
  papers,
  listings: [
    { id: 'l1', data: { title: 'Undated dump' } },
    { id: 'l2', data: { title: 'Daily', captured: '2025-01-03' } },
  ],
  topics: [
    { id: 'icl', data: { name: 'In-context learning' } },
    { id: 'rl', data: { name: 'Reinforcement learning' } },
  ],
  notes: [{ id: 'old', filePath: 'content/notes/old.mdx' }],
  related: { old: ['new'], new: ['alpha-undated', 'old'], 'same-day-popular': [], 'zeta-undated': [], 'alpha-undated': ['new'] },
  pageSize: 1,
  paperCards: 2,
};

describe('buildCatalog', () => {
  const catalog = buildCatalog(input);
  const ids = (list: readonly { id: string }[] | undefined) => list?.map((p) => p.id);

  test('orders papers newest first, the same day by upvotes, undated last by title', () => {
    expect(ids(catalog.papers)).toEqual(['same-day-popular', 'new', 'old', 'alpha-undated', 'zeta-undated']);
    expect(ids(catalog.undated)).toEqual(['alpha-undated', 'zeta-undated']);
    expect(catalog.years.map((y) => [y.year, ids(y.papers)])).toEqual([
      [2025, ['same-day-popular', 'new']],
      [2023, ['old']],
    ]);
    expect([...papers].sort(compareNewestFirst).map((p) => p.id)).toEqual(ids(catalog.papers));
  });

  test('keeps each listing in the order of its dump, a paper listed twice at its first line', () => {
    expect(ids(catalog.byListing.get('l1'))).toEqual(['alpha-undated', 'new', 'zeta-undated', 'old']);
    expect(ids(catalog.byListing.get('l2'))).toEqual(['same-day-popular', 'new']);
    expect(ids(catalog.listings)).toEqual(['l2', 'l1']);
  });

  test('groups by taxonomy topic, ignoring ids the taxonomy lacks', () => {
    expect([...catalog.byTopic.keys()]).toEqual(['icl', 'rl']);
    expect(ids(catalog.byTopic.get('icl'))).toEqual(['new', 'alpha-undated']);
    expect(catalog.topicNames.get('icl')).toBe('In-context learning');
    expect(catalog.listingById.get('l2')?.data.title).toBe('Daily');
  });

  test('neighbours follow dates for dated papers and titles for undated ones', () => {
    const n = (id: string) => {
      const entry = catalog.neighbours.get(id)!;
      return [entry.order, entry.before?.id, entry.after?.id];
    };
    expect(n('same-day-popular')).toEqual(['date', undefined, 'new']);
    expect(n('new')).toEqual(['date', 'same-day-popular', 'old']);
    expect(n('old')).toEqual(['date', 'new', undefined]);
    expect(n('alpha-undated')).toEqual(['title', undefined, 'zeta-undated']);
  });

  test('knows the page of its year where each month begins', () => {
    expect(catalog.monthPages).toEqual(
      new Map([
        ['2025-01', 1],
        ['2023-05', 1],
      ]),
    );
    const twoPerPage = buildCatalog({ ...input, papers: [...papers, paper('dec', { published: '2025-12-01' })], related: { ...input.related, dec: [] }, pageSize: 1 });
    expect(twoPerPage.monthPages.get('2025-01')).toBe(2);
  });

  test('stats and notes', () => {
    expect(catalog.stats).toEqual({ papers: 5, topics: 1, listings: 2, undated: 2, first: '2023-05-01', last: '2025-01-02' });
    expect(catalog.notes.get('old')?.filePath).toBe('content/notes/old.mdx');
  });

  test("a paper's context: its note, listings (once each), related papers, neighbours and month page", () => {
    const twoPerPage = buildCatalog({ ...input, pageSize: 1 });
    const old = paperContext(twoPerPage.bySlug.get('old')!, twoPerPage);
    expect(old.note).toBe(twoPerPage.notes.get('old'));
    expect(old.listings.map((l) => l.id)).toEqual(['l1']);
    expect(old.related).toBe(twoPerPage.related.get('old'));
    expect(old.neighbours).toBe(twoPerPage.neighbours.get('old'));
    expect(old.monthPage).toBe(twoPerPage.monthPages.get('2023-05'));
    expect(old.topicNames).toBe(twoPerPage.topicNames);

    const popular = paperContext(twoPerPage.bySlug.get('same-day-popular')!, twoPerPage);
    expect(popular.listings.map((l) => l.id)).toEqual(['l2']);
    expect(popular).not.toHaveProperty('note');

    const undated = paperContext(twoPerPage.bySlug.get('alpha-undated')!, twoPerPage);
    expect(undated).not.toHaveProperty('monthPage');
    expect(undated.neighbours?.order).toBe('title');
  });

  test("a paper's image: its own card among the newest `paperCards`, else its first taxonomy topic's, else the site's", () => {
    const image = (id: string) => paperContext(catalog.bySlug.get(id)!, catalog).image;
    expect([...catalog.ownCards].sort()).toEqual(['new', 'same-day-popular']);
    expect(image('new')).toBe(routes.paperCard('new'));
    expect(image('same-day-popular')).toBe(routes.paperCard('same-day-popular'));
    expect(image('alpha-undated')).toBe(routes.topicCard('icl'));
    expect(image('old')).toBe(routes.siteCard());
  });

  test("a paper's listings: once each, in the order of its sources, without listings the catalog lacks", () => {
    const many = paper('many', {
      sources: [
        { listing: 'l2', line: 1 },
        { listing: 'gone', line: 4 },
        { listing: 'l1', line: 2 },
        { listing: 'l2', line: 9 },
      ],
    });
    expect(paperListings(many, buildCatalog({ ...input, papers: [...papers, many], related: { ...input.related, many: [] } })).map((l) => l.id)).toEqual(['l2', 'l1']);
  });

  test("related papers are ingest's slugs as the catalog's own entries, in ingest's order", () => {
    expect(ids(catalog.related.get('new'))).toEqual(['alpha-undated', 'old']);
    expect(catalog.related.get('new')![1]).toBe(catalog.bySlug.get('old'));
    expect(catalog.related.get('zeta-undated')).toEqual([]);
  });
});

test('related papers written before content/papers was changed by hand fail, naming the paper and the fix', () => {
  const { old: _dropped, ...withoutOld } = input.related;
  expect(() => buildCatalog({ ...input, related: withoutOld })).toThrow(/_related\.json is out of date \(run `npm run ingest`\): it has no entry for the paper "old"/);
  expect(() => buildCatalog({ ...input, related: { ...input.related, old: ['gone'] } })).toThrow(/"old" is related to "gone", which is not a paper/);
});

test('a note whose slug matches no paper fails with the file named', () => {
  const notes = [...input.notes, { id: 'no-such-paper', filePath: 'content/notes/no-such-paper.mdx' }];
  expect(() => buildCatalog({ ...input, notes })).toThrow(/content\/notes\/no-such-paper\.mdx: no paper has the slug "no-such-paper"/);
});
