/**
 * Figures for the topic pages, computed from papers' topics and publication dates. Pure: papers in,
 * plain numbers out, in a fixed order so the same catalog always gives the same pages.
 */

export interface TopicPaper {
  data: { topics: readonly string[]; published?: string | undefined };
}

export interface YearCount {
  year: number;
  count: number;
}

export interface YearSpan {
  from: number;
  to: number;
}

const yearOf = (paper: TopicPaper) => (paper.data.published ? Number(paper.data.published.slice(0, 4)) : undefined);

/** The first and last publication year of the catalog, so every topic's chart shares one axis. */
export function yearSpan(papers: readonly TopicPaper[]): YearSpan | undefined {
  const years = papers.flatMap((p) => yearOf(p) ?? []);
  if (years.length === 0) return undefined;
  return { from: Math.min(...years), to: Math.max(...years) };
}

/** Papers per year over `span`, oldest first, with the years that have none as zeros. */
export function papersPerYear(papers: readonly TopicPaper[], span: YearSpan): YearCount[] {
  const counts = new Map<number, number>();
  for (const paper of papers) {
    const year = yearOf(paper);
    if (year !== undefined) counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  const outside = [...counts.keys()].filter((y) => y < span.from || y > span.to);
  if (outside.length > 0) throw new RangeError(`papers from ${outside.join(', ')} fall outside ${span.from}–${span.to}`);
  return Array.from({ length: span.to - span.from + 1 }, (_, i) => ({ year: span.from + i, count: counts.get(span.from + i) ?? 0 }));
}

export function undatedCount(papers: readonly TopicPaper[]): number {
  return papers.filter((p) => yearOf(p) === undefined).length;
}

export interface TopicCount {
  id: string;
  count: number;
}

/** The other topics of a topic's papers, most shared first (ties by id). */
export function coOccurringTopics(papers: readonly TopicPaper[], topic: string): TopicCount[] {
  const counts = new Map<string, number>();
  for (const paper of papers) {
    if (!paper.data.topics.includes(topic)) continue;
    for (const other of new Set(paper.data.topics)) if (other !== topic) counts.set(other, (counts.get(other) ?? 0) + 1);
  }
  return [...counts].map(([id, count]) => ({ id, count })).sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export interface TopicOverview {
  /** Papers per year on the catalog's axis (empty when no paper is dated). */
  counts: YearCount[];
  undated: number;
  /** The `limit` topics most often tagged together with this one. */
  together: TopicCount[];
}

/** The figures at the top of a topic's page, from its papers and the catalog's year span. */
export function topicOverview(papers: readonly TopicPaper[], topic: string, span: YearSpan | undefined, limit: number): TopicOverview {
  return {
    counts: span ? papersPerYear(papers, span) : [],
    undated: undatedCount(papers),
    together: coOccurringTopics(papers, topic).slice(0, limit),
  };
}

/** Papers without any topic: the "Other" section of the topic index. */
export function untaggedPapers<P extends TopicPaper>(papers: readonly P[]): P[] {
  return papers.filter((p) => p.data.topics.length === 0);
}

/**
 * The top of a chart's value axis: a round number at or above `max` whose half is a whole number,
 * so both gridlines are counts a reader can check against the bars.
 */
export function niceCeiling(max: number): number {
  if (max <= 1) return 2;
  if (max <= 10) return Math.ceil(max / 2) * 2;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  return [1, 2, 5, 10].map((f) => f * magnitude).find((ceiling) => ceiling >= max)!;
}

/** The busiest year (the most recent one on a tie), for a chart's one-line summary. */
export function peakYear(counts: readonly YearCount[]): YearCount | undefined {
  return counts.reduce<YearCount | undefined>((best, c) => (c.count > 0 && (!best || c.count >= best.count) ? c : best), undefined);
}
