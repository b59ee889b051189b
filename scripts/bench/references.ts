/**
 * The two references measured in the same run, on the same papers, so results read as ratios: the
 * plain Node floor and Hugo (+ Pagefind on its output).
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { paperFromFile } from './lib/floor-page.ts';
import { hugoPaper, hugoSiteFiles } from './lib/hugo-site.ts';
import type { BenchResult, ReferenceResult, Skipped } from './lib/result.ts';
import { routes } from '../../src/lib/site/urls.ts';
import { SITE } from '../../src/site.config.ts';
import { ensureTool, hugoVersion } from './apt-tool.ts';
import { type MeasuredProcess, runMeasured } from './measured-process.ts';

export interface ReferenceOptions {
  root: string;
  papers: string;
  work: string;
  site: string;
  base: string;
  timeBin: string | undefined;
  skipHugo: boolean;
}

const htmlFiles = (dir: string) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.html')).length;

function reference(run: MeasuredProcess, pages: number): ReferenceResult {
  const sampled = run.samples.length > 0 ? Math.max(...run.samples.map((s) => Math.max(s.rssKiB, s.hwmKiB))) : null;
  const kib = run.maxRssKiB ?? sampled;
  return { seconds: run.seconds, peakRssMiB: kib === null ? null : kib / 1024, pages };
}

async function floor(options: ReferenceOptions): Promise<ReferenceResult> {
  const out = join(options.work, 'floor');
  rmSync(out, { recursive: true, force: true });
  const run = await runMeasured(process.execPath, ['scripts/bench/floor.ts', options.papers, out, options.base], {
    cwd: options.root,
    ...(options.timeBin ? { timeBin: options.timeBin } : {}),
    logFile: join(options.work, 'logs', 'floor.log'),
  });
  return reference(run, htmlFiles(out));
}

/** The Hugo site's sources from the generated paper files (not timed: Hugo's input, like ingest's output is Astro's). */
function writeHugoSite(options: ReferenceOptions, dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  const files = hugoSiteFiles({ baseURL: new URL(options.base, options.site).href, pageSize: SITE.pageSize });
  const section = routes.paper('x').split('/')[0]!;
  for (const name of readdirSync(options.papers).filter((n) => n.endsWith('.mdx'))) {
    const slug = name.slice(0, -'.mdx'.length);
    files[`content/${section}/${slug}.md`] = hugoPaper(paperFromFile(slug, readFileSync(join(options.papers, name), 'utf8')));
  }
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

async function hugo(options: ReferenceOptions): Promise<Pick<BenchResult['references'], 'hugo' | 'hugoPagefind'>> {
  const skip = (skipped: string): Skipped => ({ skipped });
  if (options.skipHugo) return { hugo: skip('--skip hugo'), hugoPagefind: skip('--skip hugo') };
  const tool = ensureTool('hugo', 'hugo');
  if ('missing' in tool) {
    console.log(`bench: Hugo reference skipped: ${tool.missing}`);
    return { hugo: skip(tool.missing), hugoPagefind: skip('no Hugo output') };
  }
  const dir = join(options.work, 'hugo');
  writeHugoSite(options, dir);
  const measured = { cwd: options.root, ...(options.timeBin ? { timeBin: options.timeBin } : {}) };
  const site = join(dir, 'public');
  const build = await runMeasured(tool.path, ['--source', dir, '--destination', site, '--quiet', '--noBuildLock'], {
    ...measured,
    logFile: join(options.work, 'logs', 'hugo.log'),
  });
  const pagefind = await runMeasured(
    process.execPath,
    ['node_modules/pagefind/lib/runner/bin.cjs', '--site', site, '--glob', `${routes.paper('*')}index.html`, '--force-language', SITE.lang, '--quiet'],
    { ...measured, logFile: join(options.work, 'logs', 'hugo-pagefind.log') },
  );
  return {
    hugo: { ...reference(build, htmlFiles(site)), version: hugoVersion(tool.path) },
    hugoPagefind: reference(pagefind, htmlFiles(site)),
  };
}

export async function measureReferences(options: ReferenceOptions): Promise<BenchResult['references']> {
  console.log('  references: plain Node floor');
  const floorResult = await floor(options);
  console.log('  references: Hugo + Pagefind');
  return { floor: floorResult, ...(await hugo(options)) };
}
