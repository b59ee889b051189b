/**
 * Reads what the cards show straight from the content files: the build hook runs after Astro's
 * content runtime is gone, so it parses the generated paper files and the taxonomy itself, with the
 * same parsers and schemas the site uses. Parsing 20,000 front matters takes 5 s, so the parsed data
 * of each file is remembered by the file's digest (in `memoFile`) for the next build.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mapLimit } from '../build/map-limit.ts';
import { libraryVersion } from '../build/source-digest.ts';
import { PAPERS_DIR, TOPICS_YAML } from '../content-paths.ts';
import type { CardCatalog, CatalogPaper } from '../lib/cards/card-specs.ts';
import { siteAddress } from '../lib/cards/card-specs.ts';
import { MemoCache, digestOf, savedEntries } from '../lib/memo-cache.ts';
import { parsePaperFile } from '../lib/paper-file.ts';
import { type PaperData, paperSchema } from '../lib/paper.ts';
import { parseTaxonomy } from '../lib/topics.ts';
import { SITE } from '../site.config.ts';

export interface CatalogLocation {
  /** The project root; relative content paths are resolved against it. */
  root: URL;
  site: string;
  base: string;
  /** Where parsed paper files are remembered between builds (a file of the card cache). */
  memoFile?: string;
  /** How many of the newest papers get a card of their own (card-policy.ts). */
  paperCards: number;
}

interface PaperMemo {
  /** The code that parsed the files: data parsed by other code is not reused. */
  version: string;
  papers: Record<string, PaperData>;
}

async function readMemo(file: string | undefined, version: string): Promise<Record<string, PaperData>> {
  if (!file) return {};
  try {
    return savedEntries<PaperData>(JSON.parse(await readFile(file, 'utf8')), version, 'papers');
  } catch {
    return {};
  }
}

async function readPapers(dir: string, memo: MemoCache<PaperData>): Promise<CatalogPaper[]> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((name) => name.endsWith('.mdx')).sort();
  return mapLimit(names, 64, async (name) => {
    const file = join(dir, name);
    const text = await readFile(file, 'utf8');
    const data = memo.get(digestOf(text), () => {
      const result = paperSchema.safeParse(parsePaperFile(text).data);
      if (!result.success) throw new Error(`social cards: ${file} is not a valid paper file: ${result.error.message}`);
      return result.data;
    });
    return { slug: name.slice(0, -'.mdx'.length), data };
  });
}

async function readTopics(file: string): Promise<CardCatalog['topics']> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return [];
  return parseTaxonomy(text).map(({ id, name, description }) => ({ id, name, description }));
}

export async function readCardCatalog({ root, site, base, memoFile, paperCards }: CatalogLocation): Promise<CardCatalog> {
  const version = libraryVersion();
  const memo = new MemoCache(await readMemo(memoFile, version));
  const [papers, topics] = await Promise.all([
    readPapers(fileURLToPath(new URL(`${PAPERS_DIR}/`, root)), memo),
    readTopics(fileURLToPath(new URL(TOPICS_YAML, root))),
  ]);
  if (memoFile && memo.changed) {
    // Written in place: a file torn by a killed build fails to parse next time and counts as empty.
    await mkdir(dirname(memoFile), { recursive: true });
    await writeFile(memoFile, JSON.stringify({ version, papers: memo.entries() } satisfies PaperMemo));
  }
  return {
    papers,
    topics,
    site: { name: SITE.title, description: SITE.description, address: siteAddress(site, base) },
    paperCards,
  };
}
