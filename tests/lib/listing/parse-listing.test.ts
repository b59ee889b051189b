/**
 * The page-dump fixtures are excerpts of the default listings, copied line for line:
 * page-000 = 000_cc5b… lines 1-28, 85-92, 141-148, 517-524, 909-916;
 * page-002 = 002_a816… lines 1-12, 253-260, 269-288; page-003 = 003_2c41… lines 1-12, 201-220;
 * bare-001 = 001_d73c… lines 1-8.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ParsedListing, type RawEntry, detectFormat, parseListing } from '../../../src/lib/listing/index.ts';
import { normalizeLine } from '../../../src/lib/listing/text.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/listings/${name}`, import.meta.url), 'utf8');
const parseFixture = (name: string) => parseListing(name, fixture(name));

/** An entry's metadata, without the long abstract. */
const meta = ({ abstract: _abstract, ...rest }: RawEntry) => rest;

/** The listing re-joined with other line ends, tabs and NBSPs must parse to the same entries. */
function withMessyWhitespace(text: string, lineEnd: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/ /g, (space, i: number) => (i % 3 === 0 ? '\t' : i % 3 === 1 ? '\u00A0' : space)))
    .join(lineEnd);
}

describe('page dumps (real excerpts)', () => {
  it('reads header, capture day and every metadata variant of listing 000', () => {
    const parsed = parseFixture('page-000-excerpt.txt');
    expect(parsed.format).toBe('page');
    expect(parsed.capturedOn).toEqual({ month: 10, day: 30 });
    expect(parsed.entries.map(meta)).toEqual([
      {
        file: 'page-000-excerpt.txt',
        line: 13,
        title: 'Dual Process Learning: Controlling Use of In-Context vs. In-Weights Strategies with Weight Forgetting',
        authors: 4,
        date: { month: 5, day: 28, year: 2024 },
      },
      {
        file: 'page-000-excerpt.txt',
        line: 21,
        title: 'The mechanistic basis of data dependence and abrupt learning in an in-context classification task',
        authors: 1,
        date: { month: 12, day: 3, year: 2023 },
      },
      {
        file: 'page-000-excerpt.txt',
        line: 29,
        title: 'Orca: Progressive Learning from Complex Explanation Traces of GPT-4',
        authors: 6,
        date: { month: 6, day: 5, year: 2023, upvotes: 18 },
      },
      {
        file: 'page-000-excerpt.txt',
        line: 37,
        title: 'ProRL: Prolonged Reinforcement Learning Expands Reasoning Boundaries in Large Language Models',
        authors: 8,
        date: { month: 5, day: 30, upvotes: 3 },
      },
      {
        file: 'page-000-excerpt.txt',
        line: 45,
        title: 'AdamP: Slowing Down the Slowdown for Momentum Optimizers on Scale-invariant Weights',
        organisation: { id: 'naver-ai', name: 'NAVER AI Lab' },
        date: { month: 6, day: 15, year: 2020 },
      },
      {
        file: 'page-000-excerpt.txt',
        line: 53,
        title: 'COSPADI: Compressing LLMs via Calibration-Guided Sparse Dictionary Learning',
        organisation: { id: 'MTSAIR', name: 'MTSAIR' },
        date: { month: 9, day: 26, upvotes: 2 },
      },
    ]);
    expect(parsed.rejected).toEqual([]);
    expect(parsed.warnings).toEqual([]);
  });

  it('keeps each abstract exactly as its line reads', () => {
    const lines = fixture('page-000-excerpt.txt').split('\n');
    for (const entry of parseFixture('page-000-excerpt.txt').entries) {
      expect(entry.abstract).toBe(normalizeLine(lines[entry.line + 1]!));
      expect(entry.abstract.length).toBeGreaterThan(1000);
    }
  });

  it('splits an entry whose metadata lines are missing off the next one (002 line 277)', () => {
    const parsed = parseFixture('page-002-excerpt.txt');
    expect(parsed.entries.map(meta)).toEqual([
      {
        file: 'page-002-excerpt.txt',
        line: 13,
        title: 'RLP: Reinforcement as a Pretraining Objective',
        organisation: { id: 'nvidia', name: 'NVIDIA' },
        date: { month: 9, day: 26, upvotes: 4 },
      },
      {
        file: 'page-002-excerpt.txt',
        line: 21,
        title: 'REVE: A Foundation Model for EEG -- Adapting to Any Setup with Large-Scale Pretraining on 25,000 Subjects',
        authors: 8,
        date: { month: 10, day: 24 },
      },
      {
        file: 'page-002-excerpt.txt',
        line: 29,
        title: 'Memory Retrieval and Consolidation in Large Language Models through Function Tokens',
      },
      {
        file: 'page-002-excerpt.txt',
        line: 33,
        title: 'Robots Pre-train Robots: Manipulation-Centric Robotic Representation from Large-Scale Robot Dataset',
        authors: 6,
        date: { month: 10, day: 29, year: 2024, upvotes: 2 },
      },
    ]);
    expect(parsed.entries[2]!.abstract).toMatch(/^The remarkable success of large language models .* from context\.$/);
    expect(parsed.entries[2]!.abstract).not.toContain('Robots Pre-train Robots');
    expect(parsed.warnings).toEqual([
      {
        file: 'page-002-excerpt.txt',
        line: 29,
        reason: 'entry has no date line: kept without a date',
        text: 'Memory Retrieval and Consolidation in Large Language Models through Function Tokens',
      },
    ]);
  });

  it('does the same for Vote-in-Context (003 line 209)', () => {
    const parsed = parseFixture('page-003-excerpt.txt');
    expect(parsed.entries.map((e) => [e.line, e.title, e.date ?? null])).toEqual([
      [13, 'Predictable Scale: Part I -- Optimal Hyperparameter Scaling Law in Large Language Model Pretraining', { month: 3, day: 6 }],
      [21, 'Vote-in-Context: Turning VLMs into Zero-Shot Rank Fusers', null],
      [25, 'MgNO: Efficient Parameterization of Linear Operators via Multigrid', { month: 10, day: 16, year: 2023 }],
    ]);
    expect(parsed.entries[2]!.authors).toBe(3);
    expect(parsed.entries[1]!.authors).toBeUndefined();
    expect(parsed.warnings.map((w) => w.line)).toEqual([21]);
  });

  it.each([
    ['CRLF', '\r\n'],
    ['lone CR', '\r'],
  ])('reads %s line ends, tabs and NBSPs the same as the original', (_name, lineEnd) => {
    for (const name of ['page-000-excerpt.txt', 'page-002-excerpt.txt', 'bare-001-excerpt.txt']) {
      const messy = parseListing(name, withMessyWhitespace(fixture(name), lineEnd));
      expect(messy).toEqual(parseFixture(name));
    }
  });

  it('reads an NFD dump as NFC', () => {
    const nfd = fixture('page-000-excerpt.txt').replace('Dual Process', 'Du\u0301al Pro\u0300cess').normalize('NFD');
    expect(parseListing('x', nfd).entries[0]!.title).toBe('D\u00FAal Pr\u00F2cess Learning: Controlling Use of In-Context vs. In-Weights Strategies with Weight Forgetting');
  });
});

describe('bare dumps (real excerpt)', () => {
  it('pairs titles and abstracts and strips the boilerplate glued to the first title', () => {
    const parsed = parseFixture('bare-001-excerpt.txt');
    expect(parsed.format).toBe('bare');
    expect(parsed.capturedOn).toBeUndefined();
    expect(parsed.entries.map((e) => [e.line, e.title, e.date])).toEqual([
      [3, 'Exploration of Interpretability Techniques for Deep COVID-19 Classification using Chest X-ray Images', undefined],
      [5, 'SparseProp: Efficient Sparse Backpropagation for Faster Training of Neural Networks', undefined],
      [7, 'Bridging Discrete and Backpropagation: Straight-Through and Beyond', undefined],
    ]);
    expect(parsed.entries[1]!.abstract).toMatch(/^We provide a new efficient version of the backpropagation algorithm/);
    expect(parsed.rejected).toEqual([]);
  });

  it('keeps a title that ends in a dot and a date whole: bare dumps have no metadata rows', () => {
    const parsed = parseListing('x', 'Keynote · Oct 3\nA talk about things. It was given on a Friday.\n');
    expect(parsed.format).toBe('bare');
    expect(parsed.entries.map((e) => [e.title, e.abstract])).toEqual([['Keynote · Oct 3', 'A talk about things. It was given on a Friday.']]);
  });

  it('does not strip a word that merely starts like boilerplate', () => {
    const parsed = parseListing('x', 'Subscribers of Scale: A Title\nAn abstract. With two sentences.\n');
    expect(parsed.entries[0]!.title).toBe('Subscribers of Scale: A Title');
  });
});

describe('detectFormat', () => {
  it('tells the formats apart by their metadata lines', () => {
    expect(detectFormat(fixture('page-003-excerpt.txt'))).toBe('page');
    expect(detectFormat(fixture('bare-001-excerpt.txt'))).toBe('bare');
    expect(detectFormat('Title\n\nAbstract.\n\n1 author\n')).toBe('page');
    expect(detectFormat('Title\n\nAbstract.\n\n• 2 authors · Oct 1\n')).toBe('page');
    expect(detectFormat('Title\n\nAbstract.\n\n-\n\nOther title\n\nAbstract.\n')).toBe('bare');
    expect(detectFormat('')).toBe('bare');
  });
});

/** A small page dump: header, then the given body lines. */
const page = (...body: string[]) => ['new', 'Daily Papers', 'Oct 30', '', ...body].join('\n');
const ABSTRACT = 'We study a thing. It works well in practice.';

describe('messier page dumps', () => {
  it('drops a page header repeated mid-file instead of reading its day as a title', () => {
    const parsed = parseListing(
      'x',
      page(
        'First Title',
        ABSTRACT,
        '• 2 authors',
        '·',
        'Oct 1',
        'new',
        'Get trending papers in your email inbox!',
        'Subscribe',
        'Daily Papers',
        'Oct 30',
        'SubscribeSecond Title',
        ABSTRACT,
        '• 3 authors',
        '·',
        'Sep 30 5',
      ),
    );
    expect(parsed.entries.map((e) => [e.title, e.authors, e.date])).toEqual([
      ['First Title', 2, { month: 10, day: 1 }],
      ['Second Title', 3, { month: 9, day: 30, upvotes: 5 }],
    ]);
    expect(parsed.rejected).toEqual([]);
    expect(parsed.warnings).toEqual([]);
  });

  it('knows the page furniture however the copy spaced or cased it', () => {
    const header = ['Get trending papers in your email inbox!', 'Subscribe', 'Daily papers', 'by AK and the research community', 'Oct 30'];
    const parsed = parseListing('x', [...header, '', 'T', '', ABSTRACT, '', '• 2 authors', '·', 'Oct 1'].join('\n'));
    expect(parsed.capturedOn).toEqual({ month: 10, day: 30 });
    expect(parsed.entries.map((e) => e.title)).toEqual(['T']);
    expect(parsed.warnings).toEqual([]);
  });

  it('warns when a repeated header shows another day', () => {
    const parsed = parseListing('x', page('T', ABSTRACT, '• 2 authors', '·', 'Oct 1', 'Daily Papers', 'Oct 31', 'U', ABSTRACT, '• 1 author', '·', 'Oct 2'));
    expect(parsed.capturedOn).toEqual({ month: 10, day: 30 });
    expect(parsed.warnings).toEqual([{ file: 'x', line: 11, reason: expect.stringContaining('another capture day'), text: 'Oct 31' }]);
  });

  it('keeps an entry cut short by a page break, without a date', () => {
    const parsed = parseListing('x', page('Cut Title', ABSTRACT, 'Daily Papers', 'Oct 30', 'Next Title', ABSTRACT, '• 2 authors', '·', 'Oct 1'));
    expect(parsed.entries.map((e) => [e.title, e.date ?? null])).toEqual([
      ['Cut Title', null],
      ['Next Title', { month: 10, day: 1 }],
    ]);
    expect(parsed.warnings.map((w) => [w.line, w.reason])).toEqual([[5, 'entry has no date line: kept without a date']]);
  });

  it('takes an upvote count on its own line as part of the date before it', () => {
    const parsed = parseListing(
      'x',
      page('T', ABSTRACT, '• 2 authors', '·', 'Sep 26', '', '14', '', 'U', ABSTRACT, '• 2 authors', '·', 'Sep 25 3', '7 Wonders of Learning', ABSTRACT, '• 1 author', '·', 'Sep 24'),
    );
    expect(parsed.entries.map((e) => [e.title, e.date])).toEqual([
      ['T', { month: 9, day: 26, upvotes: 14 }],
      ['U', { month: 9, day: 25, upvotes: 3 }],
      ['7 Wonders of Learning', { month: 9, day: 24 }],
    ]);
  });

  it('closes an entry on its date line even when the separator is missing', () => {
    const parsed = parseListing('x', page('T', ABSTRACT, 'acme-lab Acme Lab', 'Sep 26 4', 'U', ABSTRACT, '• 2 authors', 'Sep 25'));
    expect(parsed.entries.map(meta)).toEqual([
      { file: 'x', line: 5, title: 'T', organisation: { id: 'acme-lab', name: 'Acme Lab' }, date: { month: 9, day: 26, upvotes: 4 } },
      { file: 'x', line: 9, title: 'U', authors: 2, date: { month: 9, day: 25 } },
    ]);
  });

  it('keeps an entry whose date is missing after its separator', () => {
    const parsed = parseListing('x', page('T', ABSTRACT, '• 2 authors', '·', 'U', ABSTRACT, '• 1 authors', '·', 'Sep 25'));
    expect(parsed.entries.map((e) => [e.title, e.authors, e.date ?? null])).toEqual([
      ['T', 2, null],
      ['U', 1, { month: 9, day: 25 }],
    ]);
  });

  it('does not count "0 authors"', () => {
    const parsed = parseListing('x', page('T', ABSTRACT, '• 0 authors', '·', 'Sep 25'));
    expect(parsed.entries.map(meta)).toEqual([{ file: 'x', line: 5, title: 'T', date: { month: 9, day: 25 } }]);
  });

  it('rejects a file of cards without abstracts whole, saying what it looks like', () => {
    const parsed = parseListing('x', page('T', '• 0 authors', '·', 'Sep 25', 'U', '• 2 authors', '·', 'Sep 24'));
    expect(parsed.entries).toEqual([]);
    expect(parsed.rejected.map((r) => [r.line, r.reason])).toEqual([[5, 'no card layout: 2 short lines, 2 dates, 2 bylines and no abstracts; a collection page or a list of titles?']]);
  });

  it('reports stray separators and date lines outside every card with their line and text', () => {
    const parsed = parseListing('x', page('·', 'T', ABSTRACT, '• 2 authors', '·', 'Sep 25', 'Sep 24, 2024'));
    expect(parsed.entries.map((e) => e.title)).toEqual(['T']);
    expect(parsed.warnings.map((w) => [w.line, w.text])).toEqual([
      [5, '·'],
      [11, 'Sep 24, 2024'],
    ]);
    expect(parsed.warnings.every((w) => w.reason.startsWith('stands outside every card'))).toBe(true);
  });

  it('rejects a truncated last entry, but keeps complete entries glued to it', () => {
    const cut = `A last abstract that was cut off. ${'It goes on and on. '.repeat(16)}In the middle of a`;
    const parsed = parseListing('x', page('T', ABSTRACT, '• 2 authors', '·', 'Oct 1', 'U', ABSTRACT, 'Last Title', cut));
    expect(parsed.entries.map((e) => [e.title, e.date ?? null])).toEqual([
      ['T', { month: 10, day: 1 }],
      ['U', null],
    ]);
    expect(parsed.rejected).toEqual([
      {
        file: 'x',
        line: 12,
        reason: 'truncated entry: the file ends before its metadata and date lines',
        text: `${`Last Title / ${cut}`.slice(0, 300)}…`,
      },
    ]);
  });

  it('keeps a last entry that has its metadata but lost its date line', () => {
    const parsed = parseListing('x', page('T', ABSTRACT, '• 2 authors', '·'));
    expect(parsed.entries.map((e) => [e.title, e.authors, e.date ?? null])).toEqual([['T', 2, null]]);
    expect(parsed.rejected).toEqual([]);
  });

  it('rejects binary junk lines and keeps the entries around them', () => {
    const parsed = parseListing('x', page('T', ABSTRACT, '• 2 authors', '·', 'Sep 25', '\u0000\u0001\uFFFD\uFFFD\u0002', 'U', ABSTRACT, '• 1 author', '·', 'Sep 24'));
    expect(parsed.entries.map((e) => e.title)).toEqual(['T', 'U']);
    expect(parsed.rejected).toEqual([{ file: 'x', line: 10, reason: 'binary junk, not text', text: '\u0000\u0001\uFFFD\uFFFD\u0002' }]);
  });

  it('ends an entry on a date line that names no day, which would otherwise swallow the entries after it', () => {
    const parsed = parseListing('x', page('T', ABSTRACT, '• 2 authors', '·', 'Feb 30, 2025', 'U', ABSTRACT, '• 1 author', '·', 'Sep 24'));
    expect(parsed.entries.map((e) => [e.title, e.date])).toEqual([
      ['T', { problem: '"Feb 30, 2025" names no day of the calendar' }],
      ['U', { month: 9, day: 24 }],
    ]);
    expect(parsed.warnings).toEqual([]);
  });

  it('splits metadata, separator and date copied onto one row, which would otherwise run into the next entries', () => {
    const parsed = parseListing('x', page('T', ABSTRACT, '• 4 authors · May 28, 2024', 'U', ABSTRACT, 'acme-lab Acme Lab · Oct 3 12', 'V', ABSTRACT, '• 1 author', '·', 'Oct 2'));
    expect(parsed.entries.map(meta)).toEqual([
      { file: 'x', line: 5, title: 'T', authors: 4, date: { month: 5, day: 28, year: 2024 } },
      { file: 'x', line: 8, title: 'U', organisation: { id: 'acme-lab', name: 'Acme Lab' }, date: { month: 10, day: 3, upvotes: 12 } },
      { file: 'x', line: 11, title: 'V', authors: 1, date: { month: 10, day: 2 } },
    ]);
    expect(parsed.entries.map((e) => e.abstract)).toEqual([ABSTRACT, ABSTRACT, ABSTRACT]);
  });

  it('does not split an abstract that merely ends in a dot and a date', () => {
    const long = `${'A long abstract sentence. '.repeat(4)}See the talk · Oct 3`;
    const parsed = parseListing('x', page('T', long, '• 1 author', '·', 'Oct 2'));
    expect(parsed.entries.map((e) => [e.title, e.abstract, e.date])).toEqual([['T', long, { month: 10, day: 2 }]]);
  });

  it('takes a bullet, dash or bar on its own line as the separator', () => {
    const parsed = parseListing('x', page('T', ABSTRACT, '• 4 authors', '-', 'May 28, 2024', 'U', ABSTRACT, '• 2 authors', '—', 'Oct 3', 'V', ABSTRACT, '• 2 authors', '•', 'Oct 2'));
    expect(parsed.entries.map((e) => [e.title, e.authors, e.date])).toEqual([
      ['T', 4, { month: 5, day: 28, year: 2024 }],
      ['U', 2, { month: 10, day: 3 }],
      ['V', 2, { month: 10, day: 2 }],
    ]);
  });

  it('reads dates written day first or as ISO dates', () => {
    const parsed = parseListing('x', page('T', ABSTRACT, '• 4 authors', '·', '28 May 2024', 'U', ABSTRACT, '• 2 authors', '·', '2024-10-03 7'));
    expect(parsed.entries.map((e) => [e.title, e.date])).toEqual([
      ['T', { month: 5, day: 28, year: 2024 }],
      ['U', { month: 10, day: 3, year: 2024, upvotes: 7 }],
    ]);
  });

  it('reads relative date lines, with upvotes on the line or the next one', () => {
    const parsed = parseListing('x', page('T', ABSTRACT, '• 2 authors', '·', '2 days ago', '14', 'U', ABSTRACT, '• 1 author', '·', 'yesterday 3', 'V', ABSTRACT, '• 1 author', '·', '3 months ago'));
    expect(parsed.entries.map((e) => [e.title, e.date])).toEqual([
      ['T', { daysBeforeCapture: 2, upvotes: 14 }],
      ['U', { daysBeforeCapture: 1, upvotes: 3 }],
      ['V', { problem: '"3 months ago" is too coarse to date a paper by' }],
    ]);
    expect(parsed.rejected).toEqual([]);
  });

  it('never throws and loses no title or abstract, whatever order the lines come in', { timeout: 60_000 }, () => {
    const line = fc.oneof(
      fc.nat(99).map((n) => `Title ${n}`),
      fc.nat(99).map((n) => `Abstract ${n}. Second sentence.`),
      fc.constantFrom('• 3 authors', '1 author', 'acme-lab Acme Lab', '·', '-', 'Oct 1', 'Sep 26 4', 'May 28, 2024', '28 May 2024', '2024-05-28', 'Feb 30', '2 days ago', '7', ''),
      fc.constantFrom('• 2 authors · Oct 1', 'acme-lab Acme Lab · 3 days ago 5'),
      fc.constantFrom('Daily Papers', 'Subscribe', 'new', '\u0000\u0001\uFFFD', 'SubscribeGlued Title'),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.constantFrom('\n', '\r\n', '\r'), (lines, lineEnd) => {
        const parsed = parseListing('x', lines.join(lineEnd));
        const seen = [
          ...parsed.entries.flatMap((e) => [e.title, ...e.abstract.split('\n\n'), e.organisation ? `${e.organisation.id} ${e.organisation.name}` : '']),
          ...parsed.rejected.flatMap((r) => r.text.split(' / ')),
          // A line the layout has no place for is not read, and the report quotes it.
          ...parsed.warnings.map((w) => w.text),
        ];
        for (const text of lines.filter((l) => /^(Title|Abstract|SubscribeGlued)/.test(l))) {
          // Boilerplate glued to a line is stripped only right after a page header.
          expect(seen.includes(text) || seen.includes(text.replace(/^Subscribe/, '')), text).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});

/** Title, line and date (or null) of each entry; reason and line of each rejection. */
const outline = (parsed: ParsedListing) => ({
  entries: parsed.entries.map((e) => [e.line, e.title]),
  rejected: parsed.rejected.map((r) => [r.line, r.reason]),
  warnings: parsed.warnings.map((w) => [w.line, w.reason]),
});

describe('hostile fixtures', () => {
  it('page dump: every entry is an entry or a rejection with file, line, reason and text', () => {
    const parsed = parseFixture('hostile-page.txt');
    expect(outline(parsed)).toEqual({
      entries: [
        [13, '{props.title} and <script>alert("x")</script> in a title'],
        [21, 'import { x } from "y"'],
        [29, 'A paper whose abstract is missing'],
        [39, '# Heading-like title with `backticks` and ~tilde~ and $dollar | pipe'],
        [47, 'A very long abstract'],
        [55, 'An entry cut short by a page break'],
        [71, 'Glued Boilerplate After A Repeated Header'],
      ],
      rejected: [
        [34, 'binary junk, not text'],
        [35, 'binary junk, not text'],
        [79, 'truncated entry: the file ends before its metadata and date lines'],
      ],
      warnings: [
        [29, 'entry has no abstract'],
        [37, "fits no place of this file's card layout (in the card of line 29): not read"],
        [55, 'entry has no date line: kept without a date'],
      ],
    });
    for (const finding of parsed.rejected) {
      expect(finding.file).toBe('hostile-page.txt');
      expect(finding.text.length).toBeGreaterThan(0);
      expect(finding.text.length).toBeLessThanOrEqual(301);
    }
    const [first, second, , markdown, long] = parsed.entries;
    expect(first!.abstract).toMatch(/^import fs from 'node:fs'; export const leaked = 1;.*Foo_\(bar\)\.$/);
    expect(first!.date).toEqual({ month: 10, day: 2, year: 2024, upvotes: 7 });
    expect(second!.organisation).toEqual({ id: 'acme-lab', name: 'Acme <Lab> & Co' });
    expect(markdown!.abstract).toContain('C:\\path\\to\\file and \\\\server.');
    expect(long!.abstract.length).toBeGreaterThan(20_000);
    expect(long!.date?.upvotes).toBe(120);
  });

  it('bare dump: the same, for titles and abstracts', () => {
    const parsed = parseFixture('hostile-bare.txt');
    expect(outline(parsed)).toEqual({
      entries: [
        [3, '<b>Glued</b> {Title} With Markup'],
        [5, 'Why Do Questions Break Parsers? A Title Study.'],
        [9, 'import x from "y"'],
      ],
      rejected: [
        [7, 'abstract without a title'],
        [11, 'binary junk, not text'],
        [12, 'truncated entry: title without an abstract at the end of the file'],
      ],
      warnings: [],
    });
    expect(parsed.rejected[0]!.text).toBe('This line is an abstract without a title. It has sentences of its own.');
  });
});

/**
 * Issue 17's table: copies of the page that read wrong before, each in a small dump of its own
 * (`ABSTRACT_*` are abstract-like paragraphs, as the real ones are).
 */
describe('real copies that read wrong before', () => {
  const A1 = 'We study a thing in depth. It works well in practice, and we say why it does so.';
  const A2 = 'We propose another method entirely. Experiments on five benchmarks confirm the gains.';
  const A3 = 'A third paper with its own abstract. It reports results on three more tasks.';
  const dump = (...lines: string[]) => ['Daily Papers', 'Oct 30', '', ...lines].join('\n');
  const entry = (title: string, abstract: string, ...meta: string[]) => [title, '', abstract, '', ...meta, ''];
  const read = (text: string) => {
    const parsed = parseListing('copy.txt', text);
    return { parsed, papers: parsed.entries.map((e) => [e.title, e.authors ?? e.organisation?.name ?? null, e.date ?? null]) };
  };
  const TWO_THIRTY = { month: 5, day: 28, year: 2024 };

  it('metadata on one line with the dot: `• 4 authors ·` / `May 28, 2024`', () => {
    const { parsed, papers } = read(
      dump(...entry('Paper One', A1, '• 4 authors ·', 'May 28, 2024'), ...entry('Paper Two', A2, '• 2 authors ·', 'May 28, 2024'), ...entry('Paper Three', A3, '• 1 author ·', 'May 28, 2024')),
    );
    expect(parsed.format).toBe('page');
    expect(papers).toEqual([
      ['Paper One', 4, TWO_THIRTY],
      ['Paper Two', 2, TWO_THIRTY],
      ['Paper Three', 1, TWO_THIRTY],
    ]);
  });

  it('the dot moved to the date line: `• 4 authors` / `· May 28, 2024`', () => {
    const { papers } = read(
      dump(...entry('Paper One', A1, '• 4 authors', '· May 28, 2024'), ...entry('Paper Two', A2, '• 2 authors', '· May 28, 2024'), ...entry('Paper Three', A3, '• 1 author', '· May 28, 2024')),
    );
    expect(papers).toEqual([
      ['Paper One', 4, TWO_THIRTY],
      ['Paper Two', 2, TWO_THIRTY],
      ['Paper Three', 1, TWO_THIRTY],
    ]);
  });

  it('a date without its comma: `May 28 2024` is the year, with a warning; `May 28 2024 15` has upvotes too', () => {
    const { parsed, papers } = read(dump(...entry('Paper One', A1, '• 4 authors', '·', 'May 28 2024'), ...entry('Paper Two', A2, '• 2 authors', '·', 'May 28 2024 15')));
    expect(papers).toEqual([
      ['Paper One', 4, { ...TWO_THIRTY, yearWithoutComma: true }],
      ['Paper Two', 2, { ...TWO_THIRTY, yearWithoutComma: true, upvotes: 15 }],
    ]);
    expect(parsed.warnings.map((w) => w.reason)).toEqual([expect.stringMatching(/^dates without a comma before the year/)]);
  });

  it('upvotes written `1.2k`, on the date line or the next', () => {
    const { papers } = read(
      dump(
        ...entry('Paper One', A1, '• 4 authors', '·', 'May 28, 2024 1.2k'),
        ...entry('Paper Two', A2, '• 2 authors', '·', 'May 28, 2024', '1,234'),
        ...entry('Paper Three', A3, '• 1 author', '·', 'May 28'),
      ),
    );
    expect(papers.map((p) => (p[2] as { upvotes?: number }).upvotes)).toEqual([1200, 1234, undefined]);
    expect(papers.map((p) => p[0])).toEqual(['Paper One', 'Paper Two', 'Paper Three']);
  });

  it('`Published on May 28, 2024`', () => {
    const { papers } = read(dump(...entry('Paper One', A1, '• 4 authors', '·', 'Published on May 28, 2024'), ...entry('Paper Two', A2, '• 2 authors', '·', 'Submitted on May 28, 2024')));
    expect(papers).toEqual([
      ['Paper One', 4, TWO_THIRTY],
      ['Paper Two', 2, TWO_THIRTY],
    ]);
  });

  it('a paper titled `2048` after a date line is a paper, not the previous one’s upvotes', () => {
    const { papers } = read(dump(...entry('Paper One', A1, '• 4 authors', '·', 'May 28, 2024'), ...entry('2048', A2, '• 2 authors', '·', 'May 28, 2024 3')));
    expect(papers).toEqual([
      ['Paper One', 4, TWO_THIRTY],
      ['2048', 2, { ...TWO_THIRTY, upvotes: 3 }],
    ]);
  });

  it('a two-paragraph abstract whose first paragraph ends in a colon stays one paper', () => {
    const { parsed, papers } = read(
      dump('Paper One', '', 'Our contributions are threefold:', '', A1, '', '• 4 authors', '·', 'May 28, 2024', '', ...entry('Paper Two', A2, '• 2 authors', '·', 'May 28, 2024')),
    );
    expect(papers.map((p) => p[0])).toEqual(['Paper One', 'Paper Two']);
    expect(parsed.entries[0]!.abstract).toBe(`Our contributions are threefold:\n\n${A1}`);
    expect(parsed.warnings).toEqual([]);
  });

  it('warns where short lines before an abstract could each be its title, at every line it does not take', () => {
    const { parsed } = read(dump('Paper One', '', 'Short intro.', '', 'A Title-Like Line', '', A1, '', '• 4 authors', '·', 'May 28, 2024'));
    expect(parsed.entries.map((e) => e.title)).toEqual(['A Title-Like Line']);
    expect(parsed.warnings.map((w) => [w.line, w.reason])).toEqual([
      [4, "fits no place of this file's card layout, before the title of line 8: not read"],
      [6, "fits no place of this file's card layout, before the title of line 8: not read"],
      [8, 'read as the title, though line 4 could be: check the card'],
    ]);
  });

  it('reads a count glued to the front of every title as its upvotes, but not a shared `3D`', () => {
    const cards = (...titles: string[]) => dump(...titles.flatMap((t, i) => entry(t, [A1, A2, A3][i]!, '• 4 authors', '·', 'May 28, 2024')));
    const glued = read(cards('2WINA: One', '5FuseChat: Two', '12HyperZ Three'));
    expect(glued.parsed.entries.map((e) => [e.title, e.date?.upvotes])).toEqual([
      ['WINA: One', 2],
      ['FuseChat: Two', 5],
      ['HyperZ Three', 12],
    ]);
    expect(glued.parsed.warnings.map((w) => w.line)).toEqual([4]);
    expect(read(cards('3D Scenes', '3D Shapes', '3D Faces')).parsed.entries.map((e) => e.title)).toEqual(['3D Scenes', '3D Shapes', '3D Faces']);
    expect(read(cards('3DGS-Avatar: One', '4K4D: Two', '3D Faces')).parsed.entries.map((e) => e.title)).toEqual(['3DGS-Avatar: One', '4K4D: Two', '3D Faces']);
  });

  it('takes a label off every abstract, but not words every abstract happens to start with', () => {
    const cards = (...abstracts: string[]) => dump(...abstracts.flatMap((a, i) => entry(`Paper ${i}`, a, '• 4 authors', '·', 'May 28, 2024')));
    expect(read(cards(`Abstract: ${A1}`, `Abstract: ${A2}`)).parsed.entries.map((e) => e.abstract)).toEqual([A1, A2]);
    const shared = [`Large language models (LLMs) ${A1}`, `Large language models (LLMs) ${A2}`];
    expect(read(cards(...shared)).parsed.entries.map((e) => e.abstract)).toEqual(shared);
  });

  it('never throws on titles whose shared start is an empty bracket', () => {
    expect(read(dump(...entry('[] Empty: One', A1, '• 4 authors', '·', 'May 28, 2024'), ...entry('[x] Second: Two', A2, '• 2 authors', '·', 'May 28, 2024'))).papers).toHaveLength(2);
  });

  it('warns where a card’s dot is not the one every other card shows', () => {
    const { parsed, papers } = read(
      dump(
        ...entry('Paper One', A1, '• 4 authors', '·', 'May 28, 2024'),
        ...entry('Paper Two', A2, '• 2 authors', '—', 'May 28, 2024'),
        ...entry('Paper Three', A3, '• 1 author', '·', 'May 28, 2024'),
      ),
    );
    expect(papers.map((p) => p[1])).toEqual([4, 2, 1]);
    expect(parsed.warnings.map((w) => [w.line, w.reason])).toEqual([[17, 'stands where this file\'s cards have "·": check the card']]);
  });

  it('names the title taken right below a line the card before took for its byline, which may be the title', () => {
    // The first card lost its fields: the second's title stands where its byline would, and a heading
    // after it is then the title the second card gets.
    const long = 'Paper Two: A Title Long Enough To Be No Organisation At All, Of Many Words';
    const { parsed } = read(
      dump('Paper One', '', A1, '', long, 'Results for "llm"', '', A2, '', '• 2 authors', '·', 'May 28, 2024', '', ...entry('Paper Three', A3, '• 1 author', '·', 'May 28, 2024')),
    );
    const stray = 9;
    expect(parsed.warnings.map((w) => [w.line, w.reason])).toContainEqual([stray, 'read as the title, though line 8 above it, taken for the byline of the card before, could be: check the card']);
  });

  it('warns where an abstract holds what reads like another entry it could not split off', () => {
    const { parsed } = read(
      dump(
        'Paper One',
        '',
        A1,
        '',
        'A Title-Like Line',
        '',
        A2,
        '',
        '• 4 authors',
        '·',
        'May 28, 2024',
        '',
        ...entry('Paper Two', A2, '• 2 authors', '·', 'May 28, 2024'),
        ...entry('Paper Three', A1, '• 2 authors', '·', 'May 28, 2024'),
      ),
    );
    expect(parsed.entries.map((e) => e.title)).toEqual(['Paper One', 'A Title-Like Line', 'Paper Two', 'Paper Three']);
    expect(parsed.warnings.map((w) => [w.line, w.reason])).toEqual([[4, 'entry has no date line: kept without a date']]);
  });

  it('the same title with a zero-width joiner inside a word is the same title, and the report says so', () => {
    const { parsed } = read(dump(...entry('Trans\u200Dformers Learn', A1, '• 4 authors', '·', 'May 28, 2024')));
    expect(parsed.entries[0]!.title).toBe('Transformers Learn');
    expect(parsed.warnings.map((w) => w.reason)).toEqual([expect.stringMatching(/^invisible characters .* removed from this line/)]);
  });

  it('the page header on one line, and the site’s navigation, controls and footer, are dropped and counted', () => {
    const text = [
      'Hugging Face',
      'Models',
      'Log In',
      'Daily Papers by AK and the research community',
      'Daily',
      'Weekly',
      'Oct 30',
      '',
      ...entry('Paper One', A1, '• 4 authors', '·', 'May 28, 2024'),
      '[-] 12',
      'https://huggingface.co/papers/2405.00001',
      ...entry('Paper Two', A2, '• 2 authors', '·', 'May 28, 2024'),
      'Previous',
      'System theme',
      'TOS',
      'Privacy',
    ].join('\n');
    const { parsed, papers } = read(text);
    expect(papers.map((p) => p[0])).toEqual(['Paper One', 'Paper Two']);
    expect(parsed.capturedOn).toEqual({ month: 10, day: 30 });
    expect(parsed.ignored).toEqual({ navigation: 6, header: 1, controls: 3, 'paper card': 2 });
  });

  it('`・` (U+30FB) and other look-alikes in place of `·`', () => {
    const { parsed, papers } = read(dump(...entry('Paper One', A1, '• 4 authors', '・', 'May 28, 2024'), ...entry('Paper Two', A2, 'naver-ai NAVER AI Lab', '･', 'May 28, 2024')));
    expect(parsed.format).toBe('page');
    expect(papers).toEqual([
      ['Paper One', 4, TWO_THIRTY],
      ['Paper Two', 'NAVER AI Lab', TWO_THIRTY],
    ]);
  });

  it('a Markdown export: headings and links unwrapped, its link lines dropped', () => {
    const text = [
      '# Daily Papers',
      '## by [AK](https://huggingface.co/akhaliq) and the research community',
      'Oct 30',
      '[101](https://huggingface.co/login?next=%2Fpapers)',
      '### [Paper One](https://huggingface.co/papers/2405.00001)',
      '',
      A1,
      '',
      '[',
      '4 authors](https://huggingface.co/papers/2405.00001)',
      '',
      '·',
      '',
      'May 28, 2024',
    ].join('\n');
    const { papers } = read(text);
    expect(papers).toEqual([['Paper One', 4, TWO_THIRTY]]);
  });
});
