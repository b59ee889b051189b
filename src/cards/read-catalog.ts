/**
 * What the cards show, read after Astro has exited: the papers from the built site's `papers.json`
 * (the data the pages were rendered from, as the search index reads it too) and the topics'
 * descriptions from the taxonomy. One JSON file instead of every paper file: at 50,000 papers,
 * reading and parsing the paper files (with a 32 MB memo of them) took 4.4 s of every build, the
 * file 0.2 s.
 */
import { readFile } from 'node:fs/promises';
import { readBuiltCatalog } from '../build/built-site.ts';
import type { CardCatalog } from '../lib/cards/card-specs.ts';
import { siteAddress } from '../lib/cards/card-specs.ts';
import { parseTaxonomy } from '../lib/topics/topics.ts';
import { SITE } from '../site.config.ts';

export interface CatalogLocation {
  /** The built site's folder. */
  site: string;
  /** The taxonomy (topics.yaml); a missing file means no topics. */
  topicsFile: string;
  /** How many of the newest papers get a card of their own (card-policy.ts). */
  paperCards: number;
}

async function readTopics(file: string): Promise<CardCatalog['topics']> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return [];
  return parseTaxonomy(text).map(({ id, name, description }) => ({ id, name, description }));
}

export async function readCardCatalog({ site, topicsFile, paperCards }: CatalogLocation): Promise<CardCatalog> {
  const catalog = readBuiltCatalog(site, 'social cards');
  const home = new URL(catalog.url);
  return {
    papers: catalog.papers,
    topics: await readTopics(topicsFile),
    site: { name: SITE.title, description: SITE.description, address: siteAddress(home.origin, home.pathname) },
    paperCards,
  };
}
