/**
 * The card cache is a folder of `<key>.png` files. A key is a hash of everything that decides a
 * card's pixels: its inputs and the renderer version (template, fonts, satori, resvg). So a card
 * is drawn again exactly when something it shows or the way it is drawn has changed.
 */
import { createHash } from 'node:crypto';
import type { Card, CardSpec } from './card-specs.ts';

/** JSON with object keys sorted, so equal data always hashes alike whatever order it was built in. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v));
}

export function cardKey(card: Card, rendererVersion: string): string {
  return createHash('sha256')
    .update(canonicalJson([rendererVersion, card]))
    .digest('hex')
    .slice(0, 32);
}

export const cacheFileName = (key: string): string => `${key}.png`;

/**
 * Files the card cache owns: finished cards and the temporary files they are written through. Only
 * these are ever pruned, so a cache folder pointed at the wrong place cannot lose anything else.
 */
const CACHE_FILE = /^[0-9a-f]{32}\.png(?:\.\d+\.\d+\.tmp)?$/;

export const isCacheFile = (name: string): boolean => CACHE_FILE.test(name);

export interface KeyedSpec extends CardSpec {
  key: string;
}

export interface CachePlan {
  /** Cards whose image is already in the cache. */
  cached: KeyedSpec[];
  /** One card per key that must be drawn (identical cards are drawn once). */
  render: KeyedSpec[];
  /** Cards that reuse an image drawn for an identical card in `render`. */
  duplicates: KeyedSpec[];
  /** Cache files no card uses any more (including temporary files a stopped build left behind). */
  stale: string[];
}

/** Splits the cards into cached and to-render, given the names of the files in the cache folder. */
export function planCache(specs: KeyedSpec[], cacheFiles: Iterable<string>): CachePlan {
  const present = new Set(cacheFiles);
  const used = new Set<string>();
  const plan: CachePlan = { cached: [], render: [], duplicates: [], stale: [] };
  for (const spec of specs) {
    const file = cacheFileName(spec.key);
    if (present.has(file)) plan.cached.push(spec);
    else if (used.has(file)) plan.duplicates.push(spec);
    else plan.render.push(spec);
    used.add(file);
  }
  plan.stale = [...present].filter((file) => isCacheFile(file) && !used.has(file)).sort();
  return plan;
}
