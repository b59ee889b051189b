/**
 * Which listing's Daily Papers API fields a paper shows when several listings list it.
 *
 * - The AI summary, the keywords, the project page and the stars come from the newest listing that
 *   gives them (by capture day, then by input order): Hugging Face rewrites its summaries and
 *   keywords, and stars only count up, so the newest says what the service says now. Stars are of a
 *   repository, so they count only from a listing whose repository is the one the paper links.
 * - The submitter comes from the oldest listing that names one: a paper is put on the daily page
 *   once, and a later listing naming someone else records a resubmission.
 * - A paper is withdrawn when any listing says so, on the earliest day one says: a listing saved
 *   before the withdrawal cannot know of it, so its silence says nothing.
 */
import type { ApiFields } from '../paper/paper.ts';

export interface ApiFieldsEntry extends ApiFields {
  /** The day the entry's listing was captured, when known. */
  captured?: string | undefined;
  /** The code repository the entry's own listing gave (normalised). */
  ids?: { code?: string | undefined } | undefined;
}

/** Entries oldest first: by capture day (undated ones first, as the oldest), then in input order. */
function oldestFirst<T extends ApiFieldsEntry>(group: readonly T[]): T[] {
  return group
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => (a.entry.captured ?? '').localeCompare(b.entry.captured ?? '') || a.index - b.index)
    .map(({ entry }) => entry);
}

/** The API fields of a paper whose entries are `group` and whose code repository is `code`. */
export function mergeApiFields(group: readonly ApiFieldsEntry[], code: string | undefined): ApiFields {
  const entries = oldestFirst(group);
  const newest = entries.toReversed();
  const fields: ApiFields = {};
  const aiSummary = newest.find((e) => e.aiSummary)?.aiSummary;
  if (aiSummary) fields.aiSummary = aiSummary;
  const aiKeywords = newest.find((e) => e.aiKeywords)?.aiKeywords;
  if (aiKeywords) fields.aiKeywords = aiKeywords;
  const projectPage = newest.find((e) => e.projectPage)?.projectPage;
  // A project page that is the code repository itself is already the paper's code link.
  if (projectPage && projectPage.replace(/\/+$/, '') !== code) fields.projectPage = projectPage;
  const stars = code === undefined ? undefined : newest.find((e) => e.githubStars !== undefined && e.ids?.code === code)?.githubStars;
  if (stars !== undefined) fields.githubStars = stars;
  const submitter = entries.find((e) => e.submitter)?.submitter;
  if (submitter) fields.submitter = submitter;
  const withdrawn = entries.flatMap((e) => e.withdrawn ?? []).sort()[0];
  if (withdrawn) fields.withdrawn = withdrawn;
  return fields;
}
