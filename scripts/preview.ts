/**
 * `npm run preview -- [--port 4321] [--host 127.0.0.1]`: serves the built site (`dist/`, or
 * PAPERSHELF_OUT) exactly as GitHub Pages will (see pages-server.ts), under the base path it was
 * built for. That base is read from the build's web manifest, so a site built with
 * `BASE=/papershelf/` is previewed at /papershelf/ without repeating the variable.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { builtBase, builtSiteDir } from '../src/build/built-site.ts';
import { offlineRoutes } from '../src/lib/offline/routes.ts';
import { parseArgsOrExit } from './cli-args.ts';
import { servePages } from './pages-server.ts';

const { values } = parseArgsOrExit('preview', 'npm run preview -- [--port 4321] [--host 127.0.0.1]', {
  options: { port: { type: 'string', default: '4321' }, host: { type: 'string', default: '127.0.0.1' } },
});
const dist = builtSiteDir();
const manifest = join(dist, offlineRoutes.webManifest());
if (!existsSync(manifest)) {
  console.error(`preview: ${manifest} not found; run \`npm run build\` first`);
  process.exit(1);
}
const scope = builtBase(dist);
if (process.env.BASE && process.env.BASE !== scope) console.warn(`preview: BASE is ${process.env.BASE} but ${dist} was built for ${scope}; serving ${scope}`);
const server = await servePages(dist, scope, { port: Number(values.port), host: values.host });
console.log(`preview: serving ${dist} as GitHub Pages would at ${server.url}`);
