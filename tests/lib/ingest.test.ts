import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { type IngestResult, type ListingInput, ingestListings } from '../../src/lib/ingest.ts';
import { type RawEntry, parseListing } from '../../src/lib/parse-listing.ts';
import { isSafeSlug } from '../../src/lib/slug.ts';
import { titleKey } from '../../src/lib/title-key.ts';

const LISTINGS = new URL('../../content/listings/', import.meta.url);

/** The default catalog, read the way the CLI reads it (sorted, sidecars next to the dumps). */
function defaultCatalog(): ListingInput[] {
  return readdirSync(LISTINGS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const name = f.slice(0, -'.txt'.length);
      const sidecar = parseYaml(readFileSync(new URL(`${name}.yaml`, LISTINGS), 'utf8')) ?? {};
      return { file: `content/listings/${f}`, name, text: readFileSync(new URL(f, LISTINGS), 'utf8'), sidecar };
    });
}

/** Every entry is a paper's source, or was rejected as an entry (its title's line is in `rejected`). */
function expectNothingLost({ papers, report }: IngestResult): void {
  const sources = papers.reduce((n, p) => n + p.sources.length, 0);
  const rejectedEntries = report.rejected.filter((r) => r.reason.startsWith('title has') || r.reason.startsWith('slug '));
  expect(sources + rejectedEntries.length).toBe(report.entries);
  expect(report.papers).toBe(papers.length);
  const merged = report.duplicates.reduce((n, d) => n + d.sources.length - 1, 0);
  expect(papers.length + merged + rejectedEntries.length).toBe(report.entries);
}

const catalog = defaultCatalog();
const full = ingestListings(catalog);
const slugByKey = new Map(full.papers.map((p) => [p.key, p.slug]));

describe('the default catalog', () => {
  it('holds 538 entries and 525 papers: 13 merged duplicates, nothing rejected', () => {
    // The "534 entries, 521 papers" counted with a parser that glued each of the four
    // entries below (page dumps whose metadata lines are missing) onto the entry after it.
    expect(full.report.entries).toBe(538);
    expect(full.report.papers).toBe(525);
    expect(full.report.duplicates).toHaveLength(13);
    expect(full.report.rejected).toEqual([]);
    expectNothingLost(full);
  });

  it('keeps the four entries without metadata lines as undated papers, each with a warning', () => {
    const undated = [
      ['content/listings/002_a816c5ab575d68f1.txt', 277, 'Memory Retrieval and Consolidation in Large Language Models through Function Tokens'],
      ['content/listings/003_2c4172cb60d4cd3a.txt', 149, 'Enabling Flexible Multi-LLM Integration for Scalable Knowledge Aggregation'],
      ['content/listings/003_2c4172cb60d4cd3a.txt', 209, 'Vote-in-Context: Turning VLMs into Zero-Shot Rank Fusers'],
      ['content/listings/004_9727063cfcb86ceb.txt', 269, 'RandLoRA: Full-rank parameter-efficient fine-tuning of large models'],
    ] as const;
    expect(full.report.warnings).toEqual(
      undated.map(([file, line, text]) => ({ file, line, reason: 'entry has no date line: kept without a date', text })),
    );
    for (const [file, line, title] of undated) {
      const paper = full.papers.find((p) => p.title === title)!;
      expect(paper.published).toBeUndefined();
      expect(paper.sources).toEqual([expect.objectContaining({ file, line })]);
      expect(paper.abstract.length).toBeGreaterThan(500);
    }
    // The entry after each keeps its own title and metadata.
    const mgno = full.papers.find((p) => p.title.startsWith('MgNO:'))!;
    expect([mgno.published, mgno.authors, mgno.sources.map((s) => s.line)]).toEqual(['2023-10-16', 3, [311, 213]]);
  });

  it('summarises each listing', () => {
    expect(full.report.listings.map(({ id, format, entries, captured, capturedInferred }) => [id, format, entries, captured ?? null, capturedInferred])).toEqual([
      ['000_cc5b1bd4cf2371e1', 'page', 122, '2025-10-30', false],
      ['001_d73c132dc823219c', 'bare', 232, null, false],
      ['002_a816c5ab575d68f1', 'page', 86, '2025-11-12', false],
      ['003_2c4172cb60d4cd3a', 'page', 49, '2025-12-08', false],
      ['004_9727063cfcb86ceb', 'page', 49, '2025-12-09', false],
    ]);
    expect(full.listings).toEqual(full.report.listings);
    expect(full.listings[0]!.title).toBe('Daily Papers, Oct 30 2025 (in-context learning and theory)');
    expect(full.listings[2]!.title).toBe('Daily papers of 2025-11-12');
  });

  it('gives every paper a safe, unique slug and its own key', () => {
    expect(new Set(full.papers.map((p) => p.slug)).size).toBe(full.papers.length);
    for (const paper of full.papers) {
      expect(isSafeSlug(paper.slug), paper.slug).toBe(true);
      expect(paper.key).toBe(titleKey(paper.title));
    }
    expect(full.papers.map((p) => p.slug)).toEqual(full.papers.map((p) => p.slug).sort());
  });

  it('is deterministic', () => {
    expect(JSON.stringify(ingestListings(defaultCatalog()))).toBe(JSON.stringify(full));
  });
});

const ABSTRACT = 'We study a thing. It works well in practice.';

/** A page dump with a header day and the given entries (title, abstract, meta line, date line). */
function pageDump(day: string, ...entries: [string, string, string, string][]): string {
  return ['new', 'Daily Papers', day, '', ...entries.flatMap(([t, a, m, d]) => [t, '', a, '', `  ${m}`, '·', d, ''])].join('\n');
}

describe('dedupe', () => {
  const inputs: ListingInput[] = [
    {
      file: 'a.txt',
      name: 'a',
      sidecar: { captured: '2025-10-30' },
      text: pageDump(
        'Oct 30',
        ['Scalable Neural Network Kernels', ABSTRACT, '• 2 authors', 'May 28, 2024 3'],
        ['R\u00e9sum\u00e9 Models', ABSTRACT, '• 1 author', 'Oct 2'],
        ['SCALABLE NEURAL-NETWORK KERNELS', ABSTRACT, '• 4 authors', 'Jun 1, 2024 7'],
      ),
    },
    {
      file: 'b.txt',
      name: 'b',
      sidecar: { captured: '2025-12-08' },
      text: pageDump('Dec 8', ['Scalable neural network kernels!', `${ABSTRACT} A longer abstract, this one.`, 'acme-lab Acme Lab', 'Mar 6 10']),
    },
    {
      file: 'c.txt',
      name: 'c',
      text: ['Scalable \u2014 Neural Network Kernels', `${ABSTRACT} Short.`, 'Re\u0301sume\u0301 Models', `${ABSTRACT} The longest abstract of this paper, by far.`].join('\n'),
    },
  ];
  const result = ingestListings(inputs);

  it('merges one paper seen within and across listings and formats', () => {
    expect(result.papers.map((p) => p.slug)).toEqual(['resume-models-' + result.papers[0]!.slug.slice(-6), 'scalable-neural-network-kernels']);
    const kernels = result.papers[1]!;
    expect(kernels).toMatchObject({
      title: 'Scalable Neural Network Kernels',
      published: '2024-05-28',
      upvotes: 10,
      authors: 4,
      organisation: { id: 'acme-lab', name: 'Acme Lab' },
      abstract: `${ABSTRACT} A longer abstract, this one.`,
      sources: [
        { listing: 'a', file: 'a.txt', line: 5, captured: '2025-10-30' },
        { listing: 'a', file: 'a.txt', line: 21, captured: '2025-10-30' },
        { listing: 'b', file: 'b.txt', line: 5, captured: '2025-12-08' },
        { listing: 'c', file: 'c.txt', line: 1 },
      ],
    });
    const resume = result.papers[0]!;
    expect(resume).toMatchObject({ title: 'R\u00e9sum\u00e9 Models', published: '2025-10-02', upvotes: 0, authors: 1 });
    expect(resume.abstract).toContain('by far');
  });

  it('reports each merge with its slug and every source', () => {
    expect(result.report.duplicates).toEqual([
      { slug: result.papers[0]!.slug, sources: [{ file: 'a.txt', line: 13 }, { file: 'c.txt', line: 3 }] },
      {
        slug: 'scalable-neural-network-kernels',
        sources: [
          { file: 'a.txt', line: 5 },
          { file: 'a.txt', line: 21 },
          { file: 'b.txt', line: 5 },
          { file: 'c.txt', line: 1 },
        ],
      },
    ]);
    expect(result.report).toMatchObject({ entries: 6, papers: 2, rejected: [] });
    expectNothingLost(result);
  });

  it('takes the earliest date whichever listing comes first', () => {
    const reversed = ingestListings([...inputs].reverse());
    expect(reversed.papers.map((p) => [p.slug, p.published, p.upvotes])).toEqual(result.papers.map((p) => [p.slug, p.published, p.upvotes]));
  });
});

describe('capture year', () => {
  const listing = (text: string, sidecar?: ListingInput['sidecar']): ListingInput => ({ file: 'x.txt', name: 'x', text, ...(sidecar ? { sidecar } : {}) });
  const dump = pageDump(
    'Oct 30',
    ['Printed Year', ABSTRACT, '• 2 authors', 'May 28, 2024'],
    ['Before The Capture Day', ABSTRACT, '• 2 authors', 'Mar 6'],
    ['After The Capture Day', ABSTRACT, '• 2 authors', 'Nov 2'],
  );
  const published = (result: IngestResult) => Object.fromEntries(result.papers.map((p) => [p.title, p.published ?? null]));

  it('comes from the sidecar', () => {
    const result = ingestListings([listing(dump, { captured: '2025-10-30', title: 'My listing' })]);
    expect(result.listings[0]).toMatchObject({ captured: '2025-10-30', capturedInferred: false, title: 'My listing' });
    expect(published(result)).toEqual({ 'Printed Year': '2024-05-28', 'Before The Capture Day': '2025-03-06', 'After The Capture Day': '2024-11-02' });
    expect(result.report.warnings).toEqual([]);
    expect(result.papers[0]!.sources[0]!.captured).toBe('2025-10-30');
  });

  it('is inferred without a sidecar, as the year after the latest printed year, with a warning', () => {
    const result = ingestListings([listing(dump)]);
    expect(result.listings[0]).toMatchObject({ captured: '2025-10-30', capturedInferred: true, title: 'Daily papers of 2025-10-30' });
    expect(published(result)).toEqual({ 'Printed Year': '2024-05-28', 'Before The Capture Day': '2025-03-06', 'After The Capture Day': '2024-11-02' });
    expect(result.report.warnings).toEqual([
      { file: 'x.txt', line: 1, reason: 'capture year inferred as 2025: add a sidecar x.yaml with "captured:" to fix it', text: '' },
    ]);
  });

  it('stays unknown when no entry prints a year: such dates are dropped with a warning each', () => {
    const result = ingestListings([listing(pageDump('Oct 30', ['Yearless', ABSTRACT, '• 2 authors', 'Mar 6']))]);
    expect(result.listings[0]).toMatchObject({ capturedInferred: false, title: 'Listing x' });
    expect(result.listings[0]!.captured).toBeUndefined();
    expect(published(result)).toEqual({ Yearless: null });
    expect(result.report.warnings).toEqual([
      { file: 'x.txt', line: 5, reason: 'date has no year and the capture year is unknown: kept without a date', text: 'Yearless' },
    ]);
  });

  it('explains a Feb 29 that the capture year lacks', () => {
    const result = ingestListings([listing(pageDump('Oct 30', ['Leap Day', ABSTRACT, '• 2 authors', 'Feb 29']), { captured: '2025-10-30' })]);
    expect(published(result)).toEqual({ 'Leap Day': null });
    expect(result.report.warnings).toEqual([{ file: 'x.txt', line: 5, reason: expect.stringMatching(/^Feb 29 .*2025.*kept without a date$/), text: 'Leap Day' }]);
    const leap = ingestListings([listing(pageDump('Oct 30', ['Leap Day', ABSTRACT, '• 2 authors', 'Feb 29']), { captured: '2024-10-30' })]);
    expect(published(leap)).toEqual({ 'Leap Day': '2024-02-29' });
  });

  it('dates a relative date line from the capture day, and keeps a line that names no day without a date', () => {
    const relative = pageDump('Oct 30', ['Two Days Back', ABSTRACT, '• 2 authors', '2 days ago'], ['No Such Day', ABSTRACT, '• 2 authors', 'Feb 30'], ['After Both', ABSTRACT, '• 2 authors', 'Oct 3']);
    const result = ingestListings([listing(relative, { captured: '2025-10-30' })]);
    expect(published(result)).toEqual({ 'Two Days Back': '2025-10-28', 'No Such Day': null, 'After Both': '2025-10-03' });
    expect(result.report.warnings).toEqual([
      { file: 'x.txt', line: 13, reason: '"Feb 30" names no day of the calendar: kept without a date', text: 'No Such Day' },
    ]);
  });

  it('keeps a printed date after the capture day but warns about it', () => {
    const result = ingestListings([listing(pageDump('Oct 30', ['From The Future', ABSTRACT, '• 2 authors', 'May 28, 2205']), { captured: '2025-10-30' })]);
    expect(published(result)).toEqual({ 'From The Future': '2205-05-28' });
    expect(result.report.warnings).toEqual([
      { file: 'x.txt', line: 5, reason: 'dated 2205-05-28, after the listing was captured on 2025-10-30: check the year', text: 'From The Future' },
    ]);
  });

  it('warns when the sidecar and the header disagree on the day', () => {
    const result = ingestListings([listing(dump, { captured: '2025-10-31' })]);
    expect(result.report.warnings.map((w) => w.reason)).toEqual(["sidecar date 2025-10-31 differs from the header's day"]);
  });
});

describe('hostile listings', () => {
  it('make every entry a paper or a rejection with file, line, reason and text', () => {
    const fixture = (name: string): ListingInput => ({
      file: name,
      name,
      text: readFileSync(new URL(`../fixtures/listings/${name}`, import.meta.url), 'utf8'),
    });
    const result = ingestListings([fixture('hostile-page.txt'), fixture('hostile-bare.txt')]);
    // `import { x } from "y"` (page) and `import x from "y"` (bare) are one paper by their key.
    expect(result.report).toMatchObject({ entries: 10, papers: 9, duplicates: [{ sources: [{ file: 'hostile-page.txt', line: 21 }, { file: 'hostile-bare.txt', line: 9 }] }] });
    expectNothingLost(result);
    expect(result.report.rejected.map((r) => `${r.file}:${r.line}`)).toEqual([
      'hostile-page.txt:34',
      'hostile-page.txt:35',
      'hostile-page.txt:37',
      'hostile-page.txt:79',
      'hostile-bare.txt:7',
      'hostile-bare.txt:11',
      'hostile-bare.txt:12',
    ]);
    for (const finding of result.report.rejected) expect(finding).toEqual({ file: expect.any(String), line: expect.any(Number), reason: expect.any(String), text: expect.stringMatching(/\S/) });
    for (const paper of result.papers) expect(isSafeSlug(paper.slug), paper.slug).toBe(true);
  });
});

describe('listings in a legacy encoding', () => {
  it('say so in the report, once, at line 1', () => {
    const input: ListingInput = { file: 'x.txt', name: 'x', text: 'Café Title\nAn abstract about a café.', encoding: 'windows-1252' };
    const result = ingestListings([input]);
    expect(result.papers.map((p) => p.title)).toEqual(['Café Title']);
    expect(result.report.warnings).toEqual([{ file: 'x.txt', line: 1, reason: expect.stringMatching(/^not UTF-8: read as windows-1252/), text: '' }]);
  });
});

describe('rejections at the paper level', () => {
  it('rejects a title of bare punctuation', () => {
    const result = ingestListings([{ file: 'x.txt', name: 'x', text: `*** --- ***\n${ABSTRACT}\nA Real Title\n${ABSTRACT}` }]);
    expect(result.papers.map((p) => p.title)).toEqual(['A Real Title']);
    expect(result.report.rejected).toEqual([{ file: 'x.txt', line: 1, reason: 'title has no letters, digits or symbols', text: '*** --- ***' }]);
    expectNothingLost(result);
  });

  it('settles a slug shared by two keys (a suffix collision) by key, not by listing order', () => {
    // Two CJK-only titles whose keys hash to the same six hex digits: both would be paper-309022.
    const a: ListingInput = { file: 'a.txt', name: 'a', text: `\u5FA8\u4E00\n${ABSTRACT}` };
    const b: ListingInput = { file: 'b.txt', name: 'b', text: `\u5277\u4E00\n${ABSTRACT}` };
    for (const order of [[a, b], [b, a]]) {
      const result = ingestListings(order);
      expect(result.papers.map((p) => [p.slug, p.title])).toEqual([['paper-309022', '\u5277\u4E00']]);
      expect(result.report.rejected).toEqual([{ file: 'a.txt', line: 1, reason: 'slug paper-309022 is taken by "\u5277\u4E00"', text: '\u5FA8\u4E00' }]);
      expectNothingLost(result);
    }
  });
});

describe('slug stability', () => {
  const realEntries: RawEntry[] = catalog.flatMap((input) => parseListing(input.file, input.text).entries);

  /** Spellings that keep a title's key: other case, dashes, quotes, spacing, NFD. */
  const respell = fc.constantFrom(
    (t: string) => t,
    (t: string) => t.toUpperCase(),
    (t: string) => t.replace(/: /g, ' \u2014 ').replace(/-/g, ' '),
    (t: string) => `${t.replace(/ /g, '  ')}.`,
    (t: string) => t.normalize('NFD').replace(/'/g, '\u2019'),
  );

  /** Writes entries back as a dump of either format. */
  function dumpOf(entries: { title: string; abstract: string }[], format: 'page' | 'bare'): string {
    if (format === 'bare') return entries.flatMap((e) => [e.title, e.abstract]).join('\n');
    return pageDump('Oct 30', ...entries.map((e): [string, string, string, string] => [e.title, e.abstract, '• 2 authors', 'May 1, 2024']));
  }

  it('adding, removing, reordering and respelling papers and listings changes no slug', { timeout: 60_000 }, () => {
    const catalogs = fc
      .shuffledSubarray(realEntries, { maxLength: 60 })
      .chain((entries) =>
        fc.tuple(
          fc.constant(entries),
          fc.array(respell, { minLength: entries.length, maxLength: entries.length }),
          fc.array(fc.nat(2), { minLength: entries.length, maxLength: entries.length }),
          fc.constantFrom('page', 'bare'),
        ),
      );
    fc.assert(
      fc.property(catalogs, ([entries, spellings, listingOf, format]) => {
        const inputs: ListingInput[] = [0, 1, 2].map((n) => ({
          file: `l${n}.txt`,
          name: `l${n}`,
          sidecar: { captured: '2025-10-30' },
          text: dumpOf(
            entries.flatMap((e, i) => (listingOf[i] === n ? [{ title: spellings[i]!(e.title), abstract: e.abstract }] : [])),
            n === 0 ? format : 'page',
          ),
        }));
        const { papers } = ingestListings(inputs);
        expect(papers.length).toBeGreaterThanOrEqual(new Set(entries.map((e) => titleKey(e.title))).size);
        for (const paper of papers) expect(paper.slug, paper.title).toBe(slugByKey.get(paper.key));
      }),
      { numRuns: 150 },
    );
  });

  it('holds for the whole catalog with listings reversed or left out', { timeout: 60_000 }, () => {
    for (const variant of [[...catalog].reverse(), ...catalog.map((_, i) => catalog.filter((__, j) => j !== i))]) {
      for (const paper of ingestListings(variant).papers) expect(paper.slug).toBe(slugByKey.get(paper.key));
    }
  });
});

describe('topics', () => {
  it('are left to the caller: ingest knows no taxonomy', () => {
    const [paper] = ingestListings([{ file: 'x.txt', name: 'x', text: `A Paper On Kernels\n${ABSTRACT}` }]).papers;
    expect(paper).toMatchObject({ slug: 'a-paper-on-kernels' });
    expect(paper).not.toHaveProperty('topics');
  });
});
