/**
 * The targets of the scale work, judged from one benchmark result: project issue 8's for a catalog
 * of 20,000 papers, and issue 18's for the whole archive (50,000 papers on GitHub Pages: bytes per
 * paper, page and card sizes, a cold build within the hour). Every run prints all of them; a
 * smaller one reads them as an early warning.
 */
import { type BenchResult, type BuildResult, isSkipped } from './result.ts';

export type Status = 'PASS' | 'FAIL' | 'SKIP';

export interface TargetRow {
  target: string;
  measured: string;
  status: Status;
}

/** Issue 8 set its targets for 20,000 papers, issue 18 its own for 50,000. */
export const TARGET_PAPERS = [20_000, 50_000] as const;
const MAX_RSS_MIB = 3 * 1024;
const MAX_REFERENCE_RATIO = 2;
const MIN_CARD_CORE_SHARE = 0.75;
const MAX_INCREMENTAL_SHARE = 0.1;
const MAX_PAGE_BYTES = 10 * 1024;
/** 50,000 papers in GitHub Pages' 1 GB. */
const MAX_SITE_BYTES_PER_PAPER = 20_000;
const MAX_CARD_AVERAGE_BYTES = 12 * 1024;
const MAX_COLD_SECONDS = 60 * 60;
const MAX_PAGE_GZIP_BYTES = 8 * 1024;
const MAX_SEARCH_MEDIAN_MS = 150;
const MAX_SEARCH_P95_MS = 400;
const MAX_FIRST_QUERY_BYTES = 500 * 1024;

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const s = (seconds: number) => `${seconds.toFixed(1)} s`;
const judge = (ok: boolean): Status => (ok ? 'PASS' : 'FAIL');

function stageSeconds(build: BuildResult, kind: string): number {
  return build.stages.filter((stage) => stage.kind === kind).reduce((sum, stage) => sum + stage.seconds, 0);
}

/** Cold time of everything but social cards: ingest, Astro, search index (and any other stage). */
export function pagesAndSearchSeconds(build: BuildResult): number {
  return build.seconds - stageSeconds(build, 'cards');
}

function referenceRow(result: BenchResult): TargetRow {
  const target = 'pages + search, cold: at most 2x Hugo + Pagefind';
  const { hugo, hugoPagefind } = result.references;
  if (isSkipped(hugo)) return { target, measured: `no Hugo reference: ${hugo.skipped}`, status: 'SKIP' };
  if (isSkipped(hugoPagefind)) return { target, measured: `no Pagefind on Hugo: ${hugoPagefind.skipped}`, status: 'SKIP' };
  const ours = pagesAndSearchSeconds(result.cold);
  const reference = hugo.seconds + hugoPagefind.seconds;
  const ratio = ours / reference;
  return { target, measured: `${s(ours)} vs ${s(reference)} = ${ratio.toFixed(2)}x`, status: judge(ratio <= MAX_REFERENCE_RATIO) };
}

function memoryRow(result: BenchResult): TargetRow {
  const target = 'peak RSS under 3 GiB in every stage (cold)';
  const measured = result.cold.stages.filter((stage) => stage.peakRssMiB !== null);
  if (measured.length === 0) return { target, measured: 'no memory samples', status: 'SKIP' };
  const worst = measured.reduce((a, b) => (b.peakRssMiB! > a.peakRssMiB! ? b : a));
  return { target, measured: `max ${worst.peakRssMiB!.toFixed(0)} MiB (${worst.name})`, status: judge(worst.peakRssMiB! < MAX_RSS_MIB) };
}

function cardRows(result: BenchResult): TargetRow[] {
  const cards = result.cold.stages.filter((stage) => stage.kind === 'cards');
  const parallel = 'social cards: rendered in parallel on all cores';
  const warm = 'social cards: a warm rebuild renders none';
  if (cards.length === 0 || result.cold.cardsRendered === null) {
    const none = { measured: 'no social-card stage in this build', status: 'SKIP' as const };
    return [
      { target: parallel, ...none },
      { target: warm, ...none },
    ];
  }
  const seconds = cards.reduce((sum, stage) => sum + stage.seconds, 0);
  const cores = cards.reduce((sum, stage) => sum + stage.cpuSeconds, 0) / Math.max(seconds, 1e-9);
  const rate = result.cold.cardsRendered / Math.max(seconds, 1e-9);
  return [
    {
      target: parallel,
      measured: `${result.cold.cardsRendered} cards in ${s(seconds)} = ${rate.toFixed(0)}/s, ${cores.toFixed(2)} of ${result.machine.cpus} cores busy`,
      status: judge(cores >= MIN_CARD_CORE_SHARE * result.machine.cpus),
    },
    { target: warm, measured: `${result.warm.cardsRendered} rendered`, status: judge(result.warm.cardsRendered === 0) },
  ];
}

function incrementalRows(result: BenchResult): TargetRow[] {
  const added = result.catalog.extraPapers;
  const share = result.incremental.seconds / result.cold.seconds;
  const { hugo, hugoPagefind } = result.references;
  const reference = isSkipped(hugo) || isSkipped(hugoPagefind) ? undefined : hugo.seconds + hugoPagefind.seconds;
  const againstHugo: TargetRow = {
    target: 'incremental (+1 listing): faster than Hugo + Pagefind cold',
    measured: reference === undefined ? 'no Hugo + Pagefind reference' : `${s(result.incremental.seconds)} vs ${s(reference)}`,
    status: reference === undefined ? 'SKIP' : judge(result.incremental.seconds < reference),
  };
  // New papers change their topics' counts, so those topic cards (and the site card) are redrawn too.
  const cardLimit = added + result.catalog.topics + 1;
  const cards = result.incremental.cardsRendered;
  return [
    {
      target: 'incremental (+1 listing): at most 10% of cold, cards included',
      measured: `${s(result.incremental.seconds)} / ${s(result.cold.seconds)} = ${(share * 100).toFixed(0)}%`,
      status: judge(share <= MAX_INCREMENTAL_SHARE),
    },
    againstHugo,
    {
      target: `incremental redoes ~${added} MDX files and cards, not N`,
      measured: `${result.incremental.mdxWritten} MDX files, ${cards === null ? 'no card cache' : `${cards} cards`}`,
      status: judge(result.incremental.mdxWritten <= added && (cards === null || cards <= cardLimit)),
    },
  ];
}

function pageRows(result: BenchResult): TargetRow[] {
  const pages = result.output.paperPages;
  const others = result.output.paperPageScripts.filter((script) => script.purposes.includes('other'));
  const shipped = result.output.paperPageScripts.map((script) => `${script.purposes.join(' + ')} ${kib(script.bytes)}`).join(', ') || 'none';
  return [
    { target: 'paper page HTML at most 10 KiB (largest)', measured: `${kib(pages.largestBytes)} (median ${kib(pages.medianBytes)})`, status: judge(pages.largestBytes <= MAX_PAGE_BYTES) },
    {
      target: 'paper page under 8 KB gzipped (largest)',
      measured: `${kib(pages.largestGzipBytes)} (median ${kib(pages.medianGzipBytes)})`,
      status: judge(pages.largestGzipBytes < MAX_PAGE_GZIP_BYTES),
    },
    {
      target: 'paper page ships no JS but theme toggle, search entry and copy buttons',
      measured: others.length === 0 ? shipped : `also ${others.map((o) => o.source).join(', ')}`,
      status: judge(others.length === 0),
    },
  ];
}

/** Issue 18: the whole site fits GitHub Pages at 50,000 papers, and a cold build of it takes under an hour. */
function archiveRows(result: BenchResult): TargetRow[] {
  const { distBytes, paperCards } = result.output;
  const perPaper = distBytes / result.catalog.papers;
  const cardTarget = 'paper cards at most 12 KiB on average';
  const average = paperCards.bytes / paperCards.count;
  const cardRow: TargetRow =
    paperCards.count === 0
      ? { target: cardTarget, measured: 'no cards in this build', status: 'SKIP' }
      : { target: cardTarget, measured: `${kib(average)} (${paperCards.count} cards)`, status: judge(average <= MAX_CARD_AVERAGE_BYTES) };
  const hasCards = result.cold.stages.some((stage) => stage.kind === 'cards');
  return [
    {
      target: 'whole site at most 20 KB per paper (50,000 papers in 1 GB)',
      measured: `${(perPaper / 1000).toFixed(1)} KB (${(distBytes / 1e9).toFixed(2)} GB for ${result.catalog.papers} papers; ${((perPaper * 50_000) / 1e9).toFixed(2)} GB at 50,000)`,
      status: judge(perPaper <= MAX_SITE_BYTES_PER_PAPER),
    },
    cardRow,
    {
      target: 'cold build, cards included, within 60 minutes',
      measured: hasCards ? `${(result.cold.seconds / 60).toFixed(1)} min` : 'no social-card stage in this build',
      status: hasCards ? judge(result.cold.seconds <= MAX_COLD_SECONDS) : 'SKIP',
    },
  ];
}

function searchRows(result: BenchResult): TargetRow[] {
  const targets = ['search: median under 150 ms', 'search: p95 under 400 ms', 'search: first query fetches under 500 KB'];
  if (isSkipped(result.search)) {
    const reason = result.search.skipped;
    return targets.map((target) => ({ target, measured: reason, status: 'SKIP' as const }));
  }
  const { medianMs, p95Ms, firstQueryBytes, pageBytes, indexCompleteBytes, queries } = result.search;
  const failed = queries.filter((q) => q.ms === null).length;
  const note = failed > 0 ? ` (${failed} queries showed no results)` : '';
  return [
    { target: targets[0]!, measured: `${medianMs.toFixed(0)} ms${note}`, status: judge(medianMs < MAX_SEARCH_MEDIAN_MS && failed === 0) },
    { target: targets[1]!, measured: `${p95Ms.toFixed(0)} ms${note}`, status: judge(p95Ms < MAX_SEARCH_P95_MS && failed === 0) },
    {
      target: targets[2]!,
      measured: `${kib(firstQueryBytes)} (page ${kib(pageBytes)}; whole index ${kib(indexCompleteBytes)})`,
      status: judge(firstQueryBytes < MAX_FIRST_QUERY_BYTES),
    },
  ];
}

export function evaluateTargets(result: BenchResult): TargetRow[] {
  return [referenceRow(result), memoryRow(result), ...cardRows(result), ...incrementalRows(result), ...pageRows(result), ...archiveRows(result), ...searchRows(result)];
}
