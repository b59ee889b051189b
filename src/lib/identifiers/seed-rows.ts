/**
 * Rows of arXiv ids and author names gathered for the catalog's papers by someone else (the default
 * catalog's seed, `../shared/seed-identifiers/*.tsv`: slug, arxiv, authors, source, match, note),
 * checked against the project's own rules before any is taken. A row is taken whole, taken without
 * its names (the id passes, the names do not), or rejected; every row not taken whole says why.
 */
import { type IdentifierRecord, authorName } from './identifier-sidecar.ts';
import { PLAUSIBLE_MONTHS, arxivIdFitsDate, arxivMonth, parseArxivId } from './identifiers.ts';

export const SEED_COLUMNS = ['slug', 'arxiv', 'authors', 'source', 'match', 'note'] as const;
type Column = (typeof SEED_COLUMNS)[number];

export interface SeedRow {
  file: string;
  /** 1-based line in the file. */
  line: number;
  cells: Record<Column, string>;
}

/** What one listing entry of a paper says of it. */
export interface SeedEntry {
  /** The day the listing prints for the paper (a daily page prints the first version's). */
  published?: string | undefined;
  /** The listing's "N authors", when it counts them. */
  authors?: number | undefined;
}

/** What a row is checked against: a paper of the catalog, with each listing entry merged into it. */
export interface SeedPaper {
  slug: string;
  entries: SeedEntry[];
  /** An arXiv id the paper has already (from a listing or content/identifiers.yaml). */
  arxiv?: string | undefined;
}

/** Why a row, or its names, were not taken. */
export type SeedReason =
  | 'columns'
  | 'duplicate-slug'
  | 'unknown-slug'
  | 'no-id'
  | 'bad-id'
  | 'match'
  | 'title'
  | 'source'
  | 'id-differs'
  | 'id-taken'
  | 'duplicate-id'
  | 'date'
  | 'doubt'
  | 'author-count'
  | 'author-name'
  | 'author-repeated';

export interface SeedRejection {
  file: string;
  line: number;
  slug: string;
  arxiv: string;
  /** `row`: nothing of it is taken; `authors`: its id is taken, its names are not. */
  rejected: 'row' | 'authors';
  code: SeedReason;
  reason: string;
}

export interface SeedCheck {
  /** What to record, by slug. */
  accepted: IdentifierRecord[];
  /** In file and line order. */
  rejected: SeedRejection[];
}

/** Reads one TSV file of seed rows. A header that lacks a column is one rejection, and no rows. */
export function parseSeedTsv(file: string, text: string): { rows: SeedRow[]; rejected: SeedRejection[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = lines[0]!.split('\t').map((h) => h.trim());
  const missing = SEED_COLUMNS.filter((c) => !header.includes(c));
  const problem = (line: number, slug: string, reason: string): SeedRejection => ({ file, line, slug, arxiv: '', rejected: 'row', code: 'columns', reason });
  if (missing.length > 0) return { rows: [], rejected: [problem(1, '', `the header lacks ${missing.join(', ')}: no row of the file is read`)] };
  const rows: SeedRow[] = [];
  const rejected: SeedRejection[] = [];
  lines.slice(1).forEach((text, i) => {
    if (text.trim() === '') return;
    const values = text.split('\t');
    if (values.length !== header.length) {
      rejected.push(problem(i + 2, values[header.indexOf('slug')]?.trim() ?? '', `${values.length} tab-separated cells where the header has ${header.length}`));
      return;
    }
    const cells = Object.fromEntries(SEED_COLUMNS.map((c) => [c, values[header.indexOf(c)]!.trim()])) as Record<Column, string>;
    rows.push({ file, line: i + 2, cells });
  });
  return { rows, rejected };
}

/** Names as the row gives them, `; ` between them. */
const namesOf = (cell: string) => (cell === '' ? [] : cell.split(';').map(authorName));

/** A note that says which arXiv version an author list follows explains a count that differs from the listing's. */
const NAMES_A_VERSION = /\bv\d+\b|\bversions?\b/i;
/** A note that doubts the row: its names, when it speaks of authors, else the whole row. */
const DOUBT = /\b(?:unverified|uncertain|unconfirmed)\b/i;

function isHttpUrl(text: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}

const monthOf = (id: string) => {
  const { year, month } = arxivMonth(id);
  return `${year}-${String(month).padStart(2, '0')}`;
};

/** The first listing date of the paper that the id does not fit: each entry merged into it must be that paper. */
const misfit = (id: string, paper: SeedPaper) => paper.entries.find((e) => e.published && !arxivIdFitsDate(id, e.published))?.published;

/** Why the names cannot be taken as the paper's, or undefined when they can. */
function namesProblem(names: string[], paper: SeedPaper, note: string): { code: SeedReason; reason: string } | undefined {
  if (DOUBT.test(note) && /author/i.test(note)) return { code: 'doubt', reason: `the note doubts the names ("${note}")` };
  const odd = names.find((n) => n === '' || /[()[\]{}<>\\$,]|https?:/.test(n));
  if (odd !== undefined) {
    const what = odd === '' ? 'an empty name' : /,/.test(odd) ? `"${odd}" is written family name first` : `"${odd}" carries brackets, markup or a link, not a name alone`;
    return { code: 'author-name', reason: what };
  }
  const repeated = names.find((n, i) => names.indexOf(n) !== i);
  if (repeated) return { code: 'author-repeated', reason: `"${repeated}" is named twice` };
  const counted = paper.entries.find((e) => e.authors !== undefined && e.authors !== names.length);
  if (counted && !NAMES_A_VERSION.test(note)) {
    return { code: 'author-count', reason: `${names.length} names where the listing counts ${counted.authors} authors, and the note names no arXiv version the list follows` };
  }
  return undefined;
}

/**
 * Checks every row against the catalog: the slug is a paper's (and only one row's), the id is a
 * well-formed arXiv id that no other paper or row has and that fits the date of every listing entry
 * merged into the paper by the rule abstracts' ids follow (`arxivIdFitsDate`), the source showed the catalog's title (`match` exact:
 * a `close` row gives no arXiv title to hold to the 0.9 title similarity resolve asks), and a page
 * is named for it. Names are taken with the id when they are names alone, none twice, and as many
 * as each listing entry counts (or the note says which arXiv version the list follows).
 */
export function checkSeedRows(rows: readonly SeedRow[], papers: readonly SeedPaper[]): SeedCheck {
  const bySlug = new Map(papers.map((p) => [p.slug, p]));
  const slugByArxiv = new Map(papers.flatMap((p) => (p.arxiv ? [[p.arxiv, p.slug] as const] : [])));
  const count = <K>(keys: K[]) => keys.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<K, number>());
  const slugRows = count(rows.map((r) => r.cells.slug));
  const idOf = (r: SeedRow) => parseArxivId(r.cells.arxiv)?.id;
  const idRows = new Map<string, SeedRow[]>();
  for (const row of rows) {
    const id = idOf(row);
    if (id && bySlug.has(row.cells.slug)) idRows.set(id, [...(idRows.get(id) ?? []), row]);
  }

  const accepted: IdentifierRecord[] = [];
  const rejected: SeedRejection[] = [];
  for (const row of rows) {
    const { slug, arxiv, authors, source, match, note } = row.cells;
    const reject = (code: SeedReason, reason: string, part: SeedRejection['rejected'] = 'row') => rejected.push({ file: row.file, line: row.line, slug, arxiv, rejected: part, code, reason });
    const paper = bySlug.get(slug);
    const id = idOf(row);
    if (slugRows.get(slug)! > 1) reject('duplicate-slug', `${slugRows.get(slug)} rows name ${slug}: none is taken`);
    else if (!paper) reject('unknown-slug', `${slug} is no paper of the catalog`);
    else if (arxiv === '') reject('no-id', `no arXiv id (match ${match || 'empty'}${note ? `: ${note}` : ''})`);
    else if (!id) reject('bad-id', `"${arxiv}" is not an arXiv id`);
    else if (match === 'close')
      reject('title', `match close: the row gives no arXiv title to hold to the title rule (similarity of at least 0.9); resolve or check it by hand${note ? ` (${note})` : ''}`);
    else if (match !== 'exact') reject('match', `match "${match}": the source did not show the paper's title with the id`);
    else if (!isHttpUrl(source)) reject('source', `the source "${source}" is no http(s) page`);
    else if (paper.arxiv && paper.arxiv !== id) reject('id-differs', `the paper has arXiv ${paper.arxiv} already`);
    else if (slugByArxiv.has(id) && slugByArxiv.get(id) !== slug) reject('id-taken', `arXiv ${id} is the id of ${slugByArxiv.get(id)} already`);
    else if (idRows.get(id)!.length > 1)
      reject(
        'duplicate-id',
        `arXiv ${id} is given to ${idRows
          .get(id)!
          .map((r) => r.cells.slug)
          .join(' and ')}`,
      );
    else if (misfit(id, paper)) {
      reject('date', `a listing dates the paper ${misfit(id, paper)}, outside ${PLAUSIBLE_MONTHS.before} month before to ${PLAUSIBLE_MONTHS.after} after its id's month ${monthOf(id)}`);
    } else if (DOUBT.test(note) && !/author/i.test(note)) reject('doubt', `the note doubts the row ("${note}")`);
    else {
      const names = namesOf(authors);
      const problem = names.length > 0 ? namesProblem(names, paper, note) : undefined;
      if (problem) reject(problem.code, problem.reason, 'authors');
      accepted.push(names.length > 0 && !problem ? { slug, arxiv: id, authors: names } : { slug, arxiv: id });
    }
  }
  accepted.sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  rejected.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  return { accepted, rejected };
}

/** The rejections as a TSV file: one row each, in file and line order. */
export function renderSeedRejections(rejected: readonly SeedRejection[]): string {
  const clean = (text: string | number) => String(text).replace(/[\t\r\n]+/g, ' ');
  const header = ['file', 'line', 'slug', 'arxiv', 'rejected', 'code', 'reason'];
  return `${[header, ...rejected.map((r) => [r.file, r.line, r.slug, r.arxiv, r.rejected, r.code, r.reason])].map((cells) => cells.map(clean).join('\t')).join('\n')}\n`;
}
