import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { ICONS_DIR, iconSvg, renderIcons } from '../../scripts/icons.ts';
import { APP_ICONS, APPLE_TOUCH_ICON } from '../../src/lib/offline/web-manifest.ts';

test('the committed icons are exactly what scripts/icons.ts draws (run it after changing the drawing)', () => {
  const rendered = renderIcons();
  expect(readdirSync(ICONS_DIR).sort()).toEqual([...rendered.keys()].sort());
  for (const [name, bytes] of rendered) expect(readFileSync(join(ICONS_DIR, name)).equals(bytes), name).toBe(true);
});

test('PNG icons have the sizes the manifest and the head tags claim', () => {
  const expected = new Map<string, number>([...APP_ICONS.map(({ file, size }) => [file, size] as const), [APPLE_TOUCH_ICON.file, APPLE_TOUCH_ICON.size]]);
  const rendered = renderIcons();
  for (const [name, size] of expected) {
    const bytes = rendered.get(name);
    if (!bytes) throw new Error(`${name} is not drawn`);
    // PNG: 8-byte signature, then the IHDR chunk with width and height as big-endian 32-bit integers.
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)], name).toEqual([size, size]);
  }
});

test('the maskable icon fills the whole square; the regular one has rounded corners', () => {
  expect(iconSvg('maskable')).toMatch(/<rect width="512" height="512" fill=/);
  expect(iconSvg('any')).toMatch(/<rect width="512" height="512" rx="112" fill=/);
});
