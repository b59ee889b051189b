import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { libraryHash } from '../build/source-digest.ts';
import { parseGeneratedPaperFile } from '../lib/paper-file.ts';
import { paperSchema } from '../lib/paper.ts';
import { renderAbstract } from '../lib/render-abstract.ts';

/**
 * Loads the generated paper files. Each body is rendered to HTML once and kept in Astro's data store
 * with a digest of the file and of the code that rendered it (src/lib, the lockfile, this loader and
 * content.config.ts), so a rebuild re-renders only papers whose file changed, or all of them after
 * that code changed, and no paper becomes a compiled MDX module. Hand-written notes stay real MDX in their own collection; a
 * hand-written file left among the papers is skipped with a warning, as ingest leaves it alone too.
 */
export function paperLoader(options: { base: string }): Loader {
  return {
    name: 'papershelf-papers',
    schema: paperSchema,
    async load({ store, parseData, generateDigest, logger, config }) {
      // File paths, not URL paths: a project folder with a space or an accent is %-encoded in a URL.
      const dir = fileURLToPath(new URL(options.base, config.root));
      const root = fileURLToPath(config.root);
      const names = (existsSync(dir) ? readdirSync(dir) : []).filter((n) => n.endsWith('.mdx')).sort();
      // The schema's wiring counts too: paper pages are reused while their entries' digests stand.
      const files = [import.meta.url, new URL('../content.config.ts', import.meta.url)].map((url) => fileURLToPath(url));
      const code = libraryHash(files).digest('base64url');
      const seen = new Set<string>();
      let rendered = 0;
      for (const name of names) {
        const id = name.slice(0, -'.mdx'.length);
        const path = join(dir, name);
        const filePath = relative(root, path);
        // Synchronous: 20,000 awaited reads one after another leave the process mostly idle.
        const text = readFileSync(path, 'utf8');
        const digest = generateDigest(`${code}\0${text}`);
        // An unchanged file was checked when it was stored; parsing its front matter again is most of a warm load.
        if (store.get(id)?.digest === digest) {
          seen.add(id);
          continue;
        }
        const file = parseGeneratedPaperFile(text);
        if (!file) {
          logger.warn(`${filePath} was not written by ingest: skipped (hand-written notes belong in the notes folder)`);
          continue;
        }
        seen.add(id);
        const { data, body } = file;
        const parsed = await parseData({ id, data: data as Record<string, unknown>, filePath });
        store.set({ id, data: parsed, body, filePath, digest, rendered: { html: renderAbstract(body, filePath) } });
        rendered += 1;
      }
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
      logger.info(`${seen.size} papers, ${rendered} rendered, ${seen.size - rendered} from cache`);
    },
  };
}
