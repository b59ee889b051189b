/**
 * Related papers as ingest writes them (`content/papers/_related.json`) and the site reads them.
 * They are worked out once per change of the catalog, by ingest on every core, instead of by each
 * `astro build` on one: at 50,000 papers that was 15 s of every build's page generation.
 *
 * The file is one line per paper (a new listing changes the lines of the papers whose matches
 * changed, not the whole file) and carries the key of what it was worked out from, so an ingest
 * that changed no title or abstract leaves it as it is without working anything out.
 */
import { z } from 'astro/zod';
import { digestOf } from '../cache/memo-cache.ts';

export const relatedFileSchema = z.object({
  key: z.string(),
  related: z.record(z.string(), z.array(z.string())),
});

export type RelatedFile = z.infer<typeof relatedFileSchema>;

export interface RelatedSource {
  slug: string;
  title: string;
  abstract: string;
}

/** What the matches depend on: every paper's slug, title and abstract, the count and the code's version. */
export function relatedKey(papers: readonly RelatedSource[], count: number, version: string): string {
  const sorted = [...papers].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  return digestOf([version, count, sorted.map((p) => [p.slug, p.title, p.abstract])]);
}

/** The file's text: papers in slug order, one line each; valid JSON. */
export function renderRelatedFile({ key, related }: RelatedFile): string {
  const slugs = Object.keys(related).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const lines = slugs.map((slug) => `    ${JSON.stringify(slug)}: ${JSON.stringify(related[slug])}`);
  return `{\n  "key": ${JSON.stringify(key)},\n  "related": {\n${lines.join(',\n')}${lines.length > 0 ? '\n' : ''}  }\n}\n`;
}

/** The file read back; throws with `file` named when it is not one ingest wrote. */
export function parseRelatedFile(text: string, file: string): RelatedFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not JSON (${(error as Error).message}): run \`npm run ingest\` to write it again`);
  }
  const parsed = relatedFileSchema.safeParse(json);
  if (!parsed.success) throw new Error(`${file} is not a related-papers file: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
