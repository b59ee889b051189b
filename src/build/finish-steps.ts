/**
 * The build steps that run after `astro build` has exited, in the order `npm run build` runs them:
 * they need the finished site but not Astro, so in a process of their own their memory never adds to
 * Astro's (at 20,000 papers Pagefind alongside Astro's heap peaked at 4.1 GiB; at 50,000 the card
 * workers beside it, 3.4 GiB). The service worker comes last: it precaches the search index and its
 * build id covers every file written before it, the cards by the record their step leaves.
 *
 * Each step imports its module when it runs: Workbox and esbuild, which only the service worker
 * needs, are ≈90 MiB of a process whose peak is Pagefind's indexing (2.9 GiB at 20,000 papers).
 */

type Log = (message: string) => void;

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

export const FINISH_STEPS = {
  'social-cards': async (site: string, log: Log) => {
    const { buildSiteCards } = await import('./social-cards.ts');
    log(await buildSiteCards(site, log));
  },
  'search-index': async (site: string, log: Log) => {
    const { buildSearchIndex, shardPagesFromEnv } = await import('./search-index.ts');
    const { indexed, bytes, files, shards, reindexed } = await buildSearchIndex(site, { shardPages: shardPagesFromEnv() });
    const fresh = reindexed.length === 0 ? 'all from the cache' : `indexed ${reindexed.join(', ')}; the others from the cache`;
    log(`${indexed} paper pages in ${shards.length} shards (${fresh}), ${kib(bytes)} in ${files} files`);
  },
  'service-worker': async (site: string, log: Log) => {
    const { buildServiceWorker } = await import('./service-worker.ts');
    const { build, plan, count, size, warnings } = await buildServiceWorker(site);
    for (const warning of warnings) log(`warning: ${warning}`);
    const search = plan.mode === 'on-use' ? `, chunks cached on use (${kib(plan.bytes)} > budget ${kib(plan.budget)})` : ` (${kib(plan.bytes)}, budget ${kib(plan.budget)})`;
    log(`build ${build}: precaching ${count} files, ${kib(size)}; search index ${plan.mode}${search}`);
  },
};

export type FinishStep = keyof typeof FINISH_STEPS;

export const FINISH_STEP_NAMES = Object.keys(FINISH_STEPS) as FinishStep[];

export const isFinishStep = (name: string): name is FinishStep => Object.hasOwn(FINISH_STEPS, name);
