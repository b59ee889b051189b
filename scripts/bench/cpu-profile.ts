/**
 * `npx tsx scripts/bench/cpu-profile.ts FILE.cpuprofile [--top N]`
 *
 * Where a V8 CPU profile (`node --cpu-prof`, or NODE_OPTIONS=--cpu-prof for every Node process of
 * a build) spent its time: self time by package or project file, and the hottest functions.
 * docs/performance.md shows how the benchmark's findings were profiled with it.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { markdownTable } from './lib/report.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const MAX_NAME = 90;
const short = (name: string) => (name.length > MAX_NAME ? `${name.slice(0, MAX_NAME - 1)}…` : name);

/** `astro`, `@pagefind/x`, `src/lib/related/related.ts`, `node:internal`, `(regexp)`, or V8's `(garbage collector)`-like names. */
function moduleOf(url: string, functionName: string): string {
  if (url === '' && functionName.startsWith('RegExp:')) return '(regexp)';
  if (url === '') return `(${functionName.replace(/^\(|\)$/g, '') || 'native'})`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith('node:')) return url.split('/')[0]!;
  const project = /\/(src|scripts|\.astro|dist)\/(.*)$/.exec(url);
  return project ? `${project[1]}/${project[2]}` : url;
}

function summarize(profile: Profile, top: number): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMs = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const total = [...selfMs.values()].reduce((a, b) => a + b, 0);
  const modules = new Map<string, number>();
  const functions = new Map<string, number>();
  for (const [id, ms] of selfMs) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const module = moduleOf(url, functionName);
    modules.set(module, (modules.get(module) ?? 0) + ms);
    const fn = short(`${functionName || '(anonymous)'} ${module}:${lineNumber + 1}`);
    functions.set(fn, (functions.get(fn) ?? 0) + ms);
  }
  const rows = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => [name, (ms / 1000).toFixed(2), `${((ms / total) * 100).toFixed(1)}`]);
  return [`${(total / 1000).toFixed(1)} s of samples`, markdownTable(['module (self time)', 's', '%'], rows(modules)), markdownTable(['function (self time)', 's', '%'], rows(functions))].join('\n\n');
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '15' } } });
if (positionals.length === 0) throw new Error('usage: cpu-profile.ts FILE.cpuprofile [--top N]');
for (const file of positionals) {
  console.log(`## ${file}\n\n${summarize(JSON.parse(readFileSync(file, 'utf8')) as Profile, Number(values.top))}\n`);
}
