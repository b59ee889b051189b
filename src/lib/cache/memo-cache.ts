/**
 * A memo of a costly pure function that outlives the process: loaded from the previous run, saved
 * for the next. Only entries looked up in this run are kept, so the cache holds what the current
 * input needs and never grows past it.
 */
import { createHash } from 'node:crypto';

/** A key for any JSON-able value: equal values built in the same order get equal keys. */
export const digestOf = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('base64url');

/** A JSON object (not an array or null), for reading saved files that may hold anything. */
export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The entries a saved memo keeps under `field`, if code of this `version` saved it; anything else (a
 * memo of other code, a damaged or foreign file) counts as empty, since a memo is only a shortcut.
 */
export function savedEntries<V>(saved: unknown, version: string, field: string): Record<string, V> {
  if (!isRecord(saved) || saved.version !== version || !isRecord(saved[field])) return {};
  return saved[field] as Record<string, V>;
}

export class MemoCache<V> {
  private readonly used = new Map<string, V>();
  hits = 0;
  misses = 0;

  constructor(private readonly previous: Readonly<Record<string, V>> = {}) {}

  get(key: string, compute: () => V): V {
    return this.known(key) ?? this.remember(key, compute());
  }

  /** The value kept for `key`, if any; a hit keeps it for the next run. */
  known(key: string): V | undefined {
    const known = this.used.get(key) ?? (Object.hasOwn(this.previous, key) ? this.previous[key] : undefined);
    if (known === undefined) return undefined;
    this.hits += 1;
    this.used.set(key, known);
    return known;
  }

  /**
   * Keeps a value computed for a key `known` did not have. Separate from `get` so a caller can look up
   * many keys first and compute all the missing values at once (ingest does, on worker threads).
   */
  remember(key: string, value: V): V {
    this.misses += 1;
    this.used.set(key, value);
    return value;
  }

  /** Whether saving would change what was loaded: something was computed, or something went unused. */
  get changed(): boolean {
    return this.misses > 0 || this.used.size !== Object.keys(this.previous).length;
  }

  /** The entries used in this run, in key order, so the same run saves the same bytes. */
  entries(): Record<string, V> {
    return Object.fromEntries([...this.used].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
}
