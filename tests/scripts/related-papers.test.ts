/**
 * Related papers on worker threads against the same work on the calling thread, on the default
 * catalog's papers: the model each worker builds and the ranges it answers must add up to the same
 * matches in the same order.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { relatedWork, workOutRelated } from '../../scripts/related-papers.ts';
import { ingestListings } from '../../src/lib/merge/ingest.ts';
import { relatedDocuments } from '../../src/lib/related/related.ts';

const LISTINGS = fileURLToPath(new URL('../../content/listings', import.meta.url));
const papers = ingestListings(
  readdirSync(LISTINGS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ file: f, name: f.slice(0, -4), text: readFileSync(join(LISTINGS, f), 'utf8') })),
).papers;

describe('workOutRelated', () => {
  it('gives on worker threads exactly what the calling thread gives', { timeout: 60_000 }, async () => {
    const work = relatedWork(papers, 5);
    const inline = await workOutRelated(work, { poolFrom: Number.POSITIVE_INFINITY });
    const pooled = await workOutRelated(work, { poolFrom: 1, threads: 2 });
    expect(Object.keys(inline)).toHaveLength(papers.length);
    expect(Object.values(inline).filter((slugs) => slugs.length === 5).length).toBeGreaterThan(papers.length * 0.9);
    expect(pooled).toEqual(inline);
    expect(Object.entries(pooled).map(([slug, found]) => [slug, found])).toEqual([...relatedDocuments(work.inputs)].map(([slug, found]) => [slug, found.map((m) => m.id)]));
  });
});
