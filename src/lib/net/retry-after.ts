/**
 * How long a server asks a client to wait before it asks again, read from the answer's headers.
 *
 * Retry-After comes first (RFC 9110 §10.2.3): a number of seconds, or an HTTP date. Hugging Face's
 * 429s also name the wait in a RateLimit header (draft-ietf-httpapi-ratelimit-headers, as the Hub's
 * rate-limit docs describe it: `"api";r=0;t=55`, t being the seconds until the window resets); the
 * Hub sends that header on every answer, so it counts only when the answer is a 429, as in
 * huggingface_hub's own client. Pure: the clock is an argument.
 */

export interface HeaderSource {
  get(name: string): string | null;
}

const SECONDS = /^\s*(\d{1,10})\s*$/;
/** The `t` parameter of a RateLimit field item; `r=0` is not required, a 429 says enough. */
const RATE_LIMIT_RESET = /;\s*t\s*=\s*(\d{1,10})\b/;

/** Retry-After as milliseconds from `now`; undefined when absent or unreadable. A date past is 0. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const seconds = SECONDS.exec(value);
  if (seconds) return Number(seconds[1]) * 1000;
  // Only a date that names a weekday or a month reads as one: Date.parse is lenient with bare numbers.
  if (!/[a-z]{3}/i.test(value)) return undefined;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The wait a failed answer asks for, in milliseconds; undefined when it names none. */
export function requestedWaitMs(status: number, headers: HeaderSource, now: number): number | undefined {
  const retryAfter = parseRetryAfter(headers.get('retry-after'), now);
  if (retryAfter !== undefined) return retryAfter;
  if (status !== 429) return undefined;
  const reset = RATE_LIMIT_RESET.exec(headers.get('ratelimit') ?? '');
  return reset ? Number(reset[1]) * 1000 : undefined;
}
