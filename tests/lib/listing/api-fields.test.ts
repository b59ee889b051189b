import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AI_SUMMARY_MAX, KEYWORD_MAX, KEYWORDS_MAX, bounded, readApiFields } from '../../../src/lib/listing/api-fields.ts';
import { apiFieldsSchema } from '../../../src/lib/paper/paper.ts';
import { parseDailyPapersJson } from '../../../src/lib/listing/parse-daily-papers-json.ts';

/** The API fields of one item as the JSON parser reads them, with its warnings. */
function read(paper: Record<string, unknown>, item: Record<string, unknown> = {}) {
  const parsed = parseDailyPapersJson('x.json', JSON.stringify([{ ...item, paper: { id: '2405.18407', title: 'T', summary: 'S', publishedAt: '2024-05-28', ...paper } }]));
  const { file: _f, line: _l, item: _i, title: _t, abstract: _a, ids: _ids, date: _d, ...fields } = parsed.entries[0]!;
  return { fields, warnings: parsed.warnings.map((w) => w.reason) };
}

describe('bounded', () => {
  it('keeps short text, cuts long text at a word with an ellipsis, never inside a surrogate pair', () => {
    expect(bounded('short', 10)).toBe('short');
    expect(bounded('one two three four five', 14)).toBe('one two three…');
    expect(bounded('😀'.repeat(10), 6)).toBe('😀😀…');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.integer({ min: 2, max: 200 }), (text, max) => {
        const cut = bounded(text, max);
        expect(cut.length).toBeLessThanOrEqual(max);
        expect(cut.isWellFormed()).toBe(text.isWellFormed());
      }),
    );
  });
});

describe('readApiFields', () => {
  it('falls back to the item where the paper does not say, as the client models do', () => {
    expect(read({}, { ai_summary: 'From the item.', githubStars: 3, submittedBy: { name: 'akhaliq' } }).fields).toEqual({
      aiSummary: 'From the item.',
      githubStars: 3,
      submitter: { user: 'akhaliq' },
    });
  });

  it('takes the item’s submitter when the paper’s has nothing usable', () => {
    expect(read({ submittedOnDailyBy: { user: '' } }, { submittedBy: { name: 'akhaliq', fullname: 'AK' } }).fields.submitter).toEqual({ user: 'akhaliq', fullname: 'AK' });
  });

  it('keeps the first keywords up to the bound, and says so', () => {
    const keywords = Array.from({ length: 15 }, (_, i) => `keyword ${i}`);
    const { fields, warnings } = read({ ai_keywords: keywords });
    expect(fields.aiKeywords).toEqual(keywords.slice(0, KEYWORDS_MAX));
    expect(warnings).toEqual([`item 0: 15 ai_keywords: the first ${KEYWORDS_MAX} kept`]);
  });

  it('keeps an http(s) project page, normalised; nothing else becomes a URL', () => {
    expect(read({ projectPage: ' HTTPS://Example.org/a b ' }).fields.projectPage).toBe('https://example.org/a%20b');
    for (const page of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      '//evil.example/',
      '/relative',
      'vbscript:x',
      `https://example.org/${'a'.repeat(500)}`,
    ]) {
      expect(read({ projectPage: page }).fields, page).not.toHaveProperty('projectPage');
    }
  });

  it('whatever the item holds, gives only values the paper schema accepts, and only http(s) links', () => {
    const value = fc.oneof(fc.string(), fc.webUrl(), fc.constant('javascript:alert(1)'), fc.integer(), fc.array(fc.oneof(fc.string(), fc.integer())), fc.anything());
    const user = fc.record({ user: value, name: value, fullname: value }, { requiredKeys: [] });
    fc.assert(
      fc.property(
        fc.record({ ai_summary: value, ai_keywords: value, projectPage: value, githubStars: value, withdrawnAt: value, submittedOnDailyBy: fc.oneof(user, value) }, { requiredKeys: [] }),
        (paper) => {
          const warnings: string[] = [];
          const fields = readApiFields(
            paper,
            {},
            (from, key, schema) => {
              const parsed = schema.safeParse(from[key]);
              return parsed.success ? parsed.data : undefined;
            },
            (reason) => warnings.push(reason),
          );
          expect(apiFieldsSchema.safeParse(fields).success).toBe(true);
          if (fields.projectPage) expect(fields.projectPage).toMatch(/^https?:\/\//);
          expect((fields.aiSummary ?? '').length).toBeLessThanOrEqual(AI_SUMMARY_MAX);
          for (const keyword of fields.aiKeywords ?? []) expect(keyword.length).toBeLessThanOrEqual(KEYWORD_MAX);
        },
      ),
      // fc.anything() makes large values: fewer runs than the default keep this well inside the timeout on a busy machine.
      { numRuns: 40 },
    );
  });
});
