/**
 * `npm run bench -- --papers N [--out FILE] [--work DIR] [--keep] [--skip hugo,search,floor,cards]`
 *
 * Synthesises a catalog of N papers from the default listings into a temporary folder (under
 * node_modules/.cache/papershelf-bench/, removed afterwards unless --keep), builds it
 * cold, warm (nothing changed) and incrementally (one 20-paper listing added) exactly as
 * `npm run build` does, times every stage with its peak memory, measures the output, the plain
 * Node floor and Hugo + Pagefind on the same papers, and search latency in headless Chromium.
 * Prints tables with PASS/FAIL per target (docs/performance.md) and writes the result as JSON.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml, stringify } from 'yaml';
import type { ListingInput } from '../src/lib/merge/ingest.ts';
import { formatReport } from './bench/lib/report.ts';
import type { BenchResult } from './bench/lib/result.ts';
import { searchQueries, seedPapers, synthesizeCatalog } from './bench/lib/synthesize.ts';
import { evaluateTargets } from './bench/lib/targets.ts';
import { slugFor } from '../src/lib/merge/slug.ts';
import { titleKey } from '../src/lib/merge/title-key.ts';
import { ensureTool } from './bench/apt-tool.ts';
import { measureDist } from './bench/measure-dist.ts';
import { type BuildPaths, measuredBuild } from './bench/measured-build.ts';
import { measureReferences } from './bench/references.ts';
import { measureSearch } from './bench/search-latency.ts';

const ROOT = process.cwd();
const DEFAULT_CONTENT = join(ROOT, 'content');
const NOTES = join(DEFAULT_CONTENT, 'notes');
const SITE_URL = 'https://example.github.io';
/** Built under a sub-path, as a GitHub Pages project site is. */
const BASE = '/papershelf/';
const QUERY_COUNT = 20;
/** Papers in the listing the incremental rebuild adds. */
const EXTRA_PAPERS = 20;
/**
 * Work folders live inside the project: when an Astro build's output folder is outside the working
 * directory, Astro puts its prerender chunks in <root>/.astro/.prerender/, shared by every such build,
 * so two builds at once break each other (ERR_MODULE_NOT_FOUND).
 */
const WORK_ROOT = join(ROOT, 'node_modules', '.cache', 'papershelf-bench');
/** Marks a work folder as the benchmark's, so --work never empties someone else's folder. */
const WORK_MARKER = '.papershelf-bench';
const SKIPPABLE = ['hugo', 'search', 'floor', 'cards'];

function options() {
  const { values } = parseArgs({
    options: {
      papers: { type: 'string', default: '1000' },
      out: { type: 'string' },
      work: { type: 'string' },
      keep: { type: 'boolean', default: false },
      skip: { type: 'string', default: '' },
      seed: { type: 'string', default: '1' },
    },
  });
  const papers = Number(values.papers);
  if (!Number.isInteger(papers) || papers < 100) throw new Error(`--papers must be an integer of at least 100, got ${values.papers}`);
  const skip = new Set(values.skip.split(',').filter(Boolean));
  for (const s of skip) if (!SKIPPABLE.includes(s)) throw new Error(`--skip takes ${SKIPPABLE.join(', ')}; got ${s}`);
  return { papers, seed: Number(values.seed), out: resolve(values.out ?? join('.cache', 'bench', `bench-${papers}.json`)), work: values.work, keep: values.keep, skip };
}

/** Why headless Chromium cannot run, after trying to install it as the tests do; undefined when it can. */
function browserMissing(): string | undefined {
  const run = spawnSync('bash', [join(ROOT, 'scripts/ensure-chromium.sh')], { encoding: 'utf8', stdio: ['ignore', 'inherit', 'pipe'] });
  return run.status === 0 ? undefined : run.stderr.trim() || `scripts/ensure-chromium.sh exited with ${run.status}`;
}

function version(pkg: string): string {
  return (JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
}

function writeListing(dir: string, listing: ListingInput): void {
  writeFileSync(join(dir, basename(listing.file)), listing.text);
  if (listing.sidecar) writeFileSync(join(dir, `${listing.name}.yaml`), stringify(listing.sidecar));
}

function topicCount(content: string): number {
  const path = join(content, 'topics.yaml');
  return existsSync(path) ? ((parseYaml(readFileSync(path, 'utf8')) as unknown[] | null) ?? []).length : 0;
}

async function main(): Promise<void> {
  const opts = options();
  const loadBefore = loadavg();
  mkdirSync(WORK_ROOT, { recursive: true });
  const work = opts.work ? resolve(opts.work) : mkdtempSync(join(WORK_ROOT, `${opts.papers}-`));
  if (!work.startsWith(ROOT + sep)) throw new Error(`--work must be inside the project (${ROOT}): Astro shares prerender chunks between builds whose output is outside it`);
  const content = join(work, 'content');
  const paths: BuildPaths = {
    root: ROOT,
    papers: join(content, 'papers'),
    dist: join(work, 'dist'),
    cardCache: join(work, 'card-cache'),
    logs: join(work, 'logs'),
    marks: join(work, 'logs', 'marks.jsonl'),
  };
  const { dist } = paths;
  if (existsSync(work) && readdirSync(work).length > 0 && !existsSync(join(work, WORK_MARKER))) {
    throw new Error(`--work ${work} is not empty and not a benchmark folder: refusing to empty it`);
  }
  rmSync(work, { recursive: true, force: true });
  mkdirSync(join(content, 'listings'), { recursive: true });
  writeFileSync(join(work, WORK_MARKER), '');
  mkdirSync(paths.logs, { recursive: true });
  console.log(`bench: ${opts.papers} papers in ${work}`);

  // Before minutes of building: the search stage needs a browser, installed as `npm test` installs it.
  const browser = opts.skip.has('search') ? undefined : browserMissing();
  if (browser) console.log(`bench: ${browser}; search latency is skipped`);

  const time = ensureTool('/usr/bin/time', 'time');
  const timeBin = 'path' in time ? time.path : undefined;
  if ('missing' in time) console.log(`bench: no /usr/bin/time (${time.missing}): peak memory comes from sampling /proc only`);

  const listingDir = join(DEFAULT_CONTENT, 'listings');
  const seeds = seedPapers(
    readdirSync(listingDir)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => ({ file: f, text: readFileSync(join(listingDir, f), 'utf8') })),
  );
  const notes = new Set(existsSync(NOTES) ? readdirSync(NOTES).map((name) => name.replace(/\.mdx$/, '')) : []);
  const catalog = synthesizeCatalog(seeds, {
    papers: opts.papers,
    seed: opts.seed,
    extraPapers: EXTRA_PAPERS,
    // A note needs its paper, so papers with notes are always in the catalog.
    include: (seed) => notes.has(slugFor(titleKey(seed.title))),
  });
  for (const listing of catalog.listings) writeListing(join(content, 'listings'), listing);
  for (const extra of ['topics.yaml', 'notes']) {
    if (existsSync(join(DEFAULT_CONTENT, extra))) cpSync(join(DEFAULT_CONTENT, extra), join(content, extra), { recursive: true });
  }
  console.log(`bench: synthesised ${catalog.listings.length} listings (${catalog.entries} entries) from ${seeds.length} seed papers`);

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SITE: SITE_URL,
    BASE,
    ASTRO_TELEMETRY_DISABLED: '1',
    PAPERSHELF_CONTENT: content,
    PAPERSHELF_OUT: dist,
    PAPERSHELF_CACHE: join(work, 'astro-cache'),
    PAPERSHELF_CARD_CACHE: paths.cardCache,
    PAPERSHELF_INGEST_CACHE: join(work, 'ingest-cache.json'),
    // Quick runs without the slowest stage; the card targets are then skipped.
    ...(opts.skip.has('cards') ? { PAPERSHELF_SKIP_CARDS: '1' } : {}),
  };
  const cold = await measuredBuild('cold', paths, env, timeBin);
  const report = JSON.parse(readFileSync(join(paths.logs, 'cold-ingest-report.json'), 'utf8')) as { entries: number; papers: number; rejected: unknown[] };
  if (report.papers !== opts.papers || report.rejected.length > 0) {
    console.log(`bench: WARNING ingest made ${report.papers} papers (${report.rejected.length} rejected) from a catalog of ${opts.papers}`);
  }
  const output = measureDist(dist, BASE);
  const references =
    opts.skip.has('floor') && opts.skip.has('hugo')
      ? { floor: { skipped: '--skip floor' }, hugo: { skipped: '--skip hugo' }, hugoPagefind: { skipped: '--skip hugo' } }
      : await measureReferences({ root: ROOT, papers: paths.papers, work, site: SITE_URL, base: BASE, timeBin, skipHugo: opts.skip.has('hugo') });
  if (opts.skip.has('floor')) references.floor = { skipped: '--skip floor' };
  const warm = await measuredBuild('warm', paths, env, timeBin);
  writeListing(join(content, 'listings'), catalog.extra);
  const incremental = await measuredBuild('incremental', paths, env, timeBin);
  console.log('  search latency in headless Chromium');
  const search = opts.skip.has('search') ? { skipped: '--skip search' } : browser ? { skipped: browser } : await measureSearch(dist, BASE, searchQueries(catalog.titles, QUERY_COUNT));

  const cpu = cpus();
  const result: BenchResult = {
    version: 1,
    papers: opts.papers,
    date: new Date().toISOString().slice(0, 10),
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
    machine: {
      cpus: cpu.length,
      cpuModel: cpu[0]?.model.trim() ?? 'unknown',
      memoryGiB: totalmem() / 1024 ** 3,
      loadBefore,
      loadAfter: loadavg(),
      node: process.versions.node,
      astro: version('astro'),
      pagefind: version('pagefind'),
    },
    catalog: {
      listings: catalog.listings.length,
      entries: report.entries,
      papers: report.papers,
      rejected: report.rejected.length,
      topics: topicCount(content),
      extraPapers: EXTRA_PAPERS,
    },
    stagesPresent: [...new Set(cold.stages.map((stage) => stage.kind))],
    cold,
    warm,
    incremental,
    output,
    references,
    search,
  };
  const targets = evaluateTargets(result);
  console.log(`\n${formatReport(result, targets)}\n`);
  mkdirSync(dirname(opts.out), { recursive: true });
  writeFileSync(opts.out, `${JSON.stringify({ ...result, targets }, null, 2)}\n`);
  console.log(`bench: wrote ${opts.out}`);
  if (!opts.keep) rmSync(work, { recursive: true, force: true });
  else console.log(`bench: kept ${work}`);
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
