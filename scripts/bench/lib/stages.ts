/**
 * Splits one `astro build` process into stages from the hook marks the benchmark's wrapper config
 * writes (scripts/bench/astro.bench.config.mjs), and attributes the resource samples taken while it
 * ran to those stages. Any integration whose hook takes noticeable time becomes a stage of its own,
 * so stages that other parts of the project add later (cards, service worker) show up by themselves.
 */

export interface HookMark {
  /** Wall-clock milliseconds. */
  at: number;
  integration: string;
  hook: string;
  /** `at` is a marker integration's instant; `start`/`end` bracket a real integration's hook. */
  phase: 'start' | 'end' | 'at';
}

export type StageKind = 'ingest' | 'startup' | 'content' | 'bundle' | 'pages' | 'search' | 'cards' | 'service-worker' | 'sitemap' | 'integration' | 'other';

export interface StagePiece {
  name: string;
  kind: StageKind;
  start: number;
  end: number;
}

/** One reading of the build's whole process tree. */
export interface Sample {
  at: number;
  /** Sum of VmRSS over the tree. */
  rssKiB: number;
  /** Sum of VmHWM over the tree: each process's peak since `hwmSince` (when the peaks were last reset). */
  hwmKiB: number;
  hwmSince: number;
  /** User plus system CPU seconds of the tree so far (reaped children included). */
  cpuSeconds: number;
}

export interface StageMetrics {
  name: string;
  kind: StageKind;
  seconds: number;
  cpuSeconds: number;
  /** Peak resident memory of the process tree during the stage; null when nothing was sampled. */
  peakRssKiB: number | null;
}

const KINDS: readonly (readonly [RegExp, StageKind, string])[] = [
  [/pagefind|search/i, 'search', 'search index'],
  [/card|og-?image|social/i, 'cards', 'social cards'],
  [/service-?worker|workbox|pwa|offline|\bsw\b/i, 'service-worker', 'service worker'],
  [/sitemap/i, 'sitemap', 'sitemap'],
];

/** What an integration does, judged by its name, and the stage name to show for it. */
export function classifyIntegration(name: string): { kind: StageKind; label: string } {
  for (const [pattern, kind, label] of KINDS) if (pattern.test(name)) return { kind, label };
  return { kind: 'integration', label: name };
}

/** Hooks shorter than this stay inside the phase they ran in. */
const MIN_STAGE_MS = 100;

function markerAt(marks: readonly HookMark[], integration: string, hook: string): number | undefined {
  return marks.find((m) => m.phase === 'at' && m.integration === integration && m.hook === hook)?.at;
}

function hookIntervals(marks: readonly HookMark[]): { integration: string; hook: string; start: number; end: number }[] {
  const open = new Map<string, number>();
  const intervals: { integration: string; hook: string; start: number; end: number }[] = [];
  for (const mark of marks) {
    const id = `${mark.integration}\u0000${mark.hook}`;
    if (mark.phase === 'start') open.set(id, mark.at);
    else if (mark.phase === 'end' && open.has(id)) {
      intervals.push({ integration: mark.integration, hook: mark.hook, start: open.get(id)!, end: mark.at });
      open.delete(id);
    }
  }
  return intervals;
}

/** `piece` minus the given intervals, as the pieces that remain (in order). */
function subtract(piece: StagePiece, holes: readonly { start: number; end: number }[]): StagePiece[] {
  let rest = [piece];
  for (const hole of holes) {
    rest = rest.flatMap((p) => {
      if (hole.end <= p.start || hole.start >= p.end) return [p];
      const parts: StagePiece[] = [];
      if (hole.start > p.start) parts.push({ ...p, end: hole.start });
      if (hole.end < p.end) parts.push({ ...p, start: hole.end });
      return parts;
    });
  }
  return rest.filter((p) => p.end > p.start);
}

/**
 * The stages of one `astro build` run from `start` to `end` (process spawn and exit): startup,
 * content layer sync, bundling, page generation (split at `routesAt`, when the "generating static
 * routes" log line arrived), each slow integration hook, and the rest of the build:done phase. A
 * build that failed part-way yields the stages it reached.
 */
export function astroStages(marks: readonly HookMark[], run: { start: number; end: number; routesAt?: number }): StagePiece[] {
  const configDone = markerAt(marks, 'bench:last', 'astro:config:done');
  const buildStart = markerAt(marks, 'bench:first', 'astro:build:start');
  const generated = markerAt(marks, 'bench:last', 'astro:build:generated') ?? markerAt(marks, 'bench:first', 'astro:build:done');
  const buildDone = markerAt(marks, 'bench:last', 'astro:build:done');
  const points: [string, StageKind, number | undefined][] = [
    ['astro startup', 'startup', run.start],
    ['content layer', 'content', configDone],
    ['bundle', 'bundle', buildStart],
  ];
  if (run.routesAt !== undefined && buildStart !== undefined && run.routesAt >= buildStart) points.push(['page generation', 'pages', run.routesAt]);
  points.push(['build:done (rest)', 'other', generated], ['astro exit', 'other', buildDone]);

  const phases: StagePiece[] = [];
  const known = points.filter((p): p is [string, StageKind, number] => p[2] !== undefined);
  known.forEach(([name, kind, start], i) => {
    const end = known[i + 1]?.[2] ?? run.end;
    if (end > start) phases.push({ name, kind, start, end: Math.min(end, run.end) });
  });

  const carved: StagePiece[] = hookIntervals(marks)
    .map(({ integration, start, end }) => ({ ...classifyIntegration(integration), start, end }))
    .filter((h) => h.end - h.start >= MIN_STAGE_MS || (h.kind !== 'integration' && h.kind !== 'sitemap'))
    .map(({ label, kind, start, end }) => ({ name: label, kind, start, end }));
  return [...phases.flatMap((p) => subtract(p, carved)), ...carved].sort((a, b) => a.start - b.start);
}

/** Cumulative CPU seconds at time `at`, interpolated between samples. */
function cpuAt(samples: readonly Sample[], at: number): number {
  if (samples.length === 0) return 0;
  if (at <= samples[0]!.at) return samples[0]!.cpuSeconds;
  for (let i = 1; i < samples.length; i++) {
    const a = samples[i - 1]!;
    const b = samples[i]!;
    if (at <= b.at) return a.cpuSeconds + ((b.cpuSeconds - a.cpuSeconds) * (at - a.at)) / Math.max(1, b.at - a.at);
  }
  return samples[samples.length - 1]!.cpuSeconds;
}

/**
 * Wall time, CPU time and peak memory per stage, in the order of each stage's longest piece (a 0 ms
 * config hook of the card integration must not list cards first); pieces of the same name add up
 * (time) or take the maximum (memory). A sample's RSS counts for the stage it was taken in. Its high-water mark covers
 * everything since the last reset, which the sampler does at each stage boundary, so it counts for
 * the stage that reset began in, and only when it was read within `tolerance` ms of that stage's end.
 */
export function stageMetrics(pieces: readonly StagePiece[], samples: readonly Sample[], tolerance = 250): StageMetrics[] {
  const byName = new Map<string, StageMetrics>();
  const longest = new Map<string, StagePiece>();
  for (const piece of pieces) {
    const long = longest.get(piece.name);
    if (!long || piece.end - piece.start > long.end - long.start) longest.set(piece.name, piece);
    let peak: number | null = null;
    for (const s of samples) {
      if (s.at >= piece.start && s.at <= piece.end) peak = Math.max(peak ?? 0, s.rssKiB);
      const hwmInPiece = s.hwmSince >= piece.start && s.hwmSince < piece.end && s.at <= piece.end + tolerance;
      if (hwmInPiece && s.at > piece.start) peak = Math.max(peak ?? 0, s.hwmKiB);
    }
    const seconds = (piece.end - piece.start) / 1000;
    const cpuSeconds = Math.max(0, cpuAt(samples, piece.end) - cpuAt(samples, piece.start));
    const seen = byName.get(piece.name);
    if (!seen) byName.set(piece.name, { name: piece.name, kind: piece.kind, seconds, cpuSeconds, peakRssKiB: peak });
    else {
      seen.seconds += seconds;
      seen.cpuSeconds += cpuSeconds;
      if (peak !== null) seen.peakRssKiB = Math.max(seen.peakRssKiB ?? 0, peak);
    }
  }
  return [...byName.values()].sort((a, b) => longest.get(a.name)!.start - longest.get(b.name)!.start);
}
