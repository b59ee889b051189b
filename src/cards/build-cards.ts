/**
 * Puts every social card of a catalog into a built site: cards whose inputs and renderer are
 * unchanged come from the cache folder, the rest are drawn on all cores into it, then all are
 * copied to their routes in the output (with a record of which key each came from, for the build
 * id) and cache files no card uses any more are removed.
 */
import { copyFile, mkdir, readdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { cacheFileName, cardKey, planCache } from '../lib/cards/card-cache.ts';
import { type CardCatalog, cardSpecs } from '../lib/cards/card-specs.ts';
import { writeCardRecord } from './card-record.ts';
import { mapLimit } from './map-limit.ts';
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
  await mapLimit(specs, 64, (spec) => copyFile(cachePath(spec.key), join(options.outDir, spec.path)));
  writeCardRecord(options.outDir, specs);
  await mapLimit(plan.stale, 64, (file) => rm(join(options.cacheDir, file), { force: true }));

  return { cards: specs.length, rendered: plan.render.length, cached: specs.length - plan.render.length, pruned: plan.stale.length };
}
