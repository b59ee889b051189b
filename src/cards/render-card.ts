/**
 * Draws one card: template → satori (SVG, text as paths) → resvg (PNG). Fonts are loaded once per
 * renderer, and a build makes one renderer per worker thread.
 */
import { Resvg } from '@resvg/resvg-js';
import satori, { type SatoriNode } from 'satori';
import type { Card } from '../lib/cards/card-specs.ts';
import { rampSnap, snapToRamps } from './antialias-ramps.ts';
import { ANTIALIAS_STEPS, CARD_HEIGHT, CARD_WIDTH, cardTemplate, DESIGN_COLORS, FONT_WEIGHTS } from './CardTemplate.ts';
import { loadCardFonts } from './fonts.ts';
import { encodeOpaquePng } from './png.ts';
import { createTextKit } from './text-kit.ts';

export interface CardRenderer {
  svg(card: Card, onNodeDetected?: (node: SatoriNode) => void): Promise<string>;
  png(card: Card): Promise<Buffer>;
}

export async function createCardRenderer(): Promise<CardRenderer> {
  const fonts = await loadCardFonts(FONT_WEIGHTS);
  const kit = createTextKit(fonts.measurer);
  const snap = rampSnap(DESIGN_COLORS, ANTIALIAS_STEPS);
  const svg: CardRenderer['svg'] = (card, onNodeDetected) =>
    satori(cardTemplate(card, kit) as unknown as Parameters<typeof satori>[0], {
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      fonts: fonts.fonts,
      loadAdditionalAsset: fonts.loadAdditionalAsset,
      ...(onNodeDetected ? { onNodeDetected } : {}),
    });
  return {
    svg,
    async png(card) {
      // Satori already turned all text into paths, so resvg needs no fonts of its own.
      const image = new Resvg(await svg(card), { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render();
      return encodeOpaquePng(snapToRamps(image.pixels, snap), image.width, image.height);
    },
  };
}
