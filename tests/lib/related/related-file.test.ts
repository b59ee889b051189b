import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseRelatedFile, relatedKey, renderRelatedFile } from '../../../src/lib/related/related-file.ts';

const papers = [
  { slug: 'b-paper', title: 'B', abstract: 'About b.' },
  { slug: 'a-paper', title: 'A', abstract: 'About a.' },
];

describe('relatedKey', () => {
  test('depends on every slug, title and abstract, the count and the version, not on order', () => {
    const key = relatedKey(papers, 5, 'v1');
    expect(relatedKey([...papers].reverse(), 5, 'v1')).toBe(key);
    const changed = [
      relatedKey([{ ...papers[0]!, title: 'B, revised' }, papers[1]!], 5, 'v1'),
      relatedKey([{ ...papers[0]!, abstract: 'About b, revised.' }, papers[1]!], 5, 'v1'),
      relatedKey([{ ...papers[0]!, slug: 'b-paper-2' }, papers[1]!], 5, 'v1'),
      relatedKey(papers.slice(0, 1), 5, 'v1'),
      relatedKey(papers, 4, 'v1'),
      relatedKey(papers, 5, 'v2'),
    ];
    expect(new Set([key, ...changed]).size).toBe(changed.length + 1);
  });
});

describe('renderRelatedFile', () => {
  test('one line per paper, in slug order, and valid JSON', () => {
    const text = renderRelatedFile({ key: 'k', related: { 'b-paper': ['a-paper'], 'a-paper': [] } });
    expect(text).toBe('{\n  "key": "k",\n  "related": {\n    "a-paper": [],\n    "b-paper": ["a-paper"]\n  }\n}\n');
    expect(JSON.parse(text)).toEqual({ key: 'k', related: { 'a-paper': [], 'b-paper': ['a-paper'] } });
  });

  test('an empty catalog is an empty object', () => {
    expect(JSON.parse(renderRelatedFile({ key: 'k', related: {} }))).toEqual({ key: 'k', related: {} });
  });

  test('reads back what it wrote, whatever the slugs and matches', () => {
    const slug = fc.stringMatching(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    fc.assert(
      fc.property(fc.string(), fc.dictionary(slug, fc.array(slug, { maxLength: 5 })), (key, related) => {
        expect(parseRelatedFile(renderRelatedFile({ key, related }), 'x.json')).toEqual({ key, related });
      }),
    );
  });
});

describe('parseRelatedFile', () => {
  test('names the file and the fix when it is not JSON, and the fault when it is the wrong shape', () => {
    expect(() => parseRelatedFile('{"key": ', 'content/papers/_related.json')).toThrow(/content\/papers\/_related\.json is not JSON .*npm run ingest/);
    expect(() => parseRelatedFile('{"key": "k", "related": {"a": "b"}}', 'r.json')).toThrow(/r\.json is not a related-papers file/);
  });
});
