/**
 * Serves a built site the way GitHub Pages serves a project site, for `npm run preview` and
 * `npm run audit`:
 * - only under the base path (anything else is a bare 404, as the rest of `*.github.io` would be);
 * - a folder URL answers with its index.html, a folder without its trailing slash is a 301 to it,
 *   and `/x` falls back to `x.html`;
 * - unknown paths get the site's 404.html with status 404;
 * - `Cache-Control: max-age=600`, ETags and gzip for text, like Pages' CDN.
 * Files are read per request, so a rebuild shows up without a restart.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { lookup } from 'mrmime';

export interface PagesServer {
  /** Origin plus base path, e.g. http://127.0.0.1:4321/papershelf/ */
  url: string;
  close(): Promise<void>;
}

export interface PagesServerOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
}

const COMPRESSIBLE = /^(?:text\/|application\/(?:javascript|json|manifest\+json|xml|rss\+xml|wasm)|image\/svg\+xml)/;

type Resolved = { file: string } | { redirect: string } | undefined;

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

/** Maps a path below the base to a file of the site, the way Pages does. */
function resolvePath(dir: string, path: string, search: string, pathname: string): Resolved {
  const root = normalize(dir + sep);
  const target = normalize(join(root, path));
  if (!target.startsWith(root) && `${target}${sep}` !== root) return undefined;
  if (path === '' || path.endsWith('/')) return isFile(join(target, 'index.html')) ? { file: join(target, 'index.html') } : undefined;
  if (isFile(target)) return { file: target };
  if (isFile(join(target, 'index.html'))) return { redirect: `${pathname}/${search}` };
  if (isFile(`${target}.html`)) return { file: `${target}.html` };
  return undefined;
}

function send(req: IncomingMessage, res: ServerResponse, status: number, body: Buffer, type: string): void {
  const headers: Record<string, string> = { 'Content-Type': type, 'Cache-Control': 'max-age=600', Vary: 'Accept-Encoding' };
  const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
  if (status === 200) {
    headers.ETag = etag;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers).end();
      return;
    }
  }
  let payload = body;
  if (COMPRESSIBLE.test(type) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
    payload = gzipSync(body);
    headers['Content-Encoding'] = 'gzip';
  }
  headers['Content-Length'] = String(payload.length);
  res.writeHead(status, headers).end(req.method === 'HEAD' ? undefined : payload);
}

function typeOf(file: string): string {
  const type = lookup(file) ?? 'application/octet-stream';
  return type.startsWith('text/') ? `${type}; charset=utf-8` : type;
}

export async function servePages(dir: string, base: string, { port = 0, host = '127.0.0.1' }: PagesServerOptions = {}): Promise<PagesServer> {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const notFound = (req: IncomingMessage, res: ServerResponse) => {
    const page = join(dir, '404.html');
    if (isFile(page)) send(req, res, 404, readFileSync(page), typeOf(page));
    else send(req, res, 404, Buffer.from('Not found\n'), 'text/plain; charset=utf-8');
  };
  const server: Server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://pages.invalid');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return notFound(req, res);
    }
    if (`${pathname}/` === prefix) {
      res.writeHead(301, { Location: `${prefix}${url.search}` }).end();
      return;
    }
    if (!pathname.startsWith(prefix)) return send(req, res, 404, Buffer.from('Not found\n'), 'text/plain; charset=utf-8');
    const resolved = resolvePath(dir, pathname.slice(prefix.length), url.search, url.pathname);
    if (!resolved) return notFound(req, res);
    if ('redirect' in resolved) {
      res.writeHead(301, { Location: resolved.redirect }).end();
      return;
    }
    send(req, res, 200, readFileSync(resolved.file), typeOf(resolved.file));
  });
  await new Promise<void>((listening, failed) => {
    server.once('error', failed);
    server.listen(port, host, listening);
  });
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${actual}${prefix}`,
    close: () => new Promise((closed) => server.close(() => closed())),
  };
}
