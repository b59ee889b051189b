/**
 * A client of arXiv's public API. The politeness arXiv's terms ask for (one request at a time, at
 * most one every 3 seconds, a time-out, retries with backoff on throttling, server errors and
 * time-outs, honouring Retry-After) is the shared policy of scripts/http/polite-fetch.ts; what is
 * arXiv's own is here: the query, its defaults, and that an HTTP-200 "Rate exceeded." is throttling
 * too. Results are read by parseArxivResponse.
 */
import { type ArxivRecord, ArxivResponseError, parseArxivResponse } from '../../src/lib/identifiers/arxiv-atom.ts';
import { titleQuery } from '../../src/lib/identifiers/title-match.ts';
import { type PolicyOptions, type PolicyOverrides, RequestError, createPoliteClient, withDefaults } from '../http/polite-fetch.ts';

export const ARXIV_API = 'https://export.arxiv.org/api/query';

export interface ArxivClientOptions extends PolicyOverrides {
  /** The API's query URL; tests point it at a server of their own. */
  endpoint?: string;
  /** Results asked for per title. */
  maxResults?: number;
  onRetry?: (message: string) => void;
}

/** Why a search failed, after its retries. */
export { RequestError as ArxivRequestError };

/** arXiv asks for 3 s between requests. */
const DEFAULTS: PolicyOptions & { maxResults: number } = { intervalMs: 3000, timeoutMs: 30_000, retries: 4, backoffMs: 3000, maxRetryAfterMs: 120_000, maxResults: 5 };

function readFeed(body: string): ArxivRecord[] {
  try {
    return parseArxivResponse(body);
  } catch (error) {
    if (error instanceof ArxivResponseError) throw new RequestError(error.message, error.retryable);
    throw error;
  }
}

export function createArxivClient(options: ArxivClientOptions = {}) {
  const { endpoint = ARXIV_API, onRetry, ...rest } = options;
  const policy = withDefaults(DEFAULTS, rest);
  const client = createPoliteClient({ ...policy, service: 'arXiv', userAgent: 'papershelf-resolve/0.1 (identifier lookup for a static paper catalog)', ...(onRetry && { onRetry }) });

  /** Every result arXiv gives for the title, best first as arXiv ranks them. */
  async function searchTitle(title: string): Promise<ArxivRecord[]> {
    const url = new URL(endpoint);
    url.searchParams.set('search_query', titleQuery(title));
    url.searchParams.set('start', '0');
    url.searchParams.set('max_results', String(policy.maxResults));
    return client.get(url.href, readFeed);
  }

  return { searchTitle };
}
