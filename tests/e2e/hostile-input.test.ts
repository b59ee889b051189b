/**
 * Hostile file names and characters XML cannot carry, end to end (issue 33): the fixture's
 * `%2e%2e.txt` and `week #3? (ünï).json` listings, whose titles, abstracts and author names carry
 * noncharacters, a lone surrogate and control characters, build; their papers and listing pages
 * exist where links and the sitemap say; every feed and sitemap is well-formed XML.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { LinkState, check } from 'linkinator';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { listBuiltFiles } from '../../src/build/built-site.ts';
import { listingId } from '../../src/lib/security/listing-id.ts';
import { routes } from '../../src/lib/site/urls.ts';
import { FIXTURE_BASE, FIXTURE_DIST, FIXTURE_ROOT, FIXTURE_SITE } from './fixture-site.ts';
import { type StaticServer, serveDist } from './serve.ts';

const HOSTILE_NAMES = ['%2e%2e', 'week #3? (ünï)'];
/** What no XML document may hold (XML 1.0 `Char`), plus the noncharacters ingest drops with them. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFDD0-\uFDEF\uFFFE\uFFFF]/u;

interface Finding {
  file: string;
  line: number;
  item?: number;
  reason: string;
}
const report = JSON.parse(readFileSync(join(FIXTURE_ROOT, 'report.json'), 'utf8')) as { warnings: Finding[]; rejected: Finding[]; listings: { id: string; file: string }[] };
const catalog = JSON.parse(readFileSync(join(FIXTURE_DIST, routes.catalogJson()), 'utf8')) as { papers: { slug: string; title: string; listings: string[] }[] };

let server: StaticServer;
beforeAll(async () => {
  server = await serveDist(FIXTURE_DIST, FIXTURE_BASE);
});
afterAll(() => server.close());

describe('hostile listing names', () => {
  test.each(HOSTILE_NAMES)('%s gets a safe id, a warning naming it, and its papers', (name) => {
    const id = listingId(name);
    expect(id).not.toBe(name);
    const listing = report.listings.find((l) => l.file.endsWith(`/${name}${name.startsWith('%') ? '.txt' : '.json'}`));
    expect(listing?.id).toBe(id);
    expect(report.warnings).toContainEqual(expect.objectContaining({ file: listing!.file, line: 1, reason: expect.stringContaining(`listing's id is ${id}`) }));
    expect(catalog.papers.filter((p) => p.listings.includes(id))).toHaveLength(1);
    expect(readdirSync(join(FIXTURE_DIST, 'listings'))).toContain(id);
  });

  test('the listings pages link to each listing where it is, and those links resolve', async () => {
    const { links } = await check({
      path: `${server.url}${routes.listings()}`,
      recurse: true,
      concurrency: 8,
      timeout: 60_000,
      retryErrors: true,
      retryErrorsCount: 3,
      // Only the listing pages: the whole site is crawled by site.test.ts.
      linksToSkip: async (link) => !link.startsWith(`${server.url}${routes.listings()}`),
    });
    expect(links.filter((l) => l.state === LinkState.BROKEN).map((l) => `${l.status ?? '-'} ${l.url} (from ${l.parent})`)).toEqual([]);
    const reached = new Set(links.filter((l) => l.state === LinkState.OK).map((l) => l.url));
    for (const name of HOSTILE_NAMES) expect(reached).toContain(`${server.url}${routes.listing(listingId(name))}`);
  });
});

describe('characters XML cannot carry', () => {
  test('are dropped from the papers, with a warning at the item or line that had them', () => {
    const hostile = catalog.papers.filter((p) => p.listings.some((id) => HOSTILE_NAMES.map(listingId).includes(id)));
    expect(hostile.map((p) => p.title).sort()).toEqual(['Dot Dot Listings Are Data Too: A Study of Path Names in Static Sites', 'Question Marks and Hash Signs in File Names Break Links Quietly']);
    const json = report.listings.find((l) => l.id === listingId(HOSTILE_NAMES[1]!))!;
    expect(report.warnings).toContainEqual(expect.objectContaining({ file: json.file, item: 0, reason: expect.stringContaining('characters XML cannot carry') }));
  });

  const xmlFiles = listBuiltFiles(FIXTURE_DIST).filter((file) => file.endsWith('.xml'));

  test('every feed and sitemap is well-formed XML without them', () => {
    expect(xmlFiles).toContain('rss.xml');
    expect(xmlFiles).toContain('sitemap-index.xml');
    expect(xmlFiles.filter((file) => file.startsWith('topics/')).length).toBeGreaterThan(0);
    for (const file of xmlFiles) {
      const xml = readFileSync(join(FIXTURE_DIST, file), 'utf8');
      expect(XMLValidator.validate(xml), file).toBe(true);
      expect(NOT_XML.test(xml), file).toBe(false);
    }
  });

  test('every sitemap URL is served, the hostile listings included', async () => {
    const parser = new XMLParser();
    const urls = xmlFiles
      .filter((file) => /^sitemap-\d+\.xml$/.test(file))
      .flatMap((file) => [parser.parse(readFileSync(join(FIXTURE_DIST, file), 'utf8')).urlset.url].flat().map((u: { loc: string }) => u.loc));
    for (const name of HOSTILE_NAMES) expect(urls).toContain(`${FIXTURE_SITE}${FIXTURE_BASE}${routes.listing(listingId(name))}`);
    const missing: string[] = [];
    for (const loc of urls) {
      const response = await fetch(`${server.url}${loc.slice(`${FIXTURE_SITE}${FIXTURE_BASE}`.length)}`);
      if (!response.ok) missing.push(`${response.status} ${loc}`);
    }
    expect(missing).toEqual([]);
  });
});
