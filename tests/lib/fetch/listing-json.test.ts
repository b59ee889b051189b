import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeChange, formatListing, joinPages, listingChange } from '../../../src/lib/fetch/listing-json.ts';
import { parseDailyPapersJson } from '../../../src/lib/listing/parse-daily-papers-json.ts';
import { dailyItem } from '../../scripts/daily-papers-replay.ts';

const A = dailyItem({ id: '2405.18407', title: 'Phased Consistency Model', upvotes: 32 });
const B = dailyItem({ id: '2405.17258', title: 'Trans-LoRA', upvotes: 14 });
const C = dailyItem({ id: '2405.18386', title: 'Instruct-MusicGen', upvotes: 3 });

/** The same value with every object's keys in another order. */
function shuffleKeys(value: unknown, seed: number): unknown {
  if (Array.isArray(value)) return value.map((v, i) => shuffleKeys(v, seed + i));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  const rotated = entries.map((_, i) => entries[(i + seed) % entries.length]!);
  return Object.fromEntries(rotated.reverse().map(([k, v]) => [k, shuffleKeys(v, seed + 1)]));
}

describe('a saved day', () => {
  it('is pretty-printed with two spaces and a final newline, keys sorted, items and authors in the API’s order', () => {
    const text = formatListing([B, A]);
    expect(text.endsWith('}\n]\n')).toBe(true);
    expect(text.split('\n')[1]).toBe('  {');
    const saved = JSON.parse(text) as Record<string, unknown>[];
    expect(saved.map((item) => (item.paper as { id: string }).id)).toEqual(['2405.17258', '2405.18407']);
    expect(Object.keys(saved[0]!)).toEqual([...Object.keys(saved[0]!)].sort());
    expect(Object.keys(saved[0]!.paper as object)).toEqual([
      'ai_keywords',
      'ai_summary',
      'authors',
      'discussionId',
      'githubRepo',
      'githubStars',
      'id',
      'mediaUrls',
      'publishedAt',
      'submittedOnDailyAt',
      'submittedOnDailyBy',
      'summary',
      'title',
      'upvotes',
    ]);
    expect(saved).toEqual(JSON.parse(JSON.stringify([B, A])));
  });

  it('is the same bytes whatever order the server wrote the keys in', () => {
    fc.assert(fc.property(fc.nat(50), (seed) => formatListing([shuffleKeys(A, seed), shuffleKeys(B, seed + 7)]) === formatListing([A, B])));
  });

  it('round-trips any JSON the API could send, and formatting it again changes nothing', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue()), (generated) => {
        const items = JSON.parse(JSON.stringify(generated)) as unknown[]; // as the API's body parses
        const text = formatListing(items);
        expect(JSON.parse(text)).toEqual(items);
        expect(formatListing(JSON.parse(text) as unknown[])).toBe(text);
      }),
    );
  });

  it('keeps a "__proto__" key as data', () => {
    const item = JSON.parse('{"__proto__": {"polluted": true}, "paper": {"id": "2405.00001", "title": "T"}}') as object;
    const text = formatListing([item]);
    expect(text).toContain('"__proto__"');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('is read by the ingest: every paper with its id, authors, date and upvotes', () => {
    const parsed = parseDailyPapersJson('content/listings/2024-05-28.json', formatListing([A, B, C]));
    expect(parsed.rejected).toEqual([]);
    expect(parsed.entries.map((e) => [e.title, e.ids?.arxiv, e.authorNames, e.date])).toEqual([
      ['Phased Consistency Model', '2405.18407', ['Ada Lovelace', 'Alan Turing'], { year: 2024, month: 5, day: 27, upvotes: 32 }],
      ['Trans-LoRA', '2405.17258', ['Ada Lovelace', 'Alan Turing'], { year: 2024, month: 5, day: 27, upvotes: 14 }],
      ['Instruct-MusicGen', '2405.18386', ['Ada Lovelace', 'Alan Turing'], { year: 2024, month: 5, day: 27, upvotes: 3 }],
    ]);
    expect(parsed.captured).toBe('2024-05-28');
  });
});

describe('pages and changes', () => {
  it('joins pages, keeping the first of a paper that a shift repeated', () => {
    expect(
      joinPages([
        [A, B],
        [B, C],
      ]),
    ).toEqual([A, B, C]);
    expect(joinPages([[], []])).toEqual([]);
  });

  it('says what changed: papers new and gone, papers whose fields changed', () => {
    const saved = formatListing([A, B]);
    const bumped = { ...B, numComments: 5 };
    const change = listingChange(saved, [A, bumped, C]);
    expect(change).toEqual({ before: 2, after: 3, added: 1, removed: 0, updated: 1 });
    expect(describeChange(change!)).toBe('2 → 3 papers (1 new, 1 updated)');
    expect(describeChange(listingChange(saved, [C, A])!)).toBe('2 papers (1 new, 1 gone)');
    expect(describeChange(listingChange(saved, [B, A])!)).toBe('2 papers (the same papers; their order, or an item without a paper id, changed)');
    expect(listingChange('[{"paper": ', [A])).toBeNull();
  });
});
