/**
 * One measured build of a benchmark catalog, exactly as `npm run build` does it (ingest, then
 * `astro build` with every integration), stage by stage.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildResult, StageResult } from '../../src/lib/bench/result.ts';
import { type Sample, astroStages, stageMetrics } from '../../src/lib/bench/stages.ts';
import { type MeasuredProcess, runMeasured } from './measured-process.ts';

export interface BuildPaths {
  root: string;
  papers: string;
  cardCache: string;
  logs: string;
  marks: string;
}

const ASTRO_CONFIG = 'scripts/bench/astro.bench.config.mjs';
/** Astro prints this when page generation begins (the only edge no hook marks). */
const ROUTES_LINE = /generating static routes/;
/** Astro's own log lines (`12:34:56 [label] …`), not the one-per-page route lines. */
const PROGRESS = /^\d\d:\d\d:\d\d \[|^ingest:/;

/** Files under `dir` (recursively) with the given ending, modified at or after `since`. */
function modifiedSince(dir: string, since: number, ending = ''): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter(
    (entry) => entry.isFile() && entry.name.endsWith(ending) && statSync(join(entry.parentPath, entry.name)).mtimeMs >= since,
  ).length;
}

const toMiB = (kib: number | null | undefined) => (kib === null || kib === undefined ? null : kib / 1024);

function maxRss(samples: readonly Sample[]): number | null {
  return samples.length === 0 ? null : Math.max(...samples.map((s) => Math.max(s.rssKiB, s.hwmKiB)));
}

function ingestStage(run: MeasuredProcess): StageResult {
  const cpu = run.samples.at(-1)?.cpuSeconds ?? 0;
  return { name: 'ingest', kind: 'ingest', seconds: run.seconds, cpuSeconds: cpu, peakRssMiB: toMiB(run.maxRssKiB ?? maxRss(run.samples)) };
}

export async function measuredBuild(label: string, paths: BuildPaths, env: NodeJS.ProcessEnv, timeBin: string | undefined): Promise<BuildResult> {
  const node = process.execPath;
  const common = { env, cwd: paths.root, echo: PROGRESS, ...(timeBin ? { timeBin } : {}) };
  console.log(`  ${label}: ingest`);
  const ingest = await runMeasured(node, ['node_modules/tsx/dist/cli.mjs', 'scripts/ingest.ts', '--report', join(paths.logs, `${label}-ingest-report.json`)], {
    ...common,
    logFile: join(paths.logs, `${label}-ingest.log`),
  });
  console.log(`  ${label}: astro build`);
  const astro = await runMeasured(node, ['node_modules/astro/bin/astro.mjs', 'build', '--config', ASTRO_CONFIG], {
    ...common,
    env: { ...env, PAPERSHELF_BENCH_MARKS: paths.marks },
    marksFile: paths.marks,
    boundary: ROUTES_LINE,
    logFile: join(paths.logs, `${label}-astro.log`),
  });
  const routesAt = astro.log.find((line) => ROUTES_LINE.test(line.text))?.at;
  const pieces = astroStages(astro.marks, { start: astro.start, end: astro.end, ...(routesAt ? { routesAt } : {}) });
  const stages = stageMetrics(pieces, astro.samples).map((m) => ({ name: m.name, kind: m.kind, seconds: m.seconds, cpuSeconds: m.cpuSeconds, peakRssMiB: toMiB(m.peakRssKiB) }));
  return {
    seconds: ingest.seconds + astro.seconds,
    stages: [ingestStage(ingest), ...stages],
    processPeakRssMiB: { ingest: toMiB(ingest.maxRssKiB), astro: toMiB(astro.maxRssKiB) },
    mdxWritten: modifiedSince(paths.papers, ingest.start, '.mdx'),
    cardsRendered: existsSync(paths.cardCache) ? modifiedSince(paths.cardCache, astro.start) : null,
  };
}
