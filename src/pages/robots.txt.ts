/** robots.txt: everything may be crawled; the sitemap lists every page. */
import type { APIRoute } from 'astro';
import { absoluteUrl, routes } from '../lib/site/urls.ts';

export const GET: APIRoute = ({ site = new URL('http://localhost') }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(routes.sitemap(), site)}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
