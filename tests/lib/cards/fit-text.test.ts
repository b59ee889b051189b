import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ELLIPSIS, ellipsize, type FitOptions, fitText, graphemes, splitWords, wrapText } from '../../../src/lib/cards/fit-text.ts';

/** A stand-in for font metrics: Latin 0.5 em, space 0.25 em, CJK and emoji 1 em. */
const measure = (text: string) => graphemes(text).reduce((sum, g) => sum + (g === ' ' ? 0.25 : /[\p{Script=Han}\p{Script=Hiragana}\p{Extended_Pictographic}]/u.test(g) ? 1 : 0.5), 0);

const TITLE_BOX: FitOptions = { width: 1040, height: 280, maxFontSize: 68, minFontSize: 34, lineHeight: 1.15, maxLines: 6, balance: true };

const LONG_TITLE =
  'Towards a Unified Theory of Scaling Laws for Mixture-of-Experts Language Models: An Empirical Study of Routing, Load Balancing, Expert Capacity, and Parameter-Efficient Fine-Tuning Across Twelve Benchmarks, Three Modalities, and Seven Orders of Magnitude of Compute, with Implications for Deployment at Scale';

function expectInBox(fitted: ReturnType<typeof fitText>, options: FitOptions) {
  expect(fitted.fontSize).toBeGreaterThanOrEqual(options.minFontSize);
  expect(fitted.fontSize).toBeLessThanOrEqual(options.maxFontSize);
  expect(fitted.lines.length).toBeLessThanOrEqual(options.maxLines ?? Infinity);
  expect(fitted.lines.length * fitted.lineHeight).toBeLessThanOrEqual(options.height);
  for (const line of fitted.lines) expect(measure(line) * fitted.fontSize).toBeLessThanOrEqual(options.width);
}

describe('splitWords', () => {
  test('Latin text breaks at spaces only, keeping hyphenated compounds whole', () => {
    expect(splitWords('  State-of-the-art   models\tfor  and/or ').map((w) => w.text)).toEqual(['State-of-the-art', 'models', 'for', 'and/or']);
  });

  test('CJK text may break between any two characters, but not before closing punctuation', () => {
    expect(splitWords('注意力。就是').map((w) => w.text)).toEqual(['注', '意', '力。', '就', '是']);
    expect(splitWords('LLM的「上下文」').map((w) => w.text)).toEqual(['LLM', '的', '「上', '下', '文」']);
  });

  test('an emoji ZWJ sequence is one grapheme and never split', () => {
    expect(splitWords('family 👨‍👩‍👧 time').map((w) => w.text)).toEqual(['family', '👨‍👩‍👧', 'time']);
  });
});

describe('wrapText', () => {
  test('fills lines greedily without exceeding the width', () => {
    expect(wrapText('one two three four', 4.5, measure)).toEqual(['one two', 'three', 'four']);
  });

  test('a word wider than a line breaks after a hyphen before it breaks between letters', () => {
    expect(wrapText('mixture-of-experts', 4.5, measure)).toEqual(['mixture-', 'of-', 'experts']);
    expect(wrapText('abcdefghijkl', 3, measure)).toEqual(['abcdef', 'ghijkl']);
  });
});

describe('ellipsize', () => {
  test('leaves text that fits alone', () => {
    expect(ellipsize('short', 10, measure)).toBe('short');
  });

  test('cuts at a word boundary and adds an ellipsis, within the width', () => {
    expect(ellipsize('Reasoning, logic and program synthesis', 9, measure)).toBe(`Reasoning, logic${ELLIPSIS}`);
    expect(measure(`Reasoning, logic${ELLIPSIS}`)).toBeLessThanOrEqual(9);
  });

  test('drops punctuation left dangling before the ellipsis', () => {
    expect(ellipsize('Reasoning, logic and program synthesis', 6.5, measure)).toBe(`Reasoning${ELLIPSIS}`);
  });

  test('cuts inside a word when the boundary would waste most of the line', () => {
    expect(ellipsize('a supercalifragilistic', 6, measure)).toBe(`a supercali${ELLIPSIS}`);
  });
});

describe('fitText', () => {
  test('a short title gets the largest size on one line', () => {
    expect(fitText('Attention Is All You Need', TITLE_BOX, measure)).toEqual({ lines: ['Attention Is All You Need'], fontSize: 68, lineHeight: 68 * 1.15, truncated: false });
  });

  test('a long title shrinks until it fits, without truncation while the minimum size allows', () => {
    const fitted = fitText(LONG_TITLE.slice(0, 200), TITLE_BOX, measure);
    expect(fitted.truncated).toBe(false);
    expect(fitted.fontSize).toBeLessThan(68);
    expect(fitted.lines.join(' ')).toBe(LONG_TITLE.slice(0, 200));
    expectInBox(fitted, TITLE_BOX);
  });

  test('a 300-character title stays inside the box', () => {
    const title = LONG_TITLE.slice(0, 300);
    expect(title).toHaveLength(300);
    const fitted = fitText(title, TITLE_BOX, measure);
    expectInBox(fitted, TITLE_BOX);
    expect(fitted.lines.join(' ').replace(ELLIPSIS, '')).toBe(title.slice(0, fitted.lines.join(' ').replace(ELLIPSIS, '').length));
  });

  test('text too long for the smallest size is clamped to the last line with an ellipsis', () => {
    const text = Array.from({ length: 400 }, (_, i) => `word${i}`).join(' ');
    const fitted = fitText(text, TITLE_BOX, measure);
    expect(fitted.truncated).toBe(true);
    expect(fitted.fontSize).toBe(34);
    expect(fitted.lines).toHaveLength(6);
    expect(fitted.lines.at(-1)!.endsWith(ELLIPSIS)).toBe(true);
    expectInBox(fitted, TITLE_BOX);
  });

  test('balancing evens out the lines without adding one or splitting a word', () => {
    const options = { ...TITLE_BOX, maxFontSize: 40, minFontSize: 40 };
    const text = 'Transformers learn in-context by gradient descent and other remarkable things';
    const greedy = fitText(text, { ...options, balance: false }, measure);
    const balanced = fitText(text, options, measure);
    expect(balanced.lines).toHaveLength(greedy.lines.length);
    expect(balanced.lines.join(' ')).toBe(text);
    const spread = (lines: string[]) => Math.max(...lines.map(measure)) - Math.min(...lines.map(measure));
    expect(spread(balanced.lines)).toBeLessThan(spread(greedy.lines));
  });

  test('CJK and emoji titles wrap between characters and stay inside the box', () => {
    const title = '注意力就是你所需要的一切：大规模语言模型的上下文学习与推理能力研究 🚀😀👨‍👩‍👧'.repeat(4);
    const fitted = fitText(title, TITLE_BOX, measure);
    expectInBox(fitted, TITLE_BOX);
    expect(fitted.lines.length).toBeGreaterThan(1);
  });

  test('any text at all fits the box (property)', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 600 }),
      fc.array(fc.constantFrom('LoRA', 'mixture-of-experts', '注意力', '😀', '👨‍👩‍👧', 'supercalifragilisticexpialidocious', ' ', '—', '。'), { maxLength: 200 }).map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(text, (t) => {
        const fitted = fitText(t, TITLE_BOX, measure);
        expectInBox(fitted, TITLE_BOX);
      }),
      { numRuns: 200 },
    );
  }, 30_000);
});
