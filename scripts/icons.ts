/**
 * `npx tsx scripts/icons.ts`: draws the app icon (three papers on a shelf) and writes public/icons:
 * the SVG (also the favicon) and the PNGs the web manifest and iOS ask for. The files are committed;
 * tests/scripts/icons.test.ts renders them again and fails if they are out of date.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import { APP_ICONS, APPLE_TOUCH_ICON, SVG_ICON } from '../src/lib/offline/web-manifest.ts';

export const ICONS_DIR = resolve('public/icons');

/** The site's accent blue and warm upvote colour (src/styles/global.css) on white paper. */
const INK = '#2f4fc4';
const ACCENT = '#ffb870';
const PAPER = '#ffffff';

/** The drawing on a 512 × 512 canvas, centred on it. */
const ARTWORK = `
    <rect x="136" y="152" width="64" height="232" rx="8" fill="${PAPER}"/>
    <rect x="136" y="184" width="64" height="12" fill="${INK}"/>
    <rect x="136" y="340" width="64" height="12" fill="${INK}"/>
    <rect x="212" y="112" width="72" height="272" rx="8" fill="${ACCENT}"/>
    <rect x="228" y="148" width="40" height="8" rx="4" fill="${INK}"/>
    <rect x="228" y="164" width="40" height="8" rx="4" fill="${INK}"/>
    <rect x="300" y="176" width="60" height="208" rx="8" fill="${PAPER}" transform="rotate(12 300 384)"/>
    <rect x="104" y="384" width="304" height="20" rx="6" fill="${PAPER}"/>`;

/**
 * `any` icons are a rounded tile; `maskable` ones fill the square (the platform cuts its own shape)
 * with the drawing shrunk to 80 % so all of it lies inside the safe zone, a centred circle of
 * radius 40 %.
 */
export function iconSvg(purpose: 'any' | 'maskable'): string {
  const tile = purpose === 'any' ? `<rect width="512" height="512" rx="112" fill="${INK}"/>` : `<rect width="512" height="512" fill="${INK}"/>`;
  const artwork = purpose === 'any' ? ARTWORK : `<g transform="translate(256 256) scale(0.8) translate(-256 -256)">${ARTWORK}\n  </g>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">\n  ${tile}${artwork}\n</svg>\n`;
}

function png(svg: string, size: number): Buffer {
  return Buffer.from(new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } }).render().asPng());
}

/** Every file of public/icons, by name. */
export function renderIcons(): Map<string, Buffer> {
  const files = new Map<string, Buffer>([[SVG_ICON, Buffer.from(iconSvg('any'))]]);
  for (const { file, size, purpose } of APP_ICONS) files.set(file, png(iconSvg(purpose), size));
  // iOS rounds the corners itself and shows transparency as black: give it the full-bleed tile.
  files.set(APPLE_TOUCH_ICON.file, png(iconSvg('maskable'), APPLE_TOUCH_ICON.size));
  return files;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  mkdirSync(ICONS_DIR, { recursive: true });
  for (const [name, bytes] of renderIcons()) {
    writeFileSync(join(ICONS_DIR, name), bytes);
    console.log(`icons: wrote public/icons/${name} (${bytes.length} bytes)`);
  }
}
