import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestListings, type ListingInput } from '../../src/lib/ingest.ts';
import { openIngestCache } from '../../src/lib/ingest-cache.ts';
import { renderPaperFile } from '../../src/lib/paper-file.ts';

const LISTINGS = new URL('../fixtures/listings/', import.meta.url);
const inputs: ListingInput[] = readdirSync(LISTINGS)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => ({ file: f, name: f.slice(0, -4), text: readFileSync(new URL(f, LISTINGS), 'utf8'), sidecar: { captured: '2025-10-30' } }));

/** A tagger that counts its calls and gives every paper a topic that depends on its data. */
function countingTagger() {
  const calls: string[] = [];
  return { calls, tag: (paper: { slug: string; upvotes: number }) => (calls.push(paper.slug), [paper.upvotes > 10 ? 'popular' : 'quiet']) };
}

/** One ingest run as the CLI does it: tag through the cache, render through the cache. */
function run(listings: ListingInput[], saved: unknown, version = 'v1') {
  const cache = openIngestCache(saved, version);
  const tagger = countingTagger();
  const { papers } = ingestListings(listings, { tagTopics: cache.tagTopics(tagger.tag) });
  const files = papers.map((paper) => cache.fileFor(paper, renderPaperFile));
  return { files, tagged: tagger.calls, stats: cache.stats, changed: cache.changed, saved: JSON.parse(JSON.stringify(cache.data())) as unknown };
}

describe('the ingest cache', () => {
  const cold = run(inputs, undefined);

  it('gives the same files as ingest without it', () => {
    const cache = countingTagger();
    const { papers } = ingestListings(inputs, { tagTopics: cache.tag });
    expect(cold.files).toEqual(papers.map((paper) => renderPaperFile(paper)));
    expect(cold.stats).toEqual({ reused: 0, redone: papers.length });
  });

  it('tags and renders nothing again when nothing changed, and has nothing new to save', () => {
    const warm = run(inputs, cold.saved);
    expect(warm.files).toEqual(cold.files);
    expect(warm.tagged).toEqual([]);
    expect(warm.stats).toEqual({ reused: cold.files.length, redone: 0 });
    expect(warm.changed).toBe(false);
  });

  it('redoes exactly the papers whose data changed', () => {
    const [first, ...rest] = inputs;
    const edited = { ...first!, text: first!.text.replace('We provide a new efficient version', 'We provide a NEW efficient version') };
    expect(edited.text).not.toBe(first!.text);
    const next = run([edited, ...rest], cold.saved);
    expect(next.files).toEqual(run([edited, ...rest], undefined).files);
    expect(next.tagged).toEqual([expect.stringMatching(/^sparseprop-efficient-sparse-backpropagation-/)]);
    expect(next.stats).toEqual({ reused: cold.files.length - 1, redone: 1 });
  });

  it('starts empty for another version (code, taxonomy or notes changed) or a damaged file', () => {
    for (const saved of [cold.saved, { version: 'v1', topics: [], files: {} }, 'garbage', null]) {
      const other = run(inputs, saved, saved === cold.saved ? 'v2' : 'v1');
      expect(other.stats.reused).toBe(0);
      expect(other.files).toEqual(cold.files);
    }
  });
});
