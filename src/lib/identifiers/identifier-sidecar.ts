/**
 * `content/identifiers.yaml`: identifiers an editor (or `npm run resolve`, or the seed import) knows
 * for papers, keyed by slug, with what an arXiv id brings: the author names, the primary category
 * and the first version's day. They always win over what listings and abstracts say, and a slug
 * named here is the slug of the paper with that arXiv id, whatever its titles, so the file also pins URLs.
 *
 * ```yaml
 * mistral-7b:
 *   arxiv: "2310.06825"
 *   doi: 10.48550/arXiv.2310.06825
 *   code: https://github.com/mistralai/mistral-src
 *   category: cs.CL
 *   submitted: "2023-10-10"
 *   authors:
 *     - "Albert Q. Jiang"
 *     - "Alexandre Sablayrolles"
 * ```
 */
import { type Document, LineCounter, Scalar, YAMLMap, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { isIsoDate } from '../listing/dates.ts';
import { parseArxivId, parseCodeUrl, parseDoi } from './identifiers.ts';
import { parseArxivCategory } from './arxiv-category.ts';
import type { Finding } from '../listing/index.ts';
import { isSafeSlug } from '../merge/slug.ts';

export interface IdentifierPin {
  slug: string;
  /** 1-based line of the slug in the sidecar, for the report. */
  line: number;
  arxiv?: string;
  doi?: string;
  code?: string;
  /** arXiv's primary category of the paper (`cs.LG`). */
  category?: string;
  /** The day of the paper's first arXiv version. */
  submitted?: string;
  /** The authors in the paper's order: they win over a listing's names. */
  authors?: string[];
}

export interface IdentifierSidecar {
  pins: IdentifierPin[];
  /** Entries or fields that could not be read; they are left out, never fatal. */
  warnings: Finding[];
}

const FIELDS = {
  arxiv: (v: string) => parseArxivId(v)?.id ?? null,
  doi: parseDoi,
  code: parseCodeUrl,
  category: parseArxivCategory,
  submitted: (v: string) => (isIsoDate(v.trim()) ? v.trim() : null),
} as const;
type Field = keyof typeof FIELDS;
const FIELD_NAMES = [...Object.keys(FIELDS), 'authors'].join(', ');

/** A name as stored: spacing folded, as arXiv's own hard-wrapped names need. */
export const authorName = (name: string) => name.replace(/\s+/g, ' ').trim();

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
      warn(offset, `${key}: must hold ${FIELD_NAMES}: entry left out`);
      continue;
    }
    for (const field of pair.value.items) {
      const name = isScalar(field.key) ? String(field.key.value) : '';
      const at = isScalar(field.key) ? field.key.range?.[0] : offset;
      if (name === 'authors') {
        const names = isSeq(field.value) ? field.value.items.map((item) => (isScalar(item) ? authorName(String(item.value ?? '')) : '')) : [];
        if (names.length > 0 && names.every(Boolean)) pin.authors = names;
        else warn(at, `${key}: authors must be a list of names, one "- Name" a line: left out`);
        continue;
      }
      const raw = isScalar(field.value) ? String(field.value.value ?? '') : '';
      if (!(name in FIELDS)) {
        warn(at, `${key}: unknown field "${name}" (${FIELD_NAMES}): left out`);
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

/** What an arXiv id brings for one paper, to be recorded under its slug. */
export interface IdentifierRecord {
  slug: string;
  arxiv: string;
  category?: string | undefined;
  submitted?: string | undefined;
  authors?: readonly string[] | undefined;
}

const quoted = (value: string) => Object.assign(new Scalar(value), { type: Scalar.QUOTE_DOUBLE });

/**
 * The sidecar's text with records added for the given slugs, entries sorted by slug so the file
 * diffs cleanly. A record sets the entry's arXiv id; its category, day and names fill in only what
 * the entry lacks, so what the editor wrote (fields, comments, spelling of values) stays as it is.
 * Ids, days and names are written quoted: YAML would read `2310.10000` as a number, a day as a
 * date, and a name such as `No` or `Null` as something else.
 */
export function withIdentifierRecords(text: string, records: readonly IdentifierRecord[]): string {
  const parsed = parseDocument(text, { schema: 'failsafe' });
  if (parsed.errors.length > 0) throw new Error(`not valid YAML: ${parsed.errors[0]!.message.split('\n')[0]}`);
  // Widened from the parsed form, whose nodes all come from source text, so new nodes can go in.
  const doc: Document = parsed;
  doc.contents ??= doc.createNode({});
  const map = doc.contents;
  if (!isMap(map)) throw new Error('must map slugs to identifiers');
  for (const record of records) {
    const existing = map.get(record.slug, true);
    const entry = isMap(existing) ? existing : new YAMLMap();
    if (!isMap(existing)) map.set(record.slug, entry);
    entry.set('arxiv', quoted(record.arxiv));
    const fill = (name: string, value: unknown) => {
      if (value !== undefined && !entry.has(name)) entry.set(name, value);
    };
    fill('category', record.category);
    fill('submitted', record.submitted && quoted(record.submitted));
    fill('authors', record.authors?.length ? doc.createNode(record.authors.map((name) => quoted(authorName(name)))) : undefined);
  }
  const keyOf = (key: unknown) => String(isScalar(key) ? key.value : key);
  map.items.sort((a, b) => {
    const [x, y] = [keyOf(a.key), keyOf(b.key)];
    return x < y ? -1 : x > y ? 1 : 0;
  });
  return doc.toString({ lineWidth: 0 });
}
