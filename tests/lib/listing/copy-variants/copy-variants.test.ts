/**
 * The metamorphic suite: each of the five real listings, rewritten as other real copies of the page
 * would have it (tests/lib/listing/copy-variants/transforms.ts), alone and combined in any order, must read
 * as the same papers: titles, abstracts (paragraph breaks aside), dates, upvotes, author counts and
 * organisations. Differences are allowed only where the report names a line of the entry.
 */
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { EntryDate } from '../../../../src/lib/listing/dates.ts';
import { type ParsedListing, parseListing } from '../../../../src/lib/listing/index.ts';
import { COPY_VARIANTS, type CopyVariant } from './transforms.ts';

const LISTINGS = new URL('../../../../content/listings/', import.meta.url);
const seeds = readdirSync(LISTINGS)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((file) => ({ file, text: readFileSync(new URL(file, LISTINGS), 'utf8') }));

/** A date as the page means it: the spelling (a comma, a prefix) is not part of it. */
function dateOf(date: EntryDate | undefined) {
  if (!date) return null;
  const { yearWithoutComma: _, ...rest } = date as EntryDate & { yearWithoutComma?: true };
  return rest;
}

/** The papers a parse reads, as the catalog would show them. */
const papersOf = (parsed: ParsedListing) =>
  parsed.entries.map((e) => ({
    title: e.title,
    abstract: e.abstract.replace(/\s+/g, ' '),
    date: dateOf(e.date),
    authors: e.authors ?? null,
    organisation: e.organisation ?? null,
  }));

/** Entries that differ from the original and that no warning or rejection of the copy names. */
function unexplained(original: ParsedListing, copy: ParsedListing): string[] {
  const before = papersOf(original);
  const after = papersOf(copy);
  const findings = [...copy.warnings, ...copy.rejected].map((f) => f.line);
  // A finding names an entry when it stands at one of the entry's lines, up to the next entry.
  const named = (i: number) => findings.some((line) => line >= copy.entries[i]!.line && line < (copy.entries[i + 1]?.line ?? Number.POSITIVE_INFINITY));
  const problems: string[] = [];
  if (after.length !== before.length) problems.push(`${before.length} entries became ${after.length}`);
  before.forEach((paper, i) => {
    const other = after[i];
    if (other && JSON.stringify(other) !== JSON.stringify(paper) && !named(i)) problems.push(`entry ${i} "${paper.title}" reads as ${JSON.stringify(other)}`);
  });
  return problems;
}

/** The variants that make another copy of this listing (a bare dump without blank lines has none to drop). */
const variantsFor = (text: string) => COPY_VARIANTS.filter((v) => (!v.pageOnly || parseListing('x', text).format === 'page') && v.apply(text) !== text);
/** The first variant of each group, and every variant of none. */
const oneOfEachGroup = (chosen: CopyVariant[]) => chosen.filter((v, i) => !v.group || chosen.findIndex((w) => w.group === v.group) === i);
const applyAll = (text: string, variants: readonly CopyVariant[]) => variants.reduce((t, v) => v.apply(t), text);

describe.each(seeds)('$file read as other copies of it', ({ file, text }) => {
  const original = parseListing(file, text);
  const variants = variantsFor(text);

  test.each(variants.map((v) => [v.name, v] as const))('%s', (_, variant) => {
    const copy = variant.apply(text);
    expect(unexplained(original, parseListing(file, copy))).toEqual([]);
  });

  test('any combination, in any order', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([...variants], { minLength: 2 }).map(oneOfEachGroup), (chosen) => {
        expect(unexplained(original, parseListing(file, applyAll(text, chosen))), chosen.map((v) => v.name).join(' + ')).toEqual([]);
      }),
      { numRuns: Number(process.env['FUZZ_RUNS'] ?? 25) },
    );
  });
});

test('concatenated listings read as the entries of each, in order', () => {
  const pages = seeds.filter(({ text }) => parseListing('x', text).format === 'page');
  const joined = parseListing('joined.txt', pages.map((p) => p.text).join('\n'));
  const apart = pages.flatMap(({ file, text }) => papersOf(parseListing(file, text)));
  expect(papersOf(joined)).toEqual(apart);
});

test('every variant says what it does, and applies to every page dump', () => {
  for (const { text } of seeds) if (parseListing('x', text).format === 'page') expect(variantsFor(text)).toHaveLength(COPY_VARIANTS.length);
  for (const variant of COPY_VARIANTS) expect(variant.description.length).toBeGreaterThan(10);
  expect(new Set(COPY_VARIANTS.map((v) => v.name)).size).toBe(COPY_VARIANTS.length);
});
