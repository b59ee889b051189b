/** The browser suites serve the fixture with the same Pages-like server as `npm run preview`. */
import { type PagesServer, servePages } from '../../scripts/pages-server.ts';

export type StaticServer = PagesServer;

export function serveDist(dir: string, base: string): Promise<StaticServer> {
  return servePages(dir, base);
}
