import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';

const workflow = parse(readFileSync('.github/workflows/ci.yml', 'utf8'));
type Step = { uses?: string; run?: string; env?: Record<string, string> };
const runs = (job: string) => (workflow.jobs[job].steps as Step[]).flatMap((step) => (step.run ? [step.run] : []));

describe('CI workflow', () => {
  test('runs the same script as this project’s CI, on pushes to main and pull requests', () => {
    expect(workflow.on.push.branches).toEqual(['main']);
    expect(workflow.on).toHaveProperty('pull_request');
    expect(runs('test')).toEqual(['bash .ci/run']);
    expect(readFileSync('.ci/run', 'utf8')).toMatch(/^npm test$/m);
  });

  test('runs the benchmark on 1,000 papers as a smoke test, with the browser its search step needs', () => {
    const steps = workflow.jobs['bench-smoke'].steps as Step[];
    expect(runs('bench-smoke')).toEqual(['npm install --no-audit --no-fund', 'npm run bench -- --papers 1000']);
    expect(steps.find((step) => step.run?.startsWith('npm run bench'))?.env?.CHROMIUM_PATH).toBe('/usr/bin/google-chrome');
  });
});
