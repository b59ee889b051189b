/**
 * The card fonts, all from npm: Inter (every script slice Fontsource ships) and Noto Sans Math are
 * loaded up front; Noto Sans SC (CJK, ~100 slices per weight) and Twemoji images are loaded only
 * when a card needs one of their characters, once per process. Characters no font has are drawn as
 * the font's missing-glyph box; they never fail a render.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { create, type Font } from 'fontkitten';
import type { Font as SatoriFont, FontWeight } from 'satori';
import { isEmoji, twemojiName } from '../lib/cards/emoji.ts';
import { type CodeRange, type FontFace, inRanges, parseFontFaces } from '../lib/cards/font-faces.ts';
import { graphemes, type Measure } from '../lib/cards/fit-text.ts';
import type { TextStyle } from './text-kit.ts';

const require = createRequire(import.meta.url);

/** The family the template names; the Latin slice carries it, the other slices are fallbacks. */
export const PRIMARY_FAMILY = 'Inter';
/**
 * Width of what Inter and Noto Sans Math cannot draw: emoji images (satori sizes them to one em),
 * full-width CJK glyphs, and missing-glyph boxes (just under one em). Measuring them all at one em
 * never underestimates, so fitted text cannot overflow.
 */
const FALLBACK_WIDTH = 1;

async function fontsourceFaces(pkg: string, weight: number): Promise<{ dir: string; faces: FontFace[] }> {
  const css = require.resolve(`${pkg}/${weight}.css`);
  return { dir: dirname(css), faces: parseFontFaces(await readFile(css, 'utf8')).filter((face) => face.style === 'normal') };
}

interface LoadedFace {
  weight: number;
  metrics: Font;
  satori: SatoriFont;
}

async function loadFace(dir: string, face: FontFace, name: string): Promise<LoadedFace> {
  const data = await readFile(join(dir, face.woff));
  const metrics = create(data) as Font;
  return { weight: face.weight, metrics, satori: { name, data, weight: face.weight as FontWeight, style: 'normal' } };
}

/** A slice of the CJK font, loaded the first time a card uses one of its characters. */
interface LazySlice {
  name: string;
  ranges: CodeRange[];
  files: { dir: string; face: FontFace }[];
  loaded: boolean;
}

export interface CardFonts {
  /** The fonts satori starts with. Pass this same array to every render: satori caches per array. */
  fonts: SatoriFont[];
  /** satori's hook for characters none of `fonts` has: CJK slices and emoji images. */
  loadAdditionalAsset(languageCode: string, segment: string): Promise<string | SatoriFont[]>;
  measurer(style: TextStyle): Measure;
}

export async function loadCardFonts(weights: readonly number[]): Promise<CardFonts> {
  const faces: LoadedFace[] = [];
  for (const weight of weights) {
    const { dir, faces: slices } = await fontsourceFaces('@fontsource/inter', weight);
    for (const face of slices) {
      const name = inRanges(0x41, face.ranges) ? PRIMARY_FAMILY : `${PRIMARY_FAMILY} ${basename(face.woff, '.woff')}`;
      faces.push(await loadFace(dir, face, name));
    }
  }
  const math = await fontsourceFaces('@fontsource/noto-sans-math', 400);
  const mathFaces = await Promise.all(math.faces.map((face) => loadFace(math.dir, face, 'Noto Sans Math')));

  const slices = new Map<string, LazySlice>();
  for (const weight of weights) {
    const { dir, faces: cjk } = await fontsourceFaces('@fontsource/noto-sans-sc', weight);
    for (const face of cjk) {
      const id = JSON.stringify(face.ranges);
      const slice = slices.get(id) ?? { name: `Noto Sans SC ${slices.size}`, ranges: face.ranges, files: [], loaded: false };
      slice.files.push({ dir, face });
      slices.set(id, slice);
    }
  }
  const cjkSlices = [...slices.values()];
  const emojiDir = dirname(require.resolve('@twemoji/svg/package.json'));
  const emojiImages = new Map<string, string>();

  async function emojiImage(emoji: string): Promise<string> {
    const cached = emojiImages.get(emoji);
    if (cached !== undefined) return cached;
    const svg = await readFile(join(emojiDir, `${twemojiName(emoji)}.svg`)).catch(() => undefined);
    const uri = svg ? `data:image/svg+xml;base64,${svg.toString('base64')}` : '';
    emojiImages.set(emoji, uri);
    return uri;
  }

  const sliceFor = (codePoint: number) => cjkSlices.find((slice) => inRanges(codePoint, slice.ranges));

  async function loadAdditionalAsset(languageCode: string, segment: string): Promise<string | SatoriFont[]> {
    if (languageCode === 'emoji') return emojiImage(segment);
    const wanted = new Set<LazySlice>();
    for (const ch of segment) {
      const slice = sliceFor(ch.codePointAt(0)!);
      if (slice && !slice.loaded) wanted.add(slice);
    }
    // Marked before the first await: satori asks for several segments at once, and each slice must
    // be handed over only once.
    for (const slice of wanted) slice.loaded = true;
    const files = [...wanted].flatMap((slice) => slice.files.map((file) => ({ ...file, name: slice.name })));
    return Promise.all(files.map(async ({ dir, face, name }) => (await loadFace(dir, face, name)).satori));
  }

  const widthCache = new Map<string, Map<string, number>>();
  /** Advance width of one grapheme in ems, from the font satori will draw it with. */
  function graphemeWidth(grapheme: string, weight: number): number {
    if (isEmoji(grapheme)) return FALLBACK_WIDTH;
    const codePoint = grapheme.codePointAt(0)!;
    const nearest = Math.min(...faces.map((face) => Math.abs(face.weight - weight)));
    const chain = [...faces.filter((face) => Math.abs(face.weight - weight) === nearest), ...mathFaces];
    const face = chain.find((candidate) => candidate.metrics.hasGlyphForCodePoint(codePoint));
    return face ? face.metrics.glyphForCodePoint(codePoint).advanceWidth / face.metrics.unitsPerEm : FALLBACK_WIDTH;
  }

  function measurer(style: TextStyle): Measure {
    const key = `${style.weight}/${style.letterSpacing ?? 0}`;
    const widths = widthCache.get(key) ?? new Map<string, number>();
    widthCache.set(key, widths);
    return (text) => {
      let total = 0;
      for (const grapheme of graphemes(text)) {
        let width = widths.get(grapheme);
        if (width === undefined) {
          width = graphemeWidth(grapheme, style.weight) + (style.letterSpacing ?? 0);
          widths.set(grapheme, width);
        }
        total += width;
      }
      return total;
    };
  }

  return { fonts: [...faces, ...mathFaces].map((face) => face.satori), loadAdditionalAsset, measurer };
}
