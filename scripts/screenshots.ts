/**
 * Screenshots of a built site for design review: each page at phone and desktop width, in the
 * light and the dark theme, full length.
 *
 *   npx tsx scripts/screenshots.ts --dist DIR [--base /papershelf/] [--out DIR] [--widths 375,1280] [--tile PX] [path ...]
 *
 * With --tile, long pages are also cut into numbered tiles of that height, small enough to read
 * at full resolution in an image viewer.
 *
 * Paths are relative to the base, e.g. `papers/pointer-networks/`; the default set is the home
 * page, a paper, a listing, the archive, an archive year and the 404 page.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../tests/e2e/browser.ts';
import { serveDist } from '../tests/e2e/serve.ts';

const DEFAULT_PATHS = ['', 'papers/transformers-learn-in-context-by-gradient-descent/', 'listings/000_cc5b1bd4cf2371e1/', 'archive/', 'archive/2025/', 'no-such-page/'];
const THEMES = ['light', 'dark'] as const;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    dist: { type: 'string' },
    base: { type: 'string', default: '/' },
    out: { type: 'string', default: '.cache/screenshots' },
    widths: { type: 'string', default: '375,1280' },
    tile: { type: 'string' },
  },
});
if (!values.dist) throw new Error('--dist DIR is required');
const paths = positionals.length > 0 ? positionals : DEFAULT_PATHS;
const tile = values.tile ? Number(values.tile) : 0;
const widths = values.widths.split(',').map(Number);
const out = resolve(values.out);
mkdirSync(out, { recursive: true });

const server = await serveDist(resolve(values.dist), values.base);
const browser = await launchChromium();
try {
  for (const theme of THEMES) {
    for (const width of widths) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: theme, deviceScaleFactor: 1 });
      const page = await context.newPage();
      for (const path of paths) {
        await page.goto(new URL(path, server.url).href, { waitUntil: 'networkidle' });
        const name = `${path.replace(/\/$/, '').replace(/[^a-z0-9]+/gi, '_') || 'home'}-${width}-${theme}`;
        await page.screenshot({ path: join(out, `${name}.png`), fullPage: true });
        console.log(join(out, `${name}.png`));
        if (!tile) continue;
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        for (let y = 0, i = 1; y < height; y += tile, i += 1) {
          const clip = { x: 0, y, width, height: Math.min(tile, height - y) };
          await page.screenshot({ path: join(out, `${name}.${i}.png`), fullPage: true, clip });
        }
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
