/** Where the Pagefind bundle lives in the built site, relative to its root (the search page loads it from there). */
export const PAGEFIND_DIR = 'pagefind';
