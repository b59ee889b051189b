// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import pagefind from './src/integrations/pagefind.ts';
import serviceWorker from './src/integrations/service-worker.ts';
import socialCards from './src/integrations/social-cards.ts';

/** Public origin and sub-path, e.g. SITE=https://octo.github.io BASE=/papershelf/ for a project site. */
const site = process.env.SITE ?? 'http://localhost:4321';
const base = process.env.BASE ?? '/';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  // Tests and the benchmark build their own catalogs side by side without sharing output or caches.
  outDir: process.env.PAPERSHELF_OUT ?? './dist',
  cacheDir: process.env.PAPERSHELF_CACHE ?? './node_modules/.astro',
  build: { format: 'directory' },
  // The service worker goes last: it precaches what the other integrations wrote.
  integrations: [
    mdx(),
    // The offline page is a fallback for the service worker, not something to find through search engines.
    sitemap({ filter: (page) => !page.endsWith('/offline/') }),
    pagefind(),
    socialCards(),
    serviceWorker(),
  ],
});
