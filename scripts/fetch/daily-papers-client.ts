/**
 * A client of the Hugging Face Daily Papers API (`GET /api/daily_papers?date=YYYY-MM-DD`), as
 * huggingface_hub's `list_daily_papers` calls it: the answer is a JSON array of items, a page of
 * `limit` items at a time (50 unless asked otherwise), page `p` counted from 0. A day's answer is
 * every page up to the first short one. The politeness is the shared policy (polite-fetch.ts);
 * anonymous callers get 500 API requests per 5 minutes (the Hub's rate-limit docs), so one request
 * a second stays well inside it.
 */
import { joinPages, newItemCount } from '../../src/lib/fetch/listing-json.ts';
import { type PolicyOptions, type PolicyOverrides, RequestError, createPoliteClient, withDefaults } from '../http/polite-fetch.ts';

export const DAILY_PAPERS_API = 'https://huggingface.co/api/daily_papers';

export interface DailyPapersClientOptions extends PolicyOverrides {
  endpoint?: string;
  /** Items asked for per page. 50 is the API's own default, so no server caps it lower. */
  pageSize?: number;
  onRetry?: (message: string) => void;
}

/** A Hub 429 names up to its 5-minute window; waiting that out beats failing the day. */
const DEFAULTS: PolicyOptions & { pageSize: number } = { intervalMs: 1000, timeoutMs: 30_000, retries: 4, backoffMs: 2000, maxRetryAfterMs: 300_000, pageSize: 50 };
/** More pages than any day has had (1,000 papers): past it the server is not paging as documented. */
const MAX_PAGES = 20;

/** A page's body: a JSON array. A body cut off is asked for again; a body that is JSON but no list is not. */
function readPage(body: string): unknown[] {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    throw new RequestError(`the answer is not whole JSON (${(error as Error).message})`, true);
  }
  if (!Array.isArray(value)) throw new RequestError(`the answer is not a list of papers: ${body.slice(0, 80)}`, false);
  return value;
}

export function createDailyPapersClient(options: DailyPapersClientOptions = {}) {
  const { endpoint = DAILY_PAPERS_API, onRetry, ...rest } = options;
  const policy = withDefaults(DEFAULTS, rest);
  const client = createPoliteClient({ ...policy, service: 'Hugging Face', userAgent: 'papershelf-fetch/0.1 (daily listing mirror for a static paper catalog)', ...(onRetry && { onRetry }) });

  /** Every item the API lists for `day`, in its order; [] for a day without papers. */
  async function day(date: string): Promise<unknown[]> {
    const pages: unknown[][] = [];
    for (let p = 0; p < MAX_PAGES; p++) {
      const url = new URL(endpoint);
      url.searchParams.set('date', date);
      url.searchParams.set('limit', String(policy.pageSize));
      if (p > 0) url.searchParams.set('p', String(p));
      const page = await client.get(url.href, readPage);
      // A server that ignores `p` answers the first page again: stop rather than loop.
      if (p > 0 && newItemCount(pages.flat(), page) === 0) break;
      pages.push(page);
      if (page.length < policy.pageSize) break;
    }
    return joinPages(pages);
  }

  return { day };
}
