/**
 * Which cache key each social card in a built site was copied from, so the service-worker step can
 * name a card's bytes by its key instead of reading 20,000 PNGs for the build id: a key is a hash
 * of everything that decides the card's pixels (card-cache.ts), and the card is a copy of
 * `<key>.png`. The record sits in the output folder between the card step and the service-worker
 * step, which removes it so it is never deployed.
 *
 * A card is vouched for only while its size and modification time are those recorded right after
 * the copy: any later write to the file makes the service-worker step hash its bytes instead.
 */
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const CARD_RECORD = '.papershelf-cards.json';

/** Output path → [key, bytes, mtimeMs]. */
type CardRecord = Record<string, [string, number, number]>;

export function writeCardRecord(outDir: string, cards: readonly { path: string; key: string }[]): void {
  const record: CardRecord = {};
  for (const { path, key } of cards) {
    const stat = statSync(join(outDir, path));
    record[path] = [key, stat.size, stat.mtimeMs];
  }
  writeFileSync(join(outDir, CARD_RECORD), JSON.stringify(record));
}

/** Removes the record from `outDir` and returns the key of every card still exactly as it was copied. */
export function takeCardRecord(outDir: string): Map<string, string> {
  const file = join(outDir, CARD_RECORD);
  const keys = new Map<string, string>();
  if (!existsSync(file)) return keys;
  const record = JSON.parse(readFileSync(file, 'utf8')) as CardRecord;
  rmSync(file);
  for (const [path, [key, size, mtimeMs]] of Object.entries(record)) {
    const full = join(outDir, path);
    if (!existsSync(full)) continue;
    const stat = statSync(full);
    if (stat.size === size && stat.mtimeMs === mtimeMs) keys.set(path, key);
  }
  return keys;
}
