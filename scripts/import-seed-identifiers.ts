/**
 * `node --import tsx scripts/import-seed-identifiers.ts -- [--dir DIR] [--rejected FILE] [--dry-run]`
 *
 * Takes the seed's arXiv ids and author names (DIR, default `../shared/seed-identifiers`: every
 * `*.tsv` there, rows of slug, arxiv, authors, source, match, note) into content/identifiers.yaml,
 * after checking each row against the catalog by the project's own rules (src/lib/identifiers/seed-rows.ts).
 * Rows not taken, or taken without their names, go to FILE (default
 * content/seed-identifiers-rejected.tsv) with the reason. Offline, and safe to run again: an entry
 * already there keeps what it has; the file is written atomically.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CONTENT_ROOT, IDENTIFIERS_YAML } from '../src/content-paths.ts';
import { withIdentifierRecords } from '../src/lib/identifiers/identifier-sidecar.ts';
import { type SeedEntry, type SeedRejection, type SeedRow, checkSeedRows, parseSeedTsv, renderSeedRejections } from '../src/lib/identifiers/seed-rows.ts';
import { resolveDate } from '../src/lib/listing/dates.ts';
import { type ListingInput, ingestListings, parseAnyListing } from '../src/lib/merge/ingest.ts';
import { UsageError, readIdentifiers, readInputs, writeAtomic } from './listing-inputs.ts';

function readSeed(dir: string): { rows: SeedRow[]; rejected: SeedRejection[] } {
  if (!existsSync(dir)) throw new UsageError(`no such folder: ${dir}`);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.tsv'))
    .sort();
  if (files.length === 0) throw new UsageError(`no *.tsv in ${dir}`);
  const read = files.map((f) => parseSeedTsv(`${basename(resolve(dir))}/${f}`, readFileSync(join(dir, f), 'utf8')));
  return { rows: read.flatMap((r) => r.rows), rejected: read.flatMap((r) => r.rejected) };
}

const sourceKey = (s: { file: string; line: number; item?: number | undefined }) => `${s.file}:${s.line}:${s.item ?? ''}`;

/**
 * Each listing entry's printed date and author count, by its place: a paper merges entries, and an
 * id must fit every one of them (two papers of one title are one paper to ingest until an id parts them).
 */
function listedEntries(inputs: ListingInput[]): Map<string, SeedEntry> {
  const found = new Map<string, SeedEntry>();
  for (const input of inputs) {
    const parsed = parseAnyListing(input.file, input.text);
    const captured = input.sidecar?.captured ?? parsed.captured;
    for (const entry of parsed.entries) {
      const resolved = entry.date && resolveDate(entry.date, captured);
      found.set(sourceKey({ ...entry, file: input.file }), { published: resolved && 'iso' in resolved ? resolved.iso : undefined, authors: entry.authors });
    }
  }
  return found;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string', default: '../shared/seed-identifiers' },
      rejected: { type: 'string', default: `${CONTENT_ROOT}/seed-identifiers-rejected.tsv` },
      'dry-run': { type: 'boolean', default: false },
    },
  });
  const seed = readSeed(values.dir);
  // Checked against the listings' own counts: names recorded by an earlier run are left out here.
  const identifiers = readIdentifiers();
  const pins = identifiers.pins.map(({ authors: _, ...pin }) => pin);
  const inputs = readInputs([`${CONTENT_ROOT}/listings`]);
  const { papers } = ingestListings(inputs, { file: identifiers.file, pins });
  const entries = listedEntries(inputs);
  const checked = checkSeedRows(
    seed.rows,
    papers.map((p) => ({ slug: p.slug, arxiv: p.arxiv, entries: p.sources.map((s) => entries.get(sourceKey(s)) ?? {}) })),
  );
  const rejected = [...seed.rejected, ...checked.rejected];
  const whole = rejected.filter((r) => r.rejected === 'row').length;
  const named = checked.accepted.filter((r) => r.authors).length;
  console.log(
    `seed: ${seed.rows.length + seed.rejected.length} rows; ${checked.accepted.length} ids taken (${named} with names), ${whole} rows rejected, ${rejected.length - whole} taken without their names`,
  );
  for (const r of rejected) console.log(`seed:   ${r.file}:${r.line} ${r.slug} ${r.rejected === 'row' ? 'rejected' : 'names left out'}: ${r.reason}`);
  if (values['dry-run']) return;
  const current = existsSync(IDENTIFIERS_YAML) ? readFileSync(IDENTIFIERS_YAML, 'utf8') : '';
  writeAtomic(resolve(IDENTIFIERS_YAML), withIdentifierRecords(current, checked.accepted));
  writeAtomic(resolve(values.rejected), renderSeedRejections(rejected));
  console.log(`seed: written to ${IDENTIFIERS_YAML} and ${values.rejected}`);
}

try {
  main();
} catch (error) {
  if (error instanceof UsageError || (error instanceof Error && 'code' in error)) {
    console.error(`seed: ${error.message.split('\n')[0]}`);
    process.exitCode = 1;
  } else throw error;
}
