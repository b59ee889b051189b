/**
 * Where content lives. Defaults to the project's `content/`; tests and the benchmark point
 * PAPERSHELF_CONTENT at a catalog of their own so they never touch (or race on) the real one.
 */
export const CONTENT_ROOT = (process.env.PAPERSHELF_CONTENT ?? './content').replace(/\/+$/, '');
export const PAPERS_DIR = `${CONTENT_ROOT}/papers`;
export const NOTES_DIR = `${CONTENT_ROOT}/notes`;
export const LISTINGS_JSON = `${PAPERS_DIR}/_listings.json`;
export const RELATED_JSON = `${PAPERS_DIR}/_related.json`;
export const TOPICS_YAML = `${CONTENT_ROOT}/topics.yaml`;
export const IDENTIFIERS_YAML = `${CONTENT_ROOT}/identifiers.yaml`;
/**
 * Every file in the listings folder is a listing, whatever its ending (one that no reader takes is
 * reported, not passed over), except hidden files and the `<name>.yaml` sidecars.
 */
export const isListingFile = (name: string) => !name.startsWith('.') && !/\.ya?ml$/i.test(name);
