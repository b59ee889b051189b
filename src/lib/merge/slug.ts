import { createHash } from 'node:crypto';
import slugify from '@sindresorhus/slugify';

export const MAX_SLUG_LENGTH = 80;
const SUFFIX_LENGTH = 6;
const SAFE_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Short, stable hash of a paper's own key: the only thing a slug suffix may depend on. */
export function keyHash(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, SUFFIX_LENGTH);
}

/** Cuts a slug to at most `max` characters, at a word boundary when there is one. */
function cutAtWord(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  const boundary = cut.lastIndexOf('-');
  return (boundary > 0 ? cut.slice(0, boundary) : slug.slice(0, max)).replace(/-+$/, '');
}

/**
 * The URL slug of a paper, decided from its key alone (see `titleKey`): not from its title, whose
 * spelling differs between listings (`A & B`, `A + B`), so that adding, removing or reordering
 * listings and papers can never change it.
 *
 * A key of plain ASCII words that fits spells its slug out whole, and two different keys can never
 * share such a slug. Any other key loses something on the way (a cut, a transliteration, a script
 * the slug cannot spell) and could meet another paper's slug, so it carries a suffix hashed from
 * the key itself.
 */
export function slugFor(key: string): string {
  const full = slugify(key, { decamelize: false });
  const lossless = full.length > 0 && full.length <= MAX_SLUG_LENGTH && full.replace(/-/g, ' ') === key;
  if (lossless) return full;
  const stem = cutAtWord(full, MAX_SLUG_LENGTH - SUFFIX_LENGTH - 1) || 'paper';
  return `${stem}-${keyHash(key)}`;
}

/** What may become a file name and a URL segment: lowercase ASCII words joined by single hyphens. */
export function isSafeSlug(slug: string): boolean {
  return SAFE_SLUG.test(slug) && slug.length <= MAX_SLUG_LENGTH;
}
