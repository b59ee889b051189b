import { stringify } from 'yaml';
import { splitFrontMatter } from './front-matter.ts';
import { abstractToMdx } from './mdx-body.ts';
import { type ApiFields, GENERATOR, type Paper, type PaperData, apiFieldsSchema, paperSchema } from './paper.ts';

const API_FIELDS = Object.keys(apiFieldsSchema.shape) as (keyof ApiFields)[];

/** Front matter in a fixed key order, so the same paper always gives the same bytes. */
function frontMatterOf(paper: Paper): PaperData {
  const data: PaperData = {
    title: paper.title,
    key: paper.key,
    upvotes: paper.upvotes,
    topics: paper.topics,
    sources: paper.sources,
    generator: GENERATOR,
  };
  if (paper.published) data.published = paper.published;
  if (paper.authors) data.authors = paper.authors;
  if (paper.organisation) data.organisation = paper.organisation;
  if (paper.authorNames) data.authorNames = paper.authorNames;
  if (paper.arxiv) data.arxiv = paper.arxiv;
  if (paper.arxivCategory) data.arxivCategory = paper.arxivCategory;
  if (paper.arxivSubmitted) data.arxivSubmitted = paper.arxivSubmitted;
  if (paper.doi) data.doi = paper.doi;
  if (paper.code) data.code = paper.code;
  if (paper.comments !== undefined) data.comments = paper.comments;
  for (const key of API_FIELDS) if (paper[key] !== undefined) Object.assign(data, { [key]: paper[key] });
  return paperSchema.parse(data);
}

/**
 * The whole generated `.mdx` file of a paper. Front matter is written by a YAML library (never by
 * string concatenation), the body by the MDX serialiser.
 */
export function renderPaperFile(paper: Paper): string {
  const yaml = stringify(frontMatterOf(paper), { lineWidth: 0, sortMapEntries: true });
  const body = abstractToMdx(paper.abstract);
  return `---\n${yaml}---\n${body ? `\n${body}` : ''}`;
}

/** Splits a paper file into its (unvalidated) front matter and MDX body. */
export const parsePaperFile = splitFrontMatter;

/**
 * A file's front matter and body if ingest wrote it (and so may rewrite or remove it), else
 * undefined. A file whose front matter does not even parse was written by someone else: it is left
 * alone, never an error.
 */
export function parseGeneratedPaperFile(text: string): ReturnType<typeof parsePaperFile> | undefined {
  let file: ReturnType<typeof parsePaperFile>;
  try {
    file = parsePaperFile(text);
  } catch {
    return undefined;
  }
  const { data } = file;
  return typeof data === 'object' && data !== null && (data as { generator?: unknown }).generator === GENERATOR ? file : undefined;
}

export const isGeneratedPaperFile = (text: string): boolean => parseGeneratedPaperFile(text) !== undefined;
