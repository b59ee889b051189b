/**
 * The topic pages as a reader meets them in the fixture build: the index with every topic and the
 * untagged papers, a topic's chart, co-occurring topics, paginated papers and feed, all without
 * JavaScript and without accessibility violations.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { pagePath } from '../../src/lib/site/pagination.ts';
import { routes } from '../../src/lib/site/urls.ts';
import { SITE } from '../../src/site.config.ts';
import { FIXTURE_BASE, FIXTURE_DIST, FIXTURE_SITE } from './fixture-site.ts';
import { useSite } from './site-fixture.ts';

interface CatalogJson {
  topics: Record<string, { name: string; url: string }>;
  papers: { url: string; title: string; published: string | null; topics: string[] }[];
}

const catalog: CatalogJson = JSON.parse(readFileSync(join(FIXTURE_DIST, routes.catalogJson()), 'utf8'));
const papersOf = (id: string) => catalog.papers.filter((p) => p.topics.includes(id));
const ICL = 'in-context-learning';
const BIGGEST = Object.keys(catalog.topics).sort((a, b) => papersOf(b).length - papersOf(a).length)[0]!;

const site = useSite();
let page: Page;
beforeAll(async () => {
  // The topic pages must work without JavaScript: the chart is drawn at build time.
  page = await (await site.browser.newContext({ javaScriptEnabled: false })).newPage();
});

const url = (path: string) => site.url(path);
const texts = (selector: string) => page.locator(selector).allInnerTexts();

describe('/topics/', () => {
  test('lists every topic with its paper count, subtopics under their parent', async () => {
    await page.goto(url(routes.topics()));
    const names = await texts('.topic-index__name a');
    expect([...names].sort()).toEqual(
      Object.values(catalog.topics)
        .map((t) => t.name)
        .sort(),
    );
    for (const [id, topic] of Object.entries(catalog.topics)) {
      const heading = page.locator('.topic-index__name', { has: page.locator(`a[href="${FIXTURE_BASE}${routes.topic(id)}"]`) });
      const count = papersOf(id).length;
      await expect(heading.locator('.count').innerText(), topic.name).resolves.toBe(`${count} ${count === 1 ? 'paper' : 'papers'}`);
    }
    const icl = page.locator('.topic-index__children .topic-index__name a', { hasText: catalog.topics[ICL]!.name });
    await expect(icl.count()).resolves.toBe(1);
  });

  test('lists the papers no topic matched under Other', async () => {
    await page.goto(url(routes.topics()));
    const untagged = catalog.papers.filter((p) => p.topics.length === 0);
    expect(untagged.length).toBeGreaterThan(0);
    const listed = await texts('#other article > :first-child');
    expect([...listed].sort()).toEqual(untagged.map((p) => p.title).sort());
  });
});

describe('a topic page', () => {
  test('shows papers per year as an accessible SVG chart with the same figures as its table', async () => {
    await page.goto(url(routes.topic(ICL)));
    const svg = page.locator('svg.topic-chart__svg');
    await expect(svg.getAttribute('role')).resolves.toBe('img');
    const [titleId, descId] = (await svg.getAttribute('aria-labelledby'))!.split(' ');
    await expect(page.locator(`#${titleId}`).evaluate((e) => e.tagName)).resolves.toBe('title');
    const desc = await page.locator(`#${descId}`).textContent();

    const rows = await page.locator('.topic-chart__data tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.children[0]!.textContent!, Number(tr.children[1]!.textContent)] as const));
    const perYear = new Map<string, number>();
    for (const paper of papersOf(ICL)) {
      const year = paper.published?.slice(0, 4) ?? 'Undated';
      perYear.set(year, (perYear.get(year) ?? 0) + 1);
    }
    for (const [year, count] of rows) {
      expect(count, year).toBe(perYear.get(year) ?? 0);
      if (year !== 'Undated') expect(desc).toContain(`${year}: ${count}`);
    }
    expect(rows.reduce((sum, [, count]) => sum + count, 0)).toBe(papersOf(ICL).length);
    await expect(svg.locator('rect').count()).resolves.toBe(rows.filter(([year, count]) => year !== 'Undated' && count > 0).length);
    await expect(page.locator('figcaption').innerText()).resolves.toMatch(/dated papers? from \d{4} to \d{4}/);
  });

  test('links the topics that share its papers, most shared first, with the shared counts', async () => {
    await page.goto(url(routes.topic(ICL)));
    const chips = await page
      .locator('[aria-labelledby="related-heading"] a.chip')
      .evaluateAll((links) => links.map((a) => ({ href: a.getAttribute('href')!, count: Number(a.querySelector('.count')!.textContent) })));
    expect(chips.length).toBeGreaterThan(1);
    for (const chip of chips) {
      const id = chip.href.slice(`${FIXTURE_BASE}topics/`.length, -1);
      expect(chip.count, id).toBe(papersOf(ICL).filter((p) => p.topics.includes(id)).length);
    }
    expect(chips.map((c) => c.count)).toEqual([...chips.map((c) => c.count)].sort((a, b) => b - a));
  });

  test('lists its papers newest first, each carrying the topic', async () => {
    await page.goto(url(routes.topic(ICL)));
    const titles = await texts('.paper-list article > :first-child');
    const expected = papersOf(ICL)
      .map((p) => p.published ?? '')
      .filter(Boolean)
      .sort()
      .reverse();
    const listed = titles.map((title) => catalog.papers.find((p) => p.title === title)!);
    expect(listed.map((p) => p.published ?? '').filter(Boolean)).toEqual(expected);
    for (const paper of listed) expect(paper.topics).toContain(ICL);
  });

  test('paginates a large topic: page 1 at the topic, later pages under it, all papers once', async () => {
    const total = papersOf(BIGGEST).length;
    const pages = Math.ceil(total / SITE.pageSize);
    expect(pages).toBeGreaterThan(1);
    const seen: string[] = [];
    for (let n = 1; n <= pages; n += 1) {
      const response = await page.goto(url(pagePath(routes.topic(BIGGEST), n)));
      expect(response?.status()).toBe(200);
      seen.push(...(await texts('.paper-list article > :first-child')));
      await expect(page.locator('svg.topic-chart__svg').count()).resolves.toBe(n === 1 ? 1 : 0);
    }
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(total);
    await page.goto(url(routes.topic(BIGGEST)));
    await page.locator('.pagination a[rel="next"]').click();
    expect(page.url()).toBe(url(pagePath(routes.topic(BIGGEST), 2)));
  });

  test('offers an RSS feed of its newest papers, linked from the page', async () => {
    await page.goto(url(routes.topic(ICL)));
    const href = await page.locator('link[rel="alternate"][type="application/rss+xml"]').evaluateAll((links) => links.map((l) => l.getAttribute('href')));
    expect(href).toContain(`${FIXTURE_BASE}${routes.topicFeed(ICL)}`);
    const response = await fetch(url(routes.topicFeed(ICL)));
    expect(response.status).toBe(200);
    const xml = await response.text();
    expect(xml).toContain(`<title>${SITE.title}: ${catalog.topics[ICL]!.name}</title>`);
    const links = [...xml.matchAll(/<item>[\s\S]*?<link>([^<]+)<\/link>/g)].map((m) => m[1]);
    expect(links.length).toBe(Math.min(50, papersOf(ICL).length));
    for (const link of links) expect(link).toMatch(new RegExp(`^${FIXTURE_SITE}${FIXTURE_BASE}papers/`));
  });
});

describe('accessibility', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`no WCAG 2.2 A/AA violations on the topic pages, ${colorScheme} theme`, { timeout: 120_000 }, async () => {
      const context = await site.browser.newContext({ colorScheme });
      const themed = await context.newPage();
      const violations: string[] = [];
      for (const path of [routes.topics(), routes.topic(ICL), pagePath(routes.topic(BIGGEST), 2)]) {
        await themed.goto(url(path), { waitUntil: 'load' });
        const results = await new AxeBuilder({ page: themed }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
        for (const v of results.violations) violations.push(`${path}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      }
      expect(violations).toEqual([]);
      await context.close();
    });
  }
});
