/**
 * Social cards at the end of `astro build`: a 1200×630 PNG for every paper, every topic and the
 * site, at `routes.paperCard(slug)`, `routes.topicCard(id)` and `routes.siteCard()`, which the page
 * layout names in `og:image` / `twitter:image`. Drawing happens in src/cards/; this is the plumbing.
 *
 * Environment:
 * - `PAPERSHELF_CARD_CACHE`: the cache folder (default `.cache/cards`), kept between builds.
 * - `PAPERSHELF_SKIP_CARDS=1`: no cards, for quick local builds.
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroConfig, AstroIntegration } from 'astro';
import { buildSocialCards } from '../cards/build-cards.ts';
import { readCardCatalog } from '../cards/read-catalog.ts';

/** The parsed paper files, kept in the card cache folder (whose pruning leaves non-card files alone). */
const PAPER_MEMO = 'papers.json';

export default function socialCards(): AstroIntegration {
  let config: AstroConfig;
  return {
    name: 'papershelf-social-cards',
    hooks: {
      'astro:config:done': ({ config: done }) => {
        config = done;
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (process.env.PAPERSHELF_SKIP_CARDS === '1') {
          logger.warn('cards: skipped (PAPERSHELF_SKIP_CARDS=1); og:image links point at missing files');
          return;
        }
        const cacheDir = resolve(fileURLToPath(config.root), process.env.PAPERSHELF_CARD_CACHE ?? '.cache/cards');
        const catalog = await readCardCatalog({ root: config.root, site: config.site ?? 'http://localhost', base: config.base, memoFile: join(cacheDir, PAPER_MEMO) });
        const started = performance.now();
        const result = await buildSocialCards({
          catalog,
          outDir: fileURLToPath(dir),
          cacheDir,
          log: (message) => logger.info(message),
        });
        const seconds = (performance.now() - started) / 1000;
        const rate = result.rendered > 0 ? `, ${(result.rendered / seconds).toFixed(1)} cards/s` : '';
        logger.info(`cards: ${result.rendered} rendered, ${result.cached} from cache (${seconds.toFixed(1)} s${rate})`);
      },
    },
  };
}
