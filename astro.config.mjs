// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { ASSETS_DIR, cacheDir, outputDir } from './src/build/built-site.ts';
import clearOutput from './src/integrations/clear-output.ts';
import reuseCachedPages from './src/integrations/reuse-cached-pages.ts';

/** Public origin and sub-path, e.g. SITE=https://octo.github.io BASE=/papershelf/ for a project site. */
const site = process.env.SITE ?? 'http://localhost:4321';
const base = process.env.BASE ?? '/';

// Social cards, the search index and the service worker are made after Astro has exited (`npm run
// finish-build`, part of `npm run build`), so their memory never adds to Astro's.
export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  // Tests and the benchmark build their own catalogs side by side without sharing output or caches.
  outDir: outputDir(),
  cacheDir: cacheDir(),
  // Several pages in flight: each page's two file writes (output and the incremental cache) would
  // otherwise leave the renderer waiting on the disk for half of a cold build.
  // Stylesheets are files, never inlined: the Content-Security-Policy (src/lib/security/csp.ts) then
  // allows styles from the site alone, with no per-page hashes of blocks known only after bundling.
  build: { format: 'directory', assets: ASSETS_DIR, concurrency: 8, inlineStylesheets: 'never' },
  // Paper pages carry a key of everything they show, so a rebuild renders only the pages whose key
  // changed and reuses the rest from the cache (in `cacheDir`).
  experimental: { incrementalBuild: true },
  integrations: [
    clearOutput(),
    // After clear-output: links the pages the incremental build will reuse into the emptied output.
    reuseCachedPages(),
    mdx(),
    // The offline page is a fallback for the service worker, not something to find through search engines.
    sitemap({ filter: (page) => !page.endsWith('/offline/') }),
  ],
});
