/**
 * How big a built site is against GitHub Pages' limit: "Published GitHub Pages sites may be no
 * larger than 1 GB" (GitHub's documentation on Pages limits). Sizes are the files' own sizes, each
 * counted once per path, since Pages' upload archives hard links (the cached social cards) as files.
 */
import { builtFileSizes } from './built-site.ts';

export const PAGES_SITE_LIMIT_BYTES = 1_000_000_000;

export interface SiteSize {
  bytes: number;
  files: number;
  /** Paper pages (`papers/<slug>/index.html`), to put the size per paper. */
  papers: number;
  limit: number;
  over: boolean;
}

export function measureSite(dir: string, limit = PAGES_SITE_LIMIT_BYTES): SiteSize {
  const files = builtFileSizes(dir);
  const bytes = files.reduce((sum, file) => sum + file.bytes, 0);
  const papers = files.filter((file) => /^papers\/[^/]+\/index\.html$/.test(file.path)).length;
  return { bytes, files: files.length, papers, limit, over: bytes > limit };
}

const mb = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;

/** One line for the console: the size, per paper, and how it stands against the limit. */
export function describeSiteSize(size: SiteSize): string {
  const perPaper = size.papers > 0 ? `, ${(size.bytes / size.papers / 1000).toFixed(1)} KB per paper` : '';
  const verdict = size.over ? `over GitHub Pages' limit of ${mb(size.limit)}: Pages will reject it` : `within GitHub Pages' limit of ${mb(size.limit)}`;
  return `${mb(size.bytes)} in ${size.files} files${perPaper}; ${verdict}`;
}
