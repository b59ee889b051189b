/**
 * The ingest command as a user runs it: a real process in a scratch folder, with
 * PAPERSHELF_CONTENT pointing there so no topics or notes of the real catalog are read.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseRelatedFile } from '../../src/lib/related/related-file.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const SCRIPT = join(ROOT, 'scripts/ingest.ts');
const FIXTURES = join(ROOT, 'tests/fixtures/listings');

let cwd: string;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function ingest(...args: string[]): Run {
  const run = spawnSync(process.execPath, [TSX, SCRIPT, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, PAPERSHELF_CONTENT: join(cwd, 'content') },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Every file under `dir`: content and identity, to tell a rewrite from an untouched file. */
function snapshot(dir: string): Map<string, { content: string; mtimeMs: number; ino: number }> {
  const files = new Map<string, { content: string; mtimeMs: number; ino: number }>();
  if (!existsSync(dir)) return files;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const { mtimeMs, ino } = statSync(path);
    files.set(relative(dir, path), { content: readFileSync(path, 'utf8'), mtimeMs, ino });
  }
  return files;
}

/** Names whose file was written (new inode or mtime) or removed between two snapshots. */
function touched(before: ReturnType<typeof snapshot>, after: ReturnType<typeof snapshot>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names]
    .filter((n) => {
      const [a, b] = [before.get(n), after.get(n)];
      return !a || !b || a.ino !== b.ino || a.mtimeMs !== b.mtimeMs;
    })
    .sort();
}

const listings = () => join(cwd, 'content/listings');
const papers = () => join(cwd, 'content/papers');

function addListing(fixture: string, as = fixture, sidecar?: string): void {
  mkdirSync(listings(), { recursive: true });
  copyFileSync(join(FIXTURES, fixture), join(listings(), as));
  if (sidecar) writeFileSync(join(listings(), as.replace(/\.txt$/, '.yaml')), sidecar);
}

beforeEach(() => {
  cwd = mkdtempSync(join(tmpdir(), 'papershelf-ingest-'));
  addListing('page-000-excerpt.txt', '000_page.txt', 'captured: 2025-10-30\ntitle: Oct 30 excerpt\n');
  addListing('bare-001-excerpt.txt', '001_bare.txt');
  addListing('hostile-page.txt', '002_hostile.txt', 'captured: 2025-10-31\n');
});

afterEach(() => {
  rmSync(cwd, { recursive: true, force: true });
});

// Each run is a fresh Node process compiling TypeScript: seconds each on a busy machine.
describe('ingest CLI', { timeout: 120_000 }, () => {
  it('writes one file per paper, the listings file and a report in the documented shape', () => {
    const run = ingest('--report', 'out/report.json');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('ingest: 16 entries in 3 listings -> 16 papers (0 merged duplicates, 3 rejected, 4 warnings, 0 conflicts)');
    expect(run.stdout).toContain('  rejected content/listings/002_hostile.txt:34: binary junk, not text');
    // The third: the fixture's abstract of 21,009 characters is cut to MAX_ABSTRACT_LENGTH; the
    // fourth: a stray dot inside a card, which fits no place of the file's card layout.
    expect(run.stdout.split('\n').filter((line) => line.startsWith('  warning '))).toHaveLength(4);

    const report = JSON.parse(readFileSync(join(cwd, 'out/report.json'), 'utf8'));
    expect(Object.keys(report)).toEqual(['entries', 'papers', 'duplicates', 'conflicts', 'rejected', 'warnings', 'listings']);
    expect(report).toMatchObject({ entries: 16, papers: 16, duplicates: [], conflicts: [] });
    expect(report.rejected[0]).toEqual({ file: 'content/listings/002_hostile.txt', line: 34, reason: 'binary junk, not text', text: expect.any(String) });
    expect(report.rejected.at(-1)).toMatchObject({ line: 79, reason: expect.stringContaining('truncated entry') });
    const listings = [
      { id: '000_page', file: 'content/listings/000_page.txt', title: 'Oct 30 excerpt', format: 'page', entries: 6, capturedInferred: false, captured: '2025-10-30' },
      { id: '001_bare', file: 'content/listings/001_bare.txt', title: 'Listing 001_bare', format: 'bare', entries: 3, capturedInferred: false },
      { id: '002_hostile', file: 'content/listings/002_hostile.txt', title: 'Daily papers of 2025-10-31', format: 'page', entries: 7, capturedInferred: false, captured: '2025-10-31' },
    ];
    // The report also counts the page furniture dropped from each listing; the site's copy does not.
    expect(report.listings).toEqual(listings.map((listing) => ({ ...listing, ignored: expect.any(Object) })));
    expect(report.listings[0].ignored).toEqual({ header: 5 });
    expect(JSON.parse(readFileSync(join(papers(), '_listings.json'), 'utf8'))).toEqual(listings);

    const files = readdirSync(papers()).sort();
    expect(files).toHaveLength(18);
    expect(files).toContain('orca-progressive-learning-from-complex-explanation-traces-of-gpt-4.mdx');
    expect(files.filter((f) => !/^[a-z0-9]+(-[a-z0-9]+)*\.mdx$/.test(f))).toEqual(['_listings.json', '_related.json']);
    const { related } = parseRelatedFile(readFileSync(join(papers(), '_related.json'), 'utf8'), '_related.json');
    const slugs = files.filter((f) => f.endsWith('.mdx')).map((f) => f.slice(0, -4));
    expect(Object.keys(related)).toEqual(slugs);
    expect(
      Object.values(related)
        .flat()
        .every((slug) => slugs.includes(slug)),
    ).toBe(true);
    expect(Object.values(related).some((found) => found.length > 0)).toBe(true);
    const orca = readFileSync(join(papers(), 'orca-progressive-learning-from-complex-explanation-traces-of-gpt-4.mdx'), 'utf8');
    expect(orca).toMatch(/^---\nauthors: 6\ngenerator: papershelf-ingest\n/);
    expect(orca).toContain('published: 2023-06-05\n');
    expect(orca).toContain('upvotes: 18\n');
  });

  it('reads dumps saved as Latin-1 or UTF-16 with their accents, and says they were not UTF-8', () => {
    const latin1 = Buffer.from('Caf\u00e9 au lait: a na\u00efve study\n\nWe study caf\u00e9s. Their na\u00efvet\u00e9 is measured.\n', 'latin1');
    writeFileSync(join(listings(), '003_latin1.txt'), latin1);
    const utf16 = Buffer.from('\uFEFFCr\u00e8me br\u00fbl\u00e9e at altitude\r\n\r\nSugar cracks differently up high. We measure how.\r\n', 'utf16le');
    writeFileSync(join(listings(), '004_utf16.txt'), utf16);
    const run = ingest('--report', 'report.json');
    expect(run.status).toBe(0);
    const report = JSON.parse(readFileSync(join(cwd, 'report.json'), 'utf8'));
    expect(report.warnings).toContainEqual({ file: 'content/listings/003_latin1.txt', line: 1, reason: expect.stringMatching(/^not UTF-8: read as windows-1252/), text: '' });
    expect(report.warnings).toContainEqual({ file: 'content/listings/004_utf16.txt', line: 1, reason: expect.stringMatching(/^not UTF-8: read as utf-16le/), text: '' });
    expect(report.rejected.filter((r: { file: string }) => /00[34]_/.test(r.file))).toEqual([]);
    const title = (prefix: string) => readFileSync(join(papers(), readdirSync(papers()).find((name) => name.startsWith(prefix))!), 'utf8');
    expect(title('cafe-au-lait')).toContain('title: "Café au lait: a naïve study"');
    expect(title('creme-brulee')).toContain('title: Crème brûlée at altitude');
  });

  it('prints the first ten warnings and says where the rest are', () => {
    const abstract = 'We look at a thing closely. It behaves as expected.';
    const entries = Array.from({ length: 12 }, (_, i) => `Undated Paper ${i}\n\n${abstract}\n\n  • 2 authors\n·`);
    writeFileSync(join(listings(), '003_undated.txt'), ['Daily Papers', 'Oct 30', ...entries].join('\n\n'));
    const lines = ingest('--report', 'report.json').stdout.split('\n');
    expect(lines.filter((line) => line.startsWith('  warning content/listings/003_undated.txt:'))).toHaveLength(6);
    expect(lines.filter((line) => line.startsWith('  warning '))).toHaveLength(10);
    expect(lines).toContain('  … and 6 more warnings (see report.json)');
  });

  it('rewrites nothing on a second run', () => {
    ingest('--report', 'report.json');
    const before = snapshot(cwd);
    const run = ingest('--report', 'report.json');
    expect(run.stdout).toContain('0 files written, 0 removed, 18 unchanged');
    expect(touched(before, snapshot(cwd))).toEqual(['report.json']);
  });

  it('rewrites only the papers a changed listing affects', () => {
    ingest();
    const before = snapshot(papers());
    const path = join(listings(), '001_bare.txt');
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, text.replace('We provide a new efficient version', 'We provide a NEW efficient version'));
    const run = ingest();
    // Related papers are worked out again for a changed abstract: their file carries what they were worked out from.
    expect(run.stdout).toContain('2 files written, 0 removed, 16 unchanged');
    expect(run.stdout).toContain('ingest: 1 papers worked out, 15 from the cache');
    expect(touched(before, snapshot(papers()))).toEqual(['_related.json', expect.stringMatching(/^sparseprop-efficient-sparse-backpropagation-.*\.mdx$/)]);

    writeFileSync(path, text.replace('Bridging Discrete and Backpropagation', 'Bridging Discrete and Forward Propagation'));
    const renamed = ingest();
    expect(renamed.stdout).toContain('3 files written, 1 removed');
    expect(touched(before, snapshot(papers()))).toEqual([
      '_related.json',
      'bridging-discrete-and-backpropagation-straight-through-and-beyond.mdx',
      'bridging-discrete-and-forward-propagation-straight-through-and-beyond.mdx',
      expect.stringMatching(/^sparseprop-efficient-sparse-backpropagation-.*\.mdx$/),
    ]);
  });

  it("removes a listing's papers when it goes, never a hand-written file", () => {
    addListing('page-003-excerpt.txt', '003_page.txt', 'captured: 2025-12-08\n');
    writeFileSync(join(listings(), '004_dup.txt'), 'MgNO: Efficient Parameterization of Linear Operators via Multigrid\nA second listing has it too. Twice the sources.\n');
    ingest();
    const handWritten = {
      'my-note.mdx': '---\ntitle: My own note\n---\n\nKeep me.\n',
      'broken.mdx': '---\ntitle: [unclosed\n---\n',
      'notes.txt': 'not a paper',
    };
    for (const [name, text] of Object.entries(handWritten)) writeFileSync(join(papers(), name), text);
    const mgno = 'mgno-efficient-parameterization-of-linear-operators-via-multigrid.mdx';
    expect(readFileSync(join(papers(), mgno), 'utf8')).toContain('listing: 004_dup');

    rmSync(join(listings(), '003_page.txt'));
    rmSync(join(listings(), '003_page.yaml'));
    const run = ingest();
    expect(run.status).toBe(0);
    const files = readdirSync(papers());
    expect(files).not.toContain('vote-in-context-turning-vlms-into-zero-shot-rank-fusers.mdx');
    expect(files).toContain(mgno);
    expect(readFileSync(join(papers(), mgno), 'utf8')).not.toContain('listing: 003_page');
    for (const [name, text] of Object.entries(handWritten)) expect(readFileSync(join(papers(), name), 'utf8')).toBe(text);
  });

  it('reads a saved Daily Papers JSON beside the text dumps, and the identifiers sidecar, which wins', () => {
    const item = (id: string, title: string) => ({
      paper: { id, title, summary: 'We study a thing. It works.', authors: [{ name: 'Ada Lovelace' }], publishedAt: '2024-05-28T00:00:00.000Z', upvotes: 3 },
      numComments: 2,
    });
    writeFileSync(join(listings(), '003_daily.json'), JSON.stringify([item('2405.11111', 'A JSON Paper'), item('2405.22222', 'Another JSON Paper')], null, 2));
    writeFileSync(join(cwd, 'content/identifiers.yaml'), 'a-json-paper:\n  doi: 10.1234/abcd\nanother-json-paper:\n  arxiv: "2405.33333"\n');
    const run = ingest('--report', 'out/report.json');
    expect(run.status).toBe(0);
    const file = (slug: string) => readFileSync(join(papers(), `${slug}.mdx`), 'utf8');
    expect(file('a-json-paper')).toMatch(/^arxiv: "2405.11111"\nauthorNames:\n {2}- Ada Lovelace\nauthors: 1\ncomments: 2\ndoi: 10.1234\/abcd\n/m);
    expect(file('another-json-paper')).toContain('arxiv: "2405.33333"');
    const report = JSON.parse(readFileSync(join(cwd, 'out/report.json'), 'utf8'));
    expect(report.conflicts).toContainEqual({
      slug: 'another-json-paper',
      field: 'arxiv',
      values: [
        { value: '2405.33333', file: 'content/identifiers.yaml', line: 3 },
        { value: '2405.22222', file: 'content/listings/003_daily.json', line: 17, item: 1 },
      ],
    });
  });

  it('reads a saved web page beside the text dumps, and reports a file no reader takes instead of passing it over', () => {
    const card = (title: string, day: number) =>
      `<article><h3>${title}</h3>\n<p>We study a thing in depth. It works well in practice, and we say why here.</p>\n<div>3 authors · May ${day}, 2024</div></article>`;
    writeFileSync(join(listings(), '005_saved.html'), `<!doctype html><html><body>\n${card('A Saved Page Paper', 28)}\n${card('Another Saved Page Paper', 29)}\n</body></html>\n`);
    writeFileSync(join(listings(), '006_papers.pdf'), '%PDF-1.7\n');
    const run = ingest('--report', 'out/report.json');
    expect(run.status).toBe(0);
    expect(readFileSync(join(papers(), 'a-saved-page-paper.mdx'), 'utf8')).toContain('title: A Saved Page Paper');
    // Its source is named by the line of the HTML file the title stands on.
    expect(readFileSync(join(papers(), 'another-saved-page-paper.mdx'), 'utf8')).toMatch(/file: content\/listings\/005_saved\.html\n {4}line: 5\n/);
    const report = JSON.parse(readFileSync(join(cwd, 'out/report.json'), 'utf8'));
    expect(report.rejected).toContainEqual(expect.objectContaining({ file: 'content/listings/006_papers.pdf', line: 1, reason: expect.stringMatching(/^not a listing/) }));
  });

  it('--explain prints each line of a listing with its role and each entry with its fields, and writes nothing', () => {
    const before = snapshot(cwd);
    const run = ingest('--explain', 'content/listings/000_page.txt');
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('content/listings/000_page.txt: page dump, 6 entries, 0 rejected, 0 warnings; furniture dropped: header 5');
    expect(run.stdout).toMatch(/\n *13 +title +Dual Process Learning/);
    expect(run.stdout).toMatch(/=> entry "Dual Process Learning: .*" \| 4 authors \| 2024-05-28 \|/);
    expect(touched(before, snapshot(cwd))).toEqual([]);
  });

  it('--check exits 0 when up to date and 1 when stale, and writes nothing', () => {
    ingest();
    expect(ingest('--check')).toMatchObject({ status: 0, stderr: '' });

    writeFileSync(join(listings(), '001_bare.txt'), readFileSync(join(listings(), '001_bare.txt'), 'utf8').replace('SparseProp', 'SparseProp v2'));
    const before = snapshot(cwd);
    const run = ingest('--check', '--report', 'report.json');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^ingest --check: \S+ is out of date: 2 to write, 1 to remove \(_related\.json, sparseprop-v2-[^)]*\)\n$/);
    expect(touched(before, snapshot(cwd))).toEqual([]);
    expect(existsSync(join(cwd, 'report.json'))).toBe(false);

    rmSync(papers(), { recursive: true });
    expect(ingest('--check').status).toBe(1);
    expect(existsSync(papers())).toBe(false);
  });

  it.each([
    ['a missing path', () => ['content/nope'], /^ingest: no such file or folder: content\/nope$/],
    ['an unreadable listing', () => (mkdirSync(join(listings(), 'zz.txt')), []), /^ingest: cannot read .*zz\.txt: EISDIR/],
    ['a bad flag', () => ['--frobnicate'], /^ingest: Unknown option '--frobnicate'.* \(usage: npm run ingest -- .*\)$/],
    ['a flag without its value', () => ['--out'], /^ingest: Option '--out <value>' argument missing/],
    ['a sidecar that is not YAML', () => (writeFileSync(join(listings(), '001_bare.yaml'), 'captured: [2025\n'), []), /^ingest: content\/listings\/001_bare\.yaml: not valid YAML/],
    ['a sidecar with an impossible day', () => (writeFileSync(join(listings(), '001_bare.yaml'), 'captured: 2025-02-30\n'), []), /captured must be a real day written YYYY-MM-DD, not "2025-02-30"$/],
    ['a sidecar that is a list', () => (writeFileSync(join(listings(), '001_bare.yaml'), '- 2025-10-30\n'), []), /001_bare\.yaml: must be a mapping/],
    ['an empty listings folder', () => (mkdirSync(join(cwd, 'empty')), ['empty']), /^ingest: no listings \(\*\.txt, \*\.html, \*\.json\) in empty$/],
    [
      'two listings with one name',
      () => (mkdirSync(join(cwd, 'more')), copyFileSync(join(FIXTURES, 'bare-001-excerpt.txt'), join(cwd, 'more/001_bare.txt')), ['content/listings', 'more']),
      /^ingest: two listings have the id 001_bare/,
    ],
  ])('reports %s in one line, exits 1 and writes nothing', (_name, setUp, message) => {
    const args = setUp();
    const before = snapshot(cwd);
    const run = ingest('--report', 'report.json', ...args);
    expect(run.status).toBe(1);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr.trimEnd()).toMatch(message);
    expect(run.stdout).toBe('');
    expect(touched(before, snapshot(cwd))).toEqual([]);
    expect(existsSync(papers())).toBe(false);
  });

  it('writes byte-identical files in two runs into two folders', () => {
    ingest('--out', 'a', '--report', 'a.json');
    ingest('--out', 'b', '--report', 'b.json');
    const [a, b] = [snapshot(join(cwd, 'a')), snapshot(join(cwd, 'b'))];
    expect(a.size).toBe(18);
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [name, file] of a) expect(b.get(name)!.content, name).toBe(file.content);
    expect(readFileSync(join(cwd, 'b.json'), 'utf8')).toBe(readFileSync(join(cwd, 'a.json'), 'utf8'));
  });

  it('writes nothing outside DIR (but the report and its cache), and leaves no temporary files', () => {
    const before = snapshot(cwd);
    ingest('--out', 'deep/out', '--report', 'report.json');
    const changed = touched(before, snapshot(cwd));
    expect(changed.filter((n) => !n.startsWith('deep/out/') && n !== 'report.json' && n !== '.cache/ingest.json')).toEqual([]);
    expect(changed.filter((n) => n.includes('.tmp'))).toEqual([]);
    expect(changed).toHaveLength(20);
  });

  it('takes unchanged papers from its cache; a new taxonomy, a topic correction or a damaged cache only cost time', () => {
    const cache = join(cwd, '.cache/ingest.json');
    expect(ingest().stdout).toContain('ingest: 16 papers worked out, 0 from the cache (.cache/ingest.json)\n');
    const first = snapshot(papers());
    const before = snapshot(cwd);
    expect(ingest().stdout).toContain('ingest: 0 papers worked out, 16 from the cache');
    expect(touched(before, snapshot(cwd))).toEqual([]);

    writeFileSync(cache, '{"version": "damaged');
    expect(ingest().stdout).toContain('ingest: 0 files written, 0 removed, 18 unchanged');
    expect(JSON.parse(readFileSync(cache, 'utf8'))).toMatchObject({ version: expect.any(String) });

    writeFileSync(join(cwd, 'content/topics.yaml'), '- id: sparsity\n  name: Sparsity\n  description: Sparse models.\n  terms: [sparse]\n');
    const tagged = ingest().stdout;
    expect(tagged).toContain('ingest: 16 papers worked out, 0 from the cache');
    expect(tagged).toMatch(/ingest: [1-9]\d* files written/);

    // A note's text decides no paper's topics, so writing and editing it keeps the cache; its topic correction does not.
    const note = join(cwd, 'content/notes/some-paper.mdx');
    mkdirSync(join(cwd, 'content/notes'));
    writeFileSync(note, '---\ntitle: A note\n---\nText.\n');
    expect(ingest().stdout).toContain('ingest: 0 papers worked out, 16 from the cache');
    writeFileSync(note, '---\ntitle: A note\n---\nOther text, **in bold**.\n');
    expect(ingest().stdout).toContain('ingest: 0 papers worked out, 16 from the cache');
    writeFileSync(note, '---\ntitle: A note\ntopics:\n  add: [sparsity]\n  remove: []\n---\nOther text, **in bold**.\n');
    expect(ingest().stdout).toContain('ingest: 16 papers worked out, 0 from the cache');

    // The cache never changes what is written: a run without it gives the same files.
    rmSync(cache);
    rmSync(papers(), { recursive: true });
    ingest();
    const withTopics = snapshot(papers());
    rmSync(join(cwd, 'content/topics.yaml'));
    ingest();
    for (const [name, file] of snapshot(papers())) expect(file.content, name).toBe(first.get(name)!.content);
    expect([...withTopics.values()].some((file) => file.content.includes('- sparsity'))).toBe(true);
  });

  it('prints progress for thousands of entries, and none for a few', { timeout: 300_000 }, () => {
    expect(ingest().stdout).not.toMatch(/\d+\/\d+/);
    const lines = Array.from({ length: 2500 }, (_, i) => `Generated Paper Number ${i}\nAbstract of paper ${i}. It has two sentences.`);
    writeFileSync(join(listings(), '005_large.txt'), lines.join('\n'));
    const run = ingest();
    expect(run.status).toBe(0);
    const out = run.stdout.split('\n');
    expect(out).toContain('ingest: read 2516 entries from 4 listings');
    // The 16 papers of the first run come from the cache; worker threads report the rest in batches.
    const worked = out.filter((l) => l.startsWith('ingest: tagged and rendered papers '));
    expect(worked.length).toBeGreaterThanOrEqual(5);
    expect(worked.length).toBeLessThanOrEqual(10);
    expect(worked.at(-1)).toBe('ingest: tagged and rendered papers 2500/2500');
    expect(out).toContain('ingest: 2500 papers worked out, 16 from the cache (.cache/ingest.json)');
    expect(out.filter((l) => l.startsWith('ingest: wrote files '))).toHaveLength(10);
    expect(out).toContain('ingest: wrote files 2502/2502');
  });
});
