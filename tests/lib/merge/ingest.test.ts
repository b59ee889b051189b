import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { type IngestResult, type ListingInput, ingestListings } from '../../../src/lib/merge/ingest.ts';
import { type RawEntry, parseListing } from '../../../src/lib/listing/index.ts';
import { isSafeSlug } from '../../../src/lib/merge/slug.ts';
import { titleKey } from '../../../src/lib/merge/title-key.ts';

const LISTINGS = new URL('../../../content/listings/', import.meta.url);

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
    expect(full.report.warnings.filter((w) => w.reason.startsWith('entry has no date'))).toEqual(
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

  it('warns of the one merge whose abstracts differ (FuseChat v1 and v2), naming both entries, and of nothing else', () => {
    const others = full.report.warnings.filter((w) => !w.reason.startsWith('entry has no date'));
    expect(others).toEqual([
      {
        file: 'content/listings/003_2c4172cb60d4cd3a.txt',
        line: 69,
        reason: 'merged with content/listings/003_2c4172cb60d4cd3a.txt:45 (same title), but the abstracts differ: check that they are one paper',
        text: 'FuseChat: Knowledge Fusion of Chat Models',
      },
    ]);
    // The two abstracts link two repositories: the first entry's is taken, and the report names both.
    expect(full.report.conflicts).toEqual([
      {
        slug: 'fusechat-knowledge-fusion-of-chat-models',
        field: 'code',
        values: [
          { value: 'https://github.com/fanqiwan/FuseLLM', file: 'content/listings/003_2c4172cb60d4cd3a.txt', line: 45 },
          { value: 'https://github.com/fanqiwan/FuseAI', file: 'content/listings/003_2c4172cb60d4cd3a.txt', line: 69 },
        ],
      },
    ]);
  });

  it('summarises each listing', () => {
    expect(full.report.listings.map(({ id, format, entries, captured, capturedInferred }) => [id, format, entries, captured ?? null, capturedInferred])).toEqual([
      ['000_cc5b1bd4cf2371e1', 'page', 122, '2025-10-30', false],
      ['001_d73c132dc823219c', 'bare', 232, null, false],
      ['002_a816c5ab575d68f1', 'page', 86, '2025-11-12', false],
      ['003_2c4172cb60d4cd3a', 'page', 49, '2025-12-08', false],
      ['004_9727063cfcb86ceb', 'page', 49, '2025-12-09', false],
    ]);
    // The report adds what page furniture it dropped from each; the site's listings do not carry that.
    expect(full.report.listings.map(({ ignored: _, ...summary }) => summary)).toEqual(full.listings);
    expect(full.report.listings[0]!.ignored).toEqual({ header: 5 });
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
    expect(result.papers.map((p) => p.slug)).toEqual([`resume-models-${result.papers[0]!.slug.slice(-6)}`, 'scalable-neural-network-kernels']);
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
      {
        slug: result.papers[0]!.slug,
        sources: [
          { file: 'a.txt', line: 13 },
          { file: 'c.txt', line: 3 },
        ],
      },
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
    expect(result.report.warnings).toEqual([{ file: 'x.txt', line: 1, reason: 'capture year inferred as 2025: add a sidecar x.yaml with "captured:" to fix it', text: '' }]);
  });

  it('stays unknown when no entry prints a year: such dates are dropped with a warning each', () => {
    const result = ingestListings([listing(pageDump('Oct 30', ['Yearless', ABSTRACT, '• 2 authors', 'Mar 6']))]);
    expect(result.listings[0]).toMatchObject({ capturedInferred: false, title: 'Listing x' });
    expect(result.listings[0]!.captured).toBeUndefined();
    expect(published(result)).toEqual({ Yearless: null });
    expect(result.report.warnings).toEqual([{ file: 'x.txt', line: 5, reason: 'date has no year and the capture year is unknown: kept without a date', text: 'Yearless' }]);
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
    expect(result.report.warnings).toEqual([{ file: 'x.txt', line: 13, reason: '"Feb 30" names no day of the calendar: kept without a date', text: 'No Such Day' }]);
  });

  it('keeps a printed date after the capture day but warns about it', () => {
    const result = ingestListings([listing(pageDump('Oct 30', ['From The Future', ABSTRACT, '• 2 authors', 'May 28, 2205']), { captured: '2025-10-30' })]);
    expect(published(result)).toEqual({ 'From The Future': '2205-05-28' });
    expect(result.report.warnings).toEqual([{ file: 'x.txt', line: 5, reason: 'dated 2205-05-28, after the listing was captured on 2025-10-30: check the year', text: 'From The Future' }]);
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
      text: readFileSync(new URL(`../../fixtures/listings/${name}`, import.meta.url), 'utf8'),
    });
    const result = ingestListings([fixture('hostile-page.txt'), fixture('hostile-bare.txt')]);
    // `import { x } from "y"` (page) and `import x from "y"` (bare) are one paper by their key.
    expect(result.report).toMatchObject({
      entries: 10,
      papers: 9,
      duplicates: [
        {
          sources: [
            { file: 'hostile-page.txt', line: 21 },
            { file: 'hostile-bare.txt', line: 9 },
          ],
        },
      ],
    });
    expectNothingLost(result);
    expect(result.report.rejected.map((r) => `${r.file}:${r.line}`)).toEqual([
      'hostile-page.txt:34',
      'hostile-page.txt:35',
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
    const result = ingestListings([{ file: 'x.txt', name: 'x', text: `† ‡ §\n${ABSTRACT}\nA Real Title\n${ABSTRACT}` }]);
    expect(result.papers.map((p) => p.title)).toEqual(['A Real Title']);
    expect(result.report.rejected).toEqual([{ file: 'x.txt', line: 1, reason: 'title has no letters, digits or symbols', text: '† ‡ §' }]);
    expectNothingLost(result);
  });

  it('settles a slug shared by two keys (a suffix collision) by key, not by listing order', () => {
    // Two CJK-only titles whose keys hash to the same six hex digits: both would be paper-309022.
    const a: ListingInput = { file: 'a.txt', name: 'a', text: `\u5FA8\u4E00\n${ABSTRACT}` };
    const b: ListingInput = { file: 'b.txt', name: 'b', text: `\u5277\u4E00\n${ABSTRACT}` };
    for (const order of [
      [a, b],
      [b, a],
    ]) {
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

describe('slugs already published', () => {
  it('stay as they are: every seed paper keeps the slug it was published under', () => {
    const published = readFileSync(new URL('../../fixtures/published-slugs.txt', import.meta.url), 'utf8')
      .trim()
      .split('\n');
    expect(full.papers.map((p) => p.slug)).toEqual(published);
  });
});

/** A saved Daily Papers response of the given papers (the API's item shape, trimmed to what matters here). */
function dailyPapersJson(...papers: { id?: string; title: string; summary?: string; authors?: string[]; publishedAt?: string; upvotes?: number; githubRepo?: string }[]): string {
  const items = papers.map(({ authors = ['Ada Lovelace'], summary = ABSTRACT, publishedAt = '2024-05-28T12:00:00.000Z', upvotes = 5, ...rest }) => ({
    paper: { ...rest, summary, publishedAt, upvotes, authors: authors.map((name, i) => ({ _id: String(i), name, hidden: false })) },
    publishedAt: '2024-05-29T00:00:00.000Z',
    title: rest.title,
    numComments: 1,
  }));
  return JSON.stringify(items, null, 2);
}

describe('identifiers and dedupe by arXiv id', () => {
  const json = (name: string, ...papers: Parameters<typeof dailyPapersJson>): ListingInput => ({ file: `${name}.json`, name, text: dailyPapersJson(...papers) });
  const text = (name: string, content: string): ListingInput => ({ file: `${name}.txt`, name, text: content });

  it('makes a JSON item and a text-dump entry of one paper one paper, with the dump’s slug, the id, the names and the count', () => {
    const dump = text('a', pageDump('May 29', ['Phased Consistency Model', ABSTRACT, '• 2 authors', 'May 28, 2024 3']));
    const alone = ingestListings([dump]);
    const both = ingestListings([json('b', { id: '2405.18407', title: 'Phased Consistency Model', authors: ['Ada Lovelace', 'Charles Babbage'], upvotes: 47 }), dump]);
    expect(both.papers).toHaveLength(1);
    expect(both.papers[0]).toMatchObject({
      slug: alone.papers[0]!.slug,
      arxiv: '2405.18407',
      authorNames: ['Ada Lovelace', 'Charles Babbage'],
      authors: 2,
      upvotes: 47,
      comments: 1,
      published: '2024-05-28',
    });
    expect(both.report.duplicates).toEqual([
      {
        slug: alone.papers[0]!.slug,
        sources: [
          { file: 'b.json', line: 2, item: 0 },
          { file: 'a.txt', line: 5 },
        ],
      },
    ]);
  });

  it('makes two items with one id but a revised title one paper, keeping the first title’s slug and reporting the conflict', () => {
    const first = json('a', { id: '2405.18407', title: 'Phased Consistency Model' });
    const revised = json('b', { id: '2405.18407v2', title: 'Phased Consistency Models' });
    const result = ingestListings([first, revised]);
    expect(result.papers).toHaveLength(1);
    expect(result.papers[0]).toMatchObject({ slug: 'phased-consistency-model', title: 'Phased Consistency Models', arxiv: '2405.18407' });
    expect(result.report.conflicts).toEqual([
      {
        slug: 'phased-consistency-model',
        field: 'title',
        values: [
          { value: 'Phased Consistency Models', file: 'b.json', line: 2, item: 0 },
          { value: 'Phased Consistency Model', file: 'a.json', line: 2, item: 0 },
        ],
      },
    ]);
    // The slug does not follow the title: the first listing's stays, as the page was published under it.
    expect(ingestListings([first]).papers[0]!.slug).toBe('phased-consistency-model');
  });

  it('keeps papers with different ids apart under one title, and an id-less entry of that title apart from both, with a warning', () => {
    const result = ingestListings([
      json('a', { id: '2401.00001', title: 'Introduction to Scaling' }, { id: '2402.00002', title: 'Introduction to Scaling' }),
      text('b', pageDump('May 29', ['Introduction to Scaling', ABSTRACT, '• 2 authors', 'May 28, 2024 3'])),
    ]);
    // The id-less paper keeps the plain slug: it is the one a page could already have been published under.
    expect(result.papers.map((p) => [p.slug, p.arxiv ?? null])).toEqual([
      ['introduction-to-scaling', null],
      ['introduction-to-scaling-2401-00001', '2401.00001'],
      ['introduction-to-scaling-2402-00002', '2402.00002'],
    ]);
    expect(result.report.rejected).toEqual([]);
    expect(result.report.warnings.map((w) => [w.file, w.line, w.reason])).toContainEqual([
      'b.txt',
      5,
      'the title is that of several papers (arXiv 2401.00001, 2402.00002): kept apart from them; set its id in content/identifiers.yaml',
    ]);
  });

  it('keeps C, C++ and C# apart (one bare dump, three abstracts), and LLaMA-Adapter from LLaMA-Adapter+', () => {
    const bare = [
      'Learning C Programs',
      `${ABSTRACT} C.`,
      'Learning C++ Programs',
      `${ABSTRACT} C++.`,
      'Learning C# Programs',
      `${ABSTRACT} C#.`,
      'LLaMA-Adapter',
      `${ABSTRACT} One.`,
      'LLaMA-Adapter+',
      `${ABSTRACT} Two.`,
    ].join('\n');
    const result = ingestListings([text('a', bare)]);
    expect(result.papers.map((p) => p.title).sort()).toEqual(['LLaMA-Adapter', 'LLaMA-Adapter+', 'Learning C Programs', 'Learning C# Programs', 'Learning C++ Programs']);
    expect(result.report.duplicates).toEqual([]);
    expect(result.papers.find((p) => p.title === 'Learning C Programs')!.slug).toBe('learning-c-programs');
  });

  it('warns of a merge whose abstracts disagree, naming both sources, and not of one cut short', () => {
    const result = ingestListings([
      text('a', ['Same Title', 'We study one thing. It works.', 'Other Title', 'We study a thing in depth. It works in practice too.'].join('\n')),
      text('b', ['Same Title', 'A different paper entirely. Nothing alike.', 'Other Title', 'We study a thing in depth. It works…'].join('\n')),
    ]);
    expect(result.report.warnings.map((w) => `${w.file}:${w.line} ${w.reason}`)).toEqual(['a.txt:1 merged with b.txt:1 (same title), but the abstracts differ: check that they are one paper']);
  });

  it('takes an arXiv id named in an abstract, with a warning, and merges by it', () => {
    const result = ingestListings([
      text('a', pageDump('May 29', ['A Paper', `${ABSTRACT} See arXiv:2405.18407.`, '• 2 authors', 'May 28, 2024 3'])),
      json('b', { id: '2405.18407', title: 'A Paper, Revised' }),
    ]);
    expect(result.papers).toHaveLength(1);
    expect(result.papers[0]).toMatchObject({ slug: 'a-paper', arxiv: '2405.18407', title: 'A Paper, Revised' });
    expect(result.report.warnings.map((w) => w.reason)).toContain('arXiv id 2405.18407 taken from the abstract: check it, or set it in content/identifiers.yaml');
  });

  it('lets the editor’s identifiers win, keep their slug, and say where they disagree with a listing', () => {
    const pins = {
      file: 'content/identifiers.yaml',
      pins: [
        { slug: 'a-paper', line: 1, arxiv: '2405.11111', doi: '10.1000/xyz' },
        { slug: 'kept-slug', line: 4, arxiv: '2405.22222' },
        { slug: 'gone-paper', line: 6, arxiv: '2405.33333' },
      ],
    };
    const result = ingestListings(
      [text('a', pageDump('May 29', ['A Paper', ABSTRACT, '• 2 authors', 'May 28, 2024 3'])), json('b', { id: '2405.99999', title: 'A Paper' }, { id: '2405.22222', title: 'A Renamed Paper' })],
      pins,
    );
    expect(result.papers.map((p) => [p.slug, p.arxiv, p.doi ?? null])).toEqual([
      ['a-paper', '2405.11111', '10.1000/xyz'],
      ['kept-slug', '2405.22222', null],
    ]);
    expect(result.report.conflicts).toContainEqual({
      slug: 'a-paper',
      field: 'arxiv',
      values: [
        { value: '2405.11111', file: 'content/identifiers.yaml', line: 1 },
        { value: '2405.99999', file: 'b.json', line: 2, item: 0 },
      ],
    });
    expect(result.report.warnings.map((w) => `${w.file}:${w.line} ${w.reason}`)).toContain('content/identifiers.yaml:6 gone-paper names no paper of the catalog: its identifiers are not used');
  });
});
