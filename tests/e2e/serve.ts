import { readFileSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import sirv from 'sirv';

export interface StaticServer {
  /** Origin plus base path, e.g. http://127.0.0.1:41234/papershelf/ */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a built site the way GitHub Pages does: only under the base path, folders by their
 * index.html, unknown paths with the site's 404.html and status 404.
 */
export async function serveDist(dir: string, base: string): Promise<StaticServer> {
  const assets = sirv(dir, { dev: true, etag: true });
  const notFound = () => {
    try {
      return readFileSync(join(dir, '404.html'));
    } catch {
      return Buffer.from('Not found');
    }
  };
  const server: Server = createServer((req, res) => {
    const send404 = () => {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(notFound());
    };
    if (!req.url?.startsWith(base)) return send404();
    req.url = `/${req.url.slice(base.length)}`;
    assets(req, res, send404);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
