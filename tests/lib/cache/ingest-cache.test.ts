import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readInputs } from '../../../scripts/listing-inputs.ts';
import { ingestListings, type ListingInput, parseAnyListing } from '../../../src/lib/merge/ingest.ts';
import { type PaperOutput, openIngestCache } from '../../../src/lib/cache/ingest-cache.ts';
import type { MergedPaper } from '../../../src/lib/paper/paper.ts';
import { renderPaperFile } from '../../../src/lib/paper/paper-file.ts';

const LISTINGS = new URL('../../fixtures/listings/', import.meta.url);
const inputs: ListingInput[] = readdirSync(LISTINGS)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => ({ file: f, name: f.slice(0, -4), text: readFileSync(new URL(f, LISTINGS), 'utf8'), sidecar: { captured: '2025-10-30' } }));

/** Topics that depend on the paper's data, and the file that shows them. */
function outputOf(paper: MergedPaper): PaperOutput {
  const topics = [paper.upvotes > 10 ? 'popular' : 'quiet'];
  return { topics, file: renderPaperFile({ ...paper, topics }) };
}

/** One ingest run as the CLI does it, with a work-out that records which papers it was given. */
async function run(listings: ListingInput[], saved: unknown, version = 'v1') {
  const cache = openIngestCache(saved, version);
  const workedOut: string[][] = [];
  const { papers } = ingestListings(listings, undefined, cache.parse);
  const outputs = await cache.outputsFor(papers, async (missing) => {
    workedOut.push(missing.map((paper) => paper.slug));
    return missing.map(outputOf);
  });
  return { papers, outputs, workedOut, stats: cache.stats, listingStats: cache.listingStats, changed: cache.changed, saved: JSON.parse(JSON.stringify(cache.data())) as unknown };
}

describe('the ingest cache', async () => {
  const cold = await run(inputs, undefined);

  it('gives every paper, in order, the output worked out for it, asking once for all of them', () => {
    expect(cold.outputs).toEqual(cold.papers.map(outputOf));
    expect(cold.workedOut).toEqual([cold.papers.map((paper) => paper.slug)]);
    expect(cold.stats).toEqual({ reused: 0, redone: cold.papers.length });
  });

  it('works out nothing again when nothing changed, and has nothing new to save', async () => {
    const warm = await run(inputs, cold.saved);
    expect(warm.outputs).toEqual(cold.outputs);
    expect(warm.workedOut).toEqual([]);
    expect(warm.stats).toEqual({ reused: cold.papers.length, redone: 0 });
    expect(warm.listingStats).toEqual({ reused: inputs.length, parsed: 0 });
    expect(cold.listingStats).toEqual({ reused: 0, parsed: inputs.length });
    expect(warm.changed).toBe(false);
  });

  it('parses again only a listing whose text changed, and forgets a listing that is gone', async () => {
    const [first, ...rest] = inputs;
    const edited = { ...first!, text: `${first!.text}\n` };
    const next = await run([edited, ...rest.slice(1)], cold.saved);
    expect(next.listingStats).toEqual({ reused: rest.length - 1, parsed: 1 });
    expect(Object.keys((next.saved as { listings: object }).listings)).toHaveLength(inputs.length - 1);
  });

  it('redoes exactly the papers whose data changed, and keeps the others in their places', async () => {
    const [first, ...rest] = inputs;
    const edited = { ...first!, text: first!.text.replace('We provide a new efficient version', 'We provide a NEW efficient version') };
    expect(edited.text).not.toBe(first!.text);
    const next = await run([edited, ...rest], cold.saved);
    expect(next.outputs).toEqual((await run([edited, ...rest], undefined)).outputs);
    expect(next.workedOut).toEqual([[expect.stringMatching(/^sparseprop-efficient-sparse-backpropagation-/)]]);
    expect(next.stats).toEqual({ reused: cold.papers.length - 1, redone: 1 });
  });

  it('starts empty for another version (code, taxonomy or notes changed) or a damaged file', async () => {
    for (const saved of [cold.saved, { version: 'v1', papers: [] }, 'garbage', null]) {
      const other = await run(inputs, saved, saved === cold.saved ? 'v2' : 'v1');
      expect(other.stats.reused).toBe(0);
      expect(other.outputs).toEqual(cold.outputs);
    }
  });

  it('fails rather than give papers the wrong outputs when a work-out answers for too few', async () => {
    const cache = openIngestCache(undefined, 'v1');
    await expect(cache.outputsFor(cold.papers, (missing) => missing.slice(1).map(outputOf))).rejects.toThrow(/outputs for/);
  });
});

/**
 * A listing read back from the saved cache (plain JSON) must ingest exactly as one parsed fresh: on
 * the real seeds and every hand-made fixture (hostile, Windows-1252, JSON), compared by what ingest
 * writes, the papers' files and the report.
 */
it('ingests listings read back from a saved cache byte for byte as freshly parsed ones', async () => {
  const all = readInputs(['content/listings', 'tests/fixtures/listings', 'tests/fixtures/e2e/listings']);
  expect(all.length).toBeGreaterThan(10);
  const first = openIngestCache(undefined, 'v1');
  ingestListings(all, undefined, first.parse);
  const reread = openIngestCache(JSON.parse(JSON.stringify(first.data())), 'v1');
  const cached = ingestListings(all, undefined, reread.parse);
  expect(reread.listingStats).toEqual({ reused: all.length, parsed: 0 });
  const fresh = ingestListings(all, undefined, parseAnyListing);
  expect(JSON.stringify(cached.report)).toBe(JSON.stringify(fresh.report));
  expect(JSON.stringify(cached.listings)).toBe(JSON.stringify(fresh.listings));
  expect(cached.papers.map((paper) => renderPaperFile({ ...paper, topics: [] }))).toEqual(fresh.papers.map((paper) => renderPaperFile({ ...paper, topics: [] })));
});
