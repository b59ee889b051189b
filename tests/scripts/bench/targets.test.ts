import { describe, expect, test } from 'vitest';
import { formatReport, markdownTable } from '../../../scripts/bench/lib/report.ts';
import type { BenchResult, BuildResult, StageResult } from '../../../scripts/bench/lib/result.ts';
import { evaluateTargets } from '../../../scripts/bench/lib/targets.ts';

const stage = (name: string, kind: StageResult['kind'], seconds: number, peakRssMiB: number | null = 400, cpuSeconds = seconds): StageResult => ({
  name,
  kind,
  seconds,
  cpuSeconds,
  peakRssMiB,
});

function build(stages: StageResult[], extra: Partial<BuildResult> = {}): BuildResult {
  return {
    seconds: stages.reduce((sum, s) => sum + s.seconds, 0),
    stages,
    processPeakRssMiB: { ingest: 300, astro: 1500 },
    mdxWritten: 20000,
    cardsRendered: 20000,
    paperPagesRendered: 20000,
    ...extra,
  };
}

/** A 20,000-paper result that meets every target. */
function passing(): BenchResult {
  return {
    version: 1,
    papers: 20000,
    date: '2025-01-01',
    command: 'npm run bench -- --papers 20000',
    machine: { cpus: 2, cpuModel: 'Test CPU', memoryGiB: 24, loadBefore: [0.5, 0.5, 0.5], loadAfter: [2, 1, 1], node: '24.0.0', astro: '7.3.5', pagefind: '1.6.0' },
    catalog: { listings: 170, entries: 20500, papers: 20000, rejected: 0, topics: 30, extraPapers: 20 },
    stagesPresent: ['ingest', 'content', 'pages', 'search', 'cards'],
    cold: build([stage('ingest', 'ingest', 5), stage('page generation', 'pages', 20, 1800), stage('search index', 'search', 10, 2000), stage('social cards', 'cards', 100, 900, 190)]),
    warm: build([stage('ingest', 'ingest', 4), stage('page generation', 'pages', 18)], { mdxWritten: 0, cardsRendered: 0 }),
    incremental: build([stage('ingest', 'ingest', 4), stage('page generation', 'pages', 8)], { mdxWritten: 20, cardsRendered: 25, paperPagesRendered: 310 }),
    output: {
      pages: 20500,
      files: 41000,
      distBytes: 380 * 1000 * 1000,
      searchIndex: { bytes: 30 * 1024 * 1024, files: 20100 },
      paperPages: { count: 20000, medianBytes: 7000, medianGzipBytes: 3000, largestBytes: 10000, largestGzipBytes: 6000, largestPath: 'papers/x/index.html' },
      paperPageScripts: [
        { source: 'inline', purposes: ['theme'], bytes: 900 },
        { source: '/_astro/SearchEntry.js', purposes: ['search'], bytes: 2000 },
      ],
      cards: 20031,
      paperCards: { count: 20000, bytes: 20000 * 10 * 1024 },
    },
    references: {
      floor: { seconds: 3, peakRssMiB: 200, pages: 20000 },
      hugo: { seconds: 6, peakRssMiB: 800, pages: 20900, version: '0.111.3' },
      hugoPagefind: { seconds: 12, peakRssMiB: 2000, pages: 20900 },
    },
    search: {
      page: 'search/',
      input: 'main input',
      queries: [{ query: 'lora', ms: 90 }],
      medianMs: 90,
      p95Ms: 200,
      firstQueryBytes: 300 * 1024,
      pageBytes: 100 * 1024,
      indexCompleteBytes: 400 * 1024,
      laterQueriesBytes: 900 * 1024,
      largestFetches: [],
    },
  };
}

const status = (result: BenchResult) => Object.fromEntries(evaluateTargets(result).map((row) => [row.target, row.status]));

describe('targets', () => {
  test('a result that meets every target passes every row', () => {
    const rows = evaluateTargets(passing());
    expect(rows).toHaveLength(16);
    expect(rows.filter((r) => r.status !== 'PASS')).toEqual([]);
    expect(rows[0]!.measured).toBe('35.0 s vs 18.0 s = 1.94x');
  });

  test('each target fails on its own measurement', () => {
    const slow = passing();
    slow.cold.stages[1]!.seconds = 30;
    slow.cold.seconds += 10;
    const fat = passing();
    fat.cold.stages[2]!.peakRssMiB = 3100;
    const serial = passing();
    serial.cold.stages[3]!.cpuSeconds = 100;
    const redraws = passing();
    redraws.warm.cardsRendered = 3;
    const rebuilds = passing();
    rebuilds.incremental.seconds = 20;
    rebuilds.incremental.mdxWritten = 20000;
    const heavy = passing();
    heavy.output.paperPages.largestBytes = 10 * 1024 + 1;
    heavy.output.paperPages.largestGzipBytes = 9 * 1024;
    heavy.output.paperPageScripts.push({ source: '/_astro/Analytics.js', purposes: ['other'], bytes: 10 });
    const big = passing();
    big.output.distBytes = 20_001 * 20000;
    big.output.paperCards.bytes = 20000 * 12 * 1024 + 20000;
    big.cold.stages[3]!.seconds = 3800;
    big.cold.seconds += 3700;
    const sluggish = passing();
    sluggish.search = { ...(sluggish.search as object), medianMs: 150, p95Ms: 400, firstQueryBytes: 500 * 1024 } as BenchResult['search'];

    expect(status(slow)['pages + search, cold: at most 2x Hugo + Pagefind']).toBe('FAIL');
    expect(evaluateTargets(fat)[1]).toEqual({ target: 'peak RSS under 3 GiB in every stage (cold)', measured: 'max 3100 MiB (search index)', status: 'FAIL' });
    expect(status(serial)['social cards: rendered in parallel on all cores']).toBe('FAIL');
    expect(status(redraws)['social cards: a warm rebuild renders none']).toBe('FAIL');
    const incremental = evaluateTargets(rebuilds).filter((r) => r.target.startsWith('incremental'));
    expect(incremental.map((r) => r.status)).toEqual(['FAIL', 'FAIL', 'FAIL']);
    expect(
      evaluateTargets(heavy)
        .filter((r) => r.target.startsWith('paper page'))
        .map((r) => r.status),
    ).toEqual(['FAIL', 'FAIL', 'FAIL']);
    expect(evaluateTargets(big).slice(-6, -3)).toEqual([
      { target: 'whole site at most 20 KB per paper (50,000 papers in 1 GB)', measured: '20.0 KB (0.40 GB for 20000 papers; 1.00 GB at 50,000)', status: 'FAIL' },
      { target: 'paper cards at most 12 KiB on average', measured: '12.0 KiB (20000 cards)', status: 'FAIL' },
      { target: 'cold build, cards included, within 60 minutes', measured: '63.9 min', status: 'FAIL' },
    ]);
    expect(
      evaluateTargets(sluggish)
        .filter((r) => r.target.startsWith('search'))
        .map((r) => r.status),
    ).toEqual(['FAIL', 'FAIL', 'FAIL']);
  });

  test('the first-query budget counts what arrived before the first results, not the shards fetched after them', () => {
    const result = passing();
    result.search = { ...(result.search as object), firstQueryBytes: 450 * 1024, pageBytes: 400 * 1024, indexCompleteBytes: 1000 * 1024 } as BenchResult['search'];
    expect(evaluateTargets(result).find((r) => r.target === 'search: first query fetches under 500 KB')).toEqual({
      target: 'search: first query fetches under 500 KB',
      measured: '450.0 KiB (page 400.0 KiB; whole index 1000.0 KiB)',
      status: 'PASS',
    });
  });

  test('a query that never showed results fails the latency targets', () => {
    const result = passing();
    result.search = { ...(result.search as object), queries: [{ query: 'x', ms: null }] } as BenchResult['search'];
    expect(evaluateTargets(result).find((r) => r.target === 'search: median under 150 ms')).toMatchObject({ status: 'FAIL', measured: '90 ms (1 queries showed no results)' });
  });

  test('what was not measured is skipped with its reason, not passed', () => {
    const result = passing();
    result.references.hugo = { skipped: 'apt-get install hugo failed' };
    result.search = { skipped: 'the site has no search/ page yet' };
    result.cold.stages = result.cold.stages.filter((s) => s.kind !== 'cards');
    result.cold.cardsRendered = null;
    const rows = evaluateTargets(result);
    expect(rows.filter((r) => r.status === 'SKIP').map((r) => r.measured)).toEqual([
      'no Hugo reference: apt-get install hugo failed',
      'no social-card stage in this build',
      'no social-card stage in this build',
      'no Hugo + Pagefind reference',
      'no social-card stage in this build',
      'the site has no search/ page yet',
      'the site has no search/ page yet',
      'the site has no search/ page yet',
    ]);
  });
});

describe('report', () => {
  test('tables pad their columns and right-align numbers', () => {
    expect(
      markdownTable(
        ['stage', 'seconds'],
        [
          ['ingest', '4.2'],
          ['pages', '12.0'],
        ],
      ),
    ).toBe(['| stage  | seconds |', '|--------|--------:|', '| ingest |     4.2 |', '| pages  |    12.0 |'].join('\n'));
  });

  test('the report has stages for all three builds, references, output, search and targets', () => {
    const result = passing();
    const text = formatReport(result, evaluateTargets(result));
    expect(text).toContain('Papershelf benchmark: 20000 papers');
    expect(text).toMatch(/\| social cards +\| +100\.0 \| +190\.0 \| +900 \| +- \| +- \|/);
    expect(text).toMatch(/\| Hugo \+ Pagefind +\| +18\.0 \|/);
    expect(text).toContain('median 90 ms, p95 200 ms');
    expect(text).toMatch(/\| paper pages rendered: cold \/ warm \/ \+1 listing +\| 20000 \/ 20000 \/ 310 +\|/);
    expect(text).toMatch(/\| paper page HTML at most 10 KiB \(largest\) +\| 9\.8 KiB \(median 6\.8 KiB\) +\| PASS +\|/);
    expect(text).not.toContain('indicative');
  });

  test('the report calls targets indicative for a catalog size neither issue set them for', () => {
    const at50k = { ...passing(), papers: 50_000 };
    expect(formatReport(at50k, evaluateTargets(at50k))).not.toContain('indicative');
    const small = { ...passing(), papers: 1000 };
    expect(formatReport(small, evaluateTargets(small))).toContain('(Targets are set for 20,000 and 50,000 papers; at 1000 they are indicative.)');
  });
});
