import { z } from 'astro/zod';
import { ARXIV_ID_PATTERN } from '../identifiers/identifiers.ts';
import { ARXIV_CATEGORY_PATTERN } from '../identifiers/arxiv-category.ts';

/** Where a paper was seen: one entry of one listing dump. */
export const sourceSchema = z.object({
  listing: z.string().min(1),
  file: z.string().min(1),
  line: z.number().int().positive(),
  /** 0-based index of the item in a JSON listing. */
  item: z.number().int().nonnegative().optional(),
  captured: z.iso.date().optional(),
});

export const organisationSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
});

/** Who put the paper on the Daily Papers page: their Hugging Face user name, full name, or both. */
export const submitterSchema = z
  .object({
    user: z
      .string()
      .regex(/^[A-Za-z0-9][\w.-]{0,95}$/)
      .optional(),
    fullname: z.string().min(1).max(100).optional(),
  })
  .refine((s) => s.user !== undefined || s.fullname !== undefined, 'a submitter needs a user name or a full name');

/**
 * What the Daily Papers API says of a paper beyond the listing's own fields (see
 * src/lib/listing/api-fields.ts for the bounds, and src/lib/merge/api-fields.ts for which listing
 * wins). All of it is input: text is shown as text, and only http(s) URLs are kept.
 */
export const apiFieldsSchema = z.object({
  /** Written by Hugging Face's AI, not the authors: every page that shows it says so. */
  aiSummary: z.string().min(1).max(400).optional(),
  aiKeywords: z.array(z.string().min(1).max(60)).min(1).max(12).optional(),
  projectPage: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .optional(),
  /** Stars of the code repository, as the listing that gave `code` counted them. */
  githubStars: z.number().int().nonnegative().optional(),
  /** The day Hugging Face marked the paper withdrawn: it is then kept out of the feeds. */
  withdrawn: z.iso.date().optional(),
  submitter: submitterSchema.optional(),
});

/**
 * The one definition of a paper's front matter. Ingest validates every file it writes against it and
 * the site's content collection uses it too, so the two can never disagree about a field.
 */
export const paperSchema = z.object({
  title: z.string().min(1),
  /** Normalised title: the identity used for dedupe and slug suffixes. */
  key: z.string().min(1),
  published: z.iso.date().optional(),
  /** How many authors the listing counted; `authorNames.length` when the names are known. */
  authors: z.number().int().positive().optional(),
  /** The authors in the paper's order, when a listing named them (Daily Papers JSON). */
  authorNames: z.array(z.string().min(1)).min(1).optional(),
  /** The arXiv id without its version (`2310.06825`, `hep-th/9901001`). */
  arxiv: z.string().regex(ARXIV_ID_PATTERN).optional(),
  /** arXiv's primary category (`cs.LG`), as recorded in content/identifiers.yaml: BibTeX's `primaryClass`. */
  arxivCategory: z.string().regex(ARXIV_CATEGORY_PATTERN).optional(),
  /** The day of the first arXiv version, as recorded in content/identifiers.yaml: an e-print's date. */
  arxivSubmitted: z.iso.date().optional(),
  /** Lowercase, without a resolver prefix (`10.1000/xyz`). */
  doi: z
    .string()
    .regex(/^10\.\d{4,9}\/\S+$/)
    .optional(),
  /** The paper's code repository (`https://github.com/owner/repo`). */
  code: z.url({ protocol: /^https$/ }).optional(),
  /** Comments on the paper's Hugging Face page, when a listing said. */
  comments: z.number().int().nonnegative().optional(),
  organisation: organisationSchema.optional(),
  ...apiFieldsSchema.shape,
  upvotes: z.number().int().nonnegative(),
  topics: z.array(z.string()),
  sources: z.array(sourceSchema).min(1),
  /** Marks files ingest owns, so it only ever removes what it wrote itself. */
  generator: z.literal('papershelf-ingest'),
});

export type PaperSource = z.infer<typeof sourceSchema>;
export type Organisation = z.infer<typeof organisationSchema>;
export type Submitter = z.infer<typeof submitterSchema>;
export type ApiFields = z.infer<typeof apiFieldsSchema>;
export type PaperData = z.infer<typeof paperSchema>;

/** A paper as ingest knows it: front matter plus the abstract text (not yet MDX). */
export interface Paper extends PaperData {
  slug: string;
  abstract: string;
}

/** A paper as ingest merges it from its listings: everything but the topics, which the taxonomy decides. */
export type MergedPaper = Omit<Paper, 'topics'>;

export const GENERATOR = 'papershelf-ingest' as const;
