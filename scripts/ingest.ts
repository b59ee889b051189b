/**
 * `npm run ingest -- [--out DIR] [--report FILE] [--check] [PATH ...]`
 * (defaults: PATH = content/listings, DIR = content/papers, both under PAPERSHELF_CONTENT if set)
 *
 * Thin I/O shell around `ingestListings`: reads listing dumps (and their sidecars), writes one MDX
 * file per paper plus `_listings.json` into DIR, rewriting only what changed and removing only
 * files it generated itself. Everything is read and checked before anything is written. Topics and
 * files of papers whose data did not change come from the cache in PAPERSHELF_INGEST_CACHE
 * (default `.cache/ingest.json`).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { libraryHash } from '../src/build/source-digest.ts';
import { isIsoDate } from '../src/lib/dates.ts';
import { type Identifiers, type ListingInput, type ListingSidecar, ingestListings } from '../src/lib/ingest.ts';
import type { Finding } from '../src/lib/parse-listing.ts';
import { openIngestCache } from '../src/lib/ingest-cache.ts';
import { isGeneratedPaperFile } from '../src/lib/paper-file.ts';
import { isSafeSlug } from '../src/lib/slug.ts';
import { decodeListing } from '../src/lib/text.ts';
import { CONTENT_ROOT, IDENTIFIERS_YAML, PAPERS_DIR, isListingFile } from '../src/content-paths.ts';
import { type IdentifierSidecar, parseIdentifierSidecar } from '../src/lib/identifier-sidecar.ts';
import { workOutPapers } from './paper-outputs.ts';
import { type TopicSource, loadTopicSource } from './topics-source.ts';

const LISTINGS_FILE = '_listings.json';
const CACHE_FILE = process.env.PAPERSHELF_INGEST_CACHE ?? '.cache/ingest.json';
/** Inputs of at least this many entries get progress lines: a large catalog takes a while. */
const PROGRESS_FROM_ENTRIES = 1000;
const USAGE = 'usage: npm run ingest -- [--out DIR] [--report FILE] [--check] [PATH ...]';

/** A problem with the input or the command line: reported as one line, never as a stack trace. */
class UsageError extends Error {}

/** Node's own I/O and argument errors (ENOENT, EISDIR, ERR_PARSE_ARGS_…) are usage errors too. */
const isNodeError = (error: unknown): error is Error & { code: string } =>
  error instanceof Error && typeof (error as { code?: unknown }).code === 'string';

function readBytes(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${(error as Error).message}`);
  }
}

function listingFiles(paths: string[]): string[] {
  const files = new Set<string>();
  for (const path of paths) {
    if (!existsSync(path)) throw new UsageError(`no such file or folder: ${path}`);
    if (statSync(path).isDirectory()) {
      const found = readdirSync(path).filter(isListingFile).sort();
      // An empty folder is almost always a wrong path, and ingesting it would remove every paper.
      if (found.length === 0) throw new UsageError(`no listings (*.txt, *.json) in ${path}`);
      for (const f of found) files.add(resolve(path, f));
    } else files.add(resolve(path));
  }
  return [...files];
}

function readSidecar(listing: string): ListingSidecar | undefined {
  const path = join(dirname(listing), `${basename(listing, extname(listing))}.yaml`);
  if (!existsSync(path)) return undefined;
  let data: unknown;
  try {
    data = parseYaml(readBytes(path).toString('utf8')) ?? {};
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${relative(process.cwd(), path)}: not valid YAML (${(error as Error).message.split('\n')[0]})`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new UsageError(`${relative(process.cwd(), path)}: must be a mapping such as "captured: 2025-10-30"`);
  }
  const { captured, title } = data as Record<string, unknown>;
  const sidecar: ListingSidecar = {};
  if (captured !== undefined && captured !== null) {
    // The core schema reads 2025-10-30 as a string; a YAML 1.1 reader would have made it a Date.
    sidecar.captured = captured instanceof Date ? captured.toISOString().slice(0, 10) : String(captured);
    if (!isIsoDate(sidecar.captured)) throw new UsageError(`${relative(process.cwd(), path)}: captured must be a real day written YYYY-MM-DD, not "${sidecar.captured}"`);
  }
  if (title !== undefined && title !== null) sidecar.title = String(title);
  return sidecar;
}

function readInputs(paths: string[]): ListingInput[] {
  const inputs = listingFiles(paths).map((file) => {
    const { text, encoding } = decodeListing(readBytes(file));
    const input: ListingInput = { file: relative(process.cwd(), file).split(sep).join('/'), name: basename(file, extname(file)), text };
    if (encoding !== 'utf-8') input.encoding = encoding;
    const sidecar = readSidecar(file);
    if (sidecar) input.sidecar = sidecar;
    return input;
  });
  const names = new Map<string, string>();
  for (const input of inputs) {
    const other = names.get(input.name);
    if (other) throw new UsageError(`two listings are named ${input.name}: ${other} and ${input.file}`);
    names.set(input.name, input.file);
  }
  return inputs;
}

/** The editor's identifiers (content/identifiers.yaml), if there are any; what cannot be read is a warning. */
function readIdentifiers(): Identifiers & Pick<IdentifierSidecar, 'warnings'> {
  const file = relative(process.cwd(), resolve(IDENTIFIERS_YAML)).split(sep).join('/');
  if (!existsSync(IDENTIFIERS_YAML)) return { file, pins: [], warnings: [] };
  return { file, ...parseIdentifierSidecar(file, readBytes(IDENTIFIERS_YAML).toString('utf8')) };
}

/** The file's current content, or undefined if it is not there (another run may just have removed it). */
function currentContent(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if (isNodeError(error) && error.code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Writes through a temporary file and a rename, so readers never see half a file. */
function writeAtomic(path: string, content: string): void {
  const temp = `${path}.tmp-${process.pid}`;
  writeFileSync(temp, content);
  renameSync(temp, path);
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
    },
  });
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
  const { papers, listings, report } = ingestListings(inputs, identifiers);
  report.warnings.unshift(...identifiers.warnings);
  const large = report.entries >= PROGRESS_FROM_ENTRIES;
  if (large) console.log(`ingest: read ${report.entries} entries from ${inputs.length} listings`);
  for (const paper of papers) if (!isSafeSlug(paper.slug)) throw new Error(`unsafe slug ${paper.slug}`);

  const outputs = await cache.outputsFor(papers, (missing) =>
    workOutPapers(missing, source, { onProgress: progress('tagged and rendered papers', missing.length, large) }),
  );
  const wanted = new Map<string, string>([[LISTINGS_FILE, `${JSON.stringify(listings, null, 2)}\n`]]);
  papers.forEach((paper, i) => wanted.set(`${paper.slug}.mdx`, outputs[i]!.file));
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
