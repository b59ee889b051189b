/**
 * Search quality and index integrity on the default catalog (the fixture build is the real catalog
 * plus a hostile listing), through Pagefind's own browser API in Chromium: the ranking readers get.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pagefindTerm } from '../../src/lib/search/search-query.ts';
import { SITE } from '../../src/site.config.ts';
import { SEARCH_INDEX_PAGE, addSearchIndexLoader } from './search-index-loader.ts';
import { FIXTURE_BASE, FIXTURE_DIST } from './fixture-site.ts';
import { useSite } from './site-fixture.ts';

interface Case {
  query: string;
  /** Slug of the paper that must be among the first three results. */
  paper: string;
  kind: 'acronym' | 'title phrase' | 'abstract only' | 'partial word' | 'symbols and case' | 'two concepts' | 'author' | 'arXiv id';
}

/** Kinds whose paper must come first, not only in the top three: the reader named that one paper. */
const MUST_BE_FIRST = new Set<Case['kind']>(['title phrase', 'arXiv id']);

const CASES: Case[] = [
  { kind: 'acronym', query: 'RLVR', paper: 'reinforcement-learning-with-verifiable-rewards-implicitly-incentivizes-3d1a08' },
  { kind: 'acronym', query: 'WGAN', paper: 'wasserstein-gan' },
  { kind: 'acronym', query: 'DSN', paper: 'deeply-supervised-nets' },
  { kind: 'title phrase', query: 'diffusion models beat GANs', paper: 'diffusion-models-beat-gans-on-image-synthesis' },
  { kind: 'title phrase', query: 'neural networks are decision trees', paper: 'neural-networks-are-decision-trees' },
  { kind: 'title phrase', query: 'language models are zero-shot learners', paper: 'finetuned-language-models-are-zero-shot-learners' },
  { kind: 'abstract only', query: 'sorting variable sized sequences', paper: 'pointer-networks' },
  { kind: 'abstract only', query: 'companion objective', paper: 'deeply-supervised-nets' },
  { kind: 'abstract only', query: 'simplicity bias', paper: 'neural-redshift-random-networks-are-not-random-functions' },
  { kind: 'abstract only', query: 'B-spline', paper: 'kan-or-mlp-a-fairer-comparison' },
  { kind: 'partial word', query: 'hypernet', paper: 'a-brief-review-of-hypernetworks-in-deep-learning' },
  { kind: 'partial word', query: 'grokk', paper: 'grokking-generalization-beyond-overfitting-on-small-algorithmic-datasets' },
  { kind: 'symbols and case', query: 'CoT-Pass@K', paper: 'reinforcement-learning-with-verifiable-rewards-implicitly-incentivizes-3d1a08' },
  { kind: 'symbols and case', query: 'allora', paper: 'allora-adaptive-learning-rate-mitigates-lora-fatal-flaws' },
  { kind: 'two concepts', query: 'fisher merging', paper: 'merging-models-with-fisher-weighted-averaging' },
  { kind: 'two concepts', query: 'automatic differentiation reverse mode', paper: 'the-simple-essence-of-automatic-differentiation' },
  { kind: 'two concepts', query: 'clustering energy-based models', paper: 'unifying-self-supervised-clustering-and-energy-based-models' },
  { kind: 'title phrase', query: 'calibrated language models must hallucinate', paper: 'calibrated-language-models-must-hallucinate' },
  { kind: 'title phrase', query: 'just how flexible are neural networks', paper: 'just-how-flexible-are-neural-networks-in-practice' },
  { kind: 'title phrase', query: 'principal weights emerge after rank reduction', paper: 'lift-the-veil-for-the-truth-principal-weights-emerge-after-rank-reduction-0a4f8a' },
  { kind: 'title phrase', query: 'beyond cosine decay', paper: 'beyond-cosine-decay-on-the-effectiveness-of-infinite-learning-rate-0e96be' },
  { kind: 'title phrase', query: 'how to re-warm your model', paper: 'continual-pre-training-of-large-language-models-how-to-re-warm-your-model' },
  { kind: 'title phrase', query: 'troublemaker learning', paper: 'troublemaker-learning-for-low-light-image-enhancement' },
  { kind: 'title phrase', query: 'direct feedback alignment scales', paper: 'direct-feedback-alignment-scales-to-modern-deep-learning-tasks-and-architectures' },
  { kind: 'title phrase', query: 'categorical foundations of gradient-based learning', paper: 'categorical-foundations-of-gradient-based-learning' },
  { kind: 'title phrase', query: 'straight-through and beyond', paper: 'bridging-discrete-and-backpropagation-straight-through-and-beyond' },
  { kind: 'title phrase', query: 'winner-take-all column row sampling', paper: 'winner-take-all-column-row-sampling-for-memory-efficient-adaptation-of-623e37' },
  { kind: 'acronym', query: 'SharpDARTS', paper: 'sharpdarts-faster-and-more-accurate-differentiable-architecture-search' },
  { kind: 'acronym', query: 'CroCo', paper: 'croco-self-supervised-pre-training-for-3d-vision-tasks-by-cross-view-completion' },
  { kind: 'partial word', query: 'progressive learning from complex explanation', paper: 'orca-progressive-learning-from-complex-explanation-traces-of-gpt-4' },
  // Names and ids come from the saved Daily Papers JSON of the fixture (tests/fixtures/e2e/listings).
  { kind: 'author', query: 'Arjovsky', paper: 'wasserstein-gan' },
  { kind: 'author', query: 'Vinyals', paper: 'pointer-networks' },
  { kind: 'author', query: 'Prafulla Dhariwal', paper: 'diffusion-models-beat-gans-on-image-synthesis' },
  { kind: 'author', query: 'Soumith Chintala', paper: 'wasserstein-gan' },
  { kind: 'arXiv id', query: '1701.07875', paper: 'wasserstein-gan' },
  { kind: 'arXiv id', query: '2105.05233', paper: 'diffusion-models-beat-gans-on-image-synthesis' },
  { kind: 'arXiv id', query: '1506.03134', paper: 'pointer-networks' },
];

interface Hit {
  url: string;
  title: string;
}

const site = useSite();
let page: Page;

beforeAll(async () => {
  page = await site.browser.newPage(SEARCH_INDEX_PAGE);
  await page.goto(site.url('search/'));
  // The index the search page uses, opened by its own loader and kept on window for the cases below.
  await addSearchIndexLoader(page, FIXTURE_BASE);
  // A copy of its own: the page's copies already hold their merged shards.
  await page.evaluate(async (base) => {
    const open = (window as unknown as { openSearchIndex(base: string, copy: string): Promise<unknown> }).openSearchIndex;
    (window as unknown as { pagefind: unknown }).pagefind = await open(base, 'tests');
  }, FIXTURE_BASE);
});

type PagefindGlobal = {
  search(term: string | null, options?: object): Promise<{ results: { data(): Promise<{ url: string; meta: Record<string, string>; content: string }> }[] }>;
  filters(): Promise<Record<string, Record<string, number>>>;
};

async function top(query: string, count: number): Promise<{ hits: Hit[]; ms: number }> {
  return page.evaluate(
    async ({ term, count }) => {
      const pagefind = (window as unknown as { pagefind: PagefindGlobal }).pagefind;
      const started = performance.now();
      const { results } = await pagefind.search(term);
      const data = await Promise.all(results.slice(0, count).map((result) => result.data()));
      return { hits: data.map((d) => ({ url: d.url, title: d.meta['title'] ?? '' })), ms: performance.now() - started };
    },
    { term: pagefindTerm(query), count },
  );
}

const paperUrl = (slug: string) => `${FIXTURE_BASE}papers/${slug}/`;

describe('search quality on the default catalog', () => {
  const latencies: number[] = [];
  /** Rank of each case's paper (1-based; 0 when not in the top three), for the figures in docs/search-quality.md. */
  const ranks = new Map<Case, number>();
  afterAll(() => {
    const sorted = [...latencies].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
    const count = (test: (rank: number) => boolean) => [...ranks.values()].filter(test).length;
    console.info(`search latency over ${sorted.length} queries: median ${median.toFixed(0)} ms, max ${(sorted.at(-1) ?? 0).toFixed(0)} ms`);
    console.info(`search quality over ${ranks.size} queries: top-1 ${count((r) => r === 1)}, top-3 ${count((r) => r > 0)}`);
  });

  test.each(CASES)('$kind: "$query" finds $paper in the top 3', async (c) => {
    const { query, paper, kind } = c;
    const { hits, ms } = await top(query, 3);
    latencies.push(ms);
    ranks.set(c, hits.findIndex((hit) => hit.url === paperUrl(paper)) + 1);
    expect(hits.map((hit) => hit.url)).toContain(paperUrl(paper));
    if (MUST_BE_FIRST.has(kind)) expect(hits[0]?.url).toBe(paperUrl(paper));
    if (kind === 'abstract only') {
      // Keeps the table honest: the words really are not in the title.
      const title = hits.find((hit) => hit.url === paperUrl(paper))?.title.toLowerCase() ?? '';
      for (const word of query.toLowerCase().split(/\s+/)) expect(title).not.toContain(word);
    }
  });

  test('the table holds at least 30 queries, of every kind it names', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
    expect(new Set(CASES.map((c) => c.kind)).size).toBe(8);
  });
});

describe('index integrity', () => {
  const paperPages = () => readdirSync(join(FIXTURE_DIST, 'papers'), { withFileTypes: true }).filter((entry) => entry.isDirectory()).length;

  test('every paper page is indexed, with every filter and both sort keys', async () => {
    const papers = paperPages();
    const { filters, sortedByDate, sortedByUpvotes } = await page.evaluate(async () => {
      const pagefind = (window as unknown as { pagefind: PagefindGlobal }).pagefind;
      const all = async (sort: object) => (await pagefind.search(null, { sort })).results.length;
      return { filters: await pagefind.filters(), sortedByDate: await all({ date: 'desc' }), sortedByUpvotes: await all({ upvotes: 'desc' }) };
    });
    const total = (facet: string) => Object.values(filters[facet] ?? {}).reduce((sum, n) => sum + n, 0);
    expect(papers).toBeGreaterThan(500);
    // Each paper has exactly one year and one has-upvotes value, so these add up to the catalog.
    expect(total('year')).toBe(papers);
    expect(total('has-upvotes')).toBe(papers);
    expect(total('listing')).toBeGreaterThanOrEqual(papers);
    // Pagefind drops pages lacking a sort key from sorted results.
    expect(sortedByDate).toBe(papers);
    expect(sortedByUpvotes).toBe(papers);
  });

  test('sorting is numeric: newest first, undated last; most upvoted first', async () => {
    const { dates, upvotes } = await page.evaluate(async () => {
      const pagefind = (window as unknown as { pagefind: PagefindGlobal }).pagefind;
      const meta = async (sort: object, key: string) => (await Promise.all((await pagefind.search(null, { sort })).results.map((r) => r.data()))).map((d) => d.meta[key] ?? '');
      return { dates: await meta({ date: 'desc' }, 'date'), upvotes: (await meta({ upvotes: 'desc' }, 'upvotes')).map(Number) };
    });
    const dated = dates.filter(Boolean);
    expect(dates.slice(0, dated.length)).toEqual([...dated].sort().reverse());
    expect(dates.slice(dated.length).every((date) => date === '')).toBe(true);
    expect(upvotes).toEqual([...upvotes].sort((a, b) => b - a));
    expect(upvotes[0]).toBeGreaterThan(0);
  });

  test('only the paper content is indexed, not the page chrome or labels around it', async () => {
    const content = await page.evaluate(async () => {
      const pagefind = (window as unknown as { pagefind: PagefindGlobal }).pagefind;
      const [first] = (await pagefind.search('WGAN')).results;
      return first ? (await first.data()).content : '';
    });
    // Title, then straight into the abstract: no byline, no "Abstract" label.
    expect(content).toMatch(/^Wasserstein GAN\. We introduce a new algorithm named WGAN/);
    // The header (site name, search box) and anything else outside data-pagefind-body stay out.
    expect(content).not.toContain(SITE.title);
    expect(content).not.toContain('Search papers');
  });
});

describe('a default-catalog paper by the names the seed gave it (content/identifiers.yaml)', () => {
  test('is found by an author, and by its arXiv id', async () => {
    const slug = 'a-chain-graph-interpretation-of-real-world-neural-networks';
    expect((await top('Cremers', 3)).hits.map((hit) => hit.url)).toContain(paperUrl(slug));
    expect((await top('2006.16856', 1)).hits.map((hit) => hit.url)).toEqual([paperUrl(slug)]);
  });
});
