/**
 * Ingest's paper outputs on worker threads against the same work on the calling thread: the real
 * taxonomy and the default catalog's papers, with a note's correction, so tagging, corrections and
 * rendering all cross the thread boundary.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { paperOutputs, workOutPapers } from '../../scripts/paper-outputs.ts';
import { type TopicSource, topicSourceOf } from '../../scripts/topics-source.ts';
import { ingestListings } from '../../src/lib/merge/ingest.ts';
import { parseTaxonomy } from '../../src/lib/topics/topics.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LISTINGS = join(ROOT, 'content/listings');
const papers = ingestListings(
  readdirSync(LISTINGS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .slice(0, 2)
    .map((f) => ({ file: f, name: f.slice(0, -4), text: readFileSync(join(LISTINGS, f), 'utf8') })),
).papers.slice(0, 240);

const topics = parseTaxonomy(readFileSync(join(ROOT, 'content/topics.yaml'), 'utf8'));
const corrected = papers[7]!.slug;
const source: TopicSource = topicSourceOf({ topics, corrections: new Map([[corrected, { add: ['robotics'], remove: [] }]]) });

describe('workOutPapers', () => {
  it('gives on worker threads exactly what the calling thread gives, in order', { timeout: 60_000 }, async () => {
    const inline = paperOutputs(papers, source);
    expect(inline[7]!.topics).toContain('robotics');
    expect(inline.filter((output) => output.topics.length > 0).length).toBeGreaterThan(papers.length / 2);

    const progress: number[] = [];
    const pooled = await workOutPapers(papers, source, { poolFrom: 1, onProgress: (done) => progress.push(done) });
    expect(pooled).toEqual(inline);
    expect(progress.at(-1)).toBe(papers.length);
  });

  it('gives no topics without a taxonomy, on either path', { timeout: 60_000 }, async () => {
    const pooled = await workOutPapers(papers.slice(0, 150), undefined, { poolFrom: 1 });
    expect(pooled).toEqual(paperOutputs(papers.slice(0, 150), undefined));
    expect(pooled.every((output) => output.topics.length === 0)).toBe(true);
  });
});
