/**
 * Puts the search page's own index loader (src/scripts/search-pagefind.ts) on a browser page as
 * `window.openSearchIndex` and `window.loadPagefind`, bundled the way the site bundles it, so tests
 * search the sharded index exactly as readers do rather than through a loader of their own.
 */
import { resolve } from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';

let bundled: Promise<string> | undefined;

function loaderBundle(base: string): Promise<string> {
  bundled ??= build({
    stdin: {
      contents: "import { loadPagefind, openSearchIndex } from './src/scripts/search-pagefind.ts'; window.openSearchIndex = openSearchIndex; window.loadPagefind = loadPagefind;",
      resolveDir: resolve('.'),
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    write: false,
    logLevel: 'silent',
    define: { 'import.meta.env.BASE_URL': JSON.stringify(base) },
  }).then((result) => result.outputFiles[0]!.text);
  return bundled;
}

/**
 * Options for a page that takes the loader: it is an inline module, which the site's
 * Content-Security-Policy refuses (as it should any script the build did not hash), so the test
 * page bypasses the policy; tests/e2e/csp.test.ts checks the policy itself.
 */
export const SEARCH_INDEX_PAGE = { bypassCSP: true } as const;

export async function addSearchIndexLoader(page: Page, base: string): Promise<void> {
  await page.addScriptTag({ type: 'module', content: await loaderBundle(base) });
  await page.waitForFunction(() => 'openSearchIndex' in window);
}
