/**
 * A day's Daily Papers API answer as fetch saves it, and what changed since the copy saved before.
 *
 * The saved text must be a function of the answer's content alone, so a day fetched again and
 * unchanged is byte-identical and git sees no change:
 * - the items keep the API's own order (its default, by when a paper was put on the daily page):
 *   it is the order the day's page shows, and ingest names items by their place in the file;
 * - arrays inside items keep theirs too (an author list's order is the paper's);
 * - object keys are sorted, so a server that writes the same fields in another order changes
 *   nothing on disk;
 * - two-space indentation and a final newline: one field a line makes a changed upvote count a
 *   one-line diff in the daily commit, and the file reads like every other JSON file here.
 * JSON.parse then JSON.stringify also fixes how numbers and escapes are written.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The value with every object's keys in code-point order; arrays as they are. */
function sortKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  // Object.fromEntries defines own properties: a "__proto__" key stays data, never a prototype.
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys(value[key]!)]),
  );
}

/** The text fetch saves for a day's items. */
export function formatListing(items: readonly unknown[]): string {
  return `${JSON.stringify((items as Json[]).map(sortKeys), null, 2)}\n`;
}

/** What names an item across two fetches of a day: its paper's arXiv id. */
function itemKey(item: unknown): string | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const paper = (item as { paper?: unknown }).paper;
  if (typeof paper !== 'object' || paper === null) return undefined;
  const id = (paper as { id?: unknown }).id;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/**
 * A day's answer put together from the API's pages. An item already on an earlier page is left out:
 * a paper added while the pages were asked for shifts the rest down by one.
 */
export function joinPages(pages: readonly (readonly unknown[])[]): unknown[] {
  const seen = new Set<string>();
  const items: unknown[] = [];
  for (const item of pages.flat()) {
    const key = itemKey(item);
    if (key !== undefined) {
      if (seen.has(key)) continue;
      seen.add(key);
    }
    items.push(item);
  }
  return items;
}

/** How many items of `page` are not in `before` yet; 0 tells a server that ignores the page number. */
export function newItemCount(before: readonly unknown[], page: readonly unknown[]): number {
  const keys = new Set(before.map(itemKey).filter((k) => k !== undefined));
  return page.filter((item) => {
    const key = itemKey(item);
    return key === undefined || !keys.has(key);
  }).length;
}

export interface ListingChange {
  before: number;
  after: number;
  added: number;
  removed: number;
  /** Papers in both whose fields changed (upvotes, comments, a summary added…). */
  updated: number;
}

/** What changed between the saved text and the items fetched now; null when the saved text is no JSON list. */
export function listingChange(savedText: string, items: readonly unknown[]): ListingChange | null {
  let saved: unknown;
  try {
    saved = JSON.parse(savedText);
  } catch {
    return null;
  }
  if (!Array.isArray(saved)) return null;
  const canonical = (item: unknown) => JSON.stringify(sortKeys(item as Json));
  const byKey = (list: readonly unknown[]) => new Map(list.flatMap((item) => (itemKey(item) === undefined ? [] : [[itemKey(item)!, canonical(item)] as const])));
  const old = byKey(saved);
  const now = byKey(items);
  let added = 0;
  let updated = 0;
  for (const [key, text] of now) {
    const was = old.get(key);
    if (was === undefined) added += 1;
    else if (was !== text) updated += 1;
  }
  const removed = [...old.keys()].filter((key) => !now.has(key)).length;
  return { before: saved.length, after: items.length, added, removed, updated };
}

/** "12 → 13 papers (1 new, 4 updated)". */
export function describeChange(change: ListingChange): string {
  const parts = [change.added && `${change.added} new`, change.removed && `${change.removed} gone`, change.updated && `${change.updated} updated`].filter(Boolean);
  const count = change.before === change.after ? `${change.after} papers` : `${change.before} → ${change.after} papers`;
  return parts.length ? `${count} (${parts.join(', ')})` : `${count} (the same papers; their order, or an item without a paper id, changed)`;
}
