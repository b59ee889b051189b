/**
 * Fits text of any length into a fixed box on a social card: wrap, shrink within limits, and clamp
 * with an ellipsis as a last resort. The card template renders the returned lines one per element,
 * so satori draws exactly this layout and a title can never spill past its box.
 *
 * Widths are measured in ems (the width at a font size of 1), so one measurement serves every size.
 */

/**
 * Width of a piece of text in ems, including letter spacing. It must be additive (the width of a
 * text is the sum of its graphemes' widths), which holds for card text: satori applies no kerning
 * that widens text, and the measurer adds advance widths.
 */
export type Measure = (text: string) => number;

export interface FitOptions {
  /** Width of the box in px. */
  width: number;
  /** Height of the box in px. */
  height: number;
  maxFontSize: number;
  minFontSize: number;
  /** Line height as a multiple of the font size. */
  lineHeight: number;
  /** At most this many lines, whatever the height allows. */
  maxLines?: number;
  /** Font sizes tried, from the largest down, in steps of this many px. */
  step?: number;
  /** Even out line lengths (a short last line under a long first one looks accidental). */
  balance?: boolean;
}

export interface FittedText {
  lines: string[];
  fontSize: number;
  /** Line height in px. */
  lineHeight: number;
  /** Whether text was cut and ended with an ellipsis. */
  truncated: boolean;
}

export const ELLIPSIS = '…';

const graphemeSegmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

export function graphemes(text: string): string[] {
  return Array.from(graphemeSegmenter.segment(text), (s) => s.segment);
}

/** Scripts set without spaces between words, where a line may break between any two characters. */
const WIDE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;
/** CJK punctuation that must not start a line, and brackets that must not end one. */
const NO_BREAK_BEFORE = /^[、。，．：；？！）」』】〕〉》ー・ゝゞぁぃぅぇぉっゃゅょァィゥェォッャュョ]/u;
const NO_BREAK_AFTER = /^[（「『【〔〈《]/u;
/** Inside a word too long for a line, breaks go after these first (`mixture-` / `of-experts`). */
const SOFT_BREAK = /(?<=[^-‐–—/][-‐–—/])(?=[^-‐–—/])/u;

/** A run of text that stays on one line, and whether a space separates it from the next one. */
export interface Word {
  text: string;
  spaceAfter: boolean;
}

/** Whether a line may break between two adjacent graphemes that no space separates. */
function mayBreakBetween(before: string, after: string): boolean {
  if (NO_BREAK_BEFORE.test(after) || NO_BREAK_AFTER.test(before)) return false;
  return WIDE.test(before) || WIDE.test(after);
}

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Splits text at every place a line may break (UAX #14 in spirit, for the cases titles have). */
export function splitWords(text: string): Word[] {
  const words: Word[] = [];
  let current = '';
  const end = (spaceAfter: boolean) => {
    if (current) words.push({ text: current, spaceAfter });
    current = '';
  };
  const chars = graphemes(normalise(text));
  chars.forEach((g, i) => {
    if (g === ' ') {
      end(true);
      return;
    }
    current += g;
    const next = chars[i + 1];
    if (next !== undefined && next !== ' ' && mayBreakBetween(g, next)) end(false);
  });
  end(false);
  return words;
}

/** Words with their widths, measured once and reused for every size and width tried. */
interface Measured {
  words: (Word & { width: number })[];
  space: number;
  measure: Measure;
}

function measureWords(text: string, measure: Measure): Measured {
  return { words: splitWords(text).map((word) => ({ ...word, width: measure(word.text) })), space: measure(' '), measure };
}

/** Packs units (a word's parts or graphemes) into pieces no wider than `width`. */
function pack(units: string[], width: number, measure: Measure): string[] {
  const pieces: string[] = [];
  let piece = '';
  let used = 0;
  for (const unit of units) {
    const w = measure(unit);
    if (piece && used + w > width) {
      pieces.push(piece);
      piece = '';
      used = 0;
    }
    piece += unit;
    used += w;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/** Breaks a word wider than a line: after hyphens and slashes if that is enough, else between graphemes. */
function breakWord(word: string, width: number, measure: Measure): string[] {
  const parts = word.split(SOFT_BREAK);
  const units = parts.every((part) => measure(part) <= width) ? parts : graphemes(word);
  return pack(units, width, measure);
}

/** Greedy line breaking at `width` ems: each line takes as many words as fit. */
function wrapMeasured({ words, space, measure }: Measured, width: number): Word[] {
  const lines: Word[] = [];
  let line: Word | undefined;
  let used = 0;
  for (const word of words) {
    const gap = line?.spaceAfter ? space : 0;
    if (line && used + gap + word.width <= width) {
      line = { text: line.text + (line.spaceAfter ? ' ' : '') + word.text, spaceAfter: word.spaceAfter };
      used += gap + word.width;
      continue;
    }
    if (line) lines.push(line);
    line = { text: word.text, spaceAfter: word.spaceAfter };
    used = word.width;
    if (word.width > width) {
      const pieces = breakWord(word.text, width, measure);
      for (const piece of pieces.slice(0, -1)) lines.push({ text: piece, spaceAfter: false });
      line = { text: pieces.at(-1)!, spaceAfter: word.spaceAfter };
      used = measure(line.text);
    }
  }
  if (line) lines.push(line);
  return lines;
}

export function wrapText(text: string, width: number, measure: Measure): string[] {
  return wrapMeasured(measureWords(text, measure), width).map((line) => line.text);
}

/**
 * The narrowest width that still wraps into the same number of lines, so lines come out of even
 * length. Greedy wrapping never needs more lines at a larger width, so a bisection finds it.
 */
function balancedWrap(measured: Measured, width: number, lines: Word[]): Word[] {
  // Never narrower than the widest word, or balancing would split a word that fitted whole.
  let lo = Math.min(width, Math.max(...measured.words.map((word) => word.width)));
  let hi = width;
  let best = lines;
  for (let i = 0; i < 16; i += 1) {
    const mid = (lo + hi) / 2;
    const attempt = wrapMeasured(measured, mid);
    if (attempt.length <= lines.length) {
      hi = mid;
      best = attempt;
    } else {
      lo = mid;
    }
  }
  return best;
}

/** Cuts text so that it, followed by an ellipsis, fits in `width` ems, preferring a word boundary. */
export function ellipsize(text: string, width: number, measure: Measure): string {
  if (measure(text) <= width) return text;
  const chars = graphemes(text);
  // Bisection for the longest prefix that fits: a prefix never measures less than a shorter one.
  let keep = 0;
  let over = chars.length;
  while (over - keep > 1) {
    const mid = Math.floor((keep + over) / 2);
    if (measure(chars.slice(0, mid).join('') + ELLIPSIS) <= width) keep = mid;
    else over = mid;
  }
  let cut = chars.slice(0, keep).join('');
  const space = cut.lastIndexOf(' ');
  // Back up to the last word boundary unless that throws away much of the line.
  if (space > 0 && measure(cut.slice(0, space)) >= width * 0.7) cut = cut.slice(0, space);
  return cut.replace(/[\s\p{P}]+$/u, '') + ELLIPSIS;
}

/**
 * The largest font size (from `maxFontSize` down to `minFontSize`) at which `text` wraps into the
 * box; if it fits at no size, the smallest size with as many lines as fit, the last one ellipsized.
 */
export function fitText(text: string, options: FitOptions, measure: Measure): FittedText {
  const step = options.step ?? 2;
  const measured = measureWords(text, measure);
  for (let fontSize = options.maxFontSize; ; fontSize -= step) {
    const lineHeight = fontSize * options.lineHeight;
    const maxLines = Math.max(1, Math.min(options.maxLines ?? Infinity, Math.floor(options.height / lineHeight)));
    const width = options.width / fontSize;
    const lines = wrapMeasured(measured, width);
    if (lines.length <= maxLines) {
      const fitted = options.balance && lines.length > 1 ? balancedWrap(measured, width, lines) : lines;
      return { lines: fitted.map((line) => line.text), fontSize, lineHeight, truncated: false };
    }
    if (fontSize - step < options.minFontSize) {
      const kept = lines.slice(0, maxLines - 1).map((line) => line.text);
      const rest = lines
        .slice(maxLines - 1)
        .map((line) => line.text + (line.spaceAfter ? ' ' : ''))
        .join('');
      return { lines: [...kept, ellipsize(rest.trim(), width, measure)], fontSize, lineHeight, truncated: true };
    }
  }
}
