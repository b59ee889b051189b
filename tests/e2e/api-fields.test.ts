/**
 * What the Daily Papers API adds, on the built fixture site (tests/fixtures/e2e/listings/api-fields.json:
 * a paper with every field, one whose fields are hostile, and a withdrawn one): the AI summary
 * labelled as the AI's, keywords, stars, project page and submitter on the page; the keyword and
 * has-code filters in search; the withdrawn paper marked and out of the feeds; and nothing hostile
 * live in a real browser.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import FeedParser from 'feedparser';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { routes } from '../../src/lib/site/urls.ts';
import { FIXTURE_BASE, FIXTURE_DIST, FIXTURE_SITE } from './fixture-site.ts';
import { useSite } from './site-fixture.ts';

interface CatalogPaper {
  slug: string;
  title: string;
  arxiv: string | null;
  topics: string[];
  keywords: string[] | null;
  githubStars: number | null;
  projectPage: string | null;
  withdrawn: string | null;
}
const catalog = JSON.parse(readFileSync(join(FIXTURE_DIST, routes.catalogJson()), 'utf8')) as { papers: CatalogPaper[] };
const byArxiv = (id: string) => catalog.papers.find((p) => p.arxiv === id)!;
const FULL = byArxiv('2512.04001');
const HOSTILE = byArxiv('2512.04002');
const WITHDRAWN = byArxiv('2512.04003');
const SHARED_KEYWORD = 'spectral lattice sampling';
const PWNED = 'pwned';

/** Every `<link>` of an RSS file, as a real feed parser reads it. */
async function feedLinks(path: string): Promise<string[]> {
  const links: string[] = [];
  await new Promise<void>((resolve, reject) => {
    const parser = new FeedParser({});
    parser.on('error', reject);
    parser.on('readable', () => {
      for (let item = parser.read(); item; item = parser.read()) links.push(item.link);
    });
    parser.on('end', () => resolve());
    Readable.from([readFileSync(join(FIXTURE_DIST, path))]).pipe(parser);
  });
  return links;
}
const paperUrl = (slug: string) => `${FIXTURE_SITE}${FIXTURE_BASE}${routes.paper(slug)}`;

const site = useSite();
let context: BrowserContext;
let page: Page;
let problems: string[];

beforeEach(async () => {
  context = await site.browser.newContext();
  page = await context.newPage();
  problems = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
});
afterEach(async () => {
  // Whatever a hostile value tried (a dialog, a script setting the title), nothing of it ran.
  expect(await page.title()).not.toContain(PWNED);
  await context.close();
  expect(problems).toEqual([]);
});

/** Nothing on the page a hostile value could have made: no script URL, no element out of its text. */
async function expectNothingLive(): Promise<void> {
  expect(await page.locator('a[href^="javascript:" i], [href^="data:" i], [onerror], [onmouseover]').count()).toBe(0);
  expect(await page.locator('main img, main b:not(:has-text("Summary by AI:"))').count()).toBe(0);
  expect(await page.locator('main script').count()).toBe(0);
}

describe('the papers.json the site was built from', () => {
  test('carries what the API gave, and nothing it should not have kept', () => {
    expect(FULL).toMatchObject({
      keywords: [SHARED_KEYWORD, 'diffusion models', `<img src=x onerror="document.title='pwned'">`, 'denoising steps'],
      githubStars: 1234,
      projectPage: 'https://spectral-lattice.example.org/project/',
      withdrawn: null,
    });
    // The script URL and the stars that were no number were left out; the keyword of a number too.
    expect(HOSTILE).toMatchObject({ projectPage: null, githubStars: null, keywords: [SHARED_KEYWORD, '[click me](javascript:alert(1))', '<b>bold keyword</b>'] });
    expect(WITHDRAWN.withdrawn).toBe('2025-12-30');
  });
});

describe('the paper page', () => {
  test('shows the AI summary labelled as the AI’s, keywords linking to search, stars, project page and submitter', async () => {
    await page.goto(site.url(routes.paper(FULL.slug)));
    const ai = page.getByRole('region', { name: 'Summary written by AI' });
    expect(await ai.locator('p').first().textContent()).toBe("Spectral lattices <script>document.title='pwned'</script> make **diffusion** sampling [ten times faster](javascript:alert(1)).");
    expect(await ai.innerText()).toMatch(/not by the authors/);
    const details = page.getByRole('complementary', { name: 'About this paper' });
    const keywords = details.locator('section', { has: page.getByRole('heading', { name: 'Keywords by AI' }) }).getByRole('link');
    expect(await keywords.allTextContents()).toEqual(FULL.keywords);
    expect(await keywords.first().getAttribute('href')).toBe(`${FIXTURE_BASE}search/?keyword=spectral+lattice+sampling`);
    const code = page.locator('.paper-links').getByRole('link', { name: /^Code/ });
    expect(await code.textContent()).toBe('Codepapershelf-fixture/spectral-lattice · 1,234 stars');
    const project = page.locator('.paper-links').getByRole('link', { name: /^Project page/ });
    expect(await project.getAttribute('href')).toBe('https://spectral-lattice.example.org/project/');
    expect(await project.getAttribute('rel')).toBe('ugc nofollow');
    const submitter = details.locator('section', { has: page.getByRole('heading', { name: 'Submitted by' }) });
    expect(await submitter.getByRole('link').getAttribute('href')).toBe('https://huggingface.co/fixture-submitter');
    expect(await submitter.innerText()).toMatch(/Fixture Submitter @fixture-submitter/);
    await expectNothingLive();
  });

  test('keeps every hostile value as text: no project link, no element, no script URL', async () => {
    await page.goto(site.url(routes.paper(HOSTILE.slug)));
    expect(await page.getByRole('region', { name: 'Summary written by AI' }).locator('p').first().textContent()).toBe(
      `<img src=x onerror="document.title='pwned'"> An AI summary [with a link](javascript:alert(1)) and _markdown_.`,
    );
    expect(
      await page
        .locator('.paper-links')
        .getByRole('link', { name: /^Project page/ })
        .count(),
    ).toBe(0);
    const details = page.getByRole('complementary', { name: 'About this paper' });
    expect(await details.innerText()).toContain('[click me](javascript:alert(1))');
    expect(await details.innerText()).toContain('<b>bold keyword</b>');
    // A user name that could not be one was dropped: the full name is text, and links nowhere.
    const submitter = details.locator('section', { has: page.getByRole('heading', { name: 'Submitted by' }) });
    expect(await submitter.innerText()).toContain("<script>document.title='pwned'</script>");
    expect(await submitter.getByRole('link').count()).toBe(0);
    await expectNothingLive();
  });

  test('marks a withdrawn paper as such, in its byline, a note and its structured data', async () => {
    await page.goto(site.url(routes.paper(WITHDRAWN.slug)));
    expect(await page.locator('.paper .byline strong').textContent()).toBe('Withdrawn');
    expect(await page.getByRole('note').innerText()).toMatch(/^Withdrawn\. Hugging Face marked this paper withdrawn on December 30, 2025\./);
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!) as Record<string, unknown>;
    expect(jsonLd['creativeWorkStatus']).toBe('Withdrawn');
    await page.goto(site.url(routes.paper(FULL.slug)));
    expect(await page.getByRole('note').count()).toBe(0);
    expect(await page.locator('.byline strong').count()).toBe(0);
  });
});

describe('list entries', () => {
  test('show the AI summary in place of the abstract’s start, labelled, and mark the withdrawn paper', async () => {
    await page.goto(site.url(routes.listing('api-fields')));
    const entry = (slug: string) => page.locator('.paper-list article', { has: page.locator(`a[href$="/papers/${slug}/"]`) });
    const line = entry(FULL.slug).locator('.byline + p');
    expect(await line.locator('b').textContent()).toBe('Summary by AI:');
    expect(await line.textContent()).toContain("<script>document.title='pwned'</script> make **diffusion**");
    expect(await entry(FULL.slug).innerText()).not.toContain('We sample diffusion models');
    expect(await entry(WITHDRAWN.slug).locator('.byline strong').textContent()).toBe('Withdrawn');
    expect(await entry(FULL.slug).locator('.byline strong').count()).toBe(0);
    await expectNothingLive();
  });
});

describe('search', () => {
  const rendered = (state: string) => page.locator(`[data-search-page][data-rendered="${state}"]`).waitFor();
  /** Every result's title, sorted, after "Show more" until all are shown. */
  const titles = async () => {
    const more = page.locator('[data-search-more]');
    while (await more.isVisible()) {
      const before = await page.locator('.search-result').count();
      await more.click();
      await page.waitForFunction((n) => document.querySelectorAll('.search-result').length > n, before);
    }
    return (await page.locator('.search-result__title').allInnerTexts()).sort();
  };

  test('a keyword link of the paper page opens search filtered to that keyword: the papers carrying it', async () => {
    await page.goto(site.url(routes.paper(FULL.slug)));
    await page.getByRole('link', { name: SHARED_KEYWORD, exact: true }).click();
    await rendered('?keyword=spectral+lattice+sampling');
    expect(await titles()).toEqual([FULL.title, HOSTILE.title].sort());
    const box = page.locator(`[data-facet="keyword"] input[value="${SHARED_KEYWORD}"]`);
    expect(await box.isChecked()).toBe(true);
    await expectNothingLive();
  });

  test('the has-code filter keeps papers with a code repository, and every filter value stays text', async () => {
    await page.goto(site.url(`${routes.search()}?has-code=yes&q=diffusion`));
    await rendered('?q=diffusion&has-code=yes');
    const found = await titles();
    expect(found).toContain(FULL.title);
    expect(found).toContain('Diffusion Models Beat GANs on Image Synthesis');
    expect(found).not.toContain(WITHDRAWN.title);
    const codeFacet = page.locator('[data-facet="has-code"]');
    expect(await codeFacet.locator('legend').textContent()).toBe('Code');
    expect(await codeFacet.locator('.search-facet__label').allTextContents()).toContain('Has code');
    // The hostile keywords are facet values like any other: labels of text.
    await page.goto(site.url(`${routes.search()}?keyword=${encodeURIComponent('<b>bold keyword</b>')}`));
    await rendered('?keyword=%3Cb%3Ebold+keyword%3C%2Fb%3E');
    expect(await titles()).toEqual([HOSTILE.title]);
    await expectNothingLive();
  });
});

describe('feeds', () => {
  test('a withdrawn paper leaves the site feed and its topics’ feeds, where it would otherwise be', async () => {
    const site = await feedLinks(routes.feed());
    expect(site).toContain(paperUrl(FULL.slug));
    expect(site).not.toContain(paperUrl(WITHDRAWN.slug));
    // Newer than most of the catalog: without the withdrawal it would be in every feed it belongs to.
    const newer = catalog.papers.findIndex((p) => p.slug === WITHDRAWN.slug);
    expect(newer).toBeLessThan(10);
    expect(WITHDRAWN.topics.length).toBeGreaterThan(0);
    for (const topic of WITHDRAWN.topics) expect(await feedLinks(routes.topicFeed(topic)), topic).not.toContain(paperUrl(WITHDRAWN.slug));
    const sharesTopic = FULL.topics.find((topic) => WITHDRAWN.topics.includes(topic));
    if (sharesTopic) expect(await feedLinks(routes.topicFeed(sharesTopic))).toContain(paperUrl(FULL.slug));
  });
});
