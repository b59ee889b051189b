/**
 * One measured build of a benchmark catalog, exactly as `npm run build` does it (ingest, `astro
 * build` with every integration, then each finishing step in its own process), stage by stage.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FINISH_STEP_NAMES } from '../../src/build/finish-steps.ts';
import type { BuildResult, StageResult } from './lib/result.ts';
import { type Sample, type StageKind, astroStages, classifyIntegration, stageMetrics } from './lib/stages.ts';
import { type MeasuredProcess, runMeasured } from './measured-process.ts';

export interface BuildPaths {
  root: string;
  papers: string;
  dist: string;
  cardCache: string;
  logs: string;
  marks: string;
}

const ASTRO_CONFIG = 'scripts/bench/astro.bench.config.mjs';
/** Astro prints this when page generation begins (the only edge no hook marks). */
const ROUTES_LINE = /generating static routes/;
/** Astro's own log lines (`12:34:56 [label] …`), not the one-per-page route lines, and the other commands' lines. */
const PROGRESS = new RegExp(`^\\d\\d:\\d\\d:\\d\\d \\[|^(?:ingest|${FINISH_STEP_NAMES.join('|')}):`);

/** Files under `dir` (recursively) with the given ending, modified at or after `since`. */
function modifiedSince(dir: string, since: number, ending = ''): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile() && entry.name.endsWith(ending) && statSync(join(entry.parentPath, entry.name)).mtimeMs >= since)
    .length;
}

const toMiB = (kib: number | null | undefined) => (kib === null || kib === undefined ? null : kib / 1024);

function maxRss(samples: readonly Sample[]): number | null {
  return samples.length === 0 ? null : Math.max(...samples.map((s) => Math.max(s.rssKiB, s.hwmKiB)));
}

/** A command that is one stage: its tree's peak is the larger of the sampled sum and `time -v`'s largest process. */
function processStage(name: string, kind: StageKind, run: MeasuredProcess): StageResult {
  const cpu = run.samples.at(-1)?.cpuSeconds ?? 0;
  const peaks = [run.maxRssKiB, maxRss(run.samples)].filter((kib): kib is number => kib !== null);
  return { name, kind, seconds: run.seconds, cpuSeconds: cpu, peakRssMiB: peaks.length > 0 ? toMiB(Math.max(...peaks)) : null };
}

export async function measuredBuild(label: string, paths: BuildPaths, env: NodeJS.ProcessEnv, timeBin: string | undefined): Promise<BuildResult> {
  const node = process.execPath;
  const common = { env, cwd: paths.root, echo: PROGRESS, ...(timeBin ? { timeBin } : {}) };
  console.log(`  ${label}: ingest`);
  const ingest = await runMeasured(node, ['--import', 'tsx', 'scripts/ingest.ts', '--report', join(paths.logs, `${label}-ingest-report.json`)], {
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
  const finishing: StageResult[] = [];
  const processPeakRssMiB: Record<string, number | null> = { ingest: toMiB(ingest.maxRssKiB), astro: toMiB(astro.maxRssKiB) };
  // Without cards the step would still show as a stage of a second, which the targets would read as cards drawn.
  const steps = FINISH_STEP_NAMES.filter((step) => step !== 'social-cards' || env.PAPERSHELF_SKIP_CARDS !== '1');
  for (const step of steps) {
    console.log(`  ${label}: ${step}`);
    const run = await runMeasured(node, ['--import', 'tsx', 'scripts/finish-build.ts', step], { ...common, logFile: join(paths.logs, `${label}-${step}.log`) });
    const { label: name, kind } = classifyIntegration(step);
    finishing.push(processStage(name, kind, run));
    processPeakRssMiB[step] = toMiB(run.maxRssKiB);
  }
  return {
    seconds: ingest.seconds + astro.seconds + finishing.reduce((sum, stage) => sum + stage.seconds, 0),
    stages: [processStage('ingest', 'ingest', ingest), ...stages, ...finishing],
    processPeakRssMiB,
    mdxWritten: modifiedSince(paths.papers, ingest.start, '.mdx'),
    cardsRendered: existsSync(paths.cardCache) ? modifiedSince(paths.cardCache, astro.start) : null,
    // Reused pages are links to the incremental cache's files (reuse-cached-pages.ts) and keep their time.
    paperPagesRendered: modifiedSince(join(paths.dist, 'papers'), astro.start, '.html'),
  };
}
