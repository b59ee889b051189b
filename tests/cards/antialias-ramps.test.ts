import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blend, rampSnap, snapToRamps } from '../../src/cards/antialias-ramps.ts';
import { ANTIALIAS_STEPS, DESIGN_COLORS } from '../../src/cards/CardTemplate.ts';

const STEPS = ANTIALIAS_STEPS;
const base = fc.constantFrom(...DESIGN_COLORS);
const channels = (c: number) => [c >> 16, (c >> 8) & 0xff, c & 0xff];
const snapColor = rampSnap(DESIGN_COLORS, STEPS);
const distance = (a: number, b: number) => Math.max(...channels(a).map((v, i) => Math.abs(v - channels(b)[i]!)));

describe('rampSnap', () => {
  it('keeps every design colour as it is', () => {
    for (const color of DESIGN_COLORS) expect(snapColor(color)).toBe(color);
  });

  it('moves an edge pixel between two design colours to the nearest step, at most half a step of its own ramp away', () => {
    fc.assert(
      fc.property(base, base, fc.double({ min: 0, max: 1, noNaN: true }), (a, b, t) => {
        const pixel = blend(a, b, t);
        const snapped = snapColor(pixel);
        const halfStep = Math.ceil(distance(a, b) / STEPS / 2) + 1;
        expect(distance(snapped, pixel)).toBeLessThanOrEqual(halfStep);
      }),
    );
  });

  it('is idempotent: a snapped colour stays where it is', () => {
    fc.assert(
      fc.property(base, base, fc.double({ min: 0, max: 1, noNaN: true }), (a, b, t) => {
        const once = snapColor(blend(a, b, t));
        expect(snapColor(once)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps a colour that is no blend of two design colours exactly (an emoji’s red, say)', () => {
    for (const color of [0xff0000, 0x00c853, 0xffcc4d, 0x7b1fa2]) expect(snapColor(color)).toBe(color);
  });
});

describe('snapToRamps', () => {
  it('leaves alpha alone and gives each colour one snapped colour, at most the ramps’ steps in all', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(base, base, fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(255)), { minLength: 1, maxLength: 400 }), (pixels) => {
        const rgba = new Uint8Array(pixels.flatMap(([a, b, t, alpha]) => [...channels(blend(a, b, t)), alpha]));
        const before = Uint8Array.from(rgba);
        snapToRamps(rgba, snapColor);
        const colors = new Set<number>();
        for (let i = 0; i < rgba.length; i += 4) {
          expect(rgba[i + 3]).toBe(before[i + 3]);
          const color = (rgba[i]! << 16) | (rgba[i + 1]! << 8) | rgba[i + 2]!;
          expect(color).toBe(snapColor((before[i]! << 16) | (before[i + 1]! << 8) | before[i + 2]!));
          colors.add(color);
        }
        const pairs = (DESIGN_COLORS.length * (DESIGN_COLORS.length - 1)) / 2;
        expect(colors.size).toBeLessThanOrEqual(DESIGN_COLORS.length + pairs * (STEPS - 1));
      }),
      { numRuns: 50 },
    );
  });
});
