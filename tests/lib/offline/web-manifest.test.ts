import { expect, test } from 'vitest';
import { APP_ICONS, webManifest } from '../../../src/lib/offline/web-manifest.ts';

const input = { name: 'Papershelf', description: 'Papers.', lang: 'en' };

test('a project site installs as itself: id, start URL, scope, icons and shortcuts under the base path', () => {
  const manifest = webManifest({ ...input, base: '/papershelf/' });
  expect(manifest).toMatchObject({ id: '/papershelf/', start_url: '/papershelf/', scope: '/papershelf/', display: 'standalone' });
  for (const { src } of manifest.icons) expect(src).toMatch(/^\/papershelf\/icons\/[a-z0-9-]+\.(png|svg)$/);
  for (const { url } of manifest.shortcuts) expect(url).toMatch(/^\/papershelf\/[a-z]+\/$/);
});

test('a custom domain (BASE=/) puts everything at the root', () => {
  const manifest = webManifest({ ...input, base: '/' });
  expect(manifest.start_url).toBe('/');
  expect(manifest.icons[0]?.src).toBe('/icons/icon-192.png');
});

test('installable: 192 and 512 pixel PNGs and a maskable icon', () => {
  const { icons } = webManifest({ ...input, base: '/' });
  expect(icons.filter((icon) => icon.type === 'image/png').map((icon) => `${icon.sizes} ${icon.purpose}`)).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
  expect(APP_ICONS).toHaveLength(3);
});
