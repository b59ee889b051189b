/**
 * A local stand-in for the Hugging Face Daily Papers API: a real HTTP server on 127.0.0.1 that
 * answers each request with the next scripted reply. Items are shaped as the API gives them (as
 * huggingface_hub's PaperInfo reads them: the day's `title`, `publishedAt`, `numComments`,
 * `submittedBy`, and a `paper` with `id`, `authors[]`, `publishedAt`, `summary`, `upvotes`,
 * `ai_summary`, `ai_keywords`, `githubRepo`, …), keys in the server's order, not sorted. Failures:
 * status codes with Retry-After, hangs, and bodies cut off, ended early or dropped mid-way.
 */
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import { listenOnLoopback } from './loopback-server.ts';

export interface PaperSpec {
  id: string;
  title: string;
  upvotes?: number;
  authors?: string[];
  /** When the paper was put on the daily page (the item's publishedAt). */
  listed?: string;
}

/** One item of a Daily Papers answer, as the API writes it. */
export function dailyItem(spec: PaperSpec): Record<string, unknown> {
  const listed = spec.listed ?? '2024-05-28T08:12:44.925Z';
  const submitter = { _id: '60f1abe7544c2adfd699860c', avatarUrl: '/avatars/akhaliq.svg', isPro: false, fullname: 'AK', user: 'akhaliq', type: 'user' };
  return {
    paper: {
      id: spec.id,
      authors: (spec.authors ?? ['Ada Lovelace', 'Alan Turing']).map((name, i) => ({ _id: `6656a1b2c3d4e5f60718293${i}`, name, hidden: false })),
      mediaUrls: [],
      publishedAt: '2024-05-27T17:59:58.000Z',
      submittedOnDailyAt: listed,
      title: spec.title,
      submittedOnDailyBy: submitter,
      summary: `${spec.title}: an abstract,\nhard-wrapped as arXiv gives it.`,
      upvotes: spec.upvotes ?? 12,
      discussionId: '6656a1b2c3d4e5f607182930',
      ai_summary: 'A one-line summary written by a model.',
      ai_keywords: ['consistency models', 'diffusion'],
      githubRepo: 'https://github.com/example/repo',
      githubStars: 42,
    },
    publishedAt: listed,
    title: spec.title,
    thumbnail: `https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/${spec.id}.png`,
    numComments: 2,
    submittedBy: { ...submitter, name: 'akhaliq', isHf: true, isMod: false, followerCount: 9000 },
    isAuthorParticipating: false,
  };
}

export type Reply =
  | { status?: number; body: string; headers?: Record<string, string> /** Send this many bytes of the body, then drop the connection. */; cutAfter?: number }
  | { hang: true }
  | ((request: IncomingMessage) => Reply);

export const json = (items: unknown[]): Reply => ({ body: JSON.stringify(items) });

export interface ReplayServer {
  url: string;
  /** Every request as it arrived: its query parameters and the time it came in. */
  requests: { date: string | null; p: string | null; limit: string | null; at: number }[];
  close(): Promise<void>;
}

/** Serves `replies` in order, one per request; after the last, each request gets `fallback`. */
export async function replayDailyPapers(replies: Reply[], fallback: Reply = json([])): Promise<ReplayServer> {
  const queue = [...replies];
  const requests: ReplayServer['requests'] = [];
  const open = new Set<ServerResponse>();
  const server: Server = createServer((request, response) => {
    const query = new URL(request.url ?? '/', 'http://x').searchParams;
    requests.push({ date: query.get('date'), p: query.get('p'), limit: query.get('limit'), at: Date.now() });
    let reply = queue.shift() ?? fallback;
    while (typeof reply === 'function') reply = reply(request);
    if ('hang' in reply) {
      open.add(response);
      return;
    }
    const body = Buffer.from(reply.body);
    response.writeHead(reply.status ?? 200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': body.length, ...reply.headers });
    if (reply.cutAfter === undefined) response.end(body);
    else response.write(body.subarray(0, reply.cutAfter), () => response.destroy());
  });
  return { ...(await listenOnLoopback(server, open, '/api/daily_papers')), requests };
}

/** Answers each request by its `date` (and page) from a table of days; days not in it have no papers. */
export function byDay(days: Record<string, unknown[]>, pageSize = 50): Reply {
  return (request) => {
    const query = new URL(request.url ?? '/', 'http://x').searchParams;
    const items = days[query.get('date') ?? ''] ?? [];
    const p = Number(query.get('p') ?? 0);
    const limit = Number(query.get('limit') ?? pageSize);
    return json(items.slice(p * limit, (p + 1) * limit));
  };
}
