/**
 * `npm run audit -- [--no-build] [--runs N]`: Lighthouse (mobile, its default) on the home page, a
 * paper page, a topic page and the search page of the default catalog, built with `npm run build`
 * under the sub-path /papershelf/ into .cache/audit/dist and served as GitHub Pages would
 * (pages-server.ts). Each page is audited N times (default 3) and the run with the median
 * performance score is kept, as Lighthouse recommends, since one run on a busy machine varies a lot.
 * Prints the four category scores per page and, for any score under the 0.95 target, the audits
 * that cost points; exits 1 if any is under target. Full reports go to .cache/audit/reports/.
 *
 * Chromium: CHROMIUM_PATH, or Debian's /usr/bin/chromium.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, posix, resolve } from 'node:path';
import type { Result, RunnerResult } from 'lighthouse';
import { offlineRoutes } from '../src/lib/offline/routes.ts';
import { routes, withBase } from '../src/lib/site/urls.ts';
import { parseArgsOrExit } from './cli-args.ts';
import { servePages } from './pages-server.ts';

const BASE = '/papershelf/';
const TARGET = 0.95;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const ROOT = resolve('.cache/audit');
const DIST = join(ROOT, 'dist');
const REPORTS = join(ROOT, 'reports');

/** Stops with a message that says what to do, not a stack trace: these are the reader's mistakes, not ours. */
function fail(message: string, code = 1): never {
  console.error(`audit: ${message}`);
  process.exit(code);
}

const { values } = parseArgsOrExit('audit', 'npm run audit -- [--no-build] [--runs N]', {
  options: { 'no-build': { type: 'boolean', default: false }, runs: { type: 'string', default: '3' } },
});
const RUNS = Number(values.runs);
if (!Number.isInteger(RUNS) || RUNS < 1) fail(`--runs must be a positive integer, got ${values.runs}`, 2);
// Every build writes its web manifest; without one there is nothing (or only half a build) to audit.
if (values['no-build'] && !existsSync(join(DIST, offlineRoutes.webManifest())))
  fail(`--no-build audits the last audit build, and there is none in ${DIST}; run \`npm run audit\` once without --no-build (it builds the default catalog under ${BASE} there)`);

/** The first page, by slug, of a kind of page (`routes.paper`, `routes.topic`) that this build has. */
function firstPage(route: (slug: string) => string): string {
  const dir = join(DIST, posix.dirname(route('slug')));
  const slug = (existsSync(dir) ? readdirSync(dir) : []).sort().find((entry) => statSync(join(dir, entry)).isDirectory());
  if (!slug) fail(`the build in ${DIST} has no page under ${dir}; run \`npm run audit\` without --no-build to build it again`);
  return route(slug);
}

/** Audits that cost a category points, worst first: what to fix when it is under target. */
function lostPoints(lhr: Result, category: (typeof CATEGORIES)[number]): string[] {
  return (lhr.categories[category]?.auditRefs ?? [])
    .filter((ref) => ref.weight > 0)
    .map((ref) => ({ ref, audit: lhr.audits[ref.id] }))
    .filter(({ audit }) => audit && audit.score !== null && audit.score < 1)
    .sort((a, b) => b.ref.weight * (1 - (b.audit?.score ?? 1)) - a.ref.weight * (1 - (a.audit?.score ?? 1)))
    .map(({ audit }) => `${audit?.id} (${audit?.score}): ${audit?.title}${audit?.displayValue ? ` — ${audit.displayValue}` : ''}`);
}

// Loaded once the arguments and the build are known to be there: Lighthouse takes seconds to load.
const [{ launch }, { default: lighthouse }] = await Promise.all([import('chrome-launcher'), import('lighthouse')]);
const server = await servePages(DIST, BASE);
const origin = new URL(server.url).origin;
try {
  if (!values['no-build']) {
    rmSync(DIST, { recursive: true, force: true });
    try {
      execFileSync('npm', ['run', 'build'], {
        stdio: 'inherit',
        env: { ...process.env, SITE: origin, BASE, PAPERSHELF_OUT: DIST, PAPERSHELF_CACHE: join(ROOT, 'astro-cache') },
      });
    } catch {
      fail('the build failed (its output is above); nothing was audited');
    }
  }
  const pages = {
    home: routes.home(),
    paper: firstPage(routes.paper),
    topic: firstPage(routes.topic),
    search: routes.search(),
  };
  mkdirSync(REPORTS, { recursive: true });
  const chrome = await launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const rows: string[][] = [];
  const problems: string[] = [];
  try {
    for (const [name, route] of Object.entries(pages)) {
      const url = new URL(withBase(route, BASE), origin).href;
      const runs: RunnerResult[] = [];
      for (let run = 0; run < RUNS; run++) {
        const result = await lighthouse(url, { port: chrome.port, output: 'html', logLevel: 'error', onlyCategories: [...CATEGORIES] });
        if (!result) throw new Error(`audit: Lighthouse returned nothing for ${url}`);
        if (result.lhr.runtimeError) throw new Error(`audit: ${url}: ${result.lhr.runtimeError.message}`);
        runs.push(result);
      }
      runs.sort((a, b) => (a.lhr.categories.performance?.score ?? 0) - (b.lhr.categories.performance?.score ?? 0));
      const result = runs[Math.floor(runs.length / 2)] as RunnerResult;
      writeFileSync(join(REPORTS, `${name}.html`), String(result.report));
      const scores = CATEGORIES.map((category) => result.lhr.categories[category]?.score ?? 0);
      rows.push([name, ...scores.map((score) => score.toFixed(2))]);
      CATEGORIES.forEach((category, i) => {
        if ((scores[i] ?? 0) < TARGET) problems.push(`${name} ${category} ${scores[i]?.toFixed(2)} (${url}):\n    ${lostPoints(result.lhr, category).join('\n    ')}`);
      });
    }
  } finally {
    chrome.kill();
  }
  const table = [['page', ...CATEGORIES], ...rows];
  const widths = table[0]?.map((_, column) => Math.max(...table.map((row) => row[column]?.length ?? 0))) ?? [];
  for (const row of table) console.log(row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  '));
  console.log(`\nreports: ${REPORTS}`);
  if (problems.length > 0) {
    console.error(`\nunder the ${TARGET} target:\n${problems.join('\n')}`);
    process.exitCode = 1;
  }
} finally {
  await server.close();
}
