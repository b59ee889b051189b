/**
 * `npm run fetch -- --date YYYY-MM-DD | --from YYYY-MM-DD --to YYYY-MM-DD | --since-last [--to DAY]
 *   [--refresh] [--endpoint URL]`
 *
 * Saves each day's answer of the Hugging Face Daily Papers API as content/listings/YYYY-MM-DD.json,
 * where the next build reads it. Online and optional, like resolve: never part of `npm run build`.
 * Days are asked for one at a time, politely (scripts/http/polite-fetch.ts). A day without papers
 * (weekends) is reported and not saved. A day already saved is skipped unless --refresh; fetched
 * again, it is rewritten only if its answer changed (src/lib/fetch/listing-json.ts says how the text
 * is made deterministic). A day that fails after its retries is reported, the run goes on (with
 * --since-last it stops there, so the next run starts at it), and it exits 1 at the end.
 *
 * Safe to kill: each day is written whole (a temporary file and a rename), so a rerun skips what was
 * saved; --since-last starts again at the last day saved (src/lib/fetch/days.ts).
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CONTENT_ROOT } from '../src/content-paths.ts';
import { type DayRequest, dayFileName, planDays, utcDay } from '../src/lib/fetch/days.ts';
import { describeChange, formatListing, listingChange } from '../src/lib/fetch/listing-json.ts';
import { parseDailyPapersJson } from '../src/lib/listing/parse-daily-papers-json.ts';
import { RequestError } from './http/polite-fetch.ts';
import { DAILY_PAPERS_API, createDailyPapersClient } from './fetch/daily-papers-client.ts';
import { UsageError, isNodeError, writeAtomic } from './listing-inputs.ts';

const LISTINGS = `${CONTENT_ROOT}/listings`;
/** writeAtomic's temporary files (`<file>.tmp-<pid>`) that a killed run can leave behind. */
const TEMP_FILE = /^\d{4}-\d{2}-\d{2}\.json\.tmp-(\d+)$/;

const number = (value: string | undefined, name: string): number | undefined => {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new UsageError(`${name} takes a number of milliseconds, not "${value}"`);
  return n;
};

function request(values: { date?: string | undefined; from?: string | undefined; to?: string | undefined; 'since-last': boolean }): DayRequest {
  const { date, from, to } = values;
  const sinceLast = values['since-last'];
  const chosen = [date !== undefined, from !== undefined, sinceLast].filter(Boolean).length;
  if (chosen !== 1) throw new UsageError('name the days: --date YYYY-MM-DD, --from YYYY-MM-DD --to YYYY-MM-DD, or --since-last');
  if (date !== undefined) {
    if (to !== undefined) throw new UsageError('--to goes with --from or --since-last, not with --date');
    return { date };
  }
  if (from !== undefined) {
    if (to === undefined) throw new UsageError('--from needs --to');
    return { from, to };
  }
  return to === undefined ? { sinceLast: true } : { sinceLast: true, to };
}

/** Temporary files of runs that were killed before their rename; a live run's are left alone. */
function removeStaleTempFiles(names: string[]): void {
  for (const name of names) {
    const pid = TEMP_FILE.exec(name)?.[1];
    if (pid === undefined) continue;
    try {
      process.kill(Number(pid), 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') rmSync(join(LISTINGS, name), { force: true });
    }
  }
}

/** What the ingest will say of the saved text, when it rejects anything. */
function ingestNote(file: string, text: string): string {
  const { rejected } = parseDailyPapersJson(file, text);
  return rejected.length ? `; ingest rejects ${rejected.length} (${rejected[0]!.reason})` : '';
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      date: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      'since-last': { type: 'boolean', default: false },
      refresh: { type: 'boolean', default: false },
      endpoint: { type: 'string', default: process.env.DAILY_PAPERS_API_URL ?? DAILY_PAPERS_API },
    },
  });
  mkdirSync(LISTINGS, { recursive: true });
  const names = readdirSync(LISTINGS);
  removeStaleTempFiles(names);
  let plan: ReturnType<typeof planDays>;
  try {
    plan = planDays(request(values), utcDay(new Date()), names);
  } catch (error) {
    if (error instanceof RangeError) throw new UsageError(error.message);
    throw error;
  }
  const shown = relative(process.cwd(), resolve(LISTINGS)) || '.';
  console.log(`fetch: ${plan.days.length} ${plan.days.length === 1 ? 'day' : 'days'} (${plan.note}) from ${values.endpoint} into ${shown}${values.refresh ? '; saved days are fetched again' : ''}`);

  // Knobs for tests and slow networks; the defaults are the polite ones.
  const env = process.env;
  const client = createDailyPapersClient({
    endpoint: values.endpoint,
    intervalMs: number(env.DAILY_PAPERS_INTERVAL_MS, 'DAILY_PAPERS_INTERVAL_MS'),
    timeoutMs: number(env.DAILY_PAPERS_TIMEOUT_MS, 'DAILY_PAPERS_TIMEOUT_MS'),
    backoffMs: number(env.DAILY_PAPERS_BACKOFF_MS, 'DAILY_PAPERS_BACKOFF_MS'),
    onRetry: (message) => console.log(`fetch:   ${message}`),
  });

  const tally = { saved: 0, changed: 0, unchanged: 0, empty: 0, skipped: 0 };
  const failed: string[] = [];
  for (const [i, day] of plan.days.entries()) {
    const say = (message: string) => console.log(`fetch: [${i + 1}/${plan.days.length}] ${day}: ${message}`);
    const file = join(LISTINGS, dayFileName(day));
    const shownFile = relative(process.cwd(), resolve(file));
    // Ingest needs one listing per name: a text dump saved as this day keeps its place.
    const rival = names.find((name) => name !== dayFileName(day) && name.startsWith(`${day}.`) && /\.(txt|json)$/i.test(name));
    if (rival) {
      say(`not fetched: ${rival} already has this name in ${shown}`);
      tally.skipped += 1;
      continue;
    }
    const saved = existsSync(file);
    if (saved && !values.refresh && !plan.refetch.has(day)) {
      say('already saved (--refresh fetches it again)');
      tally.skipped += 1;
      continue;
    }
    let items: unknown[];
    try {
      items = await client.day(day);
    } catch (error) {
      if (!(error instanceof RequestError)) throw error;
      say(`failed (${error.message}); run again to fetch it`);
      failed.push(day);
      if (plan.stopAtFailure) {
        const left = plan.days.length - i - 1;
        if (left > 0) console.log(`fetch: stopping before the ${left === 1 ? 'day' : `${left} days`} after it: with --since-last, a day saved after ${day} would make the next run start past it`);
        break;
      }
      continue;
    }
    if (items.length === 0) {
      say(saved ? `the API lists no papers now; ${shownFile} is kept as it was` : 'no papers (a weekend, or not listed yet): nothing saved');
      tally.empty += 1;
      continue;
    }
    const text = formatListing(items);
    if (!saved) {
      writeAtomic(file, text);
      say(`saved, ${items.length} papers${ingestNote(shownFile, text)}`);
      tally.saved += 1;
      continue;
    }
    const before = readFileSync(file, 'utf8');
    if (before === text) {
      say(`unchanged, ${items.length} papers`);
      tally.unchanged += 1;
      continue;
    }
    const change = listingChange(before, items);
    writeAtomic(file, text);
    say(`changed, ${change ? describeChange(change) : `${items.length} papers (the saved file was not a JSON list)`}${ingestNote(shownFile, text)}`);
    tally.changed += 1;
  }
  console.log(
    `fetch: ${tally.saved} saved, ${tally.changed} changed, ${tally.unchanged} unchanged, ${tally.empty} without papers, ${tally.skipped} skipped, ${failed.length} failed${failed.length ? ` (${failed.join(', ')}: run again to fetch them)` : ''}`,
  );
  if (failed.length) process.exitCode = 1;
}

try {
  await main();
} catch (error) {
  if (error instanceof UsageError || isNodeError(error)) {
    console.error(`fetch: ${error.message.split('\n')[0]}`);
    process.exitCode = 1;
  } else throw error;
}
