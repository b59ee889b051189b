/**
 * Zero broken internal links or assets in the fixture build, served under /papershelf/ the way
 * GitHub Pages serves it (so a link that only works after a redirect counts as broken too). Absolute
 * links to the fixture's own SITE (canonical URLs, feeds) are checked against the local server.
 */
import { LinkChecker, LinkState } from 'linkinator';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type PagesServer, servePages } from '../../scripts/pages-server.ts';
import { FIXTURE_BASE, FIXTURE_DIST, FIXTURE_SITE } from './fixture-site.ts';

let server: PagesServer;
beforeAll(async () => {
  server = await servePages(FIXTURE_DIST, FIXTURE_BASE);
});
afterAll(() => server.close());

test('every internal link, asset and fragment of the built site resolves without a redirect', { timeout: 600_000 }, async () => {
  const origin = new URL(server.url).origin;
  const result = await new LinkChecker().check({
    path: server.url,
    recurse: true,
    concurrency: 16,
    checkCss: true,
    checkFragments: true,
    redirects: 'error',
    urlRewriteExpressions: [{ pattern: new RegExp(`^${FIXTURE_SITE.replaceAll('.', '\\.')}/`), replacement: `${origin}/` }],
    linksToSkip: async (link) => !link.startsWith(origin),
  });
  // One line per broken URL, however many pages link to it.
  const brokenFrom = new Map<string, string[]>();
  for (const link of result.links.filter((link) => link.state === LinkState.BROKEN)) {
    const key = `${link.status ?? 'error'} ${link.url}`;
    brokenFrom.set(key, [...(brokenFrom.get(key) ?? []), link.parent ?? '?']);
  }
  const broken = [...brokenFrom].map(([link, parents]) => `${link} (on ${parents.length} pages, e.g. ${parents.sort()[0]})`).sort();
  expect(broken).toEqual([]);
  const checked = result.links.filter((link) => link.state === LinkState.OK && link.url.startsWith(server.url));
  // The whole catalog was crawled, not just the home page.
  expect(checked.filter((link) => link.url.includes('/papers/')).length).toBeGreaterThan(500);
});
