/**
 * The benchmark's floor: `node scripts/bench/floor.ts PAPERS_DIR OUT_DIR BASE` reads the generated
 * paper files and writes one HTML page per paper with a template string, nothing else. Run with
 * plain Node (which strips the types), so it measures the least any generator of these pages costs.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { floorPaperPage, paperFromFile } from './lib/floor-page.ts';
import { routes } from '../../src/lib/site/urls.ts';

const [papersDir, outDir, base = '/'] = process.argv.slice(2);
if (!papersDir || !outDir) throw new Error('usage: floor.ts PAPERS_DIR OUT_DIR [BASE]');

let pages = 0;
for (const name of readdirSync(papersDir)
  .filter((n) => n.endsWith('.mdx'))
  .sort()) {
  const paper = paperFromFile(name.slice(0, -'.mdx'.length), readFileSync(join(papersDir, name), 'utf8'));
  const dir = join(outDir, routes.paper(paper.slug));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.html'), floorPaperPage(paper, base));
  pages += 1;
}
console.log(`floor: ${pages} pages`);
