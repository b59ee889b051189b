/**
 * The Content-Security-Policy (issue 33) in Chromium: every built page carries it first in its
 * head, and with it on, the browser reports no violation on the home page, a paper, a topic, a
 * listing's page 2, search with results and filters, and the offline page. The theme script
 * running proves its build-time hash; an injected inline script proves the policy is enforced.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { listBuiltFiles } from '../../src/build/built-site.ts';
import { offlineRoutes } from '../../src/lib/offline/routes.ts';
import { decodeEntities } from '../../src/lib/paper/plain-text.ts';
import { contentSecurityPolicy } from '../../src/lib/security/csp.ts';
import { THEME_SCRIPT } from '../../src/lib/site/theme-script.ts';
import { routes } from '../../src/lib/site/urls.ts';
import { FIXTURE_DIST } from './fixture-site.ts';
import { useSite } from './site-fixture.ts';

const POLICY = contentSecurityPolicy({ scripts: [THEME_SCRIPT], styles: [] });
const catalog = JSON.parse(readFileSync(join(FIXTURE_DIST, routes.catalogJson()), 'utf8')) as { papers: { slug: string; title: string; topics: string[] }[] };
const paper = catalog.papers.find((p) => p.topics.length > 0)!;
const topic = paper.topics[0]!;
/** A paper the home page does not link to, so no cache holds it. */
const unvisited = readdirSync(join(FIXTURE_DIST, 'papers')).sort().at(-1)!;
/** A listing with a second page: the page whose list numbering once needed a style attribute. */
const listing = readdirSync(join(FIXTURE_DIST, 'listings'), { withFileTypes: true }).find((entry) => entry.isDirectory() && readdirSync(join(entry.parentPath, entry.name)).includes('2'))!.name;

const site = useSite();

type Watched = typeof globalThis & { violations: string[] };

/** Opens `path` with every CSP violation (event or console report) recorded, runs `then`, and returns what was recorded. */
async function violationsOn(path: string, then: (page: Page) => Promise<void> = async () => {}): Promise<string[]> {
  const context = await site.browser.newContext();
  try {
    const page = await context.newPage();
    const reported: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) reported.push(`console: ${message.text()}`);
    });
    await page.addInitScript(() => {
      (globalThis as Watched).violations = [];
      document.addEventListener(
        'securitypolicyviolation',
        (event) => (globalThis as Watched).violations.push(`${event.effectiveDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`),
        true,
      );
    });
    await page.goto(site.url(path), { waitUntil: 'load' });
    // The theme script ran: its hash in the policy is the hash of the text the page carries.
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toMatch(/^(light|dark)$/);
    await then(page);
    await page.waitForLoadState('networkidle');
    return [...(await page.evaluate(() => (globalThis as Watched).violations)), ...reported];
  } finally {
    await context.close();
  }
}

describe('Content-Security-Policy', () => {
  test('every page carries the policy in its first element after the charset', () => {
    const pages = listBuiltFiles(FIXTURE_DIST).filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(100);
    const policyOf = (html: string) => /^<!DOCTYPE html><html[^>]*><head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="([^"]*)">/i.exec(html)?.[1];
    const wrong = pages.filter((file) => decodeEntities(policyOf(readFileSync(join(FIXTURE_DIST, file), 'utf8')) ?? '') !== POLICY);
    expect(wrong).toEqual([]);
  });

  test.each([
    ['the home page', routes.home()],
    ['a paper', routes.paper(paper.slug)],
    ['a topic', routes.topic(topic)],
    ["a listing's page 2", `${routes.listing(listing)}2/`],
    ['the offline page', offlineRoutes.offline()],
  ])('%s runs with no violation', async (_name, path) => {
    expect(await violationsOn(path, async (page) => expect(await page.title()).not.toMatch(/not found/i))).toEqual([]);
  });

  test('search with results and filters runs with no violation (Pagefind, its worker and WebAssembly)', async () => {
    // A word of the paper's title and one of its topics: at least that paper is found.
    const word = paper.title.split(/\W+/).sort((a, b) => b.length - a.length)[0]!;
    const violations = await violationsOn(`${routes.search()}?q=${encodeURIComponent(word)}&topic=${encodeURIComponent(topic)}`, async (page) => {
      // A link with a filter opens the filters: results, then the counts of the facets.
      await page.locator('.search-result').first().waitFor();
      await page.locator('.search-facet input:checked').first().waitFor();
    });
    expect(violations).toEqual([]);
  });

  test('the offline page the service worker serves, network off, runs with no violation', async () => {
    const violations = await violationsOn(routes.home(), async (page) => {
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
        if (!navigator.serviceWorker.controller) await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
      });
      await page.context().setOffline(true);
      await page.goto(site.url(routes.paper(unvisited)));
      await expect.poll(() => page.locator('h1').first().innerText()).toBe('You are offline');
    });
    expect(violations).toEqual([]);
  });

  test('is enforced: an inline script the build did not hash is refused and reported', async () => {
    const violations = await violationsOn(routes.home(), async (page) => {
      await page.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'document.title = "ran"';
        document.head.append(script);
      });
      expect(await page.title()).not.toBe('ran');
    });
    expect(violations.some((v) => v.startsWith('script-src'))).toBe(true);
  });
});
