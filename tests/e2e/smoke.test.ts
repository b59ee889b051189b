import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchChromium } from './browser.ts';
import { FIXTURE_BASE, FIXTURE_DIST } from './fixture-site.ts';
import { type StaticServer, serveDist } from './serve.ts';

let server: StaticServer;
beforeAll(async () => {
  server = await serveDist(FIXTURE_DIST, FIXTURE_BASE);
});
afterAll(() => server.close());

test('the hostile abstract appears on its page exactly as text, nothing executed', async () => {
  const report = JSON.parse(readFileSync(join(FIXTURE_DIST, '..', 'report.json'), 'utf8'));
  const paper = readFileSync(join(FIXTURE_DIST, '..', 'content', 'listings', 'hostile.txt'), 'utf8');
  expect(report.rejected.map((r: { reason: string }) => r.reason)).toEqual([expect.stringContaining('truncated entry')]);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(server.url);
    await page.getByRole('link', { name: /^Escaping \{props\.title\}/ }).click();
    const text = await page.locator('body').innerText();
    for (const line of paper.split('\n').slice(8, 11).filter(Boolean)) expect(text).toContain(line.trim());
    expect(dialogs).toEqual([]);
    expect(await page.locator('script:not([type="application/ld+json"])', { hasText: 'alert' }).count()).toBe(0);
  } finally {
    await browser.close();
  }
});
