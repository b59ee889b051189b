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

  it('moves an edge pixel by at most half a step of a ramp it lies on', () => {
    // Ramps cross (the paper–raised ramp runs close to rule–raised), so the step taken may be the
    // other ramp's: the pixel must lie on the ramp whose step it moved by.
    const squared = (p: number, a: number, b: number) => {
      const [c, x, y] = [channels(p), channels(a), channels(b)];
      const d = y.map((v, i) => v - x[i]!);
      const length = d.reduce((sum, v) => sum + v * v, 0);
      const t = length === 0 ? 0 : Math.min(1, Math.max(0, d.reduce((sum, v, i) => sum + v * (c[i]! - x[i]!), 0) / length));
      return c.reduce((sum, v, i) => sum + (v - x[i]! - d[i]! * t) ** 2, 0);
    };
    fc.assert(
      fc.property(base, base, fc.double({ min: 0, max: 1, noNaN: true }), (a, b, t) => {
        const pixel = blend(a, b, t);
        const moved = distance(snapColor(pixel), pixel);
        const onARamp = DESIGN_COLORS.some((c) => DESIGN_COLORS.some((d) => squared(pixel, c, d) <= 27 && moved <= Math.ceil(distance(c, d) / STEPS / 2) + 1));
        expect(onARamp).toBe(true);
      }),
      { numRuns: 2000 },
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
