/**
 * The arXiv client against a real HTTP server of the test's own, replaying arXiv's documented
 * answers: results, throttling (429, 503 with Retry-After, "Rate exceeded."), an error entry,
 * a body that is no feed, and a hang. Intervals are scaled down; the policy is the same.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ArxivRequestError, createArxivClient } from '../../scripts/resolve/arxiv-client.ts';
import { ERROR_FEED, type ReplayServer, atomFeed, replayArxiv } from './arxiv-replay.ts';

const FEED = atomFeed([{ id: '2405.18407v2', title: 'Phased Consistency Model', published: '2024-05-28' }]);
let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const clientFor = (s: ReplayServer, extra: Parameters<typeof createArxivClient>[0] = {}) =>
  createArxivClient({ endpoint: s.url, intervalMs: 150, backoffMs: 20, timeoutMs: 1000, retries: 3, ...extra });

async function failure(promise: Promise<unknown>): Promise<ArxivRequestError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ArxivRequestError) return error;
    throw error;
  }
  throw new Error('expected the search to fail');
}

describe('arXiv client', () => {
  it('asks for the title as a phrase and reads the results', async () => {
    server = await replayArxiv([{ body: FEED }]);
    const records = await clientFor(server).searchTitle('Phased Consistency Model');
    expect(records.map((r) => [r.id, r.version, r.title])).toEqual([['2405.18407', 2, 'Phased Consistency Model']]);
    expect(server.requests.map((r) => r.searchQuery)).toEqual(['ti:"phased consistency model"']);
  });

  it('keeps the interval between requests, one at a time, even when asked for several at once', async () => {
    server = await replayArxiv([], { body: FEED });
    const client = clientFor(server);
    await Promise.all(['a', 'b', 'c'].map((t) => client.searchTitle(t)));
    const gaps = server.requests.slice(1).map((r, i) => r.at - server!.requests[i]!.at);
    expect(gaps).toHaveLength(2);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(140);
  });

  it('retries on 429, on 503 after the Retry-After it names, and on "Rate exceeded."', async () => {
    server = await replayArxiv([{ status: 429, body: 'Too Many Requests' }, { status: 503, body: 'busy', headers: { 'Retry-After': '1' } }, { body: 'Rate exceeded.' }, { body: FEED }]);
    const retries: string[] = [];
    const records = await clientFor(server, { onRetry: (m) => retries.push(m) }).searchTitle('Phased Consistency Model');
    expect(records).toHaveLength(1);
    expect(server.requests).toHaveLength(4);
    expect(server.requests[2]!.at - server.requests[1]!.at).toBeGreaterThanOrEqual(1000);
    expect(retries).toEqual(['HTTP 429; retry 1 of 3', 'HTTP 503; retry 2 of 3 after the 1 s arXiv asks for', 'arXiv says "Rate exceeded."; retry 3 of 3']);
  });

  it('gives up after its retries on a server that keeps failing, or that asks to wait too long', async () => {
    server = await replayArxiv([], { status: 500, body: 'oops' });
    const error = await failure(clientFor(server).searchTitle('x'));
    expect([error.message, server.requests.length]).toEqual(['HTTP 500', 4]);
    await server.close();
    server = await replayArxiv([], { status: 503, body: 'down', headers: { 'Retry-After': '3600' } });
    const tooLong = await failure(clientFor(server, { maxRetryAfterMs: 60_000 }).searchTitle('x'));
    expect(tooLong.message).toBe('HTTP 503: arXiv asks to wait 3600 s, more than 60 s');
    expect(server.requests).toHaveLength(1);
  });

  it('times out a hanging request, retries it, and answers once the server does', async () => {
    server = await replayArxiv([{ hang: true }, { body: FEED }]);
    const retries: string[] = [];
    const records = await clientFor(server, { timeoutMs: 300, onRetry: (m) => retries.push(m) }).searchTitle('x');
    expect(records).toHaveLength(1);
    expect(retries).toEqual(['no answer within 0.3 s; retry 1 of 3']);
  });

  it('does not retry what asking again cannot mend: the error entry, a body that is no feed, a 400', async () => {
    for (const reply of [{ body: ERROR_FEED }, { body: '<html>gateway</html>' }, { status: 400, body: 'bad' }]) {
      await server?.close();
      server = await replayArxiv([reply], { body: FEED });
      const error = await failure(clientFor(server).searchTitle('x'));
      expect(error.retryable).toBe(false);
      expect(server.requests).toHaveLength(1);
    }
  });
});
