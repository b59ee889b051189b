import { describe, expect, test } from 'vitest';
import { type TopicPaper, coOccurringTopics, niceCeiling, papersPerYear, peakYear, topicOverview, undatedCount, untaggedPapers, yearSpan } from '../../../src/lib/topics/topic-stats.ts';

const paper = (topics: string[], published?: string): TopicPaper => ({ data: published ? { topics, published } : { topics } });

const catalog = [
  paper(['icl', 'llm'], '2024-05-28'),
  paper(['icl', 'transformers'], '2022-12-15'),
  paper(['icl', 'llm', 'transformers'], '2024-01-02'),
  paper(['icl']),
  paper(['quantization'], '2019-07-01'),
  paper([], '2023-03-03'),
];

describe('papers per year', () => {
  test('the catalog span covers every dated paper', () => {
    expect(yearSpan(catalog)).toEqual({ from: 2019, to: 2024 });
    expect(yearSpan([paper(['a'])])).toBeUndefined();
  });

  test('counts a topic’s papers per year over the whole span, empty years included', () => {
    const icl = catalog.filter((p) => p.data.topics.includes('icl'));
    expect(papersPerYear(icl, { from: 2019, to: 2024 })).toEqual([
      { year: 2019, count: 0 },
      { year: 2020, count: 0 },
      { year: 2021, count: 0 },
      { year: 2022, count: 1 },
      { year: 2023, count: 0 },
      { year: 2024, count: 2 },
    ]);
    expect(undatedCount(icl)).toBe(1);
  });

  test('a span that leaves papers out is a bug, not a smaller chart', () => {
    expect(() => papersPerYear(catalog, { from: 2022, to: 2024 })).toThrow(/2019 fall outside 2022–2024/);
  });

  test('the peak is the busiest year, the latest on a tie, and none for an empty chart', () => {
    expect(
      peakYear([
        { year: 2022, count: 2 },
        { year: 2023, count: 1 },
        { year: 2024, count: 2 },
      ]),
    ).toEqual({ year: 2024, count: 2 });
    expect(peakYear([{ year: 2022, count: 0 }])).toBeUndefined();
  });

  test('the value axis ends on a round number whose half is a whole count', () => {
    expect([0, 1, 2, 3, 7, 10, 11, 20, 45, 99, 100, 101, 240].map(niceCeiling)).toEqual([2, 2, 2, 4, 8, 10, 20, 20, 50, 100, 100, 200, 500]);
  });
});

describe('co-occurring topics', () => {
  test('counts the other topics of a topic’s papers, most shared first, ties by id', () => {
    expect(coOccurringTopics(catalog, 'icl')).toEqual([
      { id: 'llm', count: 2 },
      { id: 'transformers', count: 2 },
    ]);
    expect(coOccurringTopics(catalog, 'quantization')).toEqual([]);
  });

  test('a topic listed twice on a paper counts once', () => {
    expect(coOccurringTopics([paper(['a', 'b', 'b'])], 'a')).toEqual([{ id: 'b', count: 1 }]);
  });
});

test('untagged papers are those without any topic', () => {
  expect(untaggedPapers(catalog)).toEqual([catalog[5]]);
});

describe("a topic page's overview", () => {
  const icl = catalog.filter((p) => p.data.topics.includes('icl'));

  test('the per-year counts on the catalog axis, the undated count and the first topics tagged with it', () => {
    expect(topicOverview(icl, 'icl', yearSpan(catalog), 1)).toEqual({
      counts: papersPerYear(icl, { from: 2019, to: 2024 }),
      undated: 1,
      together: [{ id: 'llm', count: 2 }],
    });
  });

  test('a catalog without dates has no chart', () => {
    expect(topicOverview([paper(['icl'])], 'icl', undefined, 8)).toEqual({ counts: [], undated: 1, together: [] });
  });
});
