import { expect, test } from 'vitest';
import { buildId } from '../../../src/lib/offline/build-id.ts';

const files = [
  { path: 'index.html', hash: 'h1' },
  { path: 'papers/a/index.html', hash: 'h2' },
];

test('the build id does not depend on listing order', () => {
  expect(buildId(files)).toBe(buildId([...files].reverse()));
  expect(buildId(files)).toMatch(/^[0-9a-f]{16}$/);
});

test('any changed, added, removed or renamed file changes the build id', () => {
  const id = buildId(files);
  expect(buildId([files[0]!, { path: 'papers/a/index.html', hash: 'h3' }])).not.toBe(id);
  expect(buildId([...files, { path: 'papers/b/index.html', hash: 'h2' }])).not.toBe(id);
  expect(buildId([files[0]!])).not.toBe(id);
  expect(buildId([files[0]!, { path: 'papers/b/index.html', hash: 'h2' }])).not.toBe(id);
});

test('path and hash boundaries cannot be shifted to collide', () => {
  expect(buildId([{ path: 'ab', hash: 'c' }])).not.toBe(buildId([{ path: 'a', hash: 'bc' }]));
});
