/**
 * The costly half of loading a paper: its front matter parsed and its abstract rendered. Pure, so
 * the loader can run it on worker threads (paper-file-worker.ts) when many files changed.
 */
import { parseGeneratedPaperFile } from '../lib/paper/paper-file.ts';
import { renderAbstract } from '../lib/paper/render-abstract.ts';

export interface PaperFileJob {
  text: string;
  /** The file's path relative to the project, for errors. */
  path: string;
}

export interface ReadPaperFile {
  data: unknown;
  html: string;
}

/** The file's data and rendered abstract; undefined when ingest did not write the file. */
export function readPaperFile({ text, path }: PaperFileJob): ReadPaperFile | undefined {
  const file = parseGeneratedPaperFile(text);
  if (!file) return undefined;
  return { data: file.data, html: renderAbstract(file.body, path) };
}
