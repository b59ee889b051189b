/**
 * Hand corrections end to end: a note's `topics: { add, remove }` reaches the paper through
 * `loadTagger()`, and through a real `npm run ingest` process it survives re-ingesting.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { loadTagger } from '../../../scripts/topics-source.ts';
import { ingestListings } from '../../../src/lib/merge/ingest.ts';
import { parsePaperFile } from '../../../src/lib/paper/paper-file.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const LISTING = '000_cc5b1bd4cf2371e1';
const SLUG = 'transformers-learn-in-context-by-gradient-descent';
const TITLE = 'Transformers learn in-context by gradient descent';

let content: string;
const notes = () => join(content, 'notes');
const taxonomy = () => join(content, 'topics.yaml');

function writeNote(slug: string, frontMatter: string): void {
  mkdirSync(notes(), { recursive: true });
  writeFileSync(join(notes(), `${slug}.mdx`), `---\n${frontMatter}\n---\n\nWhy it matters.\n`);
}

function topicsOf(title: string, tagTopics: ReturnType<typeof loadTagger>): string[] {
  const text = readFileSync(join(content, 'listings', `${LISTING}.txt`), 'utf8');
  const { papers } = ingestListings([{ file: `${LISTING}.txt`, name: LISTING, text }]);
  return tagTopics?.(papers.find((p) => p.title === title)!) ?? [];
}

beforeEach(() => {
  content = mkdtempSync(join(tmpdir(), 'papershelf-topics-'));
  mkdirSync(join(content, 'listings'));
  copyFileSync(join(ROOT, 'content/topics.yaml'), taxonomy());
  copyFileSync(join(ROOT, 'content/listings', `${LISTING}.txt`), join(content, 'listings', `${LISTING}.txt`));
});

afterEach(() => rmSync(content, { recursive: true, force: true }));

describe('loadTagger', () => {
  test('without notes, papers get the tagger’s own topics', () => {
    expect(topicsOf(TITLE, loadTagger(taxonomy(), notes()))).toEqual(['transformers', 'in-context-learning']);
  });

  test('a note adds and removes topics of its own paper only', () => {
    writeNote(SLUG, 'topics:\n  add: [meta-learning]\n  remove: [transformers]');
    const tagTopics = loadTagger(taxonomy(), notes());
    expect(topicsOf(TITLE, tagTopics)).toEqual(['in-context-learning', 'meta-learning']);
    expect(topicsOf('What learning algorithm is in-context learning? Investigations with linear models', tagTopics)).toContain('transformers');
  });

  test('a note can take every topic away, leaving the paper for "Other"', () => {
    writeNote(SLUG, 'topics:\n  remove: [transformers, in-context-learning]');
    expect(topicsOf(TITLE, loadTagger(taxonomy(), notes()))).toEqual([]);
  });

  test('notes without a topics field are ignored', () => {
    writeNote(SLUG, 'draft: true');
    expect(topicsOf(TITLE, loadTagger(taxonomy(), notes()))).toEqual(['transformers', 'in-context-learning']);
  });

  test('a correction naming an unknown topic stops ingest and names the note', () => {
    writeNote(SLUG, 'topics:\n  add: [in-context-lerning]');
    expect(() => loadTagger(taxonomy(), notes())).toThrow(`${join(notes(), `${SLUG}.mdx`)}: unknown topic "in-context-lerning"`);
  });

  test('a malformed note or taxonomy stops ingest and names the file', () => {
    writeNote(SLUG, 'topics: [meta-learning]');
    expect(() => loadTagger(taxonomy(), notes())).toThrow(`${SLUG}.mdx: topics must be`);
    writeFileSync(taxonomy(), '- id: Bad Id\n');
    expect(() => loadTagger(taxonomy(), notes())).toThrow(`${taxonomy()}: topic #1`);
  });

  test('without a taxonomy there is no tagger', () => {
    rmSync(taxonomy());
    expect(loadTagger(taxonomy(), notes())).toBeUndefined();
  });
});

describe('npm run ingest', () => {
  const ingest = () =>
    spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/ingest.ts')], {
      cwd: content,
      encoding: 'utf8',
      env: { ...process.env, PAPERSHELF_CONTENT: content },
    });
  const writtenTopics = () => (parsePaperFile(readFileSync(join(content, 'papers', `${SLUG}.mdx`), 'utf8')).data as { topics: string[] }).topics;

  test('writes corrected topics, keeps them on re-ingest and drops them when the note changes', () => {
    writeNote(SLUG, 'topics:\n  add: [meta-learning]\n  remove: [transformers]');
    expect(ingest().status).toBe(0);
    expect(writtenTopics()).toEqual(['in-context-learning', 'meta-learning']);

    expect(ingest().status).toBe(0);
    expect(writtenTopics()).toEqual(['in-context-learning', 'meta-learning']);

    writeNote(SLUG, 'topics:\n  add: []\n  remove: []');
    expect(ingest().status).toBe(0);
    expect(writtenTopics()).toEqual(['transformers', 'in-context-learning']);
  }, 60_000);

  test('fails with the note’s name when a correction is wrong', () => {
    writeNote(SLUG, 'topics:\n  remove: [no-such-topic]');
    const run = ingest();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${SLUG}.mdx: unknown topic "no-such-topic"`);
  }, 60_000);
});
