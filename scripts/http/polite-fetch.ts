/**
 * The one politeness policy every online command uses (resolve's arXiv client, fetch's Daily Papers
 * client): one request at a time, the next starting at least `intervalMs` after the last one ended,
 * a time-out on every request, body included, and retries with doubling backoff (p-retry) on what
 * asking again can mend: 408, 429, 5xx, network errors, time-outs, and answers the caller's reader
 * calls retryable. A wait the server asks for (Retry-After, or Hugging Face's RateLimit on a 429) is
 * honoured on top of the backoff; one longer than `maxRetryAfterMs` fails the request instead of
 * stalling the run.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import pRetry, { AbortError } from 'p-retry';
import { requestedWaitMs } from '../../src/lib/net/retry-after.ts';

export interface PolicyOptions {
  /** Least time between the starts of two requests. */
  intervalMs: number;
  /** How long one request, body included, may take. */
  timeoutMs: number;
  /** Attempts after the first before a request fails. */
  retries: number;
  /** The first backoff; it doubles with each retry. */
  backoffMs: number;
  /** The longest wait a server may ask for; a longer one fails the request. */
  maxRetryAfterMs: number;
}

/** A client's options over its service's defaults; undefined keeps the default. */
export type PolicyOverrides = { [K in keyof PolicyOptions]?: PolicyOptions[K] | undefined };

export interface PoliteClientOptions extends PolicyOptions {
  /** The service's name in messages: "arXiv asks to wait 60 s". */
  service: string;
  userAgent: string;
  onRetry?: (message: string) => void;
}

/** Why a request failed; `retryable` when asking again could mend it. */
export class RequestError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'RequestError';
  }
}

/** What a caller makes of a successful answer's body; it throws a RequestError for a body it cannot use. */
export type ReadBody<T> = (body: string) => T;

/** The options given, over the defaults, leaving out those given as undefined. */
export function withDefaults<T extends object>(defaults: T, options: { [K in keyof T]?: T[K] | undefined }): T {
  return { ...defaults, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) };
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

export function createPoliteClient(options: PoliteClientOptions) {
  const { service, userAgent, onRetry, intervalMs, timeoutMs, retries, backoffMs, maxRetryAfterMs } = options;

  /*
   * The gap is counted from the end of the last request, not its start as p-throttle counts it: a
   * slow answer or a first connection's set-up then never lets two requests reach the server closer
   * than the interval, and a request is never sent while another is still open.
   */
  let queue: Promise<unknown> = Promise.resolve();
  let lastEnded = -Infinity;
  function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(async () => {
      await sleep(Math.max(0, lastEnded + intervalMs - performance.now()));
      try {
        return await task();
      } finally {
        lastEnded = performance.now();
      }
    });
    queue = run.catch(() => undefined);
    return run;
  }

  const request = async (url: string): Promise<string> => {
    const signal = AbortSignal.timeout(timeoutMs);
    const timedOut = (error: unknown) => error instanceof Error && error.name === 'TimeoutError';
    let response: Response;
    try {
      response = await fetch(url, { signal, headers: { 'User-Agent': userAgent } });
    } catch (error) {
      // undici says only "fetch failed"; what went wrong (ECONNREFUSED, ENOTFOUND…) is its cause.
      const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
      const why = typeof cause?.code === 'string' ? cause.code : typeof cause?.message === 'string' ? cause.message : (error as Error).message;
      throw new RequestError(timedOut(error) ? `no answer within ${seconds(timeoutMs)}` : `cannot reach ${new URL(url).host}: ${why}`, true);
    }
    let body: string;
    try {
      body = await response.text();
    } catch (error) {
      throw new RequestError(timedOut(error) ? `the answer did not finish within ${seconds(timeoutMs)}` : `the answer broke off: ${(error as Error).message}`, true);
    }
    if (response.status === 408 || response.status === 429 || response.status >= 500) {
      throw new RequestError(`HTTP ${response.status}`, true, requestedWaitMs(response.status, response.headers, Date.now()));
    }
    if (!response.ok) throw new RequestError(`HTTP ${response.status}`, false);
    return body;
  };

  /** The answer to a GET of `url`, as `read` makes of its body, after the retries it takes. */
  function get<T>(url: string, read: ReadBody<T>): Promise<T> {
    return pRetry(
      async () => {
        try {
          return read(await oneAtATime(() => request(url)));
        } catch (error) {
          if (error instanceof RequestError && !error.retryable) throw new AbortError(error);
          throw error;
        }
      },
      {
        retries,
        minTimeout: backoffMs,
        factor: 2,
        randomize: false,
        onFailedAttempt: async ({ error, attemptNumber, retriesLeft }) => {
          if (retriesLeft === 0) return;
          const wait = error instanceof RequestError ? error.retryAfterMs : undefined;
          if (wait !== undefined && wait > maxRetryAfterMs) {
            throw new RequestError(`${error.message}: ${service} asks to wait ${Math.round(wait / 1000)} s, more than ${Math.round(maxRetryAfterMs / 1000)} s`, false);
          }
          onRetry?.(`${error.message}; retry ${attemptNumber} of ${retries}${wait ? ` after the ${Math.round(wait / 1000)} s ${service} asks for` : ''}`);
          if (wait) await sleep(wait);
        },
      },
    ).catch((error: unknown) => {
      throw error instanceof RequestError ? error : new RequestError((error as Error).message, false);
    });
  }

  return { get };
}
