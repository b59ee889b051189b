/**
 * The card step's own reading of the catalog, and its memo of parsed paper files: reused only for
 * the same file bytes parsed by the same code.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { libraryVersion } from '../../src/build/source-digest.ts';
import { digestOf } from '../../src/lib/memo-cache.ts';
import { renderPaperFile } from '../../src/lib/paper-file.ts';

const work = mkdtempSync(join(tmpdir(), 'papershelf-read-catalog-'));
// content-paths reads the environment when first imported.
process.env.PAPERSHELF_CONTENT = join(work, 'content');
const { readCardCatalog } = await import('../../src/cards/read-catalog.ts');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const papers = join(work, 'content', 'papers');
const memoFile = join(work, 'cache', 'papers.json');
const read = () => readCardCatalog({ root: pathToFileURL(`${work}/`), site: 'https://example.github.io', base: '/papershelf/', memoFile, paperCards: 10 });
const paperFile = (title: string) =>
  renderPaperFile({ slug: 'alpha', title, key: title.toLowerCase(), abstract: 'An abstract.', upvotes: 5, topics: [], sources: [{ listing: 'l', file: 'l.txt', line: 1 }], generator: 'papershelf-ingest' });

describe('readCardCatalog', () => {
  test('parses every paper file, remembers it by its bytes and the code version, and trusts nothing else', async () => {
    mkdirSync(papers, { recursive: true });
    writeFileSync(join(papers, 'alpha.mdx'), paperFile('Alpha'));
    expect((await read()).papers).toEqual([{ slug: 'alpha', data: expect.objectContaining({ title: 'Alpha', upvotes: 5 }) }]);
    const memo = JSON.parse(readFileSync(memoFile, 'utf8')) as { version: string; papers: Record<string, { title: string }> };
    expect(memo.version).toBe(libraryVersion());
    expect(Object.keys(memo.papers)).toEqual([digestOf(paperFile('Alpha'))]);

    // A memo entry is used as it stands (shown here by planting a different title under the file's digest)…
    const planted = { version: memo.version, papers: { [digestOf(paperFile('Alpha'))]: { ...Object.values(memo.papers)[0], title: 'From the memo' } } };
    writeFileSync(memoFile, JSON.stringify(planted));
    expect((await read()).papers[0]!.data.title).toBe('From the memo');
    // …but not when other code wrote it, nor for other bytes.
    writeFileSync(memoFile, JSON.stringify({ ...planted, version: 'other code' }));
    expect((await read()).papers[0]!.data.title).toBe('Alpha');
    writeFileSync(memoFile, JSON.stringify(planted));
    writeFileSync(join(papers, 'alpha.mdx'), paperFile('Alpha, revised'));
    expect((await read()).papers[0]!.data.title).toBe('Alpha, revised');
    writeFileSync(memoFile, '{ damaged');
    expect((await read()).papers[0]!.data.title).toBe('Alpha, revised');
  });

  test('names the file that is not a valid paper', async () => {
    writeFileSync(join(papers, 'broken.mdx'), '---\ntitle: 3\n---\n');
    await expect(read()).rejects.toThrow(/broken\.mdx is not a valid paper file/);
    rmSync(join(papers, 'broken.mdx'));
  });
});
