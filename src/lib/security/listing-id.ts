/**
 * A listing's id comes from its file name and becomes a folder (`listings/<id>/`), a URL path
 * segment and a search filter value. File names are input like any other: `%2e%2e.txt` made
 * `astro build` fail, and a `?` or `#` in a name cut every link to its page short. A name that is
 * already a safe segment is its own id, so the listings people name keep their URLs; any other
 * name gets a slug of it plus a hash of the whole name, so two names never share an id.
 */
import slugify from '@sindresorhus/slugify';
import { keyHash } from '../merge/slug.ts';

/** ASCII letters, digits, `.`, `_` and `-`, starting and ending with a letter or digit (so never `.`, `..` or `.hidden`). */
const SAFE_ID = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/;
/** Long enough for any name people give a dump, short enough for every file system's path limits. */
export const MAX_LISTING_ID_LENGTH = 100;
const STEM_LENGTH = 60;

export const isSafeListingId = (id: string): boolean => id.length <= MAX_LISTING_ID_LENGTH && SAFE_ID.test(id);

/** The id of the listing whose file is `<name>.txt` or `<name>.json`. */
export function listingId(name: string): string {
  if (isSafeListingId(name)) return name;
  const stem = slugify(name, { decamelize: false }).slice(0, STEM_LENGTH).replace(/-+$/, '');
  return `${stem || 'listing'}-${keyHash(name)}`;
}
