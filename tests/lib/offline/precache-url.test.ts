import { expect, test } from 'vitest';
import { precacheUrl } from '../../../src/lib/offline/precache-url.ts';

test.each([
  ['index.html', '/papershelf/', '/papershelf/'],
  ['offline/index.html', '/papershelf/', '/papershelf/offline/'],
  ['papers/a-b/index.html', '/', '/papers/a-b/'],
  ['_astro/app.Cx1.css', '/papershelf/', '/papershelf/_astro/app.Cx1.css'],
  ['pagefind/index/en_1.pf_index', '/papershelf', '/papershelf/pagefind/index/en_1.pf_index'],
  ['notindex.html', '/', '/notindex.html'],
])('%s under %s is requested as %s', (path, base, url) => {
  expect(precacheUrl(path, base)).toBe(url);
});
