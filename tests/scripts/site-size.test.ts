/** `npm run site-size` on a built site of the test's own, with the limit scaled down to its size. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { describeSiteSize, measureSite } from '../../src/build/site-size.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let dist: string;

beforeAll(() => {
  dist = mkdtempSync(join(tmpdir(), 'papershelf-size-'));
  for (const slug of ['a', 'b']) {
    mkdirSync(join(dist, 'papers', slug), { recursive: true });
    writeFileSync(join(dist, 'papers', slug, 'index.html'), 'x'.repeat(4000));
  }
  writeFileSync(join(dist, 'index.html'), 'x'.repeat(2000));
});
afterAll(() => rmSync(dist, { recursive: true, force: true }));

const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/site-size.ts'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, PAPERSHELF_OUT: dist } });

describe('site size against GitHub Pages’ limit', () => {
  test('sums every file, and says how much per paper', () => {
    const size = measureSite(dist, 1_000_000_000);
    expect(size).toEqual({ bytes: 10_000, files: 3, papers: 2, limit: 1_000_000_000, over: false });
    expect(describeSiteSize(size)).toBe("0.0 MB in 3 files, 5.0 KB per paper; within GitHub Pages' limit of 1000.0 MB");
  });

  test('within the limit: one line, exit 0', () => {
    const within = run('--strict', '--limit', '10000');
    expect([within.status, within.stdout.trim()]).toEqual([0, "site-size: 0.0 MB in 3 files, 5.0 KB per paper; within GitHub Pages' limit of 0.0 MB"]);
  });

  test('over it: a warning locally, exit 1 with --strict, naming the size and the limit', () => {
    const local = run('--limit', '9999');
    expect(local.status).toBe(0);
    expect(local.stderr).toContain("over GitHub Pages' limit");
    const strict = run('--strict', '--limit', '9999');
    expect(strict.status).toBe(1);
    expect(strict.stderr).toMatch(/^site-size: 0\.0 MB in 3 files, .*over GitHub Pages' limit of 0\.0 MB: Pages will reject it\. Not deploying\./);
  });
});
