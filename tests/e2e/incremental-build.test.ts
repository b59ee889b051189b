/**
 * A rebuild that reuses paper pages from Astro's incremental cache must produce exactly the site a
 * full build of the same content produces: a page whose key missed something it shows would be
 * copied stale. The change between the two builds is the kind an editor makes: a new listing (new
 * papers, so new related papers, neighbours and archive pages for old ones), a listing taken out
 * (papers gone, whose pages must go too) and an edited note.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { FIXTURE_BASE, FIXTURE_SITE } from './fixture-site.ts';

const ROOT = resolve(`${process.env.PAPERSHELF_E2E_ROOT ?? 'node_modules/.cache/papershelf-e2e'}-incremental`);
const CONTENT = join(ROOT, 'content');
const HELD_BACK = '004_9727063cfcb86ceb';
const TAKEN_OUT = '003_2c4172cb60d4cd3a';
const NOTE = 'transformers-learn-in-context-by-gradient-descent.mdx';

/** Ingest and `astro build` (cards skipped: they have their own cache and tests); Astro's log. */
function build(out: string, cache: string): string {
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    SITE: FIXTURE_SITE,
    BASE: FIXTURE_BASE,
    PAPERSHELF_CONTENT: CONTENT,
    PAPERSHELF_OUT: join(ROOT, out),
    PAPERSHELF_CACHE: join(ROOT, cache),
    PAPERSHELF_INGEST_CACHE: join(ROOT, 'ingest-cache.json'),
    PAPERSHELF_SKIP_CARDS: '1',
  };
  const run = (args: string[]) => execFileSync(process.execPath, args, { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  run(['--import', 'tsx', 'scripts/ingest.ts']);
  return run(['node_modules/astro/bin/astro.mjs', 'build']);
}

function filesIn(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? filesIn(dir, join(prefix, d.name)) : [join(prefix, d.name)]));
}

const paperPages = (log: string, outcome: RegExp) => log.split('\n').filter((line) => /papers\/[^/\s]+\/index\.html/.test(line) && outcome.test(line)).length;

afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

test('a rebuild that reuses unchanged paper pages equals a full build', { timeout: 600_000 }, () => {
  rmSync(ROOT, { recursive: true, force: true });
  mkdirSync(join(CONTENT, 'listings'), { recursive: true });
  for (const file of readdirSync('content/listings').filter((f) => !f.startsWith(HELD_BACK))) {
    cpSync(join('content/listings', file), join(CONTENT, 'listings', file));
  }
  cpSync('content/topics.yaml', join(CONTENT, 'topics.yaml'));
  cpSync('content/notes', join(CONTENT, 'notes'), { recursive: true });
  build('first', 'cache');

  for (const file of readdirSync('content/listings').filter((f) => f.startsWith(HELD_BACK))) {
    cpSync(join('content/listings', file), join(CONTENT, 'listings', file));
  }
  for (const file of readdirSync(join(CONTENT, 'listings')).filter((f) => f.startsWith(TAKEN_OUT))) rmSync(join(CONTENT, 'listings', file));
  appendFileSync(join(CONTENT, 'notes', NOTE), '\nAdded after the first build.\n');
  const rebuildLog = build('rebuilt', 'cache');
  build('full', 'fresh-cache');

  const reused = paperPages(rebuildLog, /\((restored|cached)\)/);
  const rendered = paperPages(rebuildLog, /\(\+\d/);
  expect(reused, 'the rebuild reused paper pages from the cache').toBeGreaterThan(0);
  expect(rendered, 'the rebuild rendered the new and the changed paper pages').toBeGreaterThan(0);

  const rebuilt = join(ROOT, 'rebuilt');
  const full = join(ROOT, 'full');
  const papersOf = (out: string) => new Set(readdirSync(join(ROOT, out, 'papers')));
  const gone = [...papersOf('first')].filter((slug) => !papersOf('full').has(slug));
  expect(gone.length, 'papers only in the listing taken out').toBeGreaterThan(0);
  const files = filesIn(full).sort();
  expect(filesIn(rebuilt).sort()).toEqual(files);
  const differing = files.filter((file) => !readFileSync(join(rebuilt, file)).equals(readFileSync(join(full, file))));
  expect(differing).toEqual([]);
  expect(readFileSync(join(rebuilt, 'papers', NOTE.replace(/\.mdx$/, ''), 'index.html'), 'utf8')).toContain('Added after the first build.');
});
