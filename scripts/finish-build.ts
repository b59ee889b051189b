/**
 * `npm run finish-build -- [STEP ...]`: the steps of `npm run build` that come after `astro build`
 * has exited (src/build/finish-steps.ts): the social cards, the Pagefind search index, then the service worker, on
 * the site in PAPERSHELF_OUT (default `dist/`). Without arguments it runs all of them, as `npm run
 * build` does; the benchmark runs them one at a time to measure each.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { builtSiteDir } from '../src/build/built-site.ts';
import { FINISH_STEPS, FINISH_STEP_NAMES, isFinishStep } from '../src/build/finish-steps.ts';
import { routes } from '../src/lib/site/urls.ts';

const { positionals } = parseArgs({ allowPositionals: true });
const unknown = positionals.filter((name) => !isFinishStep(name));
if (unknown.length > 0) {
  console.error(`finish-build: unknown step ${unknown.join(', ')}; steps are ${FINISH_STEP_NAMES.join(', ')}`);
  process.exit(2);
}
const steps = positionals.length > 0 ? positionals.filter(isFinishStep) : FINISH_STEP_NAMES;
const site = builtSiteDir();
// Each step finishes what `astro build` wrote; without its catalog file there is nothing to finish.
if (!existsSync(join(site, routes.catalogJson()))) {
  console.error(`finish-build: no site built by astro in ${site}; run \`npm run build\`, which ends with these steps`);
  process.exit(1);
}
for (const step of steps) {
  const started = performance.now();
  try {
    await FINISH_STEPS[step](site, (message) => console.log(`${step}: ${message}`));
  } catch (error) {
    console.error(`${step}: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  console.log(`${step}: done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
