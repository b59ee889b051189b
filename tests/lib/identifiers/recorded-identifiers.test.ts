/**
 * What content/identifiers.yaml records beside an id (author names, primary category, first
 * version's day), as ingest merges it with what listings say; and the default catalog with the
 * committed file: every paper keeps its published slug.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseIdentifierSidecar } from '../../../src/lib/identifiers/identifier-sidecar.ts';
import { type ListingInput, ingestListings } from '../../../src/lib/merge/ingest.ts';

const ABSTRACT = 'We propose a method. It works well on every benchmark we tried.';
const FILE = 'content/identifiers.yaml';
const pins = (text: string) => ({ file: FILE, pins: parseIdentifierSidecar(FILE, text).pins });

const dump: ListingInput = {
  file: 'a.txt',
  name: 'a',
  sidecar: { captured: '2024-06-02' },
  text: ['new', 'Daily Papers', 'Jun 2', '', 'Phased Consistency Model', '', ABSTRACT, '', '  • 7 authors', '·', 'May 28, 2024 3', ''].join('\n'),
};
const json = (names: string[]): ListingInput => ({
  file: 'b.json',
  name: 'b',
  text: JSON.stringify([
    { paper: { id: '2405.18407', title: 'Phased Consistency Model', summary: ABSTRACT, publishedAt: '2024-05-28T00:00:00.000Z', upvotes: 5, authors: names.map((name) => ({ name })) } },
  ]),
});
const RECORDED = 'phased-consistency-model:\n  arxiv: "2405.18407"\n  category: cs.CV\n  submitted: "2024-05-28"\n  authors:\n    - "Fu-Yun Wang"\n    - "Zhaoyang Huang"\n';

describe('what an id brings, in ingest', () => {
  it('gives a text-dump paper its names (counted by them), its category and its first version’s day', () => {
    const { papers, report } = ingestListings([dump], pins(RECORDED));
    expect(papers[0]).toMatchObject({
      slug: 'phased-consistency-model',
      arxiv: '2405.18407',
      authorNames: ['Fu-Yun Wang', 'Zhaoyang Huang'],
      authors: 2,
      arxivCategory: 'cs.CV',
      arxivSubmitted: '2024-05-28',
      published: '2024-05-28',
    });
    expect(report.conflicts).toEqual([]);
  });

  it('lets recorded names win over a listing’s other names, and reports the listing’s as a conflict', () => {
    const { papers, report } = ingestListings([json(['Someone Else']), dump], pins(RECORDED));
    expect(papers).toHaveLength(1);
    expect(papers[0]!.authorNames).toEqual(['Fu-Yun Wang', 'Zhaoyang Huang']);
    expect(report.conflicts).toEqual([
      {
        slug: 'phased-consistency-model',
        field: 'authors',
        values: [
          { value: 'Fu-Yun Wang; Zhaoyang Huang', file: FILE, line: 1 },
          { value: 'Someone Else', file: 'b.json', line: 1, item: 0 },
        ],
      },
    ]);
  });

  it('has nothing to report when the listing names the same authors, and keeps a listing’s names where none are recorded', () => {
    expect(ingestListings([json(['Fu-Yun Wang', 'Zhaoyang Huang'])], pins(RECORDED)).report.conflicts).toEqual([]);
    const unrecorded = ingestListings([json(['Ada Lovelace'])], pins('phased-consistency-model:\n  arxiv: "2405.18407"\n'));
    expect(unrecorded.papers[0]).toMatchObject({ authorNames: ['Ada Lovelace'], authors: 1 });
    expect(unrecorded.papers[0]).not.toHaveProperty('arxivCategory');
  });
});

describe('the default catalog with the committed identifiers', () => {
  const LISTINGS = new URL('../../../content/listings/', import.meta.url);
  const inputs: ListingInput[] = readdirSync(LISTINGS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const name = f.slice(0, -'.txt'.length);
      return { file: `content/listings/${f}`, name, text: readFileSync(new URL(f, LISTINGS), 'utf8'), sidecar: parseYaml(readFileSync(new URL(`${name}.yaml`, LISTINGS), 'utf8')) ?? {} };
    });
  const sidecar = parseIdentifierSidecar(FILE, readFileSync(new URL('../../../content/identifiers.yaml', import.meta.url), 'utf8'));
  const { papers, report } = ingestListings(inputs, { file: FILE, pins: sidecar.pins });

  it('keeps every published slug: ids join no two papers and part none', () => {
    const published = readFileSync(new URL('../../fixtures/published-slugs.txt', import.meta.url), 'utf8')
      .trim()
      .split('\n');
    expect(papers.map((p) => p.slug)).toEqual(published);
  });

  it('reads without a warning, every entry naming a paper, and gives ids and names to most papers', () => {
    expect(sidecar.warnings).toEqual([]);
    expect(report.warnings.filter((w) => w.file === FILE)).toEqual([]);
    expect(new Set(papers.map((p) => p.arxiv).filter(Boolean)).size).toBe(papers.filter((p) => p.arxiv).length);
    expect(papers.filter((p) => p.arxiv).length).toBeGreaterThanOrEqual(500);
    expect(papers.filter((p) => p.authorNames).length).toBeGreaterThanOrEqual(480);
  });
});
