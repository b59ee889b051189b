/**
 * A client of arXiv's public API that holds the whole politeness policy in one place, as arXiv's
 * terms ask: one request at a time, at most one every 3 seconds (p-throttle), a timeout on every
 * request, and retries with backoff (p-retry) on throttling (429, "Rate exceeded."), server errors
 * and timeouts, waiting as long as a Retry-After header says. Results are read by parseArxivResponse.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import pRetry, { AbortError } from 'p-retry';
import pThrottle from 'p-throttle';
import { type ArxivRecord, ArxivResponseError, parseArxivResponse } from '../../src/lib/arxiv-atom.ts';
import { titleQuery } from '../../src/lib/title-match.ts';

export const ARXIV_API = 'https://export.arxiv.org/api/query';

export interface ArxivClientOptions {
  /** The API's query URL; tests point it at a server of their own. */
  endpoint?: string;
  /** Least time between two requests (arXiv asks for 3 s). */
  intervalMs?: number;
  timeoutMs?: number;
  /** Attempts after the first before a search fails. */
  retries?: number;
  /** The first backoff; it doubles with each retry. */
  backoffMs?: number;
  /** The longest Retry-After honoured; a longer one fails the search. */
  maxRetryAfterMs?: number;
  /** Results asked for per title. */
  maxResults?: number;
  onRetry?: (message: string) => void;
}

/** Why a search failed, after its retries. */
export class ArxivRequestError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'ArxivRequestError';
  }
}

const DEFAULTS = { intervalMs: 3000, timeoutMs: 30_000, retries: 4, backoffMs: 3000, maxRetryAfterMs: 120_000, maxResults: 5 };

/** Retry-After as seconds or an HTTP date, in milliseconds from now. */
function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}


export function createArxivClient(options: ArxivClientOptions = {}) {
  const { endpoint = ARXIV_API, onRetry } = options;
  const policy = { ...DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) };
  const throttled = pThrottle({ limit: 1, interval: policy.intervalMs, strict: true })(async (url: string) => {
    let response: Response;
    try {
      response = await fetch(url, { signal: AbortSignal.timeout(policy.timeoutMs), headers: { 'User-Agent': 'papershelf-resolve/0.1 (identifier lookup for a static paper catalog)' } });
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      throw new ArxivRequestError(timedOut ? `no answer within ${policy.timeoutMs / 1000} s` : `cannot reach ${new URL(url).host}: ${(error as Error).message}`, true);
    }
    let body: string;
    try {
      body = await response.text();
    } catch (error) {
      throw new ArxivRequestError(`the answer broke off: ${(error as Error).message}`, true);
    }
    if (response.status === 429 || response.status >= 500) {
      throw new ArxivRequestError(`HTTP ${response.status}`, true, retryAfterMs(response.headers.get('retry-after')));
    }
    if (!response.ok) throw new ArxivRequestError(`HTTP ${response.status}`, false);
    try {
      return parseArxivResponse(body);
    } catch (error) {
      if (error instanceof ArxivResponseError) throw new ArxivRequestError(error.message, error.retryable);
      throw error;
    }
  });

  /** Every result arXiv gives for the title, best first as arXiv ranks them. */
  async function searchTitle(title: string): Promise<ArxivRecord[]> {
    const url = new URL(endpoint);
    url.searchParams.set('search_query', titleQuery(title));
    url.searchParams.set('start', '0');
    url.searchParams.set('max_results', String(policy.maxResults));
    return pRetry(
      async () => {
        try {
          return await throttled(url.href);
        } catch (error) {
          if (error instanceof ArxivRequestError && !error.retryable) throw new AbortError(error);
          throw error;
        }
      },
      {
        retries: policy.retries,
        minTimeout: policy.backoffMs,
        factor: 2,
        randomize: false,
        onFailedAttempt: async ({ error, attemptNumber, retriesLeft }) => {
          if (retriesLeft === 0) return;
          const wait = error instanceof ArxivRequestError ? error.retryAfterMs : undefined;
          if (wait !== undefined && wait > policy.maxRetryAfterMs) {
            throw new ArxivRequestError(`${error.message}: arXiv asks to wait ${Math.round(wait / 1000)} s, more than ${policy.maxRetryAfterMs / 1000} s`, false);
          }
          onRetry?.(`${error.message}; retry ${attemptNumber} of ${policy.retries}${wait ? ` after the ${Math.round(wait / 1000)} s arXiv asks for` : ''}`);
          if (wait) await sleep(wait);
        },
      },
    ).catch((error: unknown) => {
      throw error instanceof ArxivRequestError ? error : new ArxivRequestError((error as Error).message, false);
    });
  }

  return { searchTitle };
}
