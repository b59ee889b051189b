/**
 * `npm run resolve -- [--limit N] [--dry-run] [--recheck] [--endpoint URL]`
 *
 * Finds arXiv ids for the catalog's papers that lack one, by title, on arXiv's public API
 * (ARXIV_API_URL or --endpoint; default the real service), and writes the ones it accepts to
 * content/identifiers.yaml with what the accepted entry says of the paper (author names, primary
 * category, first version's day), where the next build picks them up. Online and optional: never part of
 * `npm run build`. A match needs a title similarity of at least MATCH_THRESHOLD and a date that fits
 * (src/lib/identifiers/title-match.ts); ambiguous and unmatched papers are reported, never guessed.
 *
 * Safe to kill: each accepted id is written at once (atomically), and what was searched without a
 * match is remembered in PAPERSHELF_RESOLVE_STATE (default .cache/resolve-state.json), so a rerun
 * goes on where the last one stopped; --recheck searches those again.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CONTENT_ROOT, IDENTIFIERS_YAML } from '../src/content-paths.ts';
import type { ArxivRecord } from '../src/lib/identifiers/arxiv-atom.ts';
import { isIsoDate } from '../src/lib/listing/dates.ts';
import { type IdentifierRecord, withIdentifierRecords } from '../src/lib/identifiers/identifier-sidecar.ts';
import { ingestListings } from '../src/lib/merge/ingest.ts';
import { type Candidate, MATCH_THRESHOLD, decideMatch } from '../src/lib/identifiers/title-match.ts';
import { UsageError, readIdentifiers, readInputs, writeAtomic } from './listing-inputs.ts';
import { ARXIV_API, ArxivRequestError, createArxivClient } from './resolve/arxiv-client.ts';

const STATE_FILE = process.env.PAPERSHELF_RESOLVE_STATE ?? '.cache/resolve-state.json';
/** Searches that fail one after another before the run stops: the service is down, not one title odd. */
const MAX_FAILURES_IN_A_ROW = 3;

type Outcome = { status: 'unmatched'; reason: string; best?: Candidate } | { status: 'ambiguous'; candidates: Candidate[] };
type State = Record<string, Outcome>;

function readState(): State {
  try {
    return JSON.parse(readFileSync(STATE_FILE, 'utf8')) as State;
  } catch {
    return {};
  }
}

function saveState(state: State): void {
  mkdirSync(dirname(resolve(STATE_FILE)), { recursive: true });
  writeAtomic(resolve(STATE_FILE), `${JSON.stringify(state, null, 2)}\n`);
}

function addToSidecar(record: IdentifierRecord): void {
  const current = existsSync(IDENTIFIERS_YAML) ? readFileSync(IDENTIFIERS_YAML, 'utf8') : '';
  writeAtomic(resolve(IDENTIFIERS_YAML), withIdentifierRecords(current, [record]));
}

/** What the accepted result brings besides its id: the names, category and first version's day its entry gives. */
function recordOf(slug: string, result: ArxivRecord): IdentifierRecord {
  return { slug, arxiv: result.id, authors: result.authors, category: result.primaryCategory, submitted: isIsoDate(result.published) ? result.published : undefined };
}

const describe = (c: Candidate) => `${c.id} "${c.title}" (${c.similarity.toFixed(3)})`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      limit: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      recheck: { type: 'boolean', default: false },
      endpoint: { type: 'string', default: process.env.ARXIV_API_URL ?? ARXIV_API },
      interval: { type: 'string', default: process.env.ARXIV_API_INTERVAL_MS ?? '3000' },
      timeout: { type: 'string', default: process.env.ARXIV_API_TIMEOUT_MS ?? '30000' },
    },
  });
  const limit = values.limit === undefined ? Infinity : Number(values.limit);
  if (!(limit > 0) || !Number.isInteger(limit === Infinity ? 1 : limit)) throw new UsageError(`--limit takes a whole number above 0, not "${values.limit}"`);
  const dryRun = values['dry-run'];

  const identifiers = readIdentifiers();
  const { papers } = ingestListings(readInputs([`${CONTENT_ROOT}/listings`]), identifiers);
  const state = values.recheck ? {} : readState();
  const todo = papers.filter((p) => !p.arxiv && !state[p.slug]).slice(0, limit);
  const known = papers.filter((p) => p.arxiv).length;
  console.log(
    `resolve: ${papers.length} papers, ${known} with an arXiv id, ${Object.keys(state).length} searched before without a match; searching ${todo.length} on ${values.endpoint}${dryRun ? ' (dry run: nothing is written)' : ''}`,
  );

  const client = createArxivClient({
    endpoint: values.endpoint,
    intervalMs: Number(values.interval),
    timeoutMs: Number(values.timeout),
    onRetry: (message) => console.log(`resolve:   ${message}`),
  });
  const found: string[] = [];
  let failuresInARow = 0;
  let failed = 0;
  for (const [i, paper] of todo.entries()) {
    const at = `[${i + 1}/${todo.length}] ${paper.slug}`;
    let records: Awaited<ReturnType<typeof client.searchTitle>>;
    try {
      records = await client.searchTitle(paper.title);
      failuresInARow = 0;
    } catch (error) {
      if (!(error instanceof ArxivRequestError)) throw error;
      failed += 1;
      failuresInARow += 1;
      console.log(`resolve: ${at}: search failed (${error.message}); it is searched again next run`);
      if (failuresInARow >= MAX_FAILURES_IN_A_ROW) {
        console.error(`resolve: ${MAX_FAILURES_IN_A_ROW} searches failed in a row: stopping. Ids found so far are kept; run again later.`);
        process.exitCode = 1;
        break;
      }
      continue;
    }
    const decision = decideMatch(paper, records);
    if (decision.kind === 'match') {
      console.log(
        `resolve: ${at} -> ${decision.record.id} (title similarity ${decision.similarity.toFixed(3)}; ${decision.record.authors.length} authors${decision.record.primaryCategory ? `, ${decision.record.primaryCategory}` : ''})`,
      );
      if (!dryRun) addToSidecar(recordOf(paper.slug, decision.record));
      found.push(paper.slug);
      continue;
    }
    const outcome: Outcome =
      decision.kind === 'ambiguous' ? { status: 'ambiguous', candidates: decision.candidates } : { status: 'unmatched', reason: decision.reason, ...(decision.best && { best: decision.best }) };
    const detail =
      outcome.status === 'ambiguous' ? `ambiguous: ${outcome.candidates.map(describe).join('; ')}` : `unmatched: ${outcome.reason}${outcome.best ? `; closest ${describe(outcome.best)}` : ''}`;
    console.log(`resolve: ${at}: ${detail}`);
    state[paper.slug] = outcome;
    if (!dryRun) saveState(state);
  }
  const open = Object.values(state);
  console.log(
    `resolve: ${found.length} ids ${dryRun ? 'found (not written)' : `written to ${IDENTIFIERS_YAML}`}, ${open.filter((o) => o.status === 'ambiguous').length} ambiguous, ${open.filter((o) => o.status === 'unmatched').length} unmatched (threshold ${MATCH_THRESHOLD}; see ${STATE_FILE}), ${failed} failed`,
  );
}

try {
  await main();
} catch (error) {
  if (error instanceof UsageError || (error instanceof Error && 'code' in error)) {
    console.error(`resolve: ${error.message.split('\n')[0]}`);
    process.exitCode = 1;
  } else throw error;
}
