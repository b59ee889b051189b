/**
 * The paper loader against a stand-in for Astro's loader context: what it stores, what it skips, and
 * that a reload renders only the papers whose file changed.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { paperLoader } from '../../src/loaders/paper-loader.ts';
import { renderPaperFile } from '../../src/lib/paper/paper-file.ts';
import { type Paper, paperSchema } from '../../src/lib/paper/paper.ts';

const paper = (slug: string, abstract: string): Paper => ({
  slug,
  title: `Title of ${slug}`,
  key: `title of ${slug}`,
  abstract,
  upvotes: 0,
  topics: [],
  sources: [{ listing: '001', file: 'content/listings/001.txt', line: 1 }],
  generator: 'papershelf-ingest',
});

interface Stored {
  id: string;
  digest?: string | number;
  body?: string;
  rendered?: { html: string };
}

/** The parts of Astro's LoaderContext the loader uses, recording what it stores and logs. */
function fakeContext(root: string) {
  const entries = new Map<string, Stored>();
  const log: { info: string[]; warn: string[] } = { info: [], warn: [] };
  const context = {
    store: {
      get: (id: string) => entries.get(id),
      set: (entry: Stored) => (entries.set(entry.id, entry), true),
      delete: (id: string) => void entries.delete(id),
      keys: () => [...entries.keys()],
    },
    parseData: async ({ data }: { data: unknown }) => paperSchema.parse(data),
    generateDigest: (text: string) => createHash('sha1').update(text).digest('hex'),
    logger: { info: (message: string) => log.info.push(message), warn: (message: string) => log.warn.push(message) },
    config: { root: pathToFileURL(`${root}/`) },
  };
  return { context: context as unknown as LoaderContext, entries, log };
}

let root: string;
const papersDir = () => join(root, 'papers');
const write = (name: string, text: string) => writeFileSync(join(papersDir(), name), text);

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'paper-loader-'));
  mkdirSync(papersDir());
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('paperLoader', () => {
  const loader = paperLoader({ base: './papers/' });

  test('stores every generated paper with its rendered abstract and skips hand-written files with a warning', async () => {
    write('a.mdx', renderPaperFile(paper('a', 'Alpha {not code} <b>text</b>.')));
    write('b.mdx', renderPaperFile(paper('b', 'Beta.')));
    write('note.mdx', '# A hand-written note\n');
    const { context, entries, log } = fakeContext(root);
    await loader.load(context);
    expect([...entries.keys()].sort()).toEqual(['a', 'b']);
    expect(entries.get('a')?.rendered?.html).toContain('Alpha {not code} &#x3C;b>text&#x3C;/b>.');
    // Astro bundles the whole store into the build: the MDX source, which no page renders, stays out.
    expect([...entries.values()].filter((entry) => entry.body !== undefined)).toEqual([]);
    expect(log.warn).toEqual([expect.stringMatching(/papers\/note\.mdx was not written by ingest/)]);
    expect(log.info).toEqual(['2 papers, 2 rendered, 0 from cache']);
  });

  test('a reload renders only changed papers and forgets deleted ones', async () => {
    write('a.mdx', renderPaperFile(paper('a', 'Alpha.')));
    write('b.mdx', renderPaperFile(paper('b', 'Beta.')));
    write('c.mdx', renderPaperFile(paper('c', 'Gamma.')));
    const { context, entries, log } = fakeContext(root);
    await loader.load(context);
    const untouched = entries.get('a');

    write('b.mdx', renderPaperFile(paper('b', 'Beta, revised.')));
    unlinkSync(join(papersDir(), 'c.mdx'));
    await loader.load(context);
    expect(log.info.at(-1)).toBe('2 papers, 1 rendered, 1 from cache');
    expect(entries.get('a')).toBe(untouched);
    expect(entries.get('b')?.rendered?.html).toContain('Beta, revised.');
    expect(entries.has('c')).toBe(false);
  });

  test('an entry stored by other rendering code is rendered again', async () => {
    const text = renderPaperFile(paper('a', 'Alpha.'));
    write('a.mdx', text);
    const { context, entries, log } = fakeContext(root);
    // As another version of the code would have stored it: same file, stale HTML.
    entries.set('a', { id: 'a', digest: context.generateDigest(text), rendered: { html: '<p>rendered by old code</p>' } });
    await loader.load(context);
    expect(log.info.at(-1)).toBe('1 papers, 1 rendered, 0 from cache');
    expect(entries.get('a')?.rendered?.html).toContain('Alpha.');
    await loader.load(context);
    expect(log.info.at(-1)).toBe('1 papers, 0 rendered, 1 from cache');
  });

  test('a paper file replaced by a hand-written one leaves the store', async () => {
    write('a.mdx', renderPaperFile(paper('a', 'Alpha.')));
    const { context, entries } = fakeContext(root);
    await loader.load(context);
    write('a.mdx', '# Now hand-written\n');
    await loader.load(context);
    expect(entries.has('a')).toBe(false);
  });
});

describe('paperLoader on worker threads', () => {
  test('stores what reading on the main thread stores, in the same order', async () => {
    const abstracts = ['Alpha {not code} <b>text</b>.', 'Beta, see https://example.org/x_(y).', '`ticks` and *stars*', 'export const x = 1', 'Delta.'];
    abstracts.forEach((abstract, i) => {
      write(`p${i}.mdx`, renderPaperFile(paper(`p${i}`, abstract)));
    });
    write('note.mdx', '# A hand-written note\n');
    const inline = fakeContext(root);
    await paperLoader({ base: './papers/', poolFrom: Number.POSITIVE_INFINITY }).load(inline.context);
    const pooled = fakeContext(root);
    await paperLoader({ base: './papers/', poolFrom: 1 }).load(pooled.context);
    expect([...pooled.entries]).toEqual([...inline.entries]);
    expect(pooled.log).toEqual(inline.log);
    expect(pooled.entries.size).toBe(abstracts.length);
  });

  test('a file with MDX code in its body fails the load with the message it fails with on the main thread', async () => {
    write('a.mdx', renderPaperFile(paper('a', 'Alpha.')));
    write('b.mdx', `${renderPaperFile(paper('b', 'Beta.'))}\nimport fs from 'node:fs'\n`);
    const failure = (poolFrom: number) =>
      paperLoader({ base: './papers/', poolFrom })
        .load(fakeContext(root).context)
        .then(
          () => undefined,
          (error: Error) => error,
        );
    const [inline, pooled] = await Promise.all([failure(Number.POSITIVE_INFINITY), failure(1)]);
    expect(pooled?.message).toBe('papers/b.mdx: generated abstracts must not contain MDX code (mdxjsEsm)');
    expect(inline?.message).toBe(pooled?.message);
  });
});
