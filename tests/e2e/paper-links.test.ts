/**
 * From catalog to paper, on the built fixture site (the default catalog plus a saved Daily Papers
 * JSON response, tests/fixtures/e2e/listings/daily-2025-12-31.json): every paper page leads to the
 * paper, the metadata is what real consumers read (Wikimedia's html-metadata, the scraper behind
 * Citoid, for Highwire and JSON-LD; the BibTeX parser behind Better BibTeX; node-feedparser for the
 * feed), and hostile JSON stays inert in a real browser.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import FeedParser from 'feedparser';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import htmlMetadata from 'html-metadata';
import type { Element, Root } from 'hast';
import type { Page } from 'playwright-core';
import { visit } from 'unist-util-visit';
import { beforeAll, describe, expect, test } from 'vitest';
import { routes } from '../../src/lib/site/urls.ts';
import { FIXTURE_BASE, FIXTURE_DIST, FIXTURE_SITE } from './fixture-site.ts';
import { useSite } from './site-fixture.ts';

const pageHtml = (slug: string) => readFileSync(join(FIXTURE_DIST, routes.paper(slug), 'index.html'), 'utf8');
const pageUrl = (slug: string) => `${FIXTURE_SITE}${FIXTURE_BASE}${routes.paper(slug)}`;

/** The elements of a page matching `test`, as parsed by a real HTML parser. */
function elements(tree: Root, test: (el: Element) => boolean): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (el: Element) => {
    if (test(el)) found.push(el);
  });
  return found;
}
const hasClass = (el: Element, name: string) =>
  String(el.properties['className'] ?? '')
    .split(' ')
    .includes(name) ||
  (Array.isArray(el.properties['className']) && el.properties['className'].includes(name));

interface CatalogPaper {
  slug: string;
  title: string;
  arxiv: string | null;
  authorNames: string[] | null;
  links: Record<string, string>;
}
const catalog = JSON.parse(readFileSync(join(FIXTURE_DIST, routes.catalogJson()), 'utf8')) as { papers: CatalogPaper[] };
const bySlug = new Map(catalog.papers.map((p) => [p.slug, p]));
const HOSTILE_JSON = catalog.papers.find((p) => p.title.startsWith('Learning C++ Programs'))!;

const site = useSite();

describe('every paper page leads to the paper', () => {
  test('with an arXiv id: its abstract page, PDF and Hugging Face page; without: exact-title searches', () => {
    const slugs = readdirSync(join(FIXTURE_DIST, 'papers'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    expect(slugs.length).toBe(catalog.papers.length);
    let withId = 0;
    for (const slug of slugs) {
      const tree = fromHtml(pageHtml(slug));
      const [section] = elements(tree, (el) => el.tagName === 'section' && hasClass(el, 'paper-links'));
      expect(section, slug).toBeDefined();
      const hrefs = elements(section as unknown as Root, (el) => el.tagName === 'a').map((a) => String(a.properties['href']));
      const arxiv = bySlug.get(slug)!.arxiv;
      if (arxiv) {
        withId += 1;
        expect(hrefs, slug).toEqual(expect.arrayContaining([`https://arxiv.org/abs/${arxiv}`, `https://arxiv.org/pdf/${arxiv}`, `https://huggingface.co/papers/${arxiv}`]));
      } else {
        // A code link the abstract gave may come first; the searches are always there.
        const hosts = hrefs.map((h) => new URL(h).host);
        expect(hosts.slice(-2), slug).toEqual(['arxiv.org', 'scholar.google.com']);
      }
    }
    expect(withId).toBeGreaterThanOrEqual(5);
  });

  test('a JSON item of a seed paper merged into it: the seed slug stays, with the id, the names and both listings', () => {
    const paper = bySlug.get('wasserstein-gan')!;
    expect(paper).toMatchObject({ arxiv: '1701.07875', authorNames: ['Martin Arjovsky', 'Soumith Chintala', 'Léon Bottou'] });
    const text = toText(fromHtml(pageHtml('wasserstein-gan')));
    expect(text).toContain('Backpropagation alternatives and learning rules (undated dump)');
    expect(text).toContain('Daily papers of 2025-12-31');
  });
});

describe('a default-catalog paper with the id and names the seed gave it (content/identifiers.yaml)', () => {
  const SEED = 'a-chain-graph-interpretation-of-real-world-neural-networks';

  test('links to its arXiv page and PDF, not to title searches', () => {
    const [section] = elements(fromHtml(pageHtml(SEED)), (el) => el.tagName === 'section' && hasClass(el, 'paper-links'));
    const hrefs = elements(section as unknown as Root, (el) => el.tagName === 'a').map((a) => String(a.properties['href']));
    expect(hrefs).toEqual(expect.arrayContaining(['https://arxiv.org/abs/2006.16856', 'https://arxiv.org/pdf/2006.16856']));
    expect(hrefs.some((h) => h.includes('scholar.google.com'))).toBe(false);
    expect(bySlug.get(SEED)).toMatchObject({ arxiv: '2006.16856', authorNames: ['Yuesong Shen', 'Daniel Cremers'] });
  });

  test('shows its authors, and one citation_author each', async () => {
    const tree = fromHtml(pageHtml(SEED));
    const [authors] = elements(tree, (el) => hasClass(el, 'paper-authors'));
    expect(toText(authors!)).toContain('Yuesong Shen');
    expect(toText(authors!)).toContain('Daniel Cremers');
    const meta = await htmlMetadata.loadFromString(pageHtml(SEED));
    expect(meta.highwirePress).toMatchObject({ author: ['Yuesong Shen', 'Daniel Cremers'], arxiv_id: '2006.16856' });
  });

  test('cites as an arXiv e-print with its names, on the page and in papers.bib', () => {
    const [code] = elements(fromHtml(pageHtml(SEED)), (el) => el.properties['id'] === 'cite-bibtex');
    const page = parseBibtex(toText(code!), { sentenceCase: false });
    expect(page.errors).toEqual([]);
    expect(page.entries[0]!.fields).toMatchObject({ eprint: '2006.16856', archiveprefix: 'arXiv', url: 'https://arxiv.org/abs/2006.16856' });
    expect(page.entries[0]!.fields['author']).toEqual([
      { firstName: 'Yuesong', lastName: 'Shen' },
      { firstName: 'Daniel', lastName: 'Cremers' },
    ]);
    const all = parseBibtex(readFileSync(join(FIXTURE_DIST, routes.bibliography()), 'utf8'), { sentenceCase: false });
    expect(all.entries.filter((e) => e.fields['eprint'] === '2006.16856')).toHaveLength(1);
  });
});

describe('metadata real consumers read', () => {
  test('Highwire Press tags (as Citoid reads them): one citation_author per author, arXiv id, PDF, date', async () => {
    const meta = await htmlMetadata.loadFromString(pageHtml('wasserstein-gan'));
    expect(meta.highwirePress).toMatchObject({
      title: 'Wasserstein GAN',
      author: ['Martin Arjovsky', 'Soumith Chintala', 'Léon Bottou'],
      publication_date: '2017/01/26',
      arxiv_id: '1701.07875',
      pdf_url: 'https://arxiv.org/pdf/1701.07875',
      abstract_html_url: pageUrl('wasserstein-gan'),
    });
  });

  test('JSON-LD: authors as people, the arXiv id as an identifier, arXiv and Hugging Face as sameAs, the code', async () => {
    const meta = await htmlMetadata.loadFromString(pageHtml('diffusion-models-beat-gans-on-image-synthesis'));
    expect(meta.jsonLd).toMatchObject({
      '@type': 'ScholarlyArticle',
      author: [
        { '@type': 'Person', name: 'Prafulla Dhariwal' },
        { '@type': 'Person', name: 'Alex Nichol' },
      ],
      identifier: [{ '@type': 'PropertyValue', propertyID: 'arXiv', value: '2105.05233' }],
      sameAs: ['https://arxiv.org/abs/2105.05233', 'https://huggingface.co/papers/2105.05233'],
      codeRepository: 'https://github.com/openai/guided-diffusion',
    });
  });

  test('the page’s BibTeX and papers.bib parse without errors and hold every paper once', () => {
    const tree = fromHtml(pageHtml('wasserstein-gan'));
    const [code] = elements(tree, (el) => el.properties['id'] === 'cite-bibtex');
    const page = parseBibtex(toText(code!), { sentenceCase: false });
    expect(page.errors).toEqual([]);
    expect(page.entries[0]!.fields).toMatchObject({ title: 'Wasserstein GAN', eprint: '1701.07875', archiveprefix: 'arXiv', year: '2017' });
    const all = parseBibtex(readFileSync(join(FIXTURE_DIST, routes.bibliography()), 'utf8'), { sentenceCase: false });
    expect(all.errors).toEqual([]);
    expect(all.entries).toHaveLength(catalog.papers.length);
    const hostile = all.entries.find((e) => e.fields['eprint'] === '2405.00002')!;
    expect(hostile.fields['title']).toBe(HOSTILE_JSON.title);
  });

  test('the feed (read by node-feedparser): items link to the paper page and carry the arXiv page, the names and the place to comment', async () => {
    const items: FeedParser.Item[] = [];
    await new Promise<void>((resolve, reject) => {
      const parser = new FeedParser({ feedurl: `${FIXTURE_SITE}${FIXTURE_BASE}${routes.feed()}` });
      parser.on('error', reject).on('readable', () => {
        for (let item: FeedParser.Item | null = parser.read(); item; item = parser.read()) items.push(item);
      });
      parser.on('end', () => resolve());
      Readable.from([readFileSync(join(FIXTURE_DIST, routes.feed()))]).pipe(parser);
    });
    const survey = items[0]!;
    expect(survey.title).toBe('A Survey Written by Many Hands');
    expect(survey.link).toBe(pageUrl('a-survey-written-by-many-hands'));
    expect(survey.comments).toBe('https://huggingface.co/papers/2512.00001');
    // node-feedparser keeps namespaced elements as they were: one object, or an array of them.
    const raw = survey as unknown as Record<string, unknown>;
    const all = <T>(value: unknown): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]) as T[];
    const related = all<{ '@': Record<string, string> }>(raw['atom:link']);
    expect(related.map((l) => [l['@']['rel'], l['@']['href']])).toContainEqual(['related', 'https://arxiv.org/abs/2512.00001']);
    expect(all<{ '#': string }>(raw['dc:creator']).map((c) => c['#'])).toHaveLength(30);
    for (const item of items) expect(item.link).toMatch(new RegExp(`^${FIXTURE_SITE}${FIXTURE_BASE}papers/[a-z0-9-]+/$`));
  });
});

describe('in the browser', () => {
  let page: Page;
  beforeAll(async () => {
    const context = await site.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    page = await context.newPage();
  });

  test('hostile JSON stays text: no element, no script, no javascript: link', async () => {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(site.url(routes.paper(HOSTILE_JSON.slug)));
    await expect(page.locator('h1').textContent()).resolves.toBe('Learning C++ Programs <b>bold</b>');
    await expect(page.locator('h1 b, .paper-authors img, .paper-authors script').count()).resolves.toBe(0);
    await expect(page.locator('.paper-authors').textContent()).resolves.toContain('<img src=x onerror=alert(1)>');
    await expect(page.locator('a[href^="javascript:"]').count()).resolves.toBe(0);
    expect(dialogs).toEqual([]);
  });

  test('a long author list folds behind "and N more", which opens without JavaScript', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const noJs = await context.newPage();
    await noJs.goto(site.url(routes.paper('a-survey-written-by-many-hands')));
    const rest = noJs.locator('.paper-authors__rest');
    await expect(rest.locator('summary').textContent()).resolves.toBe('and 22 more');
    const last = rest.getByText('Author Number30', { exact: false });
    await expect(last.isVisible()).resolves.toBe(false);
    await rest.locator('summary').click();
    await expect(last.isVisible()).resolves.toBe(true);
    // Without JavaScript the citation is there to select, and no Copy button pretends to work.
    await expect(noJs.locator('#cite-bibtex').isVisible()).resolves.toBe(true);
    await expect(noJs.locator('.paper-cite button:visible').count()).resolves.toBe(0);
    await context.close();
  });

  test('Copy BibTeX puts the entry on the clipboard', async () => {
    await page.goto(site.url(routes.paper('wasserstein-gan')));
    await page.getByRole('button', { name: 'Copy BibTeX' }).click();
    // The button says so until its label comes back 2 s later (a locator itself is always defined).
    await expect.poll(() => page.locator('button[data-copy="cite-bibtex"]').textContent()).toBe('Copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await page.locator('#cite-bibtex').textContent());
    expect(copied).toMatch(/^@misc\{arjovsky2017wassersteinG,/);
  });
});
