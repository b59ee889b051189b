/**
 * Every `npm run` script, started in a fresh clone before the thing it needs exists, says in one
 * line what is missing and which command makes it, instead of dying with a stack trace. Each runs as
 * a real process in a scratch folder (its own cwd, output and content folders).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
let fresh: string;

beforeAll(() => {
  fresh = mkdtempSync(join(tmpdir(), 'papershelf-fresh-'));
  // A content folder with a taxonomy but no listings yet: what a new catalog starts from.
  mkdirSync(join(fresh, 'content'));
  copyFileSync(join(ROOT, 'content/topics.yaml'), join(fresh, 'content/topics.yaml'));
});
afterAll(() => rmSync(fresh, { recursive: true, force: true }));

function run(script: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [TSX, join(ROOT, 'scripts', script), ...args], {
    cwd: fresh,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, PAPERSHELF_OUT: join(fresh, 'dist'), PAPERSHELF_CONTENT: join(fresh, 'content') },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.trim() };
}

/** One line, from the script, no stack frame. */
function expectOneLineFrom(name: string, stderr: string): void {
  expect(stderr.split('\n')).toHaveLength(1);
  expect(stderr.startsWith(`${name}: `)).toBe(true);
  expect(stderr).not.toMatch(/\n\s+at |ENOENT|Error:/);
}

// Each test starts a Node process that loads TypeScript; on a busy 2-core machine that takes seconds.
describe('a script run before what it needs exists', { timeout: 30_000 }, () => {
  test('audit --no-build without an audit build: says to run the audit once with its build', () => {
    const { status, stderr } = run('audit.ts', '--no-build');
    expectOneLineFrom('audit', stderr);
    expect(stderr).toContain(join(fresh, '.cache/audit/dist'));
    expect(stderr).toContain('run `npm run audit` once without --no-build');
    expect(status).toBe(1);
  });

  test('audit with a mistyped option: names it and gives the usage', () => {
    const { status, stderr } = run('audit.ts', '--nobuild');
    expectOneLineFrom('audit', stderr);
    expect(stderr).toContain("Unknown option '--nobuild'; usage: npm run audit -- [--no-build] [--runs N]");
    expect(status).toBe(2);
  });

  test('preview without a build: says to run the build', () => {
    const { status, stderr } = run('preview.ts');
    expectOneLineFrom('preview', stderr);
    expect(stderr).toContain('run `npm run build` first');
    expect(status).toBe(1);
  });

  test('site-size without a build: says to run the build', () => {
    const { status, stderr } = run('site-size.ts');
    expectOneLineFrom('site-size', stderr);
    expect(stderr).toContain('run npm run build first');
    expect(status).toBe(2);
  });

  test('finish-build without an astro build: says to run the build, before any step starts', () => {
    const { status, stdout, stderr } = run('finish-build.ts');
    expectOneLineFrom('finish-build', stderr);
    expect(stderr).toContain('run `npm run build`');
    expect(stdout).toBe('');
    expect(status).toBe(1);
  });

  test('topics:report without listings: names the folder and how to add one', () => {
    const { status, stderr } = run('topics-report.ts');
    expectOneLineFrom('topics:report', stderr);
    expect(stderr).toContain(`no listings at ${join(fresh, 'content/listings')}`);
    expect(stderr).toContain('docs/adding-listings.md');
    expect(status).toBe(1);
  });

  test('ingest without listings: names the folder', () => {
    const { status, stderr } = run('ingest.ts', '--out', join(fresh, 'papers'));
    expectOneLineFrom('ingest', stderr);
    expect(stderr).toContain(join(fresh, 'content/listings'));
    expect(status).not.toBe(0);
  });
});
