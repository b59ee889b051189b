/** Grouping of dated papers by publication year and month, for the archive pages. */
import { parseIsoDate } from '../listing/dates.ts';
import { pageOf, pagePath } from '../site/pagination.ts';
import { routes } from '../site/urls.ts';

/** The archive folder for papers without a date, beside the year folders. */
export const UNDATED = 'undated';

/** Root-relative link to a month's heading, on the page of its year's list where the month begins. */
export function monthPath(key: string, page: number): string {
  return `${pagePath(routes.archiveYear(key.slice(0, 4)), page)}#${key}`;
}

export interface Dated {
  data: { published?: string | undefined };
}

export interface MonthGroup<P> {
  /** `2024-05`: also the anchor of the month's heading. */
  key: string;
  year: number;
  month: number;
  papers: P[];
}

export interface YearGroup<P> {
  year: number;
  papers: P[];
}

function monthKey(iso: string): string {
  return iso.slice(0, 7);
}

/**
 * Consecutive runs of papers published in the same month, in the order given (papers come
 * newest first, so each month is one run). Undated papers are skipped.
 */
export function groupByMonth<P extends Dated>(papers: readonly P[]): MonthGroup<P>[] {
  const groups: MonthGroup<P>[] = [];
  for (const paper of papers) {
    const published = paper.data.published;
    if (!published) continue;
    const key = monthKey(published);
    const last = groups.at(-1);
    if (last?.key === key) last.papers.push(paper);
    else {
      const { year, month } = parseIsoDate(published);
      groups.push({ key, year, month, papers: [paper] });
    }
  }
  return groups;
}

/** Consecutive runs of papers published in the same year, in the order given; undated skipped. */
export function groupByYear<P extends Dated>(papers: readonly P[]): YearGroup<P>[] {
  const groups: YearGroup<P>[] = [];
  for (const paper of papers) {
    if (!paper.data.published) continue;
    const year = parseIsoDate(paper.data.published).year;
    const last = groups.at(-1);
    if (last?.year === year) last.papers.push(paper);
    else groups.push({ year, papers: [paper] });
  }
  return groups;
}

export interface MonthEntry {
  key: string;
  month: number;
  count: number;
  /** Page of the year's paginated list where the month begins. */
  page: number;
}

/** The months of one year's papers (newest first) with where each begins when paginated. */
export function monthIndex<P extends Dated>(yearPapers: readonly P[], pageSize: number): MonthEntry[] {
  let offset = 0;
  return groupByMonth(yearPapers).map((group) => {
    const entry = { key: group.key, month: group.month, count: group.papers.length, page: pageOf(offset, pageSize) };
    offset += group.papers.length;
    return entry;
  });
}
