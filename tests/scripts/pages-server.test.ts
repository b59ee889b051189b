import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type PagesServer, servePages } from '../../scripts/pages-server.ts';

let sandbox: string;
let dir: string;
let server: PagesServer;
let origin: string;
beforeAll(async () => {
  sandbox = mkdtempSync(join(tmpdir(), 'pages-server-'));
  dir = join(sandbox, 'site');
  const files: Record<string, string> = {
    'index.html': '<h1>home</h1>',
    '404.html': '<h1>not here</h1>',
    'papers/a/index.html': '<h1>paper a</h1>',
    'about.html': '<h1>about</h1>',
    'app.js': 'console.log(1)',
    'manifest.webmanifest': '{}',
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  writeFileSync(join(sandbox, 'secret.txt'), 'secret');
  server = await servePages(dir, '/site/');
  origin = new URL(server.url).origin;
});
afterAll(async () => {
  await server.close();
  rmSync(sandbox, { recursive: true, force: true });
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${origin}${path}`, { headers, redirect: 'manual' });

test('folders answer with their index.html under the base path', async () => {
  expect(server.url).toBe(`${origin}/site/`);
  const home = await get('/site/');
  expect([home.status, await home.text()]).toEqual([200, '<h1>home</h1>']);
  expect(home.headers.get('content-type')).toBe('text/html; charset=utf-8');
  expect(home.headers.get('cache-control')).toBe('max-age=600');
  expect(await (await get('/site/papers/a/?q=x')).text()).toBe('<h1>paper a</h1>');
});

test('a folder without its slash, and the base itself, redirect permanently keeping the query', async () => {
  const paper = await get('/site/papers/a?q=x');
  expect([paper.status, paper.headers.get('location')]).toEqual([301, '/site/papers/a/?q=x']);
  const base = await get('/site');
  expect([base.status, base.headers.get('location')]).toEqual([301, '/site/']);
});

test('`/x` falls back to x.html; files keep their types', async () => {
  expect(await (await get('/site/about')).text()).toBe('<h1>about</h1>');
  expect((await get('/site/manifest.webmanifest')).headers.get('content-type')).toBe('application/manifest+json');
  expect((await get('/site/app.js')).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
});

test("unknown paths get the site's 404 page; outside the base, and escapes from the folder, a bare 404", async () => {
  const missing = await get('/site/nope/');
  expect([missing.status, await missing.text()]).toEqual([404, '<h1>not here</h1>']);
  const outside = await get('/elsewhere/');
  expect([outside.status, await outside.text()]).toEqual([404, 'Not found\n']);
  expect((await get('/site/%2e%2e/secret.txt')).status).toBe(404);
  expect((await get('/site/..%2fsecret.txt')).status).toBe(404);
});

test('ETags revalidate to 304 and text is gzipped when the client accepts it', async () => {
  const first = await get('/site/');
  const etag = first.headers.get('etag') as string;
  expect(etag).toMatch(/^"[0-9a-f]{40}"$/);
  expect((await get('/site/', { 'If-None-Match': etag })).status).toBe(304);
  // fetch() would decompress on its own; read the bytes on the wire.
  const raw = await new Promise<Buffer>((done, failed) => {
    httpGet(`${origin}/site/`, { headers: { 'Accept-Encoding': 'gzip' } }, (res) => {
      expect(res.headers['content-encoding']).toBe('gzip');
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk)).on('end', () => done(Buffer.concat(chunks)));
    }).on('error', failed);
  });
  expect(gunzipSync(raw).toString()).toBe('<h1>home</h1>');
});

test('only GET and HEAD', async () => {
  expect((await fetch(`${origin}/site/`, { method: 'POST' })).status).toBe(405);
  const head = await fetch(`${origin}/site/`, { method: 'HEAD' });
  expect([head.status, await head.text()]).toEqual([200, '']);
});
