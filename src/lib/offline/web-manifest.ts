/**
 * The web app manifest (served as `manifest.webmanifest`), which makes the catalog installable.
 * Every URL is under the base path so a project site installs as itself, not as the whole
 * `*.github.io` origin.
 */
import { routes, withBase } from '../site/urls.ts';
import { offlineRoutes } from './routes.ts';

/**
 * The page background in light and dark mode (`--color-bg` in src/styles/global.css), so the
 * browser's title bar and the installed app's splash screen blend into the page.
 */
export const APP_COLORS = { light: '#ffffff', dark: '#0f1115' } as const;

/** Icon files in public/icons (drawn by scripts/icons.ts). */
export const APP_ICONS = [
  { file: 'icon-192.png', size: 192, purpose: 'any' },
  { file: 'icon-512.png', size: 512, purpose: 'any' },
  { file: 'icon-maskable-512.png', size: 512, purpose: 'maskable' },
] as const;
export const APPLE_TOUCH_ICON = { file: 'apple-touch-icon.png', size: 180 } as const;
export const SVG_ICON = 'icon.svg';

export interface WebManifestInput {
  name: string;
  description: string;
  lang: string;
  base: string;
}

export interface WebManifestIcon {
  src: string;
  sizes: string;
  type: string;
  purpose: 'any' | 'maskable';
}

export function webManifest({ name, description, lang, base }: WebManifestInput) {
  const icons: WebManifestIcon[] = [
    ...APP_ICONS.map(({ file, size, purpose }) => ({
      src: withBase(offlineRoutes.icon(file), base),
      sizes: `${size}x${size}`,
      type: 'image/png',
      purpose,
    })),
    { src: withBase(offlineRoutes.icon(SVG_ICON), base), sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
  ];
  const home = withBase(routes.home(), base);
  return {
    id: home,
    name,
    short_name: name,
    description,
    lang,
    dir: 'ltr',
    start_url: home,
    scope: home,
    display: 'standalone',
    theme_color: APP_COLORS.light,
    background_color: APP_COLORS.light,
    categories: ['education', 'books'],
    icons,
    shortcuts: [
      { name: 'Search papers', url: withBase(routes.search(), base) },
      { name: 'Browse topics', url: withBase(routes.topics(), base) },
    ],
  };
}
