/**
 * The Daily Papers client against a real HTTP server of the test's own: paging as the API does
 * (`limit`, `p` from 0), a server that ignores the page number, a list that shifts while it is paged,
 * and answers that are no list. Intervals are scaled down; the policy is the shared one.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { RequestError } from '../../scripts/http/polite-fetch.ts';
import { createDailyPapersClient } from '../../scripts/fetch/daily-papers-client.ts';
import { type ReplayServer, byDay, dailyItem, json, replayDailyPapers } from './daily-papers-replay.ts';

const ITEMS = ['2405.00001', '2405.00002', '2405.00003', '2405.00004', '2405.00005'].map((id) => dailyItem({ id, title: `Paper ${id}` }));
const ids = (items: unknown[]) => items.map((item) => (item as { paper: { id: string } }).paper.id);

let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const clientFor = (s: ReplayServer, pageSize = 2) => createDailyPapersClient({ endpoint: s.url, intervalMs: 10, backoffMs: 10, timeoutMs: 1000, retries: 2, pageSize });

describe('Daily Papers client', () => {
  it('asks for the day a page at a time until a short page, and keeps the API’s order', async () => {
    server = await replayDailyPapers([], byDay({ '2024-05-28': ITEMS }));
    expect(ids(await clientFor(server).day('2024-05-28'))).toEqual(ids(ITEMS));
    expect(server.requests.map(({ date, p, limit }) => [date, p, limit])).toEqual([
      ['2024-05-28', null, '2'],
      ['2024-05-28', '1', '2'],
      ['2024-05-28', '2', '2'],
    ]);
  });

  it('asks for one more page when the last one is full, and an empty day is an empty list', async () => {
    server = await replayDailyPapers([], byDay({ '2024-05-28': ITEMS.slice(0, 4), '2024-05-25': [] }));
    expect(await clientFor(server).day('2024-05-28')).toHaveLength(4);
    expect(server.requests).toHaveLength(3);
    expect(await clientFor(server).day('2024-05-25')).toEqual([]);
  });

  it('stops when a server ignores the page number instead of asking forever', async () => {
    server = await replayDailyPapers([], json(ITEMS.slice(0, 2)));
    expect(ids(await clientFor(server).day('2024-05-28'))).toEqual(ids(ITEMS.slice(0, 2)));
    expect(server.requests).toHaveLength(2);
  });

  it('keeps a paper once when a new one shifts the list between two pages', async () => {
    // Page 0 is asked for before a paper is added at the top; page 1 after it, so it repeats the last one.
    server = await replayDailyPapers([json(ITEMS.slice(0, 2)), json(ITEMS.slice(1, 3)), json(ITEMS.slice(3, 4))]);
    expect(ids(await clientFor(server).day('2024-05-28'))).toEqual(ids(ITEMS.slice(0, 4)));
  });

  it('names what kept it from the server, after its retries', async () => {
    server = await replayDailyPapers([]);
    const { url } = server;
    await server.close();
    server = undefined;
    const retries: string[] = [];
    const client = createDailyPapersClient({ endpoint: url, intervalMs: 1, backoffMs: 1, retries: 1, onRetry: (m) => retries.push(m) });
    const error = await client.day('2024-05-28').then(
      () => undefined,
      (e: unknown) => e as RequestError,
    );
    const host = new URL(url).host;
    expect([error?.message, error?.retryable, retries]).toEqual([`cannot reach ${host}: ECONNREFUSED`, true, [`cannot reach ${host}: ECONNREFUSED; retry 1 of 1`]]);
  });

  it('does not ask again for an answer that is JSON but no list, or for a 400', async () => {
    for (const reply of [{ body: '{"error":"Invalid date"}' }, { status: 400, body: '{"error":"Invalid date"}' }]) {
      await server?.close();
      server = await replayDailyPapers([reply], json(ITEMS));
      const error = await clientFor(server, 50)
        .day('2024-05-28')
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(error).toBeInstanceOf(RequestError);
      expect((error as RequestError).retryable).toBe(false);
      expect(server.requests).toHaveLength(1);
    }
  });
});
