/**
 * Pages the incremental build reuses are hard-linked from Astro's cache into the emptied output
 * before generation, and pages the build no longer generates lose their links at the end.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import reuseCachedPages, { cachedPages, linkCachedPages, removeUngenerated } from '../../src/integrations/reuse-cached-pages.ts';

let work: string;
let cacheDir: URL;
let outDir: URL;

const manifest = (paths: Record<string, string>) => ({
  version: 1,
  configHash: 'c',
  routes: { 'src/pages/papers/[slug].astro': { dependencyHash: 'd', paths: Object.fromEntries(Object.entries(paths).map(([p, outputFile]) => [p, { cacheKey: 'k', outputFile }])) } },
});

function cachePage(outputFile: string, html: string): void {
  const file = join(work, 'cache', 'dist', outputFile);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, html);
}

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'papershelf-reuse-'));
  cacheDir = pathToFileURL(`${join(work, 'cache')}/`);
  outDir = pathToFileURL(`${join(work, 'dist')}/`);
  mkdirSync(join(work, 'dist'), { recursive: true });
  cachePage('papers/a/index.html', 'page a');
  cachePage('papers/b/index.html', 'page b');
  writeFileSync(
    join(work, 'cache', 'incremental-build.json'),
    JSON.stringify(manifest({ '/papers/a/': 'papers/a/index.html', '/papers/b/': 'papers/b/index.html', '/papers/gone/': 'papers/gone/index.html' })),
  );
});

afterEach(() => rmSync(work, { recursive: true, force: true }));

describe('cachedPages', () => {
  test('reads every path of every route', () => {
    expect(cachedPages(manifest({ '/papers/a/': 'papers/a/index.html' }))).toEqual([{ pathname: '/papers/a/', outputFile: 'papers/a/index.html' }]);
  });

  test('a manifest of another shape or version, or a path outside the output, gives nothing', () => {
    expect(cachedPages(undefined)).toEqual([]);
    expect(cachedPages({ ...manifest({ '/a/': 'a/index.html' }), version: 2 })).toEqual([]);
    expect(cachedPages({ version: 1, routes: { r: { paths: { '/a/': { outputFile: 3 } } } } })).toEqual([]);
    for (const outside of ['../../etc/passwd', '/etc/passwd', 'file:///etc/passwd', 'a\\..\\b', '']) {
      expect(cachedPages(manifest({ '/x/': outside })), outside).toEqual([]);
    }
  });
});

describe('linking cached pages into the output', () => {
  test('links each page whose cached copy exists: the same file, not a copy', async () => {
    const linked = await linkCachedPages(cacheDir, outDir);
    expect(linked.map((page) => page.pathname)).toEqual(['/papers/a/', '/papers/b/']);
    expect(existsSync(join(work, 'dist', 'papers', 'gone')), 'no folder for a missing copy').toBe(false);
    const page = join(work, 'dist', 'papers', 'a', 'index.html');
    expect(readFileSync(page, 'utf8')).toBe('page a');
    expect(statSync(page).ino).toBe(statSync(join(work, 'cache', 'dist', 'papers', 'a', 'index.html')).ino);
  });

  test('without a manifest nothing is linked', async () => {
    rmSync(join(work, 'cache', 'incremental-build.json'));
    expect(await linkCachedPages(cacheDir, outDir)).toEqual([]);
  });

  test('removes the links of pages the build did not generate, and only those', async () => {
    const linked = await linkCachedPages(cacheDir, outDir);
    expect(removeUngenerated(outDir, linked, [{ pathname: 'papers/a/' }, { pathname: '' }])).toBe(1);
    expect(existsSync(join(work, 'dist', 'papers', 'a', 'index.html'))).toBe(true);
    expect(existsSync(join(work, 'dist', 'papers', 'b', 'index.html'))).toBe(false);
    expect(existsSync(join(work, 'cache', 'dist', 'papers', 'b', 'index.html'))).toBe(true);
  });
});

type Hooks = Required<AstroIntegration['hooks']>;
const logger = { info: () => {} };

test('the integration links only when incremental builds are on', async () => {
  for (const incrementalBuild of [false, true]) {
    rmSync(join(work, 'dist'), { recursive: true, force: true });
    mkdirSync(join(work, 'dist'));
    const hooks = reuseCachedPages().hooks as Hooks;
    await hooks['astro:config:done']({ config: { cacheDir, outDir, experimental: { incrementalBuild } } } as never);
    await hooks['astro:build:start']({ logger } as never);
    expect(existsSync(join(work, 'dist', 'papers', 'a', 'index.html'))).toBe(incrementalBuild);
    await hooks['astro:build:done']({ pages: [{ pathname: 'papers/a/' }], logger } as never);
    expect(existsSync(join(work, 'dist', 'papers', 'b', 'index.html'))).toBe(false);
  }
});
