/**
 * The cache key of a statically generated page (Astro's `cacheKey`): a digest of everything the page
 * is rendered from, so a rebuild can reuse the page's previous HTML exactly when none of it changed.
 *
 * Content entries count by collection, id and digest: the digest is the loader's fingerprint of the
 * entry's file (and, for papers, of the code that rendered it), so the entry's data and rendered body
 * need not be serialised for every page that shows it. Entries of the `file` loader (listings,
 * topics) have no digest and no body, and count by their data. An entry with a body but no digest
 * cannot be keyed and throws: treating it as unchanged would serve a stale page.
 */
import { createHash } from 'node:crypto';

interface KeyedEntry {
  collection: string;
  id: string;
  data: unknown;
  digest?: string | number | undefined;
  body?: string | undefined;
  rendered?: unknown;
}

const isEntry = (value: object): value is KeyedEntry => 'collection' in value && 'id' in value && 'data' in value && typeof value.collection === 'string' && typeof value.id === 'string';

function canonical(_key: string, value: unknown): unknown {
  if (typeof value !== 'object' || value === null) {
    if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') {
      throw new TypeError(`pageKey: a ${typeof value} cannot be part of a page key`);
    }
    return value;
  }
  if (value instanceof Map) return { map: [...value] };
  if (value instanceof Set) return { set: [...value] };
  if (isEntry(value)) {
    const name = `${value.collection}/${value.id}`;
    if (value.digest !== undefined) return `${name}@${value.digest}`;
    if (value.body !== undefined || value.rendered !== undefined) throw new Error(`pageKey: entry ${name} has a body but no digest`);
    return { entry: name, data: value.data };
  }
  return value;
}

export function pageKey(inputs: unknown): string {
  return createHash('sha256').update(JSON.stringify(inputs, canonical)).digest('base64url');
}
