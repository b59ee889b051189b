/**
 * The site's Content-Security-Policy, sent in a `<meta http-equiv>` since GitHub Pages sets no
 * headers. Nothing on a page may run or style it unless it comes from the site itself, or is an
 * inline block whose exact text the build hashed: an injected `<script>`, `style` attribute, plugin
 * or `<base>` does nothing even if some input ever got past the escaping.
 *
 * - `'wasm-unsafe-eval'`: Pagefind compiles its WebAssembly search index (it allows WebAssembly
 *   only, not `eval`). Its web worker is a file of the site, so `'self'` covers it.
 * - `default-src 'self'` covers fonts, the search index's fetches and the service worker.
 * - `img-src 'self' data:`: the stylesheet draws its icons as SVG data URIs (a request each saved);
 *   an image cannot run anything.
 * - `form-action 'self'`: the search form submits to the search page; `base-uri 'self'` keeps
 *   relative links (every asset under the Pages sub-path) from being redirected.
 */
import { createHash } from 'node:crypto';

/** The `'sha256-…'` source that allows exactly this inline script or style text. */
export const cspHash = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

export interface InlineCode {
  /** The exact text of each inline `<script>` a page carries. */
  scripts: readonly string[];
  /** The exact text of each inline `<style>` a page carries. */
  styles: readonly string[];
}

export function contentSecurityPolicy({ scripts, styles }: InlineCode): string {
  return [
    "default-src 'self'",
    "img-src 'self' data:",
    ["script-src 'self'", ...scripts.map(cspHash), "'wasm-unsafe-eval'"].join(' '),
    ["style-src 'self'", ...styles.map(cspHash)].join(' '),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}
