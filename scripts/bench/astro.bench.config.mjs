// @ts-check
/**
 * The project's own Astro config, unchanged except that every integration hook writes a start and an
 * end mark (wall-clock ms) to PAPERSHELF_BENCH_MARKS, and two marker integrations note when each
 * build phase begins and ends. The benchmark runs `astro build --config` with this file, so it
 * times the real build stage by stage whatever integrations exist, without relying on their logs.
 */
import { appendFileSync } from 'node:fs';
import config from '../../astro.config.mjs';

const MARKS = process.env.PAPERSHELF_BENCH_MARKS;

/** @param {string} integration @param {string} hook @param {'start' | 'end' | 'at'} phase */
function mark(integration, hook, phase) {
  if (MARKS) appendFileSync(MARKS, `${JSON.stringify({ at: Date.now(), integration, hook, phase })}\n`);
}

/** @param {import('astro').AstroIntegration} integration @returns {import('astro').AstroIntegration} */
function timed(integration) {
  const hooks = Object.fromEntries(
    Object.entries(integration.hooks).map(([hook, fn]) => [
      hook,
      /** @this {unknown} @param {unknown[]} args */
      async function (...args) {
        mark(integration.name, hook, 'start');
        try {
          return await /** @type {Function} */ (fn).apply(this, args);
        } finally {
          mark(integration.name, hook, 'end');
        }
      },
    ]),
  );
  return { ...integration, hooks };
}

const PHASES = ['astro:config:setup', 'astro:config:done', 'astro:build:start', 'astro:build:generated', 'astro:build:done'];

/** @param {string} name @returns {import('astro').AstroIntegration} */
const marker = (name) => ({ name, hooks: Object.fromEntries(PHASES.map((hook) => [hook, () => mark(name, hook, 'at')])) });

/** @type {import('astro').AstroIntegration[]} */
const integrations = /** @type {any[]} */ (config.integrations ?? []).flat(Infinity).filter(Boolean);

export default { ...config, integrations: [marker('bench:first'), ...integrations.map(timed), marker('bench:last')] };
