/**
 * `npm run resolve` as a user runs it: a real process on a scratch catalog, against a local
 * replay of arXiv's API (the server runs in this process, so the command runs asynchronously).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { bibtexEntry, citableOf } from '../../src/lib/citation/citation.ts';
import { parseIdentifierSidecar } from '../../src/lib/identifiers/identifier-sidecar.ts';
import { ingestListings } from '../../src/lib/merge/ingest.ts';
import { type ReplayServer, type Reply, atomFeed, replayArxiv } from './arxiv-replay.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The loader, as `npm run resolve` uses it: one process (tsx's CLI would run the script in a child a kill misses). */
const TSX_LOADER = import.meta.resolve('tsx');
const SCRIPT = join(ROOT, 'scripts/resolve.ts');
const ABSTRACT = 'We study a thing. It works well in practice.';

/** A bare dump of four papers, and what arXiv answers for each title (slug order). */
const PAPERS = {
  'alpha-matching-paper': { title: 'Alpha Matching Paper', reply: { body: atomFeed([{ id: '2405.11111v3', title: 'Alpha Matching Paper', published: '2024-05-01' }]) } },
  'beta-near-miss': { title: 'Beta Near Miss', reply: { body: atomFeed([{ id: '2405.22222', title: 'Beta Near Misses and Other Stories', published: '2024-05-01' }]) } },
  'delta-two-papers': {
    title: 'Delta Two Papers',
    reply: {
      body: atomFeed([
        { id: '2401.33333', title: 'Delta Two Papers', published: '2024-01-01' },
        { id: '2402.44444', title: 'Delta: Two Papers', published: '2024-02-01' },
      ]),
    },
  },
  'gamma-nothing-found': { title: 'Gamma Nothing Found', reply: { body: atomFeed([]) } },
} satisfies Record<string, { title: string; reply: Reply }>;

/** Answers by the title asked for, whatever the order of requests. */
const byTitle: Reply = (request) => {
  const query = new URL(request.url ?? '/', 'http://x').searchParams.get('search_query') ?? '';
  const paper = Object.values(PAPERS).find((p) => query.includes(p.title.toLowerCase()));
  return paper?.reply ?? { body: atomFeed([]) };
};

let cwd: string;
let server: ReplayServer | undefined;

beforeEach(() => {
  cwd = mkdtempSync(join(tmpdir(), 'papershelf-resolve-'));
  mkdirSync(join(cwd, 'content/listings'), { recursive: true });
  writeFileSync(
    join(cwd, 'content/listings/a.txt'),
    Object.values(PAPERS)
      .flatMap((p) => [p.title, ABSTRACT])
      .join('\n'),
  );
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  rmSync(cwd, { recursive: true, force: true });
});

const sidecar = () => join(cwd, 'content/identifiers.yaml');
/** What resolve records for the one paper it matches: the id and what arXiv's entry says of the paper. */
const ALPHA_RECORD = 'alpha-matching-paper:\n  arxiv: "2405.11111"\n  category: cs.LG\n  submitted: "2024-05-01"\n  authors:\n    - "Ada Lovelace"\n';
const state = () => join(cwd, '.cache/resolve-state.json');

function start(args: string[], endpoint: string): { child: ChildProcess; done: Promise<{ status: number | null; stdout: string; stderr: string }> } {
  const child = spawn(process.execPath, ['--import', TSX_LOADER, SCRIPT, ...args], {
    cwd,
    env: { ...process.env, PAPERSHELF_CONTENT: join(cwd, 'content'), ARXIV_API_URL: endpoint, ARXIV_API_INTERVAL_MS: '20', ARXIV_API_TIMEOUT_MS: '2000' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const done = new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
  return { child, done };
}

const resolveIds = async (...args: string[]) => start(args, server!.url).done;

// Each run starts a Node process with tsx (seconds on a loaded machine): the default 5 s is too short for several.
describe('npm run resolve', { timeout: 60_000 }, () => {
  it('writes the ids it accepts, sorted, and reports the near miss, the ambiguous and the unmatched', async () => {
    server = await replayArxiv([], byTitle);
    const run = await resolveIds();
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readFileSync(sidecar(), 'utf8')).toBe(ALPHA_RECORD);
    expect(run.stdout).toContain('resolve: [1/4] alpha-matching-paper -> 2405.11111 (title similarity 1.000; 1 authors, cs.LG)');
    expect(run.stdout).toMatch(/\[2\/4\] beta-near-miss: unmatched: no title within 0.9 similarity; closest 2405.22222/);
    expect(run.stdout).toMatch(/\[3\/4\] delta-two-papers: ambiguous: 2401.33333 "Delta Two Papers" \(1.000\); 2402.44444/);
    expect(run.stdout).toContain('[4/4] gamma-nothing-found: unmatched: no result for the title');
    expect(run.stdout).toContain('resolve: 1 ids written to');
    expect(Object.keys(JSON.parse(readFileSync(state(), 'utf8')))).toEqual(['beta-near-miss', 'delta-two-papers', 'gamma-nothing-found']);

    // A second run asks nothing again: the id is known now, the rest were searched already.
    const again = await resolveIds();
    expect(again.stdout).toContain('searching 0 on');
    expect(server.requests).toHaveLength(4);
    // --recheck asks again for those without an id only.
    await resolveIds('--recheck');
    expect(server.requests).toHaveLength(7);
  });

  it('records what the accepted entry says, so the next ingest shows the names and cites an arXiv e-print', async () => {
    const feed = atomFeed([{ id: '2405.11111v2', title: 'Alpha Matching Paper', published: '2024-04-29', updated: '2024-06-01', authors: ['Grace Hopper', 'Alan  Turing', 'No'], category: 'cs.CL' }]);
    server = await replayArxiv([], (request) => (new URL(request.url ?? '/', 'http://x').searchParams.get('search_query')?.includes('alpha') ? { body: feed } : { body: atomFeed([]) }));
    expect((await resolveIds()).status).toBe(0);
    const identifiers = { file: 'content/identifiers.yaml', pins: parseIdentifierSidecar('f', readFileSync(sidecar(), 'utf8')).pins };
    const listing = { file: 'content/listings/a.txt', name: 'a', text: readFileSync(join(cwd, 'content/listings/a.txt'), 'utf8') };
    const paper = ingestListings([listing], identifiers).papers.find((p) => p.slug === 'alpha-matching-paper')!;
    expect(paper).toMatchObject({ arxiv: '2405.11111', authorNames: ['Grace Hopper', 'Alan Turing', 'No'], authors: 3, arxivCategory: 'cs.CL', arxivSubmitted: '2024-04-29' });
    const bib = parseBibtex(bibtexEntry(citableOf({ ...paper, topics: [] }, 'https://example.org/p/')), { sentenceCase: false });
    expect(bib.errors).toEqual([]);
    expect(bib.entries[0]!.fields).toMatchObject({ eprint: '2405.11111', archiveprefix: 'arXiv', primaryclass: 'cs.CL', year: '2024', month: '4' });
    expect((bib.entries[0]!.fields['author'] as { lastName: string }[]).map((a) => a.lastName)).toEqual(['Hopper', 'Turing', 'No']);
  });

  it('writes nothing with --dry-run, and stops at --limit', async () => {
    server = await replayArxiv([], byTitle);
    const run = await resolveIds('--dry-run', '--limit', '2');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('searching 2 on');
    expect(run.stdout).toContain('1 ids found (not written)');
    expect(existsSync(sidecar())).toBe(false);
    expect(existsSync(state())).toBe(false);
  });

  it('keeps the editor’s entries and comments when it adds ids', async () => {
    writeFileSync(sidecar(), '# Checked by hand\nzeta-paper:\n  doi: 10.1145/3368089.3409755 # from the publisher\n');
    server = await replayArxiv([], byTitle);
    await resolveIds();
    const text = readFileSync(sidecar(), 'utf8');
    expect(text).toContain('# from the publisher');
    expect(parseIdentifierSidecar('f', text).pins.map((p) => [p.slug, p.arxiv ?? p.doi])).toEqual([
      ['alpha-matching-paper', '2405.11111'],
      ['zeta-paper', '10.1145/3368089.3409755'],
    ]);
  });

  it('loses nothing when killed mid-run, leaves no half-written file, and goes on where it stopped', { timeout: 30_000 }, async () => {
    // The second search hangs: the process is killed while it waits.
    server = await replayArxiv([PAPERS['alpha-matching-paper'].reply, { hang: true }], byTitle);
    const { child, done } = start([], server.url);
    while (!existsSync(sidecar())) await new Promise((r) => setTimeout(r, 20));
    while (server.requests.length < 2) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    await done;
    expect(readFileSync(sidecar(), 'utf8')).toBe(ALPHA_RECORD);
    expect(readdirSync(join(cwd, 'content')).filter((f) => f.includes('.tmp'))).toEqual([]);

    const rest = await resolveIds();
    expect(rest.stdout).toContain('searching 3 on');
    expect(readFileSync(sidecar(), 'utf8')).toBe(ALPHA_RECORD);
  });

  it('stops with exit 1 when the service keeps failing, keeping what it found', async () => {
    server = await replayArxiv([PAPERS['alpha-matching-paper'].reply], { status: 400, body: 'Bad Request' });
    const run = await resolveIds();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('3 searches failed in a row: stopping');
    expect(readFileSync(sidecar(), 'utf8')).toContain('2405.11111');
  });
});
