/**
 * A local stand-in for arXiv's API: a real HTTP server on 127.0.0.1 that answers each request with
 * the next scripted reply, in the Atom format arXiv's user manual documents (feed metadata,
 * OpenSearch counts, entries with versioned ids, hard-wrapped titles), its HTTP-200 error entry,
 * its plain-text throttling answer, and failures: status codes with Retry-After, and hangs.
 */
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import { listenOnLoopback } from './loopback-server.ts';

export interface AtomEntry {
  id: string;
  title: string;
  published: string;
  updated?: string;
  authors?: string[];
  doi?: string;
  /** Primary category; cs.LG unless given. */
  category?: string;
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A search result feed as arXiv writes it. Titles are wrapped the way arXiv wraps them. */
export function atomFeed(entries: AtomEntry[], query = 'ti:"x"'): string {
  const items = entries.map(
    (e) => `  <entry>
    <id>http://arxiv.org/abs/${e.id}</id>
    <updated>${e.updated ?? e.published}T17:59:58Z</updated>
    <published>${e.published}T17:59:58Z</published>
    <title>${escapeXml(e.title).replace(/ (\S+ \S+)$/, '\n  $1')}</title>
    <summary>  An abstract,
hard-wrapped.</summary>
${(e.authors ?? ['Ada Lovelace']).map((name) => `    <author>\n      <name>${escapeXml(name)}</name>\n    </author>`).join('\n')}
${e.doi ? `    <arxiv:doi xmlns:arxiv="http://arxiv.org/schemas/atom">${e.doi}</arxiv:doi>\n` : ''}    <link href="http://arxiv.org/abs/${e.id}" rel="alternate" type="text/html"/>
    <link title="pdf" href="http://arxiv.org/pdf/${e.id}" rel="related" type="application/pdf"/>
    <arxiv:primary_category xmlns:arxiv="http://arxiv.org/schemas/atom" term="${e.category ?? 'cs.LG'}" scheme="http://arxiv.org/schemas/atom"/>
    <category term="${e.category ?? 'cs.LG'}" scheme="http://arxiv.org/schemas/atom"/>
    <category term="stat.ML" scheme="http://arxiv.org/schemas/atom"/>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <link href="http://arxiv.org/api/query?search_query%3D${encodeURIComponent(query)}" rel="self" type="application/atom+xml"/>
  <title type="html">ArXiv Query: search_query=${escapeXml(query)}&amp;id_list=&amp;start=0&amp;max_results=5</title>
  <id>http://arxiv.org/api/cHxbiOdZaP56ODnBPIenZhzg5f8</id>
  <updated>2025-11-30T00:00:00-05:00</updated>
  <opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">${entries.length}</opensearch:totalResults>
  <opensearch:startIndex xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">0</opensearch:startIndex>
  <opensearch:itemsPerPage xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">5</opensearch:itemsPerPage>
${items.join('\n')}
</feed>
`;
}

/** The answer arXiv gives a malformed query: HTTP 200, one entry titled "Error". */
export const ERROR_FEED = `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="html">ArXiv Query: search_query=&amp;id_list=1234.12345</title>
  <opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">1</opensearch:totalResults>
  <entry>
    <id>http://arxiv.org/api/errors#incorrect_id_format_for_1234.12345</id>
    <title>Error</title>
    <summary>incorrect id format for 1234.12345</summary>
    <updated>2025-11-30T00:00:00-05:00</updated>
    <author><name>arXiv api core</name></author>
  </entry>
</feed>
`;

export type Reply = { status?: number; body: string; headers?: Record<string, string> } | { hang: true } | ((request: IncomingMessage) => Reply);

export interface ReplayServer {
  url: string;
  /** Every request as it arrived: its query's search terms and the time it came in. */
  requests: { searchQuery: string | null; at: number }[];
  close(): Promise<void>;
}

/** Serves `replies` in order, one per request; after the last, each request gets `fallback`. */
export async function replayArxiv(replies: Reply[], fallback: Reply = { body: atomFeed([]) }): Promise<ReplayServer> {
  const queue = [...replies];
  const requests: ReplayServer['requests'] = [];
  const open = new Set<ServerResponse>();
  const server: Server = createServer((request, response) => {
    requests.push({ searchQuery: new URL(request.url ?? '/', 'http://x').searchParams.get('search_query'), at: Date.now() });
    let reply = queue.shift() ?? fallback;
    while (typeof reply === 'function') reply = reply(request);
    if ('hang' in reply) {
      open.add(response);
      return;
    }
    response.writeHead(reply.status ?? 200, { 'Content-Type': 'application/atom+xml; charset=utf-8', ...reply.headers });
    response.end(reply.body);
  });
  return { ...(await listenOnLoopback(server, open, '/api/query')), requests };
}
