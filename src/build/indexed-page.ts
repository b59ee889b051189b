/**
 * The part of a built paper page that the search index is made of. Pagefind reads only the
 * `data-pagefind-body` element of a page that has one, so the index is given that element alone, in
 * a minimal document: it parses a third of the bytes, and a shard's cache key covers exactly what
 * its index depends on (a new neighbour or related paper elsewhere on the page changes nothing).
 * The paper's search record joins it here, not in the page: readers never see it.
 */
import { SITE } from '../site.config.ts';
import { SORT_KEYS, recordAttribute } from '../lib/search/search-record.ts';

const BODY_MARK = /<([a-z][a-z0-9-]*)\b[^>]*\sdata-pagefind-body[\s>=]/i;

/** The `data-pagefind-body` element of a page, with its nested elements of the same name; undefined without one. */
export function pagefindBody(html: string): string | undefined {
  const open = BODY_MARK.exec(html);
  if (!open) return undefined;
  const tag = open[1]!.toLowerCase();
  // Page text is escaped, so every `<tag` and `</tag` left is markup.
  const boundary = new RegExp(`<(/?)${tag}\\b`, 'gi');
  boundary.lastIndex = open.index + open[0].length;
  let depth = 1;
  for (let match = boundary.exec(html); match; match = boundary.exec(html)) {
    depth += match[1] ? -1 : 1;
    if (depth === 0) {
      const end = html.indexOf('>', match.index);
      if (end < 0) break;
      return html.slice(open.index, end + 1);
    }
  }
  return undefined;
}

/** An element's opening tag, attribute values (which may hold `>`) included. */
const OPENING_TAG = /^<[^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>/;

/**
 * What Pagefind is given for a page: its indexed element in a minimal document, with the paper's
 * search record (`searchRecordElement`) as its first child; the page itself when it has no such element.
 */
export function indexedDocument(html: string, record = ''): string {
  const body = pagefindBody(html);
  if (body === undefined) return html;
  const withRecord = body.replace(OPENING_TAG, (open) => `${open}${record}`);
  return `<!doctype html><html lang="${SITE.lang}"><head><meta charset="utf-8"></head><body>${withRecord}</body></html>`;
}

export type SortValues = Partial<Record<keyof typeof SORT_KEYS, number>>;

/** Each sort key's attribute, compiled once for all pages. */
const SORT_ATTRIBUTES = (Object.keys(SORT_KEYS) as (keyof typeof SORT_KEYS)[]).map((key) => [key, new RegExp(`\\s${recordAttribute('sort', SORT_KEYS[key])}="(\\d+)"`)] as const);

/** The sort keys a document declares (its search record), as numbers; a key it lacks is absent, as Pagefind leaves it out of that order. */
export function sortValues(html: string): SortValues {
  const values: SortValues = {};
  for (const [key, attribute] of SORT_ATTRIBUTES) {
    const found = attribute.exec(html);
    if (found) values[key] = Number(found[1]);
  }
  return values;
}
