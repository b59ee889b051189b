import { describe, expect, it } from 'vitest';
import type { ArxivRecord } from '../../../src/lib/identifiers/arxiv-atom.ts';
import { MATCH_THRESHOLD, decideMatch, plausibleDate, titleQuery, titleSimilarity } from '../../../src/lib/identifiers/title-match.ts';

const record = (id: string, title: string, published = '2024-05-20', updated = published): ArxivRecord => ({ id, title, published, updated, authors: [] });

describe('titleSimilarity', () => {
  it('is 1 for the same title however it is spaced, cased or punctuated, and below the threshold for another title', () => {
    expect(titleSimilarity('Phased Consistency Model', 'phased consistency-model')).toBe(1);
    expect(titleSimilarity('Phased Consistency Model', 'Phased Consistency Models')).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(titleSimilarity('Phased Consistency Model', 'Latent Consistency Model')).toBeLessThan(MATCH_THRESHOLD);
    expect(titleSimilarity('Learning C Programs', 'Learning C++ Programs')).toBeLessThan(1);
  });
});

describe('decideMatch', () => {
  const paper = { title: 'Phased Consistency Model', published: '2024-05-28' };

  it('takes the one result with the title and a fitting date', () => {
    expect(decideMatch(paper, [record('2405.00009', 'Latent Consistency Models'), record('2405.18407', 'Phased Consistency Model')])).toEqual({
      kind: 'match',
      record: record('2405.18407', 'Phased Consistency Model'),
      similarity: 1,
    });
  });

  it('turns down a near miss, and a title match whose dates cannot be the paper', () => {
    const near = decideMatch(paper, [record('2405.00009', 'Phased Consistency Distillation for Video')]);
    expect(near).toMatchObject({ kind: 'unmatched', reason: `no title within ${MATCH_THRESHOLD} similarity`, best: { id: '2405.00009' } });
    const later = decideMatch(paper, [record('2411.00001', 'Phased Consistency Model', '2024-11-01')]);
    expect(later).toMatchObject({ kind: 'unmatched', reason: "the matching title's dates do not fit the paper's date 2024-05-28" });
    expect(decideMatch(paper, [])).toEqual({ kind: 'unmatched', reason: 'no result for the title' });
  });

  it('calls two different papers with the title ambiguous, never picking one', () => {
    const decision = decideMatch({ title: 'Introduction' }, [record('2401.00001', 'Introduction'), record('2402.00002', 'Introduction.')]);
    expect(decision).toEqual({
      kind: 'ambiguous',
      candidates: [
        { id: '2401.00001', title: 'Introduction', similarity: 1 },
        { id: '2402.00002', title: 'Introduction.', similarity: 1 },
      ],
    });
  });

  it('accepts a listing date a little before the first version and up to a year after the latest', () => {
    const r = record('2405.18407', 'X', '2024-05-28', '2024-08-01');
    expect([plausibleDate('2024-05-22', r), plausibleDate('2024-05-20', r), plausibleDate('2025-07-31', r), plausibleDate('2025-08-03', r), plausibleDate(undefined, r)]).toEqual([
      true,
      false,
      true,
      false,
      true,
    ]);
  });
});

describe('titleQuery', () => {
  it('asks for the title words as one phrase, without the punctuation and words arXiv gives meaning to', () => {
    expect(titleQuery('Search "and" Rescue: (A) Study OR Not? C++')).toBe('ti:"search rescue a study not c"');
  });
});
