import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRetryAfter, requestedWaitMs } from '../../../src/lib/net/retry-after.ts';

const NOW = Date.parse('2024-05-28T12:00:00Z');
const headers = (entries: Record<string, string>) => new Headers(entries);

describe('Retry-After', () => {
  it('reads seconds and HTTP dates (IMF-fixdate and the obsolete forms RFC 9110 still accepts)', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', NOW)).toBe(0);
    expect(parseRetryAfter('Tue, 28 May 2024 12:01:30 GMT', NOW)).toBe(90_000);
    expect(parseRetryAfter('Tuesday, 28-May-24 12:00:05 GMT', NOW)).toBe(5_000);
    expect(parseRetryAfter('Tue May 28 12:00:07 2024', NOW)).toBe(7_000);
  });

  it('makes a date already past no wait, and what is neither seconds nor a date nothing', () => {
    expect(parseRetryAfter('Tue, 28 May 2024 11:00:00 GMT', NOW)).toBe(0);
    for (const value of [null, '', '-5', '1.5', 'soon', '12abc', 'May']) expect(parseRetryAfter(value, NOW)).toBeUndefined();
  });

  it('reads any whole number of seconds back exactly', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10 ** 9 }), (s) => parseRetryAfter(String(s), NOW) === s * 1000));
  });

  it('never answers a negative or non-finite wait, whatever the header holds', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const wait = parseRetryAfter(value, NOW);
        return wait === undefined || (Number.isFinite(wait) && wait >= 0);
      }),
    );
  });
});

describe('the wait an answer asks for', () => {
  it('takes Retry-After first, then on a 429 the reset of Hugging Face’s RateLimit header', () => {
    expect(requestedWaitMs(503, headers({ 'Retry-After': '3' }), NOW)).toBe(3000);
    expect(requestedWaitMs(429, headers({ 'Retry-After': '3', RateLimit: '"api";r=0;t=55' }), NOW)).toBe(3000);
    expect(requestedWaitMs(429, headers({ RateLimit: '"api";r=0;t=55', 'RateLimit-Policy': '"fixed window";"api";q=500;w=300' }), NOW)).toBe(55_000);
  });

  it('ignores the RateLimit header on other answers: the Hub sends it on every one', () => {
    expect(requestedWaitMs(503, headers({ RateLimit: '"api";r=0;t=55' }), NOW)).toBeUndefined();
    expect(requestedWaitMs(429, headers({}), NOW)).toBeUndefined();
    expect(requestedWaitMs(429, headers({ RateLimit: 'garbage' }), NOW)).toBeUndefined();
  });
});
