import { parse } from 'yaml';

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

export interface FrontMatterFile {
  /** The parsed YAML, unvalidated ({} when the file has none). */
  data: unknown;
  body: string;
}

/** Splits a Markdown/MDX file into its YAML front matter and body. Throws on malformed YAML. */
export function splitFrontMatter(text: string): FrontMatterFile {
  const match = FRONT_MATTER.exec(text);
  if (!match) return { data: {}, body: text };
  return { data: parse(match[1]!) ?? {}, body: text.slice(match[0].length) };
}
