/**
 * Puts every social card of a catalog into a built site: cards whose inputs and renderer are
 * unchanged come from the cache folder, the rest are drawn on all cores into it, then all are
 * linked (or copied) to their routes in the output (with a record of which key each came from, for
 * the build id) and cache files no card uses any more are removed.
 */
import { mkdir, readdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { linkOrCopy } from '../build/hard-link.ts';
import { mapLimit } from '../build/map-limit.ts';
import { cacheFileName, cardKey, planCache } from '../lib/cards/card-cache.ts';
import { type CardCatalog, cardSpecs } from '../lib/cards/card-specs.ts';
import { writeCardRecord } from './card-record.ts';
import { rendererVersion } from './renderer-version.ts';
import { renderInPool } from './render-pool.ts';

export interface BuildCardsOptions {
  catalog: CardCatalog;
  /** The built site's root folder. */
  outDir: string;
  cacheDir: string;
  /** Worker threads; defaults to the number of cores. */
  threads?: number;
  log?: (message: string) => void;
}

export interface BuildCardsResult {
  /** Cards in the output. */
  cards: number;
  /** Images drawn in this run. */
  rendered: number;
  /** Cards whose image came from the cache (or from an identical card drawn in this run). */
  cached: number;
  /** Unused cache files removed. */
  pruned: number;
}

/** Below this many cards to draw, progress lines would be noise. */
const PROGRESS_FROM = 100;
const PROGRESS_EVERY_MS = 3000;
/**
 * Puts a cached card at its route as a hard link: 20,000 cards are 0.9 GiB, which a copy writes on
 * every build and the next build's emptying of the output deletes again, while links cost neither.
 * GitHub's upload-pages-artifact archives with `--hard-dereference`, so the deployed site still holds
 * plain files. Where links cannot be made the card is copied.
 */
async function placeCard(from: string, to: string): Promise<void> {
  await rm(to, { force: true });
  await linkOrCopy(from, to);
}

export async function buildSocialCards(options: BuildCardsOptions): Promise<BuildCardsResult> {
  const log = options.log ?? (() => {});
  const version = await rendererVersion();
  const specs = cardSpecs(options.catalog).map((spec) => ({ ...spec, key: cardKey(spec.card, version) }));
  await mkdir(options.cacheDir, { recursive: true });
  const plan = planCache(specs, await readdir(options.cacheDir));
  const cachePath = (key: string) => join(options.cacheDir, cacheFileName(key));

  if (plan.render.length > 0) {
    const started = performance.now();
    let lastReport = started;
    const large = plan.render.length >= PROGRESS_FROM;
    if (large) log(`cards: drawing ${plan.render.length} of ${specs.length} (${plan.cached.length} cached)`);
    await renderInPool(
      plan.render.map((spec) => ({ card: spec.card, file: cachePath(spec.key), label: spec.path })),
      {
        ...(options.threads ? { threads: options.threads } : {}),
        onProgress(done, total) {
          const now = performance.now();
          if (!large || done === total || now - lastReport < PROGRESS_EVERY_MS) return;
          lastReport = now;
          const rate = done / ((now - started) / 1000);
          log(`cards: ${done}/${total} drawn (${Math.round((100 * done) / total)}%, ${rate.toFixed(1)} cards/s)`);
        },
      },
    );
  }

  const folders = [...new Set(specs.map((spec) => dirname(join(options.outDir, spec.path))))];
  for (const folder of folders) await mkdir(folder, { recursive: true });
  await mapLimit(specs, 64, (spec) => placeCard(cachePath(spec.key), join(options.outDir, spec.path)));
  writeCardRecord(options.outDir, specs);
  await mapLimit(plan.stale, 64, (file) => rm(join(options.cacheDir, file), { force: true }));

  return { cards: specs.length, rendered: plan.render.length, cached: specs.length - plan.render.length, pruned: plan.stale.length };
}
