/**
 * Adversarial listings through ingest's parsers (issue 33): deep nesting, long runs of brackets and
 * parentheses, markup, noncharacters, controls, huge lines and many items. Whatever comes in, ingest
 * does not throw; what it cuts has a finding; what it keeps holds nothing XML cannot carry and never
 * more than the abstract renderer can take; and its time grows linearly with the input (the CPU time
 * of 4× the input against 1×: linear is 4, quadratic 16).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ListingInput, ingestListings } from '../../../src/lib/merge/ingest.ts';
import { abstractToMdx } from '../../../src/lib/paper/mdx-body.ts';
import { parseDailyPapersJson } from '../../../src/lib/listing/parse-daily-papers-json.ts';
import { parseListing } from '../../../src/lib/listing/index.ts';
import { MAX_BODY_LENGTH, renderAbstract } from '../../../src/lib/paper/render-abstract.ts';
import { MAX_JSON_DEPTH } from '../../../src/lib/security/json-depth.ts';
import { isSafeListingId } from '../../../src/lib/security/listing-id.ts';
import { MAX_ABSTRACT_LENGTH, MAX_TITLE_LENGTH } from '../../../src/lib/security/listing-limits.ts';

/** What no XML document may hold, and the noncharacters dropped with it. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFDD0-\uFDEF\uFFFE\uFFFF]/u;
const PIECES = [
  '[',
  '![',
  '](',
  '![a](',
  '(',
  ')',
  ']',
  '{',
  '}',
  '<b>',
  '</script>',
  '*',
  '_',
  '`',
  '\\',
  '&amp;',
  '"',
  '\uFFFE',
  '\uFFFF',
  '\uFDD0',
  '\u0000',
  '\u0007',
  '\u001B',
  '\uD800',
  '\uDC00',
  '\u200B',
  ' ',
  'word',
  'http://a.b/(',
  '• 2 authors',
  '· May 28, 2024',
];
const piece = fc.constantFrom(...PIECES);
/** Text of hostile pieces, some repeated into runs thousands of characters long. */
const hostileText = fc
  .array(fc.tuple(piece, fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1_000, max: 12_000 }))), { minLength: 1, maxLength: 6 })
  .map((runs) => runs.map(([p, n]) => p.repeat(n)).join(''));
const hostileName = fc.array(fc.constantFrom('%2e', '.', '?', '#', ' ', 'ü', '日', '/', '\uFFFE', 'a', '1', '_'), { minLength: 1, maxLength: 12 }).map((parts) => parts.join(''));

function ingest(input: ListingInput) {
  const result = ingestListings([input]);
  return { ...result, findings: [...result.report.warnings, ...result.report.rejected] };
}

/** Everything a kept paper shows is bounded and XML-safe, and its abstract is a body the renderer takes. */
function expectSafePapers(papers: ReturnType<typeof ingestListings>['papers']): void {
  for (const paper of papers) {
    expect(paper.title.length).toBeLessThanOrEqual(MAX_TITLE_LENGTH + 1);
    expect(paper.abstract.length).toBeLessThanOrEqual(MAX_ABSTRACT_LENGTH + 1);
    for (const text of [paper.title, paper.abstract, ...(paper.authorNames ?? [])]) expect(NOT_XML.test(text)).toBe(false);
    expect(abstractToMdx(paper.abstract).length).toBeLessThanOrEqual(MAX_BODY_LENGTH);
  }
}

const RUNS = { numRuns: 25 };
/** Hostile inputs are up to a few hundred kilobytes each, and this machine may be shared. */
const SLOW = 120_000;

describe('ingest of hostile listings', () => {
  it(
    'reads any Daily Papers JSON of hostile text: no throw, a finding for each cut, nothing XML cannot carry',
    () => {
      fc.assert(
        fc.property(fc.array(fc.tuple(hostileText, hostileText, fc.array(hostileText, { maxLength: 3 })), { minLength: 1, maxLength: 5 }), hostileName, (items, name) => {
          const json = JSON.stringify(
            items.map(([title, summary, authors], i) => ({ paper: { id: `2501.${String(i).padStart(5, '0')}`, title, summary, authors: authors.map((a) => ({ name: a })) } })),
          );
          const { papers, findings, listings } = ingest({ file: `${name}.json`, name, text: json });
          expect(isSafeListingId(listings[0]!.id)).toBe(true);
          expectSafePapers(papers);
          // Each entry the reader gave that was too long was cut, with a finding at its item.
          for (const entry of parseDailyPapersJson(`${name}.json`, json).entries) {
            const cut = findings.filter((f) => f.item === entry.item && / characters: cut to the first /.test(f.reason));
            if (entry.title.length > MAX_TITLE_LENGTH) expect(cut.some((f) => f.reason.startsWith('title'))).toBe(true);
            if (entry.abstract.length > MAX_ABSTRACT_LENGTH) expect(cut.some((f) => f.reason.startsWith('abstract'))).toBe(true);
          }
          if (items.some(([title, summary]) => NOT_XML.test(title + summary))) expect(findings.some((f) => /XML cannot carry/.test(f.reason))).toBe(true);
        }),
        RUNS,
      );
    },
    SLOW,
  );

  it(
    'reads JSON nested any depth with a finding at the line where it got too deep',
    () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 30_000 }), fc.constantFrom('[', '{"paper":'), fc.integer({ min: 0, max: 5 }), (depth, open, newlines) => {
          const close = open === '[' ? ']' : '}';
          const text = `${'\n'.repeat(newlines)}[${open.repeat(depth)}1${close.repeat(depth)}]`;
          const { findings } = ingest({ file: 'deep.json', name: 'deep', text });
          if (depth + 1 > MAX_JSON_DEPTH)
            expect(findings).toContainEqual(expect.objectContaining({ file: 'deep.json', line: newlines + 1, reason: expect.stringContaining(`nested deeper than ${MAX_JSON_DEPTH} levels`) }));
        }),
        RUNS,
      );
    },
    SLOW,
  );

  it(
    'reads any text dump of hostile lines: no throw, nothing XML cannot carry, no abstract past the limit',
    () => {
      fc.assert(
        fc.property(fc.array(hostileText, { minLength: 1, maxLength: 8 }), hostileName, (lines, name) => {
          const text = ['Daily Papers', ...lines].join('\n\n');
          const { papers, listings } = ingest({ file: `${name}.txt`, name, text });
          expect(isSafeListingId(listings[0]!.id)).toBe(true);
          expectSafePapers(papers);
        }),
        RUNS,
      );
    },
    SLOW,
  );

  it('the abstract renderer refuses a body longer than ingest writes, instead of parsing it for minutes', () => {
    const body = '!\\[a]\\('.repeat(MAX_BODY_LENGTH / 7 + 1);
    expect(() => renderAbstract(body, 'x.mdx')).toThrow(/longer than ingest ever writes/);
    expect(() => renderAbstract(abstractToMdx('![a]('.repeat(MAX_ABSTRACT_LENGTH / 5)))).not.toThrow();
  });
});

/** The least CPU time (ms) of a few runs of `run`: the least is the one other processes disturbed least. */
function cpuTime(run: () => void): number {
  let least = Infinity;
  for (let i = 0; i < 3; i++) {
    const start = process.cpuUsage();
    run();
    const used = process.cpuUsage(start);
    least = Math.min(least, (used.user + used.system) / 1000);
  }
  return least;
}

/** Below this, 4× the input cost no more than linear time and its noise (garbage collection, a busy machine); quadratic is 16. */
const LINEAR = 10;

/** The CPU time of 4× the input over that of 1×: about 4 when linear, 16 when quadratic. */
const growth = (make: (scale: number) => string, parse: (text: string) => unknown) => {
  const small = make(1);
  const large = make(4);
  const ratio = cpuTime(() => parse(large)) / cpuTime(() => parse(small));
  console.info(`4x the input: ${ratio.toFixed(1)}x the time`);
  return ratio;
};

const item = (i: number) => JSON.stringify({ paper: { id: `2401.${String(i % 99_999).padStart(5, '0')}`, title: `Paper ${i}`, summary: 'An abstract.', authors: [{ name: 'A' }] } });

describe('time linear in the input', () => {
  it.each([
    ['many small JSON items', (scale: number) => `[${Array.from({ length: 2_000 * scale }, (_, i) => item(i)).join(',')}]`],
    ['a JSON title that is one run of brackets', (scale: number) => `[${JSON.stringify({ paper: { title: '!['.repeat(50_000 * scale), summary: '[a]('.repeat(50_000 * scale) } })}]`],
    ['JSON nested deep', (scale: number) => `[${'['.repeat(100_000 * scale)}]`],
  ])(
    '%s',
    (_name, make) => {
      expect(growth(make, (text) => parseDailyPapersJson('l.json', text))).toBeLessThan(LINEAR);
    },
    SLOW,
  );

  it.each([
    ['a text line of 50,000 [', (scale: number) => `Title\n\n${'['.repeat(50_000 * scale)}\n\n• 2 authors · May 28, 2024\n`],
    ['a text line of 50,000 ![', (scale: number) => `Title\n\n${'!['.repeat(25_000 * scale)}\n\n• 2 authors · May 28, 2024\n`],
    ['a text line of [a]( runs', (scale: number) => `### [${'[a]('.repeat(12_500 * scale)}](x)\n\nAbstract\n\n• 2 authors · May 28, 2024\n`],
  ])(
    '%s',
    (_name, make) => {
      expect(growth(make, (text) => parseListing('l.txt', text))).toBeLessThan(LINEAR);
    },
    SLOW,
  );
});
