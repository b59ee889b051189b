import { withBase } from '../site/urls.ts';

/**
 * The URL a built file is requested by, under the base path: pages by their folder URL (the site
 * uses `build.format: 'directory'` and trailing slashes), so a precached page answers the very
 * navigation the reader makes.
 */
export function precacheUrl(path: string, base: string): string {
  if (path === 'index.html') return withBase('', base);
  return withBase(path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path, base);
}
