import { expect, test } from 'vitest';
import { groupCachedPages, isPageUrl, pageUrlOfCacheKey } from '../../../src/lib/offline/cached-pages.ts';

const origin = 'https://octo.github.io';
const url = (path: string) => `${origin}/papershelf/${path}`;

test('precache keys lose their revision parameter', () => {
  expect(pageUrlOfCacheKey(url('search/?__WB_REVISION__=abc'))).toBe(url('search/'));
  expect(pageUrlOfCacheKey(url('papers/a/#top'))).toBe(url('papers/a/'));
});

test('pages are folder URLs; assets are files', () => {
  expect(isPageUrl(url('papers/a/'))).toBe(true);
  expect(isPageUrl(url('_astro/app.css'))).toBe(false);
  expect(isPageUrl(url('offline.json'))).toBe(false);
});

test('pages are grouped by kind in a fixed order, sorted by title, once each, without the offline page or other sites', () => {
  const groups = groupCachedPages(
    [
      { url: url('papers/b/'), title: 'beta paper' },
      { url: url(''), title: 'Papershelf' },
      { url: url('topics/rl/'), title: 'Reinforcement learning' },
      { url: url('papers/a/'), title: 'Alpha paper' },
      { url: url('papers/a/'), title: 'Alpha paper (again)' },
      { url: url('papers/c10/'), title: 'Paper 10' },
      { url: url('papers/c9/'), title: 'Paper 9' },
      { url: url('offline/'), title: 'You are offline' },
      { url: url('topics/'), title: 'Topics' },
      { url: url('archive/2025/'), title: '2025' },
      { url: `${origin}/dotfiles/`, title: 'Someone else' },
    ],
    origin,
    '/papershelf/',
  );
  expect(groups).toEqual([
    {
      heading: 'Papers',
      pages: [
        { url: url('papers/a/'), title: 'Alpha paper' },
        { url: url('papers/b/'), title: 'beta paper' },
        { url: url('papers/c9/'), title: 'Paper 9' },
        { url: url('papers/c10/'), title: 'Paper 10' },
      ],
    },
    {
      heading: 'Topics',
      pages: [
        { url: url('topics/rl/'), title: 'Reinforcement learning' },
        { url: url('topics/'), title: 'Topics' },
      ],
    },
    { heading: 'Archive', pages: [{ url: url('archive/2025/'), title: '2025' }] },
    { heading: 'Other pages', pages: [{ url: url(''), title: 'Papershelf' }] },
  ]);
});
