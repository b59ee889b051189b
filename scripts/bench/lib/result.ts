/** The benchmark's JSON result (`npm run bench -- --out FILE`), the input of targets and tables. */
import type { StageKind } from './stages.ts';
import type { ScriptPurpose } from './page-scripts.ts';

export interface StageResult {
  name: string;
  kind: StageKind;
  seconds: number;
  cpuSeconds: number;
  peakRssMiB: number | null;
}

/** One `ingest` + `astro build` + finishing steps (search index, service worker). */
export interface BuildResult {
  seconds: number;
  stages: StageResult[];
  /** Largest single-process peak of each command (ingest, astro, each finishing step), from `/usr/bin/time -v` (null without it). */
  processPeakRssMiB: Record<string, number | null>;
  /** MDX paper files ingest (re)wrote. */
  mdxWritten: number;
  /** Files in the card cache written during this build (null: no card cache folder). */
  cardsRendered: number | null;
  /** Paper pages Astro rendered in this build; the others were reused from its incremental cache. */
  paperPagesRendered: number;
}

export interface ReferenceResult {
  seconds: number;
  peakRssMiB: number | null;
  pages: number;
}

export interface PageSizes {
  count: number;
  medianBytes: number;
  medianGzipBytes: number;
  largestBytes: number;
  largestGzipBytes: number;
  largestPath: string;
}

export interface ShippedScript {
  source: string;
  /** What it carries: one purpose for a component's script, each one found for a layout's bundle. */
  purposes: ScriptPurpose[];
  /** The script and the chunks it imports statically. */
  bytes: number;
}

export interface SearchResult {
  page: string;
  input: string;
  queries: { query: string; ms: number | null }[];
  medianMs: number;
  p95Ms: number;
  /** Everything fetched from opening the search page to the first paint of the first query's results (gzip for text, as Pages sends it). */
  firstQueryBytes: number;
  /** Of which the page itself (before typing). */
  pageBytes: number;
  /** Everything fetched until the network went quiet after the first query: the rest of a sharded index arrives after its first results. */
  indexCompleteBytes: number;
  /** All the queries after the first. */
  laterQueriesBytes: number;
  /** The largest downloads up to the first query's results. */
  largestFetches: { path: string; bytes: number }[];
}

export type Skipped = { skipped: string };

export interface BenchResult {
  version: 1;
  papers: number;
  date: string;
  command: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; loadBefore: number[]; loadAfter: number[]; node: string; astro: string; pagefind: string };
  catalog: { listings: number; entries: number; papers: number; rejected: number; topics: number; extraPapers: number };
  /** Kinds of the stages the build had (ingest, content, pages, search, cards, …). */
  stagesPresent: StageKind[];
  cold: BuildResult;
  warm: BuildResult;
  incremental: BuildResult;
  output: {
    pages: number;
    files: number;
    distBytes: number;
    searchIndex: { bytes: number; files: number } | null;
    paperPages: PageSizes;
    paperPageScripts: ShippedScript[];
    cards: number;
    /** The papers' own cards (`cards` counts topic and site cards too). */
    paperCards: { count: number; bytes: number };
  };
  references: { floor: ReferenceResult | Skipped; hugo: (ReferenceResult & { version: string }) | Skipped; hugoPagefind: ReferenceResult | Skipped };
  search: SearchResult | Skipped;
}

export const isSkipped = (value: object): value is Skipped => 'skipped' in value;
