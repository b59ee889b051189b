import type { APIRoute } from 'astro';
import { webManifest } from '../lib/offline/web-manifest.ts';
import { SITE } from '../site.config.ts';

export const GET: APIRoute = () =>
  new Response(`${JSON.stringify(webManifest({ name: SITE.title, description: SITE.description, lang: SITE.lang, base: import.meta.env.BASE_URL }), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/manifest+json' },
  });
