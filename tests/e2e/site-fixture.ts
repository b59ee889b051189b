/**
 * What a browser suite needs of the fixture build (global-setup.ts builds it once for all suites):
 * the site served as GitHub Pages serves it, under its base path, and Chromium. `useSite()` starts
 * both once per test file and closes them after its last test, whatever the tests did.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser.ts';
import { FIXTURE_BASE, FIXTURE_DIST } from './fixture-site.ts';
import { type StaticServer, serveDist } from './serve.ts';

export interface Site {
  readonly server: StaticServer;
  readonly browser: Browser;
  /** The address of `path` on the served site, relative to its base: `url('papers/x/')`. */
  url(path?: string): string;
}

/** Call at the top of a test file (or a describe block); use the result from tests and later hooks. */
export function useSite(): Site {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [server, browser] = await Promise.all([serveDist(FIXTURE_DIST, FIXTURE_BASE), launchChromium()]);
  });
  afterAll(async () => {
    await Promise.all([browser?.close(), server?.close()]);
  });
  function started<T>(value: T | undefined, what: string): T {
    if (value === undefined) throw new Error(`useSite: the ${what} starts in beforeAll; use it from a test or a hook registered after useSite()`);
    return value;
  }
  return {
    get server() {
      return started(server, 'server');
    },
    get browser() {
      return started(browser, 'browser');
    },
    url: (path = '') => `${started(server, 'server').url}${path}`,
  };
}
