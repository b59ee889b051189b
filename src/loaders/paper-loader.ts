import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Loader } from 'astro/loaders';
import { parsePaperFile } from '../lib/paper-file.ts';
import { paperSchema } from '../lib/paper.ts';
import { renderAbstract } from '../lib/render-abstract.ts';

/**
 * Loads the generated paper files. Each body is rendered to HTML once and kept in Astro's data store
 * with a digest of the file, so a rebuild re-renders only papers whose file changed, and no paper
 * becomes a compiled MDX module. Hand-written notes stay real MDX in their own collection.
 */
export function paperLoader(options: { base: string }): Loader {
  return {
    name: 'papershelf-papers',
    schema: paperSchema,
    async load({ store, parseData, generateDigest, logger, config }) {
      const dir = new URL(options.base, config.root);
      const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.mdx')).sort();
      const seen = new Set<string>();
      let rendered = 0;
      for (const name of names) {
        const id = name.slice(0, -'.mdx'.length);
        const path = join(dir.pathname, name);
        const text = await readFile(path, 'utf8');
        const digest = generateDigest(text);
        seen.add(id);
        if (store.get(id)?.digest === digest) continue;
        const { data, body } = parsePaperFile(text);
        const filePath = relative(config.root.pathname, path);
        const parsed = await parseData({ id, data: data as Record<string, unknown>, filePath });
        store.set({ id, data: parsed, body, filePath, digest, rendered: { html: renderAbstract(body, filePath) } });
        rendered += 1;
      }
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
      logger.info(`${names.length} papers, ${rendered} rendered, ${names.length - rendered} from cache`);
    },
  };
}
