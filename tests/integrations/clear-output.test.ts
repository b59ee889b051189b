/**
 * The output folder is cleared off the build's critical path: moved aside at once when the build
 * starts, deleted in another process, and gone before the build ends.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import clearOutput, { clearOutputDir } from '../../src/integrations/clear-output.ts';

let work: string;
let dist: string;

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'papershelf-clear-'));
  dist = join(work, 'dist');
  mkdirSync(join(dist, 'papers', 'a'), { recursive: true });
  writeFileSync(join(dist, 'papers', 'a', 'index.html'), 'old page');
  writeFileSync(join(dist, 'index.html'), 'old home');
});

afterEach(() => rmSync(work, { recursive: true, force: true }));

type Hooks = Required<AstroIntegration['hooks']>;

describe('the clear-output integration', () => {
  test('turns off Astro’s own emptying for builds only', () => {
    const hooks = clearOutput().hooks as Hooks;
    const updates: unknown[] = [];
    hooks['astro:config:setup']({ command: 'build', updateConfig: (u: unknown) => updates.push(u) } as never);
    hooks['astro:config:setup']({ command: 'dev', updateConfig: (u: unknown) => updates.push(u) } as never);
    expect(updates).toEqual([{ vite: { build: { emptyOutDir: false } } }]);
  });

  test('moves the old output aside when the build starts and has deleted it when the build ends', async () => {
    const hooks = clearOutput().hooks as Hooks;
    await hooks['astro:config:done']({ config: { outDir: pathToFileURL(`${dist}/`) } } as never);
    await hooks['astro:build:start']({} as never);
    expect(existsSync(dist)).toBe(false);
    expect(readdirSync(work)).toEqual([expect.stringMatching(/^\.dist\.trash-\d+-\d+$/)]);
    // The new build writes while the old output is being deleted.
    mkdirSync(dist);
    writeFileSync(join(dist, 'index.html'), 'new home');
    await hooks['astro:build:done']({} as never);
    expect(readdirSync(work)).toEqual(['dist']);
    expect(readdirSync(dist)).toEqual(['index.html']);
  });
});

describe('clearOutputDir', () => {
  test('also deletes what a killed build left behind, and nothing else beside the output', async () => {
    mkdirSync(join(work, '.dist.trash-1-2', 'deep'), { recursive: true });
    writeFileSync(join(work, '.dist.trash-1-2', 'deep', 'file'), 'x');
    mkdirSync(join(work, '.other.trash-1-2'));
    mkdirSync(join(work, 'content'));
    await clearOutputDir(dist);
    expect(readdirSync(work).sort()).toEqual(['.other.trash-1-2', 'content']);
  });

  test('empties the output in place when it cannot be moved aside', async () => {
    // The trash name is taken (by a non-empty folder), so the rename fails as on a mount point.
    vi.spyOn(Date, 'now').mockReturnValue(42);
    mkdirSync(join(work, `.dist.trash-${process.pid}-42`, 'taken'), { recursive: true });
    try {
      await clearOutputDir(dist);
    } finally {
      vi.restoreAllMocks();
    }
    expect(readdirSync(work)).toEqual(['dist']);
    expect(readdirSync(dist)).toEqual([]);
  });

  test('does nothing when there is no output yet', async () => {
    rmSync(dist, { recursive: true });
    await clearOutputDir(dist);
    expect(readdirSync(work)).toEqual([]);
    await clearOutputDir(join(work, 'missing', 'dist'));
  });
});
