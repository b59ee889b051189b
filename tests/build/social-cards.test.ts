/**
 * Social cards end to end: real fonts, satori, resvg and worker threads, on small catalogs in
 * temporary folders (content, cache and output), so nothing here touches the project's own.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CARD_HEIGHT, CARD_WIDTH, COLORS, SAFE_MARGINS, STRIPE } from '../../src/cards/CardTemplate.ts';
import { takeCardRecord } from '../../src/cards/card-record.ts';
import { loadCardFonts } from '../../src/cards/fonts.ts';
import { type CardRenderer, createCardRenderer } from '../../src/cards/render-card.ts';
import type { Card, PaperCard } from '../../src/lib/cards/card-specs.ts';
import type { CatalogFile, CatalogFilePaper } from '../../src/lib/catalog/catalog-file.ts';
import { decodePng } from '../cards/decode-png.ts';

const work = mkdtempSync(join(tmpdir(), 'papershelf-cards-'));
const content = join(work, 'content');
// content-paths reads the environment when first imported: set it before the step loads.
process.env.PAPERSHELF_CONTENT = content;
const { buildSiteCards } = await import('../../src/build/social-cards.ts');

afterAll(() => rmSync(work, { recursive: true, force: true }));

const site = { name: 'Papershelf', address: 'example.github.io/papershelf' };
const paperCard = (title: string, extra: Partial<PaperCard> = {}): PaperCard => ({
  kind: 'paper',
  site,
  title,
  published: '2024-10-02',
  upvotes: 128,
  byline: 'Google DeepMind',
  topics: ['Mixture of experts', 'Large language models', 'Parameter-efficient fine-tuning', 'Learning theory'],
  ...extra,
});

const LONG_TITLE = (
  'Towards a Unified Theory of Scaling Laws for Mixture-of-Experts Language Models: An Empirical Study of Routing, ' +
  'Load Balancing, Expert Capacity, and Parameter-Efficient Fine-Tuning Across Twelve Benchmarks, Three Modalities, ' +
  'and Seven Orders of Magnitude of Compute, with Implications for Deployment at Scale'
).slice(0, 300);
const CJK_EMOJI_TITLE = '注意力就是你所需要的一切：大规模语言模型的上下文学习 🚀 日本語のテスト ∇θ ≤ ε → ∞ 😀👨‍👩‍👧 ❤️ 🇺🇸';

const hex = (color: string) => [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16));

/** Pixels outside the safe margins (bar the left band) that are not the card background. */
function paintedOutsideMargins(png: Buffer): string[] {
  const { width, height, rgb } = decodePng(png);
  const paper = hex(COLORS.paper);
  const slack = 2;
  const inside = (x: number, y: number) => x >= SAFE_MARGINS.left - slack && x < width - SAFE_MARGINS.right + slack && y >= SAFE_MARGINS.top - slack && y < height - SAFE_MARGINS.bottom + slack;
  const painted: string[] = [];
  for (let y = 0; y < height; y += 1) {
    for (let x = STRIPE; x < width; x += 1) {
      if (inside(x, y)) continue;
      const i = (y * width + x) * 3;
      if (rgb[i] !== paper[0] || rgb[i + 1] !== paper[1] || rgb[i + 2] !== paper[2]) painted.push(`${x},${y}`);
    }
  }
  return painted;
}

/** Fonts load and workers start in seconds, more on a busy machine. */
const SLOW = { timeout: 120_000 };

describe('drawing cards', SLOW, () => {
  let renderer: CardRenderer;
  beforeAll(async () => {
    renderer = await createCardRenderer();
  }, SLOW.timeout);

  test.each<[string, Card]>([
    ['a short paper title', paperCard('Attention Is All You Need')],
    ['a 300-character title', paperCard(LONG_TITLE)],
    ['a 2,000-character title', paperCard(LONG_TITLE.repeat(7), { byline: 'A'.repeat(300), topics: ['x'.repeat(200)] })],
    ['a CJK, emoji and math title', paperCard(CJK_EMOJI_TITLE, { topics: ['大规模语言模型', '🚀 Rockets'] })],
    ['scripts and emoji no card font has (Thai, Arabic, Unicode 16 emoji)', paperCard('ภาษาไทย العربية 한국어 \u{1fae9}', { topics: [] })],
    ['a topic', { kind: 'topic', site, name: 'Parameter-efficient fine-tuning', description: 'Adapters, LoRA, prefix and prompt tuning.', papers: 48 }],
    ['the site', { kind: 'site', site, description: 'A searchable, offline-capable catalog of research papers.' }],
  ])('%s: a 1200×630 PNG with nothing drawn outside the margins', async (_name, card) => {
    await renderer.svg(card, (node) => {
      expect(node.left + node.width).toBeLessThanOrEqual(CARD_WIDTH);
      expect(node.top + node.height).toBeLessThanOrEqual(CARD_HEIGHT);
    });
    const png = await renderer.png(card);
    const { width, height } = decodePng(png);
    expect([width, height]).toEqual([CARD_WIDTH, CARD_HEIGHT]);
    expect(paintedOutsideMargins(png).slice(0, 5)).toEqual([]);
  });

  test('the margins check would catch text drawn into the margin', async () => {
    const png = await renderer.png({ kind: 'paper', site, title: 'x', upvotes: 0, topics: [] });
    const { rgb } = decodePng(png);
    // Paint one dark pixel in the right margin of an otherwise clean card and re-encode it.
    const { encodeOpaquePng } = await import('../../src/cards/png.ts');
    const rgba = new Uint8Array(CARD_WIDTH * CARD_HEIGHT * 4);
    for (let i = 0; i < CARD_WIDTH * CARD_HEIGHT; i += 1) rgba.set([rgb[i * 3]!, rgb[i * 3 + 1]!, rgb[i * 3 + 2]!, 255], i * 4);
    rgba.set([0, 0, 0, 255], (300 * CARD_WIDTH + CARD_WIDTH - 10) * 4);
    expect(paintedOutsideMargins(encodeOpaquePng(rgba, CARD_WIDTH, CARD_HEIGHT))).toEqual([`${CARD_WIDTH - 10},300`]);
  });
});

describe('fonts for characters Inter lacks', SLOW, () => {
  test('CJK comes from the Noto Sans SC slices that hold it (once), emoji from Twemoji, other scripts from nothing', async () => {
    const fonts = await loadCardFonts([400, 700]);
    const cjk = await fonts.loadAdditionalAsset('zh-CN', '注意力');
    expect(Array.isArray(cjk) && cjk.length).toBeGreaterThan(0);
    expect(new Set((cjk as { weight?: number }[]).map((f) => f.weight))).toEqual(new Set([400, 700]));
    expect(await fonts.loadAdditionalAsset('zh-CN', '注意力')).toEqual([]);
    expect(await fonts.loadAdditionalAsset('emoji', '😀')).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(await fonts.loadAdditionalAsset('emoji', '\u{1fae9}\u{1fae9}')).toBe('');
    expect(await fonts.loadAdditionalAsset('unknown', 'ქართული')).toEqual([]);
  });

  test('widths come from the font that draws each character', async () => {
    const fonts = await loadCardFonts([400]);
    const measure = fonts.measurer({ weight: 400 });
    expect(measure('iiii')).toBeLessThan(measure('MMMM'));
    expect(measure('注意')).toBeCloseTo(2, 5);
    expect(measure('😀')).toBe(1);
    expect(measure('ภ')).toBe(1);
    expect(measure('ab')).toBeCloseTo(measure('a') + measure('b'), 10);
    expect(fonts.measurer({ weight: 400, letterSpacing: 0.1 })('ab')).toBeCloseTo(measure('ab') + 0.2, 10);
  });
});

describe('the build step', SLOW, () => {
  const out = join(work, 'dist');
  const cache = join(work, 'cache');
  const env = { PAPERSHELF_CARD_CACHE: cache };

  /** The papers of the site's papers.json, which Astro writes and the card step reads. */
  const papers = new Map<string, CatalogFilePaper>();
  const writePaper = (slug: string, title: string, extra: Partial<CatalogFilePaper> = {}) =>
    papers.set(slug, { slug, title, published: null, authors: null, authorNames: null, organisation: null, arxiv: null, upvotes: 5, topics: ['moe'], listings: ['l'], ...extra });

  /** The step on a site that Astro has built, whose papers.json lists the papers and names its address. */
  async function build(extraEnv: NodeJS.ProcessEnv = {}): Promise<string> {
    mkdirSync(out, { recursive: true });
    const catalog: CatalogFile = { url: 'https://example.github.io/papershelf/', topics: {}, listings: {}, papers: [...papers.values()] };
    writeFileSync(join(out, 'papers.json'), JSON.stringify(catalog));
    return buildSiteCards(out, () => {}, { ...env, ...extraEnv });
  }

  const cacheFiles = () => readdirSync(cache).sort();
  const built = (path: string) => statSync(join(out, path));

  beforeAll(() => {
    mkdirSync(content, { recursive: true });
    writeFileSync(join(content, 'topics.yaml'), '- id: moe\n  name: Mixture of experts\n  description: Sparse expert layers and routing.\n  terms: [mixture of experts]\n');
    writePaper('alpha', 'Alpha: sparse experts');
    writePaper('beta', 'Beta: 注意力 and 😀', { topics: [] });
  });

  test('a first build draws every card into the output and the cache', async () => {
    expect(await build()).toMatch(/^4 rendered, 0 from cache \(/);
    const cards = ['og/papers/alpha.png', 'og/papers/beta.png', 'og/topics/moe.png', 'og/site.png'];
    for (const path of cards) expect(built(path).size).toBeGreaterThan(1000);
    expect(cacheFiles()).toHaveLength(4);
    // The service-worker step names each card by the cache file it was copied from (src/build/output-id.ts).
    const record = takeCardRecord(out);
    expect([...record.keys()].sort()).toEqual(cards.sort());
    expect([...record.values()].map((key) => `${key}.png`).sort()).toEqual(cacheFiles());
    // Linked, not copied: the output's card is the cache file itself (both live in one temporary folder).
    for (const [path, key] of record) expect(built(path).ino).toBe(statSync(join(cache, `${key}.png`)).ino);
  });

  test('a rebuild with nothing changed draws nothing and puts the same files in place', async () => {
    const before = readFileSync(join(out, 'og/papers/alpha.png'));
    rmSync(out, { recursive: true });
    expect(await build()).toMatch(/^0 rendered, 4 from cache \(/);
    expect(readFileSync(join(out, 'og/papers/alpha.png'))).toEqual(before);
  });

  test('a cache kept from before the step read papers.json loses the memo of paper files it kept then', async () => {
    writeFileSync(join(cache, 'papers.json'), '{"version":"old","papers":{}}');
    expect(await build()).toMatch(/^0 rendered, 4 from cache \(/);
    expect(cacheFiles()).not.toContain('papers.json');
  });

  test('changing a paper redraws only its card and prunes the old image', async () => {
    const old = cacheFiles();
    writePaper('beta', 'Beta: 注意力 and 😀', { topics: [], upvotes: 99 });
    expect(await build()).toMatch(/^1 rendered, 3 from cache \(/);
    expect(cacheFiles()).toHaveLength(4);
    expect(cacheFiles().filter((f) => !old.includes(f))).toHaveLength(1);
  });

  test('adding a paper without topics draws one card', async () => {
    writePaper('gamma', 'Gamma', { topics: [] });
    expect(await build()).toMatch(/^1 rendered, 4 from cache \(/);
    expect(built('og/papers/gamma.png').isFile()).toBe(true);
  });

  test('adding a paper with a topic draws its card and the topic card, whose count changed', async () => {
    writePaper('delta', 'Delta', { topics: ['moe'] });
    expect(await build()).toMatch(/^2 rendered, 4 from cache \(/);
    expect(cacheFiles()).toHaveLength(6);
  });

  test('PAPERSHELF_SKIP_CARDS=1 skips the cards', async () => {
    rmSync(out, { recursive: true });
    expect(await build({ PAPERSHELF_SKIP_CARDS: '1' })).toMatch(/^skipped/);
    expect(() => built('og/site.png')).toThrow();
  });
});
