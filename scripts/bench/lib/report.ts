/** The benchmark's printed report: Markdown tables, readable in a terminal and pasteable into docs. */
import { type BenchResult, type BuildResult, type StageResult, isSkipped } from './result.ts';
import { TARGET_PAPERS, type TargetRow, pagesAndSearchSeconds } from './targets.ts';

/** A Markdown table with columns padded to equal width; columns of plain numbers are right-aligned. */
export function markdownTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const numeric = headers.map((_, i) => rows.length > 0 && rows.every((r) => /^(?:-?[\d.,]+|-|)$/.test(r[i] ?? '')));
  const cell = (text: string, i: number) => (numeric[i] ? text.padStart(widths[i]!) : text.padEnd(widths[i]!));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => cell(c ?? '', i)).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (numeric[i] ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(headers), rule, ...rows.map(line)].join('\n');
}

const sec = (seconds: number | undefined) => (seconds === undefined ? '-' : seconds.toFixed(1));
const mib = (value: number | null | undefined) => (value === null || value === undefined ? '-' : value.toFixed(0));
const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`);

function stageRows(result: BenchResult): string[][] {
  const runs: [BuildResult, string][] = [
    [result.cold, 'cold'],
    [result.warm, 'warm'],
    [result.incremental, 'incremental'],
  ];
  const names: StageResult[] = [];
  for (const [run] of runs) for (const stage of run.stages) if (!names.some((n) => n.name === stage.name)) names.push(stage);
  const find = (run: BuildResult, name: string) => run.stages.find((stage) => stage.name === name);
  const rows = names.map(({ name }) => {
    const cold = find(result.cold, name);
    return [name, sec(cold?.seconds), sec(cold?.cpuSeconds), mib(cold?.peakRssMiB), sec(find(result.warm, name)?.seconds), sec(find(result.incremental, name)?.seconds)];
  });
  const peak = (run: BuildResult) => Math.max(...run.stages.map((stage) => stage.peakRssMiB ?? 0));
  const cpu = result.cold.stages.reduce((sum, stage) => sum + stage.cpuSeconds, 0);
  rows.push(['**total**', sec(result.cold.seconds), sec(cpu), mib(peak(result.cold)), sec(result.warm.seconds), sec(result.incremental.seconds)]);
  return rows;
}

function referenceRows(result: BenchResult): string[][] {
  const { floor, hugo, hugoPagefind } = result.references;
  const ours = pagesAndSearchSeconds(result.cold);
  const row = (name: string, ref: typeof floor): string[] =>
    isSkipped(ref) ? [name, '-', '-', '-', `skipped: ${ref.skipped}`] : [name, sec(ref.seconds), mib(ref.peakRssMiB), String(ref.pages), `${(ours / ref.seconds).toFixed(1)}x`];
  const rows = [row('plain Node floor (template string)', floor), row(isSkipped(hugo) ? 'Hugo' : `Hugo ${hugo.version}`, hugo), row('Pagefind on Hugo output', hugoPagefind)];
  if (!isSkipped(hugo) && !isSkipped(hugoPagefind)) {
    const seconds = hugo.seconds + hugoPagefind.seconds;
    rows.push(['Hugo + Pagefind', sec(seconds), '-', String(hugo.pages), `${(ours / seconds).toFixed(1)}x`]);
  }
  rows.push([
    'Papershelf pages + search (cold, no cards)',
    sec(ours),
    mib(Math.max(...result.cold.stages.filter((st) => st.kind !== 'cards').map((st) => st.peakRssMiB ?? 0))),
    String(result.output.pages),
    '1.0x',
  ]);
  return rows;
}

function outputRows(result: BenchResult): string[][] {
  const { output } = result;
  const pages = output.paperPages;
  return [
    ['pages (HTML files)', String(output.pages)],
    ['dist/ size', `${size(output.distBytes)} in ${output.files} files`],
    ['search index', output.searchIndex ? `${size(output.searchIndex.bytes)} in ${output.searchIndex.files} files` : 'none'],
    ['social cards in dist/', String(output.cards)],
    ['paper page, median', `${size(pages.medianBytes)} (${size(pages.medianGzipBytes)} gzipped)`],
    ['paper page, largest', `${size(pages.largestBytes)} (${size(pages.largestGzipBytes)} gzipped)`],
    ['MDX files written: cold / warm / +1 listing', `${result.cold.mdxWritten} / ${result.warm.mdxWritten} / ${result.incremental.mdxWritten}`],
    ['cards rendered: cold / warm / +1 listing', [result.cold, result.warm, result.incremental].map((b) => b.cardsRendered ?? '-').join(' / ')],
    ['paper pages rendered: cold / warm / +1 listing', [result.cold, result.warm, result.incremental].map((b) => b.paperPagesRendered).join(' / ')],
  ];
}

function searchLine(result: BenchResult): string {
  if (isSkipped(result.search)) return `Search latency: skipped (${result.search.skipped}).`;
  const { medianMs, p95Ms, queries, firstQueryBytes, pageBytes, indexCompleteBytes, laterQueriesBytes } = result.search;
  const first = queries[0]?.ms;
  return `Search latency over ${queries.length} queries in headless Chromium: median ${medianMs.toFixed(0)} ms, p95 ${p95Ms.toFixed(0)} ms (first query ${first === null || first === undefined ? '-' : first.toFixed(0)} ms); fetched ${size(firstQueryBytes)} up to the first results (page ${size(pageBytes)}), ${size(indexCompleteBytes)} once the whole index was in, ${size(laterQueriesBytes)} more for the other ${queries.length - 1}.`;
}

/** The whole report: context, stages, references, output, search, targets. */
export function formatReport(result: BenchResult, targets: readonly TargetRow[]): string {
  const { machine } = result;
  const header = [
    `Papershelf benchmark: ${result.papers} papers (${result.catalog.entries} entries in ${result.catalog.listings} listings, ${result.catalog.rejected} rejected), ${result.date}`,
    `Machine: ${machine.cpus} x ${machine.cpuModel}, ${machine.memoryGiB.toFixed(0)} GiB; load ${machine.loadBefore.map((l) => l.toFixed(2)).join(' ')} before, ${machine.loadAfter.map((l) => l.toFixed(2)).join(' ')} after; Node ${machine.node}, Astro ${machine.astro}, Pagefind ${machine.pagefind}`,
    `Stages present: ${result.stagesPresent.join(', ')}`,
    `Command: ${result.command}`,
  ];
  const note = TARGET_PAPERS.some((papers) => papers === result.papers)
    ? []
    : [`(Targets are set for ${TARGET_PAPERS.map((papers) => papers.toLocaleString('en')).join(' and ')} papers; at ${result.papers} they are indicative.)`];
  return [
    header.join('\n'),
    markdownTable(['stage', 'cold s', 'cold CPU s', 'peak RSS MiB', 'warm s', '+1 listing s'], stageRows(result)),
    markdownTable(['reference (same papers)', 'seconds', 'peak RSS MiB', 'pages', 'Papershelf / this'], referenceRows(result)),
    markdownTable(['output', 'value'], outputRows(result)),
    searchLine(result),
    markdownTable(
      ['target', 'measured', 'status'],
      targets.map((t) => [t.target, t.measured, t.status]),
    ),
    ...note,
  ].join('\n\n');
}
