/**
 * The social cards of a built site (src/cards/): a 1200×630 PNG for each of the newest papers
 * (src/lib/cards/card-policy.ts), every topic and the site, at `routes.paperCard(slug)`,
 * `routes.topicCard(id)` and `routes.siteCard()`, which the pages name in `og:image`.
 *
 * A step after `astro build` has exited (finish-steps.ts): the card workers' memory never adds to
 * Astro's heap, which at 50,000 papers put the two together at 3.4 GiB. The cards are drawn from
 * the content files, not from Astro, and the site's address is read from the built `papers.json`,
 * so they name the address the pages were built for.
 *
 * Environment:
 * - `PAPERSHELF_CARD_CACHE`: the cache folder (default `.cache/cards`), kept between builds.
 * - `PAPERSHELF_SKIP_CARDS=1`: no cards, for quick local builds.
 * - `PAPERSHELF_PAPER_CARDS`: how many of the newest papers get a card of their own.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildSocialCards } from '../cards/build-cards.ts';
import { readCardCatalog } from '../cards/read-catalog.ts';
import { paperCardLimit } from '../lib/cards/card-policy.ts';
import { routes } from '../lib/urls.ts';
import { SITE } from '../site.config.ts';

/** The parsed paper files, kept in the card cache folder (whose pruning leaves non-card files alone). */
const PAPER_MEMO = 'papers.json';

export const cardCacheDir = (env: NodeJS.ProcessEnv = process.env): string => resolve(env.PAPERSHELF_CARD_CACHE ?? '.cache/cards');

/** Draws (or takes from the cache) every card of the site in `site`; a line for the log. */
export async function buildSiteCards(site: string, log: (message: string) => void, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  if (env.PAPERSHELF_SKIP_CARDS === '1') return 'skipped (PAPERSHELF_SKIP_CARDS=1); og:image links point at missing files';
  const home = new URL((JSON.parse(readFileSync(join(site, routes.catalogJson()), 'utf8')) as { url: string }).url);
  const cacheDir = cardCacheDir(env);
  const catalog = await readCardCatalog({
    root: pathToFileURL(`${process.cwd()}/`),
    site: home.origin,
    base: home.pathname,
    memoFile: join(cacheDir, PAPER_MEMO),
    paperCards: paperCardLimit(SITE.paperCards, env),
  });
  const started = performance.now();
  const result = await buildSocialCards({ catalog, outDir: site, cacheDir, log });
  const seconds = (performance.now() - started) / 1000;
  const rate = result.rendered > 0 ? `, ${(result.rendered / seconds).toFixed(1)} cards/s` : '';
  return `${result.rendered} rendered, ${result.cached} from cache (${seconds.toFixed(1)} s${rate})`;
}
