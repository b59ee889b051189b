/**
 * Snaps anti-aliased edge pixels to a few steps between the design colours they blend. A card is
 * flat colour and text, and its bytes are in the edges: resvg gives each edge pixel one of up to
 * 255 blends of its two colours, and every distinct blend is a symbol deflate has to spell out.
 * Eight steps per pair of colours look the same at full size (glyph edges of 1–2 px) and make the
 * default catalog's cards about a fifth smaller; see docs/performance.md for the sizes and images.
 * A pixel that is no blend of two design colours (an emoji, a CJK glyph on a tinted chip) is kept
 * exactly as drawn.
 */

/** A colour as 0xRRGGBB. */
export type Rgb = number;

const channels = (color: Rgb): [number, number, number] => [color >> 16, (color >> 8) & 0xff, color & 0xff];
const pack = ([r, g, b]: [number, number, number]): Rgb => (r << 16) | (g << 8) | b;

/** `from` moved a fraction `t` of the way to `to`, per channel, rounded. */
export function blend(from: Rgb, to: Rgb, t: number): Rgb {
  const a = channels(from);
  const b = channels(to);
  return pack([0, 1, 2].map((i) => Math.round(a[i]! + (b[i]! - a[i]!) * t)) as [number, number, number]);
}

/** Squared distance allowed between a pixel and the blend it is taken for (about 3 levels per channel). */
const MAX_RESIDUAL = 27;

export type Snap = (color: Rgb) => Rgb;

/**
 * The snapping of one design: a colour lying between two bases moves along the line of their
 * blends to the nearest of `steps + 1` evenly spaced ones, for the pair it lies closest to; any
 * other colour stays as drawn. A step is never moved again, so snapping twice changes nothing
 * (ramps of bases on one line, such as the mark's tints of the accent, cross one another).
 */
export function rampSnap(bases: readonly Rgb[], steps: number): Snap {
  const ends = bases.map(channels);
  const stepColors = new Set<Rgb>(bases);
  for (let i = 0; i < bases.length; i += 1) for (let j = i + 1; j < bases.length; j += 1) for (let k = 1; k < steps; k += 1) stepColors.add(blend(bases[i]!, bases[j]!, k / steps));
  const memo = new Map<Rgb, Rgb>();
  const snapOne = (color: Rgb): Rgb => {
    if (stepColors.has(color)) return color;
    const c = channels(color);
    let snapped = color;
    let best = MAX_RESIDUAL;
    for (let i = 0; i < ends.length; i += 1) {
      const a = ends[i]!;
      for (let j = i + 1; j < ends.length; j += 1) {
        const b = ends[j]!;
        const d = [b[0] - a[0], b[1] - a[1], b[2] - a[2]] as const;
        const length = d[0] ** 2 + d[1] ** 2 + d[2] ** 2;
        if (length === 0) continue;
        const t = Math.min(1, Math.max(0, (d[0] * (c[0] - a[0]) + d[1] * (c[1] - a[1]) + d[2] * (c[2] - a[2])) / length));
        const residual = (c[0] - a[0] - d[0] * t) ** 2 + (c[1] - a[1] - d[1] * t) ** 2 + (c[2] - a[2] - d[2] * t) ** 2;
        if (residual < best) {
          best = residual;
          snapped = blend(bases[i]!, bases[j]!, Math.round(t * steps) / steps);
        }
      }
    }
    return snapped;
  };
  // Cards share their colours, so a renderer works each one out once.
  return (color) => {
    let snapped = memo.get(color);
    if (snapped === undefined) {
      snapped = snapOne(color);
      memo.set(color, snapped);
    }
    return snapped;
  };
}

/** Snaps every pixel of an RGBA image in place (alpha untouched); a run of one colour (most of a card is flat) is snapped once. */
export function snapToRamps(rgba: Uint8Array, snap: Snap): Uint8Array {
  let previous = -1;
  let snapped = 0;
  for (let i = 0; i < rgba.length; i += 4) {
    const color = (rgba[i]! << 16) | (rgba[i + 1]! << 8) | rgba[i + 2]!;
    if (color !== previous) {
      previous = color;
      snapped = snap(color);
    }
    rgba[i] = snapped >> 16;
    rgba[i + 1] = (snapped >> 8) & 0xff;
    rgba[i + 2] = snapped & 0xff;
  }
  return rgba;
}
