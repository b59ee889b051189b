/** Sizes of a built site: pages, total, search index, paper pages, and the JavaScript a paper page ships. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { builtFileSizes } from '../../src/build/built-site.ts';
import { pageScripts, scriptPurposes, staticImports } from './lib/page-scripts.ts';
import type { BenchResult, PageSizes, ShippedScript } from './lib/result.ts';
import { median } from './lib/stats.ts';
import { PAGEFIND_DIR } from '../../src/lib/search/search-paths.ts';
import { routes } from '../../src/lib/site/urls.ts';

const gzipBytes = (data: Buffer) => gzipSync(data, { level: 6 }).length;

function paperPageSizes(dist: string): PageSizes {
  const folder = join(dist, routes.paper('x').split('/')[0]!);
  const pages = existsSync(folder)
    ? readdirSync(folder, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => join(dist, routes.paper(entry.name), 'index.html'))
        .filter(existsSync)
        .sort()
    : [];
  if (pages.length === 0) throw new Error(`no paper pages under ${folder}`);
  const measured = pages.map((path) => {
    const data = readFileSync(path);
    return { path, bytes: data.length, gzip: gzipBytes(data) };
  });
  const largest = measured.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  return {
    count: measured.length,
    medianBytes: median(measured.map((m) => m.bytes)),
    medianGzipBytes: median(measured.map((m) => m.gzip)),
    largestBytes: largest.bytes,
    largestGzipBytes: Math.max(...measured.map((m) => m.gzip)),
    largestPath: relative(dist, largest.path),
  };
}

/** A script's bytes plus those of every chunk it imports statically, each counted once. */
function scriptBytes(file: string, seen: Set<string>): number {
  if (seen.has(file) || !existsSync(file)) return 0;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  return Buffer.byteLength(code) + staticImports(code).reduce((sum, spec) => sum + scriptBytes(resolve(dirname(file), spec), seen), 0);
}

function shippedScripts(dist: string, page: string, base: string): ShippedScript[] {
  const seen = new Set<string>();
  return pageScripts(readFileSync(page, 'utf8')).map((script) => {
    if (script.inline) return { source: 'inline', purposes: scriptPurposes('inline', script.text!), bytes: Buffer.byteLength(script.text!) };
    const path = new URL(script.source, `http://site${base}${relative(dist, dirname(page))}/`).pathname;
    const file = join(dist, path.startsWith(base) ? path.slice(base.length) : path);
    const code = existsSync(file) ? readFileSync(file, 'utf8') : '';
    return { source: script.source, purposes: scriptPurposes(script.source, code), bytes: scriptBytes(file, seen) };
  });
}

export function measureDist(dist: string, base: string): BenchResult['output'] {
  const all = builtFileSizes(dist);
  const index = builtFileSizes(join(dist, PAGEFIND_DIR));
  const cardRoot = routes.paperCard('x').split('/')[0]!;
  // One walk of og/: every card, and the papers' own among them (og/papers/…).
  const cards = builtFileSizes(join(dist, cardRoot)).filter((f) => f.path.endsWith('.png'));
  const paperCardFolder = `${relative(cardRoot, dirname(routes.paperCard('x')))}/`;
  const paperCards = cards.filter((f) => f.path.startsWith(paperCardFolder));
  const paperPages = paperPageSizes(dist);
  return {
    pages: all.filter((f) => f.path.endsWith('.html')).length,
    files: all.length,
    distBytes: all.reduce((sum, f) => sum + f.bytes, 0),
    searchIndex: index.length > 0 ? { bytes: index.reduce((sum, f) => sum + f.bytes, 0), files: index.length } : null,
    paperPages,
    paperPageScripts: shippedScripts(dist, join(dist, paperPages.largestPath), base),
    cards: cards.length,
    paperCards: { count: paperCards.length, bytes: paperCards.reduce((sum, f) => sum + f.bytes, 0) },
  };
}
