/**
 * `content/identifiers.yaml`: identifiers an editor (or `npm run resolve`) knows for papers, keyed by
 * slug. They always win over what listings and abstracts say, and a slug named here is the slug of
 * the paper with that arXiv id, whatever its titles, so the file also pins URLs.
 *
 * ```yaml
 * mistral-7b:
 *   arxiv: 2310.06825
 *   doi: 10.48550/arXiv.2310.06825
 *   code: https://github.com/mistralai/mistral-src
 * ```
 */
import { type Document, LineCounter, Scalar, isMap, isScalar, parseDocument } from 'yaml';
import { parseArxivId, parseCodeUrl, parseDoi } from './identifiers.ts';
import type { Finding } from './parse-listing.ts';
import { isSafeSlug } from './slug.ts';

export interface IdentifierPin {
  slug: string;
  /** 1-based line of the slug in the sidecar, for the report. */
  line: number;
  arxiv?: string;
  doi?: string;
  code?: string;
}

export interface IdentifierSidecar {
  pins: IdentifierPin[];
  /** Entries or fields that could not be read; they are left out, never fatal. */
  warnings: Finding[];
}

const FIELDS = { arxiv: (v: string) => parseArxivId(v)?.id ?? null, doi: parseDoi, code: parseCodeUrl } as const;
type Field = keyof typeof FIELDS;

/** Reads the sidecar's text. A file that is not YAML at all is one warning, and no pins. */
export function parseIdentifierSidecar(file: string, text: string): IdentifierSidecar {
  const lines = new LineCounter();
  // Every value as written: the core schema would read `2310.10000` as the number 2310.1.
  const doc = parseDocument(text, { lineCounter: lines, schema: 'failsafe' });
  const warnings: Finding[] = [];
  const warn = (offset: number | undefined, reason: string, shown = '') => warnings.push({ file, line: offset === undefined ? 1 : lines.linePos(offset).line, reason, text: shown });
  if (doc.errors.length > 0) {
    warn(doc.errors[0]!.pos[0], `not valid YAML (${doc.errors[0]!.message.split('\n')[0]}): no identifiers read from it`);
    return { pins: [], warnings };
  }
  if (doc.contents === null) return { pins: [], warnings };
  if (!isMap(doc.contents)) {
    warn(0, 'must map slugs to identifiers ("slug:" then "arxiv: 2310.06825"): no identifiers read from it');
    return { pins: [], warnings };
  }
  const pins: IdentifierPin[] = [];
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const offset = isScalar(pair.key) ? pair.key.range?.[0] : undefined;
    if (!isSafeSlug(key)) {
      warn(offset, `"${key}" is not a paper slug: entry left out`);
      continue;
    }
    const pin: IdentifierPin = { slug: key, line: offset === undefined ? 1 : lines.linePos(offset).line };
    if (!isMap(pair.value)) {
      warn(offset, `${key}: must hold arxiv, doi or code: entry left out`);
      continue;
    }
    for (const field of pair.value.items) {
      const name = isScalar(field.key) ? String(field.key.value) : '';
      const raw = isScalar(field.value) ? String(field.value.value ?? '') : '';
      const at = isScalar(field.key) ? field.key.range?.[0] : offset;
      if (!(name in FIELDS)) {
        warn(at, `${key}: unknown field "${name}" (arxiv, doi or code): left out`);
        continue;
      }
      const value = FIELDS[name as Field](raw);
      if (value) pin[name as Field] = value;
      else warn(at, `${key}: "${raw}" is not a valid ${name}: left out`, raw);
    }
    pins.push(pin);
  }
  return { pins, warnings };
}

/**
 * The sidecar's text with arXiv ids added for the given slugs, entries sorted by slug so the file
 * diffs cleanly. What the editor wrote (other fields, comments, spelling of values) stays as it is;
 * an id is written quoted, since YAML would read `2310.10000` as a number.
 */
export function withArxivIds(text: string, additions: readonly { slug: string; arxiv: string }[]): string {
  const parsed = parseDocument(text, { schema: 'failsafe' });
  if (parsed.errors.length > 0) throw new Error(`not valid YAML: ${parsed.errors[0]!.message.split('\n')[0]}`);
  // Widened from the parsed form, whose nodes all come from source text, so new nodes can go in.
  const doc: Document = parsed;
  doc.contents ??= doc.createNode({});
  const map = doc.contents;
  if (!isMap(map)) throw new Error('must map slugs to identifiers');
  for (const { slug, arxiv } of additions) {
    const value = new Scalar(arxiv);
    value.type = Scalar.QUOTE_DOUBLE;
    const entry = map.get(slug, true);
    if (isMap(entry)) entry.set('arxiv', value);
    else map.set(slug, doc.createNode({ arxiv: value }));
  }
  const keyOf = (key: unknown) => String(isScalar(key) ? key.value : key);
  map.items.sort((a, b) => {
    const [x, y] = [keyOf(a.key), keyOf(b.key)];
    return x < y ? -1 : x > y ? 1 : 0;
  });
  return doc.toString({ lineWidth: 0 });
}
