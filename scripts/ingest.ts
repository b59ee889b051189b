/**
 * `npm run ingest -- [--out DIR] [--report FILE] [--check] [PATH ...]`
 * `npm run ingest -- --explain FILE`: prints how the reader read FILE, line by line; writes nothing.
 * (defaults: PATH = content/listings, DIR = content/papers, both under PAPERSHELF_CONTENT if set)
 *
 * Thin I/O shell around `ingestListings`: reads listing dumps (and their sidecars), writes one MDX
 * file per paper plus `_listings.json` and `_related.json` (related papers) into DIR, rewriting
 * only what changed and removing only files it generated itself. Everything is read and checked
 * before anything is written. Topics and files of papers whose data did not change come from the
 * cache in PAPERSHELF_INGEST_CACHE (default `.cache/ingest.json`).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { libraryHash } from '../src/build/source-digest.ts';
import { explainListing } from '../src/lib/listing/explain-listing.ts';
import { ingestListings, parseAnyListing } from '../src/lib/merge/ingest.ts';
import type { Finding } from '../src/lib/listing/index.ts';
import type { MergedPaper } from '../src/lib/paper/paper.ts';
import { openIngestCache } from '../src/lib/cache/ingest-cache.ts';
import { isGeneratedPaperFile } from '../src/lib/paper/paper-file.ts';
import { parseRelatedFile, relatedKey, renderRelatedFile } from '../src/lib/related/related-file.ts';
import { isSafeSlug } from '../src/lib/merge/slug.ts';
import { SITE } from '../src/site.config.ts';
import { CONTENT_ROOT, PAPERS_DIR } from '../src/content-paths.ts';
import { UsageError, isNodeError, readIdentifiers, readInputs, writeAtomic } from './listing-inputs.ts';
import { workOutPapers } from './paper-outputs.ts';
import { relatedWork, workOutRelated } from './related-papers.ts';
import { type TopicSource, loadTopicSource } from './topics-source.ts';

const LISTINGS_FILE = '_listings.json';
const RELATED_FILE = '_related.json';
const CACHE_FILE = process.env.PAPERSHELF_INGEST_CACHE ?? '.cache/ingest.json';
/** Inputs of at least this many entries get progress lines: a large catalog takes a while. */
const PROGRESS_FROM_ENTRIES = 1000;
const USAGE = 'usage: npm run ingest -- [--out DIR] [--report FILE] [--check] [PATH ...] | --explain FILE';

/** The file's current content, or undefined if it is not there (another run may just have removed it). */
function currentContent(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if (isNodeError(error) && error.code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Everything besides a paper's own data that decides its topics and its file: ingest's code and
 * the versions of the packages it uses, the taxonomy and the notes' topic corrections. Parsed, not
 * as files: editing a note's text, or a comment in the taxonomy, changes no paper's topics.
 */
function cacheVersion(source: TopicSource | undefined): string {
  const scripts = ['./ingest.ts', './topics-source.ts', './paper-outputs.ts', './paper-outputs-worker.ts'].map((path) => fileURLToPath(new URL(path, import.meta.url)));
  const hash = libraryHash(scripts);
  hash.update(JSON.stringify(source ? { topics: source.topics, corrections: [...source.corrections] } : null));
  return hash.digest('base64url');
}

/** Related papers' file: the one in `outDir` when it was worked out from the same papers, else worked out again. */
async function relatedFile(papers: readonly MergedPaper[], outDir: string, large: boolean): Promise<string> {
  const version = libraryHash(['./related-papers.ts', './related-papers-worker.ts'].map((path) => fileURLToPath(new URL(path, import.meta.url)))).digest('base64url');
  const key = relatedKey(papers, SITE.relatedCount, version);
  const path = join(outDir, RELATED_FILE);
  const current = currentContent(path);
  if (current !== undefined) {
    try {
      if (parseRelatedFile(current, path).key === key) return current;
    } catch {
      // Not one ingest wrote, or damaged: it is written again below.
    }
  }
  const started = performance.now();
  const related = await workOutRelated(relatedWork(papers, SITE.relatedCount));
  if (large) console.log(`ingest: related papers worked out in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return renderRelatedFile({ key, related });
}

/** The previous run's cache, or nothing if there is none or it cannot be read (it is only a cache). */
function readCache(): unknown {
  try {
    return JSON.parse(readFileSync(CACHE_FILE, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Prints `label i/total` about every tenth of the way, for inputs large enough to need it. */
function progress(label: string, total: number, enabled: boolean): (done: number) => void {
  const every = Math.max(1, Math.ceil(total / 10));
  let shown = 0;
  return (done) => {
    if (!enabled || done === shown || (done < shown + every && done !== total)) return;
    shown = done;
    console.log(`ingest: ${label} ${done}/${total}`);
  };
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      out: { type: 'string', default: PAPERS_DIR },
      report: { type: 'string' },
      check: { type: 'boolean', default: false },
      explain: { type: 'string' },
    },
  });
  if (values.explain !== undefined) {
    const [input] = readInputs([values.explain]);
    process.stdout.write(explainListing(parseAnyListing(input!.file, input!.text), input!.text));
    return;
  }
  const outDir = resolve(values.out);
  const inputs = readInputs(positionals.length > 0 ? positionals : [`${CONTENT_ROOT}/listings`]);
  let source: TopicSource | undefined;
  try {
    source = loadTopicSource();
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const cache = openIngestCache(readCache(), cacheVersion(source));
  const identifiers = readIdentifiers();
  const { papers, listings, report } = ingestListings(inputs, identifiers, cache.parse);
  report.warnings.unshift(...identifiers.warnings);
  const large = report.entries >= PROGRESS_FROM_ENTRIES;
  if (large) console.log(`ingest: read ${report.entries} entries from ${inputs.length} listings`);
  for (const paper of papers) if (!isSafeSlug(paper.slug)) throw new Error(`unsafe slug ${paper.slug}`);

  const outputs = await cache.outputsFor(papers, (missing) => workOutPapers(missing, source, { onProgress: progress('tagged and rendered papers', missing.length, large) }));
  const wanted = new Map<string, string>([
    [LISTINGS_FILE, `${JSON.stringify(listings, null, 2)}\n`],
    [RELATED_FILE, await relatedFile(papers, outDir, large)],
  ]);
  papers.forEach((paper, i) => {
    wanted.set(`${paper.slug}.mdx`, outputs[i]!.file);
  });
  const changed: string[] = [];
  for (const [name, content] of wanted) if (currentContent(join(outDir, name)) !== content) changed.push(name);
  const existing = existsSync(outDir) ? readdirSync(outDir).sort() : [];
  const stale = existing.filter((name) => {
    if (wanted.has(name)) return false;
    if (name === LISTINGS_FILE) return true;
    if (!name.endsWith('.mdx')) return false;
    const content = currentContent(join(outDir, name));
    return content !== undefined && isGeneratedPaperFile(content);
  });

  const summary = `${report.entries} entries in ${inputs.length} listings -> ${report.papers} papers (${report.duplicates.length} merged duplicates, ${report.rejected.length} rejected, ${report.warnings.length} warnings, ${report.conflicts.length} conflicts)`;
  if (values.check) {
    console.log(`ingest --check: ${summary}`);
    if (changed.length > 0 || stale.length > 0) {
      const names = [...changed, ...stale];
      const shown = names.slice(0, 5).join(', ') + (names.length > 5 ? ', …' : '');
      console.error(`ingest --check: ${values.out} is out of date: ${changed.length} to write, ${stale.length} to remove (${shown})`);
      process.exitCode = 1;
      return;
    }
    console.log(`ingest --check: ${values.out} is up to date`);
    return;
  }

  mkdirSync(outDir, { recursive: true });
  const written = progress('wrote files', changed.length, large);
  changed.forEach((name, i) => {
    const path = join(outDir, name);
    if (dirname(path) !== outDir) throw new Error(`refusing to write outside ${outDir}: ${name}`);
    writeAtomic(path, wanted.get(name)!);
    written(i + 1);
  });
  for (const name of stale) rmSync(join(outDir, name), { force: true });
  if (cache.changed) {
    mkdirSync(dirname(resolve(CACHE_FILE)), { recursive: true });
    writeAtomic(resolve(CACHE_FILE), JSON.stringify(cache.data()));
  }
  if (values.report) {
    mkdirSync(dirname(resolve(values.report)), { recursive: true });
    writeAtomic(resolve(values.report), `${JSON.stringify(report, null, 2)}\n`);
  }
  console.log(`ingest: ${summary}`);
  console.log(`ingest: ${changed.length} files written, ${stale.length} removed, ${wanted.size - changed.length} unchanged in ${values.out}`);
  console.log(`ingest: ${cache.listingStats.parsed} listings parsed, ${cache.listingStats.reused} from the cache`);
  console.log(`ingest: ${cache.stats.redone} papers worked out, ${cache.stats.reused} from the cache (${CACHE_FILE})`);
  printFindings('rejected', report.rejected, values.report);
  printFindings('warning', report.warnings, values.report);
  for (const conflict of report.conflicts.slice(0, SHOWN_FINDINGS)) {
    const [taken, ...others] = conflict.values;
    console.log(`  conflict ${conflict.slug}: ${conflict.field} "${taken!.value}" (${taken!.file}:${taken!.line}) over ${others.map((o) => `"${o.value}" (${o.file}:${o.line})`).join(', ')}`);
  }
}

/** Findings shown on the console; the report holds them all. */
const SHOWN_FINDINGS = 10;

/** The first findings of a kind, one line each, then how many more the report holds. */
function printFindings(kind: 'rejected' | 'warning', findings: readonly Finding[], reportPath: string | undefined): void {
  for (const finding of findings.slice(0, SHOWN_FINDINGS)) console.log(`  ${kind} ${finding.file}:${finding.line}: ${finding.reason}`);
  const more = findings.length - SHOWN_FINDINGS;
  if (more > 0) console.log(`  … and ${more} more ${kind === 'rejected' ? 'rejected' : 'warnings'} (see ${reportPath ?? 'the report: --report FILE'})`);
}

try {
  await main();
} catch (error) {
  if (isNodeError(error) && error.code.startsWith('ERR_PARSE_ARGS')) {
    console.error(`ingest: ${error.message.replace(/\s*\n\s*/g, ' ')} (${USAGE})`);
    process.exitCode = 1;
  } else if (error instanceof UsageError || isNodeError(error)) {
    console.error(`ingest: ${error.message.split('\n')[0]}`);
    process.exitCode = 1;
  } else throw error;
}
