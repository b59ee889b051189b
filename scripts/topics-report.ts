/**
 * `npm run topics:report -- [--samples N] [--topic ID] [--review N --seed S] [PATH ...]`
 * (default PATH: the listings under PAPERSHELF_CONTENT, default ./content)
 *
 * Tags the catalog afresh with content/topics.yaml and the notes' corrections, and prints what an
 * editor needs to tune the taxonomy: coverage, every topic's count with its strongest and weakest
 * sample titles, and the untagged papers with their near misses. `--topic ID` lists every paper of
 * one topic with its evidence; `--review N --seed S` prints N papers picked at random (reproducibly)
 * with their abstracts and topics, for the agreement review in docs/topics-review.md.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { CONTENT_ROOT } from '../src/content-paths.ts';
import { type ListingInput, ingestListings } from '../src/lib/merge/ingest.ts';
import type { Paper } from '../src/lib/paper/paper.ts';
import { type TopicScore, applyCorrection } from '../src/lib/topics/topics.ts';
import { loadTopicSource } from './topics-source.ts';

interface TaggedPaper {
  paper: Omit<Paper, 'topics'>;
  scores: TopicScore[];
  topics: string[];
  corrected: boolean;
}

function readListings(paths: string[]): ListingInput[] {
  const missing = paths.find((path) => !existsSync(path));
  if (missing) throw new Error(`no listings at ${missing}: add one (docs/adding-listings.md), or name the listing files to report on`);
  const files = paths.flatMap((path) =>
    statSync(path).isDirectory()
      ? readdirSync(path)
          .filter((f) => f.endsWith('.txt'))
          .sort()
          .map((f) => join(path, f))
      : [path],
  );
  return files.map((file) => ({ file, name: basename(file, extname(file)), text: readFileSync(file, 'utf8') }));
}

/** mulberry32: a tiny seeded generator, so a review sample can be drawn again from its seed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sample<T>(items: readonly T[], count: number, seed: number): T[] {
  const pool = [...items];
  const random = seededRandom(seed);
  for (let i = 0; i < Math.min(count, pool.length); i += 1) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, count);
}

const evidence = (s: TopicScore) => `${s.id} ${s.score} (title ${s.titleMatches}, abstract ${s.abstractMatches})`;
const percent = (part: number, whole: number) => `${((100 * part) / Math.max(whole, 1)).toFixed(1)}%`;

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      samples: { type: 'string', default: '2' },
      topic: { type: 'string' },
      review: { type: 'string' },
      seed: { type: 'string', default: '1' },
    },
  });
  const source = loadTopicSource();
  if (!source) throw new Error('no taxonomy: content/topics.yaml is missing');
  const { papers } = ingestListings(readListings(positionals.length > 0 ? positionals : [`${CONTENT_ROOT}/listings`]));
  const tagged: TaggedPaper[] = papers.map((paper) => {
    const correction = source.corrections.get(paper.slug);
    return { paper, scores: source.tagger.score(paper), topics: applyCorrection(source.tagger.tag(paper), correction), corrected: correction !== undefined };
  });
  const scoreOf = (t: TaggedPaper, id: string) => t.scores.find((s) => s.id === id);

  if (values.review) {
    const seed = Number(values.seed);
    console.log(`Review sample: ${values.review} of ${tagged.length} papers, seed ${seed}\n`);
    sample(tagged, Number(values.review), seed).forEach((t, i) => {
      console.log(`#${i + 1} ${t.paper.title}  [${t.paper.slug}]`);
      console.log(`   topics: ${t.topics.join(', ') || '(none)'}${t.corrected ? '  (corrected by a note)' : ''}`);
      console.log(`   evidence: ${t.scores.slice(0, 6).map(evidence).join('; ')}`);
      console.log(`   ${t.paper.abstract}\n`);
    });
    return;
  }

  if (values.topic) {
    const id = values.topic;
    if (!source.topics.some((t) => t.id === id)) throw new Error(`unknown topic "${id}"`);
    const members = tagged.filter((t) => t.topics.includes(id));
    console.log(`${id}: ${members.length} papers\n`);
    for (const t of members) console.log(`  ${String(scoreOf(t, id)?.score ?? 'added').padStart(5)}  ${t.paper.title}   [${t.topics.join(', ')}]`);
    return;
  }

  const samples = Number(values.samples);
  const untagged = tagged.filter((t) => t.topics.length === 0);
  const perPaper = tagged.reduce((sum, t) => sum + t.topics.length, 0) / Math.max(tagged.length, 1);
  console.log(`${tagged.length} papers, ${source.topics.length} topics, ${source.corrections.size} notes with corrections`);
  console.log(`coverage: ${tagged.length - untagged.length}/${tagged.length} papers tagged (${percent(tagged.length - untagged.length, tagged.length)}), ${perPaper.toFixed(2)} topics per paper\n`);
  for (const topic of source.topics) {
    const members = tagged.filter((t) => t.topics.includes(topic.id)).sort((a, b) => (scoreOf(b, topic.id)?.score ?? 0) - (scoreOf(a, topic.id)?.score ?? 0));
    const label = topic.parent ? `${topic.id} (in ${topic.parent})` : topic.id;
    console.log(`${String(members.length).padStart(4)}  ${label}`);
    const shown = members.length <= 2 * samples ? members : [...members.slice(0, samples), ...members.slice(-samples)];
    for (const t of shown) console.log(`        ${String(scoreOf(t, topic.id)?.score ?? '+').padStart(2)}  ${t.paper.title}`);
  }
  console.log(`\nuntagged: ${untagged.length} (${percent(untagged.length, tagged.length)}), listed on /topics/ under "Other"`);
  for (const t of untagged) console.log(`  ${t.paper.title}${t.scores.length > 0 ? `   near: ${t.scores.slice(0, 2).map(evidence).join('; ')}` : ''}`);
}

try {
  main();
} catch (error) {
  console.error(`topics:report: ${(error as Error).message}`);
  process.exit(1);
}
