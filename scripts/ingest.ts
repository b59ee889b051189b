/**
 * `npm run ingest -- [--out DIR] [--report FILE] [--check] [PATH ...]`
 * (defaults: PATH = content/listings, DIR = content/papers, both under PAPERSHELF_CONTENT if set)
 *
 * Thin I/O shell around `ingestListings`: reads listing dumps (and their sidecars), writes one MDX
 * file per paper plus `_listings.json` into DIR, rewriting only what changed and removing only
 * files it generated itself.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { type ListingInput, type ListingSidecar, ingestListings } from '../src/lib/ingest.ts';
import { isGeneratedPaperFile, renderPaperFile } from '../src/lib/paper-file.ts';
import { isSafeSlug } from '../src/lib/slug.ts';
import { CONTENT_ROOT, PAPERS_DIR } from '../src/content-paths.ts';
import { loadTagger } from './topics-source.ts';

const LISTINGS_FILE = '_listings.json';

class UsageError extends Error {}

function fail(message: string): never {
  console.error(`ingest: ${message}`);
  process.exit(1);
}

function listingFiles(paths: string[]): string[] {
  const files: string[] = [];
  for (const path of paths) {
    if (!existsSync(path)) throw new UsageError(`no such file or folder: ${path}`);
    if (statSync(path).isDirectory()) {
      files.push(...readdirSync(path).filter((f) => f.endsWith('.txt')).sort().map((f) => join(path, f)));
    } else files.push(path);
  }
  return files;
}

function readSidecar(listing: string): ListingSidecar | undefined {
  const path = join(dirname(listing), `${basename(listing, extname(listing))}.yaml`);
  if (!existsSync(path)) return undefined;
  const data = parseYaml(readFileSync(path, 'utf8')) ?? {};
  const sidecar: ListingSidecar = {};
  // YAML reads an unquoted 2025-10-30 as a string here (core schema), but be lenient with dates.
  if (data.captured) sidecar.captured = data.captured instanceof Date ? data.captured.toISOString().slice(0, 10) : String(data.captured);
  if (data.title) sidecar.title = String(data.title);
  if (sidecar.captured && !/^\d{4}-\d{2}-\d{2}$/.test(sidecar.captured)) throw new UsageError(`${path}: captured must be YYYY-MM-DD`);
  return sidecar;
}

function readInputs(paths: string[]): ListingInput[] {
  return listingFiles(paths).map((file) => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
    }
    const input: ListingInput = { file: relative(process.cwd(), file).split(sep).join('/'), name: basename(file, extname(file)), text };
    const sidecar = readSidecar(file);
    if (sidecar) input.sidecar = sidecar;
    return input;
  });
}

function writeAtomic(path: string, content: string): void {
  const temp = `${path}.tmp-${process.pid}`;
  writeFileSync(temp, content);
  renameSync(temp, path);
}

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { out: { type: 'string', default: PAPERS_DIR }, report: { type: 'string' }, check: { type: 'boolean', default: false } },
  });
  const outDir = resolve(values.out);
  const inputs = readInputs(positionals.length > 0 ? positionals : [`${CONTENT_ROOT}/listings`]);
  const { papers, listings, report } = ingestListings(inputs, { tagTopics: loadTagger() });

  const wanted = new Map<string, string>();
  for (const paper of papers) {
    if (!isSafeSlug(paper.slug)) throw new Error(`unsafe slug ${paper.slug}`);
    wanted.set(`${paper.slug}.mdx`, renderPaperFile(paper));
  }
  wanted.set(LISTINGS_FILE, `${JSON.stringify(listings, null, 2)}\n`);

  const existing = existsSync(outDir) ? readdirSync(outDir) : [];
  const stale = existing.filter((name) => {
    if (wanted.has(name)) return false;
    if (name === LISTINGS_FILE) return true;
    return name.endsWith('.mdx') && isGeneratedPaperFile(readFileSync(join(outDir, name), 'utf8'));
  });
  const changed = [...wanted].filter(([name, content]) => {
    const path = join(outDir, name);
    return !existsSync(path) || readFileSync(path, 'utf8') !== content;
  });

  const summary = `${report.entries} entries in ${inputs.length} listings -> ${report.papers} papers (${report.duplicates.length} merged duplicates, ${report.rejected.length} rejected, ${report.warnings.length} warnings)`;
  if (values.check) {
    console.log(`ingest --check: ${summary}`);
    if (changed.length > 0 || stale.length > 0) {
      console.error(`ingest --check: ${values.out} is out of date (${changed.length} to write, ${stale.length} to remove)`);
      process.exit(1);
    }
    console.log(`ingest --check: ${values.out} is up to date`);
    return;
  }

  mkdirSync(outDir, { recursive: true });
  const progressEvery = changed.length >= 2000 ? Math.ceil(changed.length / 10) : Infinity;
  changed.forEach(([name, content], i) => {
    const path = join(outDir, name);
    if (!path.startsWith(outDir + sep)) throw new Error(`refusing to write outside ${outDir}: ${name}`);
    writeAtomic(path, content);
    if ((i + 1) % progressEvery === 0) console.log(`ingest: wrote ${i + 1}/${changed.length} files`);
  });
  for (const name of stale) rmSync(join(outDir, name));
  if (values.report) {
    mkdirSync(dirname(resolve(values.report)), { recursive: true });
    writeAtomic(resolve(values.report), `${JSON.stringify(report, null, 2)}\n`);
  }
  console.log(`ingest: ${summary}`);
  console.log(`ingest: ${changed.length} files written, ${stale.length} removed, ${wanted.size - changed.length} unchanged in ${values.out}`);
  for (const finding of report.rejected.slice(0, 10)) console.log(`  rejected ${finding.file}:${finding.line}: ${finding.reason}`);
  if (report.rejected.length > 10) console.log(`  … and ${report.rejected.length - 10} more rejected (see --report)`);
}

try {
  main();
} catch (error) {
  fail(error instanceof UsageError || error instanceof TypeError ? error.message : String((error as Error).stack ?? error));
}
