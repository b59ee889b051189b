import { describe, expect, test } from 'vitest';
import { type RelatedInput, relatedDocuments, relatedMatches, relatedModel, tokenize } from '../../../src/lib/related/related.ts';

const ICL = 'Transformers learn in-context by gradient descent on a linear regression loss inside attention layers.';
const docs: RelatedInput[] = [
  { id: 'icl-a', title: 'In-context learning as gradient descent', abstract: ICL },
  { id: 'icl-b', title: 'Gradient descent explains in-context learning', abstract: ICL },
  { id: 'icl-c', title: 'Softmax attention and in-context regression', abstract: 'Attention layers perform regression in context with softmax weights.' },
  { id: 'vision', title: 'Contrastive pre-training for remote sensing images', abstract: 'Satellite images and contrastive objectives for land cover segmentation.' },
  { id: 'vision-2', title: 'Remote sensing benchmarks revisited', abstract: 'Resizing satellite images changes land cover segmentation benchmarks.' },
  { id: 'rl', title: 'Portfolio management with reward-driven agents', abstract: 'An agent allocates a stock portfolio.' },
];

describe('tokenize', () => {
  test('lower-cases, folds plurals and diacritics, drops stopwords, numbers and single letters', () => {
    expect(tokenize('The Networks of Gödel: 2 studies in a Café, x-ray')).toEqual(['network', 'godel', 'study', 'cafe', 'ray']);
  });
});

describe('relatedDocuments', () => {
  const related = relatedDocuments(docs, { maxDocFloor: 2 });

  test('documents with identical abstracts are each other’s best match', () => {
    expect(related.get('icl-a')![0]!.id).toBe('icl-b');
    expect(related.get('icl-b')![0]!.id).toBe('icl-a');
    expect(related.get('icl-a')![0]!.score).toBeGreaterThan(related.get('icl-a')![1]?.score ?? 0);
  });

  test('a document is never related to itself and unrelated documents are left out', () => {
    for (const [id, matches] of related) {
      expect(matches.map((m) => m.id)).not.toContain(id);
      for (const m of matches) expect(m.score).toBeGreaterThan(0);
    }
    expect(related.get('vision')!.map((m) => m.id)).toEqual(['vision-2']);
    expect(related.get('rl')).toEqual([]);
  });

  test('scores are cosines: an exact duplicate scores 1', () => {
    const twins = relatedDocuments([...docs, { id: 'icl-a-copy', title: docs[0]!.title, abstract: ICL }]);
    expect(twins.get('icl-a')![0]).toEqual({ id: 'icl-a-copy', score: expect.closeTo(1, 12) });
  });

  test('equal scores are ordered by id and the input order does not matter', () => {
    const probe = { id: 'probe', title: 'Remote sensing', abstract: '' };
    const clones = ['c3', 'c1', 'c2'].map((id) => ({ id, title: 'Remote sensing images', abstract: '' }));
    const a = relatedDocuments([probe, ...clones, ...docs], { count: 2 });
    const b = relatedDocuments([...docs, ...clones].reverse().concat(probe), { count: 2 });
    expect(a.get('probe')!.map((m) => m.id)).toEqual(['c1', 'c2']);
    expect(b).toEqual(a);
  });

  test('returns at most `count` matches', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ id: `p${i}`, title: 'gradient descent', abstract: `variant ${i}` }));
    const result = relatedDocuments([...many, ...docs], { count: 5 });
    for (const { id } of many) expect(result.get(id)).toHaveLength(5);
  });

  test('common terms are skipped in finding candidates, except for a paper’s strongest few', () => {
    const uncapped = relatedDocuments(docs, { maxDocFloor: 2, maxQueryDocFloor: Number.POSITIVE_INFINITY });
    // Every term counts as common: each paper finds candidates through its 8 strongest terms only.
    const capped = relatedDocuments(docs, { maxDocFloor: 2, maxQueryDocFloor: 1, maxQueryDocFraction: 0 });
    expect(related).toEqual(uncapped);
    expect(capped.get('vision')!.map((m) => m.id)).toEqual(['vision-2']);
    expect(capped.get('icl-a')![0]!.id).toBe('icl-b');
  });

  test('terms shared by most of a large catalog are ignored', () => {
    const common = Array.from({ length: 100 }, (_, i) => ({ id: `d${String(i).padStart(3, '0')}`, title: `model topic${i}`, abstract: `model word${i}` }));
    const result = relatedDocuments(common, { maxDocFraction: 0.1, maxDocFloor: 5 });
    for (const matches of result.values()) expect(matches).toEqual([]);
  });
});

/** A Zipf-distributed synthetic vocabulary, deterministic (no Math.random). */
function syntheticCatalog(size: number, vocabulary: number, length: number): RelatedInput[] {
  // mulberry32
  let seed = 42;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const cumulative: number[] = [];
  let total = 0;
  for (let r = 1; r <= vocabulary; r += 1) {
    total += 1 / r;
    cumulative.push(total);
  }
  const word = () => {
    const x = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return `w${lo.toString(36)}`;
  };
  return Array.from({ length: size }, (_, i) => ({
    id: `paper-${i}`,
    title: Array.from({ length: 8 }, word).join(' '),
    abstract: Array.from({ length }, word).join(' '),
  }));
}

test('finding candidates through the strongest terms agrees with an exhaustive search', () => {
  const catalog = syntheticCatalog(400, 3_000, 120);
  const fast = relatedDocuments(catalog);
  const exhaustive = relatedDocuments(catalog, {
    queryTerms: Number.POSITIVE_INFINITY,
    maxQueryDocFloor: Number.POSITIVE_INFINITY,
    candidates: Number.POSITIVE_INFINITY,
  });
  let same = 0;
  let total = 0;
  for (const [id, matches] of exhaustive) {
    const found = new Set(fast.get(id)!.map((m) => m.id));
    total += matches.length;
    same += matches.filter((m) => found.has(m.id)).length;
  }
  expect(same / total).toBeGreaterThan(0.95);
});

test('matches of ranges of the model joined are the matches of the whole catalog', () => {
  const catalog = syntheticCatalog(300, 2_000, 80);
  const model = relatedModel(catalog);
  const parts = [relatedMatches(model, 0, 97), relatedMatches(model, 97, 200), relatedMatches(model, 200, 300)];
  expect(parts.map((part) => part.length)).toEqual([97, 103, 100]);
  expect(new Map(parts.flat())).toEqual(relatedDocuments(catalog));
});

test('scales to a 20,000-paper catalog', { timeout: 120_000 }, () => {
  const catalog = syntheticCatalog(20_000, 40_000, 160);
  catalog.push({ id: 'twin', title: catalog[123]!.title, abstract: catalog[123]!.abstract });
  const started = performance.now();
  const related = relatedDocuments(catalog);
  const seconds = (performance.now() - started) / 1000;
  console.info(`related papers for 20,001 synthetic papers: ${seconds.toFixed(1)} s`);
  expect(related.size).toBe(20_001);
  expect(related.get('paper-123')![0]!.id).toBe('twin');
  // Generous bound for a busy 2-core machine; a dense n×n pass takes minutes here.
  expect(seconds).toBeLessThan(120);
});
