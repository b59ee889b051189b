/**
 * Decodes the cards' own PNG flavours (8-bit palette or RGB, every row filter 0, src/cards/png.ts)
 * into RGB pixels, checking every header field and the chunk order a decoder relies on.
 */
import { crc32, inflateSync } from 'node:zlib';
import { expect } from 'vitest';

export interface DecodedPng {
  width: number;
  height: number;
  /** 2 (RGB) or 3 (palette). */
  colorType: number;
  rgb: Buffer;
}

export function decodePng(png: Buffer): DecodedPng {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let offset = 8;
  let width = 0;
  let height = 0;
  let colorType = 0;
  let palette: Buffer | undefined;
  const types: string[] = [];
  const data: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    expect(png.readUInt32BE(offset + 8 + length), `CRC of ${type}`).toBe(crc32(png.subarray(offset + 4, offset + 8 + length)));
    types.push(type);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      colorType = body[9]!;
      expect([body[8], body[10], body[11], body[12]]).toEqual([8, 0, 0, 0]);
      expect([2, 3]).toContain(colorType);
    }
    if (type === 'PLTE') palette = Buffer.from(body);
    if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  expect(types.filter((t) => t !== 'IDAT')).toEqual(colorType === 3 ? ['IHDR', 'PLTE', 'IEND'] : ['IHDR', 'IEND']);
  const raw = inflateSync(Buffer.concat(data));
  const bytesPerPixel = colorType === 3 ? 1 : 3;
  const stride = width * bytesPerPixel + 1;
  expect(raw.length).toBe(stride * height);
  const rgb = Buffer.alloc(width * height * 3);
  let largestIndex = 0;
  for (let y = 0; y < height; y += 1) {
    expect(raw[y * stride]).toBe(0);
    const row = raw.subarray(y * stride + 1, (y + 1) * stride);
    if (colorType === 2) row.copy(rgb, y * width * 3);
    else {
      for (let x = 0; x < width; x += 1) {
        const index = row[x]!;
        largestIndex = Math.max(largestIndex, index);
        rgb[(y * width + x) * 3] = palette![index * 3]!;
        rgb[(y * width + x) * 3 + 1] = palette![index * 3 + 1]!;
        rgb[(y * width + x) * 3 + 2] = palette![index * 3 + 2]!;
      }
    }
  }
  if (colorType === 3) expect(largestIndex * 3 + 3).toBeLessThanOrEqual(palette!.length);
  return { width, height, colorType, rgb };
}
