import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { FINISH_STEP_NAMES } from '../../src/build/finish-steps.ts';

const workflow = parse(readFileSync('.github/workflows/deploy.yml', 'utf8'));
const readme = readFileSync('README.md', 'utf8');
const steps: { uses?: string; run?: string; env?: Record<string, string>; with?: Record<string, string> }[] = workflow.jobs.build.steps;

describe('GitHub Pages workflow', () => {
  test('deploys on push to main with the permissions Pages needs', () => {
    expect(workflow.on.push.branches).toEqual(['main']);
    expect(workflow.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
    expect(workflow.jobs.deploy.needs).toBe('build');
    expect(workflow.jobs.deploy.steps.map((s: { uses?: string }) => s.uses)).toContainEqual(expect.stringMatching(/^actions\/deploy-pages@v\d+$/));
  });

  test('can be called by another workflow, and then builds the commit it is given', () => {
    expect(workflow.on.workflow_call.inputs.ref).toMatchObject({ type: 'string', required: false });
    // On a push or a dispatch inputs.ref is empty, and checkout takes the commit that started the run.
    expect(steps[0]).toEqual({ uses: expect.stringMatching(/^actions\/checkout@v\d+$/), with: { ref: '${{ inputs.ref }}' } });
  });

  test('builds with the command the README names, SITE and BASE from the repository', () => {
    const build = steps.find((s) => s.run === 'npm run build');
    expect(build).toBeDefined();
    expect(readme).toContain('npm run build');
    expect(build!.env).toMatchObject({ SITE: '${{ steps.pages.outputs.origin }}', BASE: '${{ steps.pages.outputs.base_path }}/' });
    expect(steps.some((s) => s.uses?.startsWith('actions/configure-pages@'))).toBe(true);
    expect(steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'))?.with).toEqual({ path: 'dist' });
  });

  test('npm run build is the whole site: social cards, the search index and then the service worker run after astro build', () => {
    const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.build).toMatch(/&& astro build && npm run finish-build && npm run site-size$/);
    expect(scripts['finish-build']).toBe('node --import tsx scripts/finish-build.ts');
    expect(FINISH_STEP_NAMES).toEqual(['social-cards', 'search-index', 'service-worker']);
  });

  test('keeps the social-card, ingest, related-papers and Astro caches between runs, where the build puts them', () => {
    const cache = steps.find((s) => s.uses?.startsWith('actions/cache@'));
    expect(String(cache?.with?.path).trim().split('\n')).toEqual(['.cache/cards', '.cache/ingest.json', '.cache/astro', 'content/papers/_related.json']);
    expect(readFileSync('src/content-paths.ts', 'utf8')).toContain('RELATED_JSON = `${PAPERS_DIR}/_related.json`');
    expect(steps.find((s) => s.run === 'npm run build')?.env?.PAPERSHELF_CACHE).toBe('.cache/astro');
    expect(readFileSync('src/build/social-cards.ts', 'utf8')).toContain("env.PAPERSHELF_CARD_CACHE ?? '.cache/cards'");
    expect(readFileSync('scripts/ingest.ts', 'utf8')).toContain("process.env.PAPERSHELF_INGEST_CACHE ?? '.cache/ingest.json'");
  });

  test('stops before uploading a site over GitHub Pages’ 1 GB, which a local build only warns about', () => {
    const check = steps.findIndex((s) => s.run === 'npm run site-size -- --strict');
    const upload = steps.findIndex((s) => s.uses?.startsWith('actions/upload-pages-artifact@'));
    expect(check).toBeGreaterThan(steps.findIndex((s) => s.run === 'npm run build'));
    expect(check).toBeLessThan(upload);
  });

  test('installs with npm install, not npm ci (see README)', () => {
    expect(steps.some((s) => s.run?.startsWith('npm install'))).toBe(true);
    expect(steps.some((s) => s.run?.startsWith('npm ci'))).toBe(false);
  });
});
