import { describe, expect, test } from 'vitest';
import { type CardCatalog, type CatalogPaper, cardSpecs, siteAddress } from '../../../src/lib/cards/card-specs.ts';
import { routes } from '../../../src/lib/site/urls.ts';

const paper = (slug: string, title: string, extra: Partial<CatalogPaper> = {}): CatalogPaper => ({
  slug,
  title,
  published: null,
  authors: null,
  organisation: null,
  upvotes: 3,
  topics: [],
  ...extra,
});

const catalog: CardCatalog = {
  site: { name: 'Papershelf', description: 'A catalog.', address: 'example.github.io/papershelf' },
  paperCards: Number.POSITIVE_INFINITY,
  topics: [
    { id: 'moe', name: 'Mixture of experts', description: 'Sparse expert layers.' },
    { id: 'icl', name: 'In-context learning', description: 'Learning from the prompt.' },
  ],
  papers: [
    paper('zeta', 'Zeta', { topics: ['moe', 'icl'], published: '2024-10-02', organisation: 'Google DeepMind' }),
    paper('alpha', 'Alpha', { topics: ['moe', 'unknown-topic'], authors: 1 }),
    paper('beta', 'Beta', { authors: 7 }),
  ],
};

describe('siteAddress', () => {
  test('host and base path, without scheme or trailing slash', () => {
    expect(siteAddress('https://octo.github.io', '/papershelf/')).toBe('octo.github.io/papershelf');
    expect(siteAddress('http://localhost:4321', '/')).toBe('localhost:4321');
  });
});

describe('cardSpecs', () => {
  const specs = cardSpecs(catalog);

  test('one card per paper (by slug), per topic (by id) and the site, at their routes', () => {
    expect(specs.map((s) => s.path)).toEqual([routes.paperCard('alpha'), routes.paperCard('beta'), routes.paperCard('zeta'), routes.topicCard('icl'), routes.topicCard('moe'), routes.siteCard()]);
  });

  test('a paper card shows its title, date, upvotes, byline and topic names', () => {
    const site = { name: 'Papershelf', address: 'example.github.io/papershelf' };
    expect(specs[2]!.card).toEqual({
      kind: 'paper',
      site,
      title: 'Zeta',
      published: '2024-10-02',
      upvotes: 3,
      byline: 'Google DeepMind',
      topics: ['Mixture of experts', 'In-context learning'],
    });
    expect(specs[0]!.card).toMatchObject({ byline: '1 author', topics: ['Mixture of experts', 'unknown-topic'] });
    expect(specs[1]!.card).toMatchObject({ byline: '7 authors' });
    expect(specs[1]!.card).not.toHaveProperty('published');
  });

  test('a topic card counts the papers that carry the topic', () => {
    expect(specs[3]!.card).toMatchObject({ kind: 'topic', name: 'In-context learning', papers: 1 });
    expect(specs[4]!.card).toMatchObject({ kind: 'topic', name: 'Mixture of experts', description: 'Sparse expert layers.', papers: 2 });
  });

  test('the site card has the site description', () => {
    expect(specs[5]!.card).toEqual({ kind: 'site', site: { name: 'Papershelf', address: 'example.github.io/papershelf' }, description: 'A catalog.' });
  });

  test('only the newest `paperCards` papers have a card, by the order of the catalog', () => {
    const paths = (paperCards: number) =>
      cardSpecs({ ...catalog, paperCards })
        .filter((spec) => spec.card.kind === 'paper')
        .map((spec) => spec.path);
    expect(paths(1)).toEqual([routes.paperCard('zeta')]);
    // Undated papers after the dated one, the same upvotes, then by title.
    expect(paths(2)).toEqual([routes.paperCard('alpha'), routes.paperCard('zeta')]);
    expect(paths(0)).toEqual([]);
    expect(cardSpecs({ ...catalog, paperCards: 0 }).filter((spec) => spec.card.kind === 'topic')).toHaveLength(2);
  });

  test('the order of the input does not matter', () => {
    expect(cardSpecs({ ...catalog, papers: [...catalog.papers].reverse(), topics: [...catalog.topics].reverse() })).toEqual(specs);
  });
});
