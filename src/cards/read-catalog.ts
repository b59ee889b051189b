/**
 * Reads what the cards show straight from the content files: the build hook runs after Astro's
 * content runtime is gone, so it parses the generated paper files and the taxonomy itself, with the
 * same parsers and schemas the site uses.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PAPERS_DIR, TOPICS_YAML } from '../content-paths.ts';
import type { CardCatalog, CatalogPaper } from '../lib/cards/card-specs.ts';
import { siteAddress } from '../lib/cards/card-specs.ts';
import { parsePaperFile } from '../lib/paper-file.ts';
import { paperSchema } from '../lib/paper.ts';
import { parseTaxonomy } from '../lib/topics.ts';
import { SITE } from '../site.config.ts';
import { mapLimit } from './map-limit.ts';

export interface CatalogLocation {
  /** The project root; relative content paths are resolved against it. */
  root: URL;
  site: string;
  base: string;
}

async function readPapers(dir: string): Promise<CatalogPaper[]> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((name) => name.endsWith('.mdx')).sort();
  return mapLimit(names, 64, async (name) => {
    const file = join(dir, name);
    const result = paperSchema.safeParse(parsePaperFile(await readFile(file, 'utf8')).data);
    if (!result.success) throw new Error(`social cards: ${file} is not a valid paper file: ${result.error.message}`);
    return { slug: name.slice(0, -'.mdx'.length), data: result.data };
  });
}

async function readTopics(file: string): Promise<CardCatalog['topics']> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return [];
  return parseTaxonomy(text).map(({ id, name, description }) => ({ id, name, description }));
}

export async function readCardCatalog({ root, site, base }: CatalogLocation): Promise<CardCatalog> {
  const [papers, topics] = await Promise.all([
    readPapers(fileURLToPath(new URL(`${PAPERS_DIR}/`, root))),
    readTopics(fileURLToPath(new URL(TOPICS_YAML, root))),
  ]);
  return { papers, topics, site: { name: SITE.title, description: SITE.description, address: siteAddress(site, base) } };
}
