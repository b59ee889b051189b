/**
 * The "template version" in every card's cache key, computed rather than hand-bumped: a hash of the
 * card code (template, fitting, fonts) and of the versions of the packages that draw the pixels.
 * Restyling a card or upgrading satori therefore redraws every card, and nothing else does.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashSources } from '../build/source-digest.ts';

const require = createRequire(import.meta.url);

const SOURCE_DIRS = [new URL('./', import.meta.url), new URL('../lib/cards/', import.meta.url)];
/** Shared helpers whose output appears on cards (dates, counts). */
const SOURCE_FILES = [new URL('../lib/site/format.ts', import.meta.url)];
/** The packages that decide the pixels, each with a file it exports (Fontsource exports CSS only). */
const PACKAGES: [name: string, entry: string][] = [
  ['satori', 'satori'],
  ['@resvg/resvg-js', '@resvg/resvg-js'],
  ['fontkitten', 'fontkitten'],
  ['@twemoji/svg', '@twemoji/svg/package.json'],
  ['@fontsource/inter', '@fontsource/inter/400.css'],
  ['@fontsource/noto-sans-math', '@fontsource/noto-sans-math/400.css'],
  ['@fontsource/noto-sans-sc', '@fontsource/noto-sans-sc/400.css'],
];

/** The installed version, from the package.json found above one of the package's files. */
async function packageVersion(name: string, entry: string): Promise<string> {
  for (let dir = dirname(require.resolve(entry)); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = await readFile(join(dir, 'package.json'), 'utf8').catch(() => undefined);
    const parsed = manifest === undefined ? undefined : (JSON.parse(manifest) as { name?: string; version?: string });
    if (parsed?.name === name) return `${name}@${parsed.version}`;
  }
  throw new Error(`cannot find the installed version of ${name}`);
}

export async function rendererVersion(): Promise<string> {
  const hash = hashSources(createHash('sha256'), { dirs: SOURCE_DIRS.map((url) => fileURLToPath(url)), files: SOURCE_FILES.map((url) => fileURLToPath(url)) });
  for (const [name, entry] of PACKAGES) hash.update(await packageVersion(name, entry)).update('\0');
  return hash.digest('hex').slice(0, 16);
}
