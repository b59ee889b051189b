/**
 * Builds the fixture catalog exactly as `npm run build` builds the real one (ingest, `astro build`
 * with every integration, then the finishing steps: search index and service worker), under a
 * GitHub Pages style sub-path, into a temporary folder of its own. The fixture is the real default
 * catalog plus the hostile and Windows-1252 listings and the notes in tests/fixtures/e2e, so
 * browser tests and search-quality tests see real data.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const FIXTURE_BASE = '/papershelf/';
export const FIXTURE_SITE = 'https://example.github.io';
/** Papers a search shard of the fixture holds before its period splits. */
export const FIXTURE_SHARD_PAGES = 200;
/** Papers with a social card of their own, fewer than the fixture has, so both kinds of page are built. */
export const FIXTURE_PAPER_CARDS = 200;
/** Every fixture build wipes this folder; PAPERSHELF_E2E_ROOT gives test runs side by side one each. */
export const FIXTURE_ROOT = resolve(process.env.PAPERSHELF_E2E_ROOT ?? 'node_modules/.cache/papershelf-e2e');
export const FIXTURE_DIST = join(FIXTURE_ROOT, 'dist');
const FIXTURES = resolve('tests/fixtures/e2e');

export function fixtureEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    // Vitest sets NODE_ENV=test, which would make `astro build` think it is in development.
    NODE_ENV: 'production',
    SITE: FIXTURE_SITE,
    BASE: FIXTURE_BASE,
    PAPERSHELF_CONTENT: join(FIXTURE_ROOT, 'content'),
    PAPERSHELF_OUT: FIXTURE_DIST,
    PAPERSHELF_CACHE: join(FIXTURE_ROOT, 'astro-cache'),
    PAPERSHELF_INGEST_CACHE: join(FIXTURE_ROOT, 'ingest-cache.json'),
    // Outside FIXTURE_ROOT, which every build wipes: cards keyed by their inputs stay valid across runs.
    PAPERSHELF_CARD_CACHE: resolve('node_modules/.cache/papershelf-e2e-cards'),
    // Small shards, so the search tests run on an index of many (the default catalog alone makes three).
    PAPERSHELF_SEARCH_SHARD_PAGES: String(FIXTURE_SHARD_PAGES),
    PAPERSHELF_PAPER_CARDS: String(FIXTURE_PAPER_CARDS),
  };
}

export function buildFixtureSite(): void {
  rmSync(FIXTURE_ROOT, { recursive: true, force: true });
  const content = join(FIXTURE_ROOT, 'content');
  mkdirSync(content, { recursive: true });
  cpSync(resolve('content/listings'), join(content, 'listings'), { recursive: true });
  cpSync(join(FIXTURES, 'listings'), join(content, 'listings'), { recursive: true });
  cpSync(resolve('content/topics.yaml'), join(content, 'topics.yaml'));
  // The default catalog's arXiv ids and author names (and what resolve recorded), as the site builds with them.
  if (existsSync(resolve('content/identifiers.yaml'))) cpSync(resolve('content/identifiers.yaml'), join(content, 'identifiers.yaml'));
  if (existsSync(join(FIXTURES, 'notes'))) cpSync(join(FIXTURES, 'notes'), join(content, 'notes'), { recursive: true });
  const env = fixtureEnv();
  const run = (args: string[]) => execFileSync(process.execPath, args, { env, stdio: 'pipe', maxBuffer: 64 * 1024 * 1024 });
  run(['--import', 'tsx', 'scripts/ingest.ts', '--report', join(FIXTURE_ROOT, 'report.json')]);
  run(['node_modules/astro/bin/astro.mjs', 'build']);
  run(['--import', 'tsx', 'scripts/finish-build.ts']);
  if (!existsSync(join(FIXTURE_DIST, 'index.html'))) throw new Error('fixture build produced no dist/index.html');
}
