import { describe, expect, test } from 'vitest';
import { type HookMark, type Sample, astroStages, classifyIntegration, stageMetrics } from '../../../scripts/bench/lib/stages.ts';

const at = (time: number, integration: string, hook: string): HookMark => ({ at: time, integration, hook, phase: 'at' });
const hook = (start: number, end: number, integration: string, name: string): HookMark[] => [
  { at: start, integration, hook: name, phase: 'start' },
  { at: end, integration, hook: name, phase: 'end' },
];

/** A build as the wrapper config records it: process from 1000 to 20500 ms. */
const marks: HookMark[] = [
  at(1500, 'bench:first', 'astro:config:setup'),
  ...hook(1500, 1510, '@astrojs/mdx', 'astro:config:setup'),
  at(1510, 'bench:last', 'astro:config:setup'),
  at(1600, 'bench:first', 'astro:config:done'),
  at(1610, 'bench:last', 'astro:config:done'),
  at(4000, 'bench:first', 'astro:build:start'),
  at(4000, 'bench:last', 'astro:build:start'),
  at(9000, 'bench:first', 'astro:build:generated'),
  at(9000, 'bench:last', 'astro:build:generated'),
  at(9000, 'bench:first', 'astro:build:done'),
  ...hook(9000, 9050, '@astrojs/sitemap', 'astro:build:done'),
  ...hook(9050, 12000, 'papershelf:pagefind', 'astro:build:done'),
  ...hook(12000, 20000, 'papershelf:social-cards', 'astro:build:done'),
  at(20000, 'bench:last', 'astro:build:done'),
];
const run = { start: 1000, end: 20500, routesAt: 6000 };

describe('stages of an astro build', () => {
  test('phases from the marker integrations, slow or known integration hooks carved out', () => {
    expect(astroStages(marks, run).map((p) => [p.name, p.kind, p.start, p.end])).toEqual([
      ['astro startup', 'startup', 1000, 1610],
      ['content layer', 'content', 1610, 4000],
      ['bundle', 'bundle', 4000, 6000],
      ['page generation', 'pages', 6000, 9000],
      ['build:done (rest)', 'other', 9000, 9050],
      ['search index', 'search', 9050, 12000],
      ['social cards', 'cards', 12000, 20000],
      ['astro exit', 'other', 20000, 20500],
    ]);
  });

  test('without the route log line, bundling and page generation stay one stage', () => {
    const { routesAt: _, ...noRoutes } = run;
    expect(
      astroStages(marks, noRoutes)
        .map((p) => p.name)
        .slice(0, 4),
    ).toEqual(['astro startup', 'content layer', 'bundle', 'build:done (rest)']);
  });

  test('a build that failed during page generation yields the stages it reached', () => {
    const early = marks.filter((m) => m.at <= 4000);
    expect(astroStages(early, { start: 1000, end: 7000, routesAt: 6000 }).map((p) => [p.name, p.end])).toEqual([
      ['astro startup', 1610],
      ['content layer', 4000],
      ['bundle', 6000],
      ['page generation', 7000],
    ]);
  });

  test('integrations are recognised by name', () => {
    expect(classifyIntegration('papershelf:pagefind')).toEqual({ kind: 'search', label: 'search index' });
    expect(classifyIntegration('papershelf:social-cards').kind).toBe('cards');
    expect(classifyIntegration('papershelf:og-images').kind).toBe('cards');
    expect(classifyIntegration('papershelf:service-worker').kind).toBe('service-worker');
    expect(classifyIntegration('@vite-pwa/astro').kind).toBe('service-worker');
    expect(classifyIntegration('@astrojs/sitemap').kind).toBe('sitemap');
    expect(classifyIntegration('@astrojs/mdx')).toEqual({ kind: 'integration', label: '@astrojs/mdx' });
  });
});

describe('metrics per stage', () => {
  // Two busy cores throughout; 500 MiB, except 2 GiB from 12 s on (cards), and peaks reset at each edge.
  const samples: Sample[] = [];
  for (let time = 1100; time <= 20400; time += 500) {
    const since = time < 9050 ? 1000 : time < 12000 ? 9100 : time < 20000 ? 12100 : 20100;
    samples.push({ at: time, rssKiB: time >= 12000 && time < 20000 ? 2048 * 1024 : 500 * 1024, hwmKiB: 0, hwmSince: since, cpuSeconds: ((time - 1000) / 1000) * 2 });
  }
  const pieces = astroStages(marks, run);

  test('wall time, CPU time (cores busy) and peak RSS, attributed by time', () => {
    const metrics = stageMetrics(pieces, samples);
    const cards = metrics.find((m) => m.kind === 'cards')!;
    expect(cards.seconds).toBe(8);
    expect(cards.cpuSeconds).toBeCloseTo(16, 5);
    expect(cards.peakRssKiB).toBe(2048 * 1024);
    expect(metrics.find((m) => m.kind === 'search')!.peakRssKiB).toBe(500 * 1024);
    expect(metrics.map((m) => m.name)).toEqual(pieces.map((p) => p.name));
  });

  test('a spike between samples counts through the high-water mark of the stage its reset began in', () => {
    const spiked = samples.map((s) => (s.at === 11600 ? { ...s, hwmKiB: 2900 * 1024 } : s));
    const metrics = stageMetrics(pieces, spiked);
    expect(metrics.find((m) => m.kind === 'search')!.peakRssKiB).toBe(2900 * 1024);
    expect(metrics.find((m) => m.kind === 'cards')!.peakRssKiB).toBe(2048 * 1024);
  });

  test('a high-water mark read long after its stage ended (a missed reset) is not trusted', () => {
    const stale = samples.map((s) => (s.at === 15100 ? { ...s, hwmKiB: 2900 * 1024, hwmSince: 9100 } : s));
    const search = stageMetrics(pieces, stale).find((m) => m.kind === 'search')!;
    expect(search.peakRssKiB).toBe(500 * 1024);
  });

  test('a stage is listed where its longest piece ran, not where a 0 ms hook of it did', () => {
    const early = [...marks, ...hook(1600, 1600, 'papershelf:social-cards', 'astro:config:done')];
    const names = stageMetrics(astroStages(early, run), samples).map((m) => m.name);
    expect(names.indexOf('social cards')).toBe(names.indexOf('search index') + 1);
  });

  test('pieces of one stage add their times and keep the highest peak', () => {
    const split = [
      { name: 'bundle', kind: 'bundle' as const, start: 4000, end: 5000 },
      { name: 'x', kind: 'integration' as const, start: 5000, end: 5500 },
      { name: 'bundle', kind: 'bundle' as const, start: 5500, end: 6000 },
    ];
    const metrics = stageMetrics(split, samples);
    expect(metrics.map((m) => [m.name, m.seconds])).toEqual([
      ['bundle', 1.5],
      ['x', 0.5],
    ]);
    expect(metrics[0]!.cpuSeconds).toBeCloseTo(3, 5);
  });
});
