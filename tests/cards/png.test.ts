import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeOpaquePng } from '../../src/cards/png.ts';
import { decodePng } from './decode-png.ts';

/** RGBA pixels from a list of colours, alpha random (it must be ignored). */
function image(width: number, height: number, colors: number[], picks: number[], alphas: number[]): Uint8Array {
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i += 1) {
    const color = colors[picks[i % picks.length]! % colors.length]!;
    rgba.set([color >> 16, (color >> 8) & 0xff, color & 0xff, alphas[i % alphas.length]!], i * 4);
  }
  return rgba;
}

const rgbOf = (rgba: Uint8Array) => Buffer.from(rgba.filter((_, i) => i % 4 !== 3));

describe('encodeOpaquePng', () => {
  it('round-trips every image exactly, as a palette when it has at most 256 colours', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 0xffffff }), { minLength: 1, maxLength: 300 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 2000 }),
        fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 7 }),
        (width, height, colors, picks, alphas) => {
          const rgba = image(width, height, colors, picks, alphas);
          const decoded = decodePng(encodeOpaquePng(rgba, width, height));
          expect([decoded.width, decoded.height]).toEqual([width, height]);
          expect(decoded.rgb.equals(rgbOf(rgba))).toBe(true);
          const used = new Set(Array.from({ length: width * height }, (_, i) => (rgba[i * 4]! << 16) | (rgba[i * 4 + 1]! << 8) | rgba[i * 4 + 2]!));
          expect(decoded.colorType).toBe(used.size <= 256 ? 3 : 2);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('switches to RGB at exactly 257 colours', () => {
    const colors = Array.from({ length: 257 }, (_, i) => i * 65_000);
    const picks = colors.map((_, i) => i);
    expect(decodePng(encodeOpaquePng(image(256, 1, colors, picks, [255]), 256, 1)).colorType).toBe(3);
    expect(decodePng(encodeOpaquePng(image(257, 1, colors, picks, [255]), 257, 1)).colorType).toBe(2);
  });

  it('is deterministic', () => {
    const rgba = image(30, 20, [0xffffff, 0x112233, 0x808080], [0, 1, 2, 1, 1, 0], [255]);
    expect(encodeOpaquePng(rgba, 30, 20).equals(encodeOpaquePng(rgba, 30, 20))).toBe(true);
  });
});
