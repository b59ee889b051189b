/**
 * The card step's reading of the catalog: the papers as the built site's papers.json lists them,
 * the topics' descriptions from the taxonomy, the address the site was built for.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { readCardCatalog } from '../../src/cards/read-catalog.ts';
import type { CatalogFile } from '../../src/lib/catalog/catalog-file.ts';

const work = mkdtempSync(join(tmpdir(), 'papershelf-read-catalog-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const site = join(work, 'dist');
const topicsFile = join(work, 'topics.yaml');
const paper = {
  slug: 'alpha',
  title: 'Alpha',
  published: '2024-10-02',
  authors: 7,
  authorNames: null,
  organisation: null,
  arxiv: null,
  upvotes: 5,
  topics: ['moe'],
  listings: ['daily'],
};
const catalogFile: CatalogFile = {
  url: 'https://octo.github.io/papershelf/',
  topics: { moe: { name: 'Mixture of experts' } },
  listings: { daily: { title: 'Daily' } },
  papers: [paper],
};

describe('readCardCatalog', () => {
  test('takes the papers from the built papers.json, the topics from the taxonomy and the address from the file', async () => {
    mkdirSync(site, { recursive: true });
    writeFileSync(join(site, 'papers.json'), JSON.stringify(catalogFile));
    writeFileSync(topicsFile, '- id: moe\n  name: Mixture of experts\n  description: Sparse expert layers.\n  terms: [mixture of experts]\n');
    const catalog = await readCardCatalog({ site, topicsFile, paperCards: 10 });
    expect(catalog.papers).toEqual([paper]);
    expect(catalog.topics).toEqual([{ id: 'moe', name: 'Mixture of experts', description: 'Sparse expert layers.' }]);
    expect(catalog.site.address).toBe('octo.github.io/papershelf');
    expect(catalog.paperCards).toBe(10);
  });

  test('a catalog without a taxonomy has no topic cards to make', async () => {
    expect((await readCardCatalog({ site, topicsFile: join(work, 'none.yaml'), paperCards: 10 })).topics).toEqual([]);
  });

  test('a site without papers.json is an error that names the file and the step', async () => {
    await expect(readCardCatalog({ site: join(work, 'empty'), topicsFile, paperCards: 10 })).rejects.toThrow(/^social cards: .*empty\/papers\.json is missing/);
  });
});
