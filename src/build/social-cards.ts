/**
 * The social cards of a built site (src/cards/): a 1200×630 PNG for each of the newest papers
 * (src/lib/cards/card-policy.ts), every topic and the site, at `routes.paperCard(slug)`,
 * `routes.topicCard(id)` and `routes.siteCard()`, which the pages name in `og:image`.
 *
 * A step after `astro build` has exited (finish-steps.ts): the card workers' memory never adds to
 * Astro's heap, which at 50,000 papers put the two together at 3.4 GiB. The cards are drawn from
 * the built `papers.json` (src/cards/read-catalog.ts), so they show what the pages show and name the
 * address the pages were built for.
 *
 * Environment:
 * - `PAPERSHELF_CARD_CACHE`: the cache folder (default `.cache/cards`), kept between builds.
 * - `PAPERSHELF_SKIP_CARDS=1`: no cards, for quick local builds.
 * - `PAPERSHELF_PAPER_CARDS`: how many of the newest papers get a card of their own.
 */
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { buildSocialCards } from '../cards/build-cards.ts';
import { readCardCatalog } from '../cards/read-catalog.ts';
import { TOPICS_YAML } from '../content-paths.ts';
import { paperCardLimit } from '../lib/cards/card-policy.ts';
import { SITE } from '../site.config.ts';

/**
 * Where the card step used to keep the paper files it parsed (32 MB at 50,000 papers). Card-cache
 * pruning leaves files that are not cards alone, so a cache kept from then (the deploy workflow's)
 * would carry it forever.
 */
const OLD_PAPER_MEMO = 'papers.json';

export const cardCacheDir = (env: NodeJS.ProcessEnv = process.env): string => resolve(env.PAPERSHELF_CARD_CACHE ?? '.cache/cards');

/** Draws (or takes from the cache) every card of the site in `site`; a line for the log. */
export async function buildSiteCards(site: string, log: (message: string) => void, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  if (env.PAPERSHELF_SKIP_CARDS === '1') return 'skipped (PAPERSHELF_SKIP_CARDS=1); og:image links point at missing files';
  const cacheDir = cardCacheDir(env);
  const catalog = await readCardCatalog({ site, topicsFile: resolve(TOPICS_YAML), paperCards: paperCardLimit(SITE.paperCards, env) });
  await rm(join(cacheDir, OLD_PAPER_MEMO), { force: true });
  const started = performance.now();
  const result = await buildSocialCards({ catalog, outDir: site, cacheDir, log });
  const seconds = (performance.now() - started) / 1000;
  const rate = result.rendered > 0 ? `, ${(result.rendered / seconds).toFixed(1)} cards/s` : '';
  return `${result.rendered} rendered, ${result.cached} from cache (${seconds.toFixed(1)} s${rate})`;
}
