/**
 * `npm run fetch` as a user runs it: a real process on a scratch catalog, against a local replay of
 * the Daily Papers API (the server runs in this process, so the command runs asynchronously). Waits
 * are scaled down through the environment; the policy is the shared one.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatListing } from '../../src/lib/fetch/listing-json.ts';
import { parseDailyPapersJson } from '../../src/lib/listing/parse-daily-papers-json.ts';
import { type ReplayServer, type Reply, byDay, dailyItem, json, replayDailyPapers } from './daily-papers-replay.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The loader, as `npm run fetch` uses it: one process (tsx's CLI would run the script in a child a kill misses). */
const TSX_LOADER = import.meta.resolve('tsx');
const SCRIPT = join(ROOT, 'scripts/fetch.ts');

const MONDAY = [dailyItem({ id: '2405.16001', title: 'Monday One', listed: '2024-05-27T08:00:00.000Z' }), dailyItem({ id: '2405.16002', title: 'Monday Two', listed: '2024-05-27T09:00:00.000Z' })];
const TUESDAY = [
  dailyItem({ id: '2405.18407', title: 'Phased Consistency Model', upvotes: 32 }),
  dailyItem({ id: '2405.17258', title: 'Trans-LoRA', upvotes: 14, authors: ['Runqian Wang', 'Soumya Ghosh'] }),
  dailyItem({ id: '2405.18386', title: 'Instruct-MusicGen', upvotes: 3 }),
];
const WEDNESDAY = [dailyItem({ id: '2405.19001', title: 'Wednesday Paper', listed: '2024-05-29T08:00:00.000Z' })];
/** Saturday 25 and Sunday 26 have no papers, as the API answers for weekends. */
const WEEK = { '2024-05-27': MONDAY, '2024-05-28': TUESDAY, '2024-05-29': WEDNESDAY };

let cwd: string;
let server: ReplayServer | undefined;

beforeEach(() => {
  cwd = mkdtempSync(join(tmpdir(), 'papershelf-fetch-'));
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  rmSync(cwd, { recursive: true, force: true });
});

const listings = () => join(cwd, 'content/listings');
const saved = (day: string) => join(listings(), `${day}.json`);
const files = () => (existsSync(listings()) ? readdirSync(listings()).sort() : []);

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function start(args: string[], env: Record<string, string> = {}): { child: ChildProcess; done: Promise<Run> } {
  const child = spawn(process.execPath, ['--import', TSX_LOADER, SCRIPT, ...args], {
    cwd,
    env: {
      ...process.env,
      PAPERSHELF_CONTENT: join(cwd, 'content'),
      DAILY_PAPERS_API_URL: server!.url,
      DAILY_PAPERS_INTERVAL_MS: '20',
      DAILY_PAPERS_BACKOFF_MS: '20',
      DAILY_PAPERS_TIMEOUT_MS: '2000',
      ...env,
    },
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const done = new Promise<Run>((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
  return { child, done };
}

const fetchDays = (...args: string[]) => start(args).done;

describe('npm run fetch', { timeout: 60_000 }, () => {
  it('saves each day with papers as the ingest reads it, reports the weekend, and a second run changes nothing', async () => {
    server = await replayDailyPapers([], byDay(WEEK));
    const run = await fetchDays('--from', '2024-05-25', '--to', '2024-05-28');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n').filter((line) => line.startsWith('fetch: ['))).toEqual([
      'fetch: [1/4] 2024-05-25: no papers (a weekend, or not listed yet): nothing saved',
      'fetch: [2/4] 2024-05-26: no papers (a weekend, or not listed yet): nothing saved',
      'fetch: [3/4] 2024-05-27: saved, 2 papers',
      'fetch: [4/4] 2024-05-28: saved, 3 papers',
    ]);
    expect(run.stdout).toContain('fetch: 2 saved, 0 changed, 0 unchanged, 2 without papers, 0 skipped, 0 failed');
    expect(files()).toEqual(['2024-05-27.json', '2024-05-28.json']);
    expect(server.requests.map((r) => [r.date, r.limit])).toEqual(['2024-05-25', '2024-05-26', '2024-05-27', '2024-05-28'].map((d) => [d, '50']));

    const text = readFileSync(saved('2024-05-28'), 'utf8');
    expect(text).toBe(formatListing(TUESDAY));
    const parsed = parseDailyPapersJson('content/listings/2024-05-28.json', text);
    expect(parsed.rejected).toEqual([]);
    expect(parsed.entries.map((e) => [e.ids?.arxiv, e.title, e.authorNames?.[0]])).toEqual([
      ['2405.18407', 'Phased Consistency Model', 'Ada Lovelace'],
      ['2405.17258', 'Trans-LoRA', 'Runqian Wang'],
      ['2405.18386', 'Instruct-MusicGen', 'Ada Lovelace'],
    ]);

    // Again: saved days are not asked for; with --refresh they are, and stay byte-identical, untouched.
    const before = statSync(saved('2024-05-28'));
    const again = await fetchDays('--from', '2024-05-25', '--to', '2024-05-28');
    expect(again.stdout).toContain('fetch: [3/4] 2024-05-27: already saved (--refresh fetches it again)');
    expect(server.requests).toHaveLength(6);
    const refreshed = await fetchDays('--from', '2024-05-27', '--to', '2024-05-28', '--refresh');
    expect(refreshed.stdout).toContain('fetch: [2/2] 2024-05-28: unchanged, 3 papers');
    expect(readFileSync(saved('2024-05-28'), 'utf8')).toBe(text);
    expect(statSync(saved('2024-05-28')).mtimeMs).toBe(before.mtimeMs);
    expect(statSync(saved('2024-05-28')).ino).toBe(before.ino);
  });

  it('reports a day that changed: papers added, fields updated', async () => {
    server = await replayDailyPapers([], byDay(WEEK));
    await fetchDays('--date', '2024-05-28');
    await server.close();
    const later = [{ ...TUESDAY[0]!, numComments: 7 }, ...TUESDAY.slice(1), dailyItem({ id: '2405.18999', title: 'Late Addition' })];
    server = await replayDailyPapers([], byDay({ '2024-05-28': later }));
    const run = await fetchDays('--date', '2024-05-28', '--refresh');
    expect(run.stdout).toContain('fetch: [1/1] 2024-05-28: changed, 3 → 4 papers (1 new, 1 updated)');
    expect(readFileSync(saved('2024-05-28'), 'utf8')).toBe(formatListing(later));
  });

  it('waits out a 429’s Retry-After, retries a 503, a hang and a body cut off, and saves only the whole answer', async () => {
    const body = JSON.stringify(TUESDAY);
    const replies: Reply[] = [
      { status: 429, body: '{"error":"Too Many Requests"}', headers: { 'Retry-After': '1' } },
      { status: 503, body: 'upstream unavailable' },
      { hang: true },
      { body: body.slice(0, 300) },
      { body, cutAfter: 300 },
      { body },
    ];
    server = await replayDailyPapers(replies);
    const run = await start(['--date', '2024-05-28'], { DAILY_PAPERS_TIMEOUT_MS: '1000' }).done;
    expect(run.status).toBe(1);
    // Four retries by default: the fifth failure (the dropped body) fails the day, nothing is saved.
    expect(run.stdout.split('\n').filter((line) => line.startsWith('fetch:   '))).toEqual([
      'fetch:   HTTP 429; retry 1 of 4 after the 1 s Hugging Face asks for',
      'fetch:   HTTP 503; retry 2 of 4',
      'fetch:   no answer within 1 s; retry 3 of 4',
      expect.stringMatching(/^fetch: {3}the answer is not whole JSON \(.+\); retry 4 of 4$/),
    ]);
    expect(run.stdout).toMatch(/fetch: \[1\/1\] 2024-05-28: failed \(the answer broke off: .+\); run again to fetch it/);
    expect(run.stdout).toContain('1 failed (2024-05-28: run again to fetch them)');
    expect(files()).toEqual([]);
    expect(server.requests[1]!.at - server.requests[0]!.at).toBeGreaterThanOrEqual(1000);

    // The same failures once more, each retried, with the whole answer last: it is saved, whole.
    await server.close();
    server = await replayDailyPapers([replies[0]!, replies[1]!, replies[3]!, replies[4]!, { body }]);
    const again = await start(['--date', '2024-05-28'], { DAILY_PAPERS_TIMEOUT_MS: '1000' }).done;
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('fetch:   the answer broke off: ');
    expect(readFileSync(saved('2024-05-28'), 'utf8')).toBe(formatListing(TUESDAY));
  });

  it('goes on after a day that fails, and exits 1 naming it', async () => {
    const failing: Reply = (request) => (new URL(request.url ?? '/', 'http://x').searchParams.get('date') === '2024-05-28' ? { status: 500, body: 'oops' } : byDay(WEEK));
    server = await replayDailyPapers([], failing);
    const run = await fetchDays('--from', '2024-05-27', '--to', '2024-05-29');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('fetch: [2/3] 2024-05-28: failed (HTTP 500); run again to fetch it');
    expect(run.stdout).toContain('fetch: 2 saved, 0 changed, 0 unchanged, 0 without papers, 0 skipped, 1 failed (2024-05-28: run again to fetch them)');
    expect(files()).toEqual(['2024-05-27.json', '2024-05-29.json']);
    expect(server.requests.filter((r) => r.date === '2024-05-28')).toHaveLength(5);
  });

  it('with --since-last stops at a day that fails, so the next run starts there and leaves no gap', async () => {
    mkdirSync(listings(), { recursive: true });
    writeFileSync(saved('2024-05-27'), formatListing(MONDAY));
    const failing: Reply = (request) => (new URL(request.url ?? '/', 'http://x').searchParams.get('date') === '2024-05-28' ? { status: 502, body: 'bad gateway' } : byDay(WEEK));
    server = await replayDailyPapers([], failing);
    const run = await fetchDays('--since-last', '--to', '2024-05-29');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('fetch: stopping before the day after it: with --since-last, a day saved after 2024-05-28 would make the next run start past it');
    expect(files()).toEqual(['2024-05-27.json']);
    expect(server.requests.some((r) => r.date === '2024-05-29')).toBe(false);
  });

  it('loses nothing when killed mid-run and goes on where it stopped, with --from/--to or --since-last', async () => {
    // Monday answers; Tuesday hangs, and the process is killed while it waits.
    server = await replayDailyPapers([json(MONDAY), { hang: true }], byDay(WEEK));
    const { child, done } = start(['--from', '2024-05-27', '--to', '2024-05-29'], { DAILY_PAPERS_TIMEOUT_MS: '20000' });
    const deadline = Date.now() + 15_000;
    while (server.requests.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(server.requests.map((r) => r.date)).toEqual(['2024-05-27', '2024-05-28']);
    child.kill('SIGKILL');
    await done;
    expect(files()).toEqual(['2024-05-27.json']);
    expect(readFileSync(saved('2024-05-27'), 'utf8')).toBe(formatListing(MONDAY));

    const resumed = await fetchDays('--from', '2024-05-27', '--to', '2024-05-29');
    expect(resumed.status).toBe(0);
    expect(resumed.stdout).toContain('2024-05-27: already saved');
    expect(files()).toEqual(['2024-05-27.json', '2024-05-28.json', '2024-05-29.json']);

    // --since-last resumes at the last day saved, fetching it once more (unchanged here), then the rest.
    rmSync(saved('2024-05-29'));
    rmSync(saved('2024-05-28'));
    const asked = server.requests.length;
    const since = await fetchDays('--since-last', '--to', '2024-05-29');
    expect(since.stdout).toContain('fetch: 3 days (since the last day saved, 2024-05-27, to 2024-05-29)');
    expect(since.stdout).toContain('fetch: [1/3] 2024-05-27: unchanged, 2 papers');
    expect(server.requests.slice(asked).map((r) => r.date)).toEqual(['2024-05-27', '2024-05-28', '2024-05-29']);
    expect(files()).toEqual(['2024-05-27.json', '2024-05-28.json', '2024-05-29.json']);
  });

  it('clears the temporary files of a killed run, and leaves other listings alone', async () => {
    mkdirSync(listings(), { recursive: true });
    writeFileSync(join(listings(), '2024-05-20.json.tmp-4194303'), '[{"paper"');
    writeFileSync(join(listings(), `2024-05-21.json.tmp-${process.pid}`), 'a live run’s');
    writeFileSync(join(listings(), '2024-05-28.txt'), 'A text dump saved under this day’s name\nIts abstract.\n');
    server = await replayDailyPapers([], byDay(WEEK));
    const run = await fetchDays('--from', '2024-05-27', '--to', '2024-05-28');
    expect(run.stdout).toContain('fetch: [2/2] 2024-05-28: not fetched: 2024-05-28.txt already has this name in content/listings');
    expect(files()).toEqual([`2024-05-21.json.tmp-${process.pid}`, '2024-05-27.json', '2024-05-28.txt'].sort());
  });

  it('--since-last with no day saved yet fetches the last day only', async () => {
    server = await replayDailyPapers([], byDay(WEEK));
    const run = await fetchDays('--since-last', '--to', '2024-05-28');
    expect(run.stdout).toContain('fetch: 1 day (no day saved yet: starting with 2024-05-28)');
    expect(files()).toEqual(['2024-05-28.json']);
  });

  it('turns a bad request into one line and exit 1, asking nothing', async () => {
    server = await replayDailyPapers([], byDay(WEEK));
    for (const args of [[], ['--date', '2024-05-28', '--since-last'], ['--from', '2024-05-28'], ['--date', '2999-01-01'], ['--day', 'x']]) {
      const run = await fetchDays(...args);
      expect(run.status, args.join(' ')).toBe(1);
      expect(run.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(run.stderr).toMatch(/^fetch: /);
    }
    expect(server.requests).toEqual([]);
  });
});
