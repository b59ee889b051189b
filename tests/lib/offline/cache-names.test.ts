import { describe, expect, test } from 'vitest';
import { outdatedPageCaches, outdatedRuntimeCaches, precacheName, runtimeCacheName } from '../../../src/lib/offline/cache-names.ts';

const scope = 'https://octo.github.io/papershelf/';
const otherSite = 'https://octo.github.io/dotfiles/';

describe('cache names', () => {
  test('carry the kind, the build and the scope', () => {
    expect(runtimeCacheName('pages', 'abc123', scope)).toBe('papershelf-pages-abc123-https://octo.github.io/papershelf/');
    expect(precacheName(scope)).toBe('papershelf-precache-https://octo.github.io/papershelf/');
  });

  test('refuse a build id that could be confused with the scope', () => {
    expect(() => runtimeCacheName('pages', 'a-b', scope)).toThrow(/hex/);
  });

  test("outdated caches are this site's runtime caches of other builds, never another site's or the precache", () => {
    const names = [
      runtimeCacheName('pages', 'aaa', scope),
      runtimeCacheName('search', 'aaa', scope),
      runtimeCacheName('assets', 'aaa', scope),
      runtimeCacheName('pages', 'bbb', scope),
      runtimeCacheName('search', 'bbb', scope),
      runtimeCacheName('pages', 'aaa', otherSite),
      precacheName(scope),
      'workbox-precache-v2-https://octo.github.io/papershelf/',
      'papershelf-pages-aaa-https://octo.github.io/papershelf/deeper/',
    ];
    expect(outdatedRuntimeCaches(names, 'bbb', scope)).toEqual(names.slice(0, 3));
    expect(outdatedPageCaches(names, 'bbb', scope)).toEqual([names[0]]);
    expect(outdatedRuntimeCaches(names, 'aaa', otherSite)).toEqual([]);
  });
});
