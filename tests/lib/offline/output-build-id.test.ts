import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { outputBuildId, outputDigests } from '../../../src/build/output-id.ts';
import { CARD_RECORD, writeCardRecord } from '../../../src/cards/card-record.ts';

const work = mkdtempSync(join(tmpdir(), 'papershelf-build-id-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const CARD = 'og/papers/a.png';
const FILES: Record<string, string> = {
  'index.html': '<h1>Papers</h1>',
  'papers/a/index.html': '<h1>A</h1>',
  '_astro/app.Bx3k9QzL.js': 'console.log(1)',
  'pagefind/pagefind-entry.json': '{"languages":{}}',
  'pagefind/fragment/en_1a2b3c.pf_fragment': 'fragment',
  [CARD]: 'PNG-of-a',
  'offline.json': '{"build":"old"}',
  'sw.js': 'old worker',
};

let sites = 0;

/** A site as the build leaves it for the service-worker step (cards copied and recorded), then `change`d. */
function site(change: (dir: string) => void = () => {}, cardKey = 'key-a'): string {
  const dir = join(work, String(sites++));
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  writeCardRecord(dir, [{ path: CARD, key: cardKey }]);
  change(dir);
  return dir;
}

/** Rewrites a file as a later step would; its modification time moves on, as it does on a real clock. */
function edit(dir: string, path: string, text: string): void {
  writeFileSync(join(dir, path), text);
  const later = new Date(Date.now() + 5000);
  utimesSync(join(dir, path), later, later);
}

const unchanged = outputBuildId(site());

describe('build id of a finished site', () => {
  test('the same output gives the same id, and the card record is removed so it is never deployed', () => {
    const dir = site();
    expect(outputBuildId(dir)).toBe(unchanged);
    expect(existsSync(join(dir, CARD_RECORD))).toBe(false);
  });

  test('cards are named by their cache key and content-hashed names by their size, without reading them', () => {
    const digests = Object.fromEntries(outputDigests(site()).map(({ path, hash }) => [path, hash]));
    expect(digests[CARD]).toBe('card:key-a');
    expect(digests['_astro/app.Bx3k9QzL.js']).toBe('size:14');
    expect(digests['pagefind/fragment/en_1a2b3c.pf_fragment']).toBe('size:8');
    expect(digests['papers/a/index.html']).toMatch(/^sha1:[0-9a-f]{40}$/);
    expect(digests['pagefind/pagefind-entry.json']).toMatch(/^sha1:/);
    expect(Object.keys(digests)).not.toContain('sw.js');
  });

  test('any change to any deployed file changes the id', () => {
    const changes: Record<string, (dir: string) => void> = {
      'a page, same size': (dir) => edit(dir, 'papers/a/index.html', '<h1>B</h1>'),
      'an unhashed Pagefind file': (dir) => edit(dir, 'pagefind/pagefind-entry.json', '{"languages":{"":0}}'),
      'a card edited after the card step, same size': (dir) => edit(dir, CARD, 'PNG-of-b'),
      'a content-hashed asset': (dir) => renameSync(join(dir, '_astro/app.Bx3k9QzL.js'), join(dir, '_astro/app.Qq81MfZx.js')),
      'a content-hashed chunk of another size': (dir) => edit(dir, 'pagefind/fragment/en_1a2b3c.pf_fragment', 'fragment!'),
      'an added file': (dir) => writeFileSync(join(dir, 'papers/b.html'), ''),
      'a removed file': (dir) => rmSync(join(dir, 'papers/a/index.html')),
      'a renamed page': (dir) => renameSync(join(dir, 'index.html'), join(dir, 'home.html')),
      'a removed card': (dir) => rmSync(join(dir, CARD)),
    };
    for (const [name, change] of Object.entries(changes)) expect(outputBuildId(site(change)), name).not.toBe(unchanged);
    expect(outputBuildId(site(() => {}, 'key-b')), 'a card drawn from other inputs').not.toBe(unchanged);
  });

  test('a card without a record (or an edited one) is hashed by its bytes, never trusted by name', () => {
    const unrecorded = site((dir) => rmSync(join(dir, CARD_RECORD)));
    const digest = outputDigests(unrecorded).find(({ path }) => path === CARD)?.hash;
    expect(digest).toMatch(/^sha1:/);
  });

  test('the files the service-worker step writes itself do not count', () => {
    expect(outputBuildId(site((dir) => writeFileSync(join(dir, 'sw.js'), 'new worker')))).toBe(unchanged);
  });
});
