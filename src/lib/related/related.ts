/**
 * Related papers: tf-idf cosine similarity over title and abstract, computed for the whole catalog
 * in one pass, in time that grows with the catalog rather than with its square:
 *
 * - vectors are sparse, and an inverted index lists the documents that contain each term;
 * - candidates for a document are found through its most distinctive terms only (the rarest, so
 *   the shortest postings lists; terms common across the catalog are skipped there), then ranked
 *   by their exact cosine over all shared terms;
 * - terms found in a large share of the catalog are dropped: they say little about what a paper is
 *   about and their postings lists are what would grow with n.
 */

export interface RelatedInput {
  id: string;
  title: string;
  abstract: string;
}

export interface RelatedMatch {
  id: string;
  /** Cosine similarity in (0, 1]. */
  score: number;
}

export interface RelatedOptions {
  /** Matches per document. */
  count?: number;
  /** Terms found in more than this share of documents are ignored... */
  maxDocFraction?: number;
  /** ...unless they are found in at most this many, so small catalogs keep their vocabulary. */
  maxDocFloor?: number;
  /** How many times a title word counts: titles are short and say what the paper is about. */
  titleWeight?: number;
  /** A document's highest-weighted terms used to find candidates. */
  queryTerms?: number;
  /**
   * Of those, terms found in more than this share of documents are skipped once a few have been
   * used: they add few candidates the rarer terms missed, and their postings lists are most of
   * the work on a large catalog...
   */
  maxQueryDocFraction?: number;
  /** ...unless they are found in at most this many. */
  maxQueryDocFloor?: number;
  /** Candidates ranked by exact cosine per document. */
  candidates?: number;
}

const STOPWORDS = new Set(
  `a about above after again against all also although am an and any are as at be because been before being below
  between both but by can could did do does doing done down during each either etc few for from further had has have
  having he her here hers him his how however i if in into is it its itself just let may me might more most much must
  my neither no nor not now of off on once one only or other our ours out over own per rather same she should since
  so some such than that the their theirs them themselves then there these they this those through thus to too two
  under until up upon us use used uses using very via was we well were what when where whether which while who whom
  whose why will with within without would yet you your yours paper propose proposed show shows study approach
  method methods result results new based work`.split(/\s+/),
);

/** Folds the common English plural so "network" and "networks" are one term. */
function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** Lower-cased word terms without diacritics, stopwords, bare numbers or one-letter tokens. */
export function tokenize(text: string): string[] {
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu);
  const terms: string[] = [];
  for (const word of words ?? []) {
    if (word.length < 2 || /^\d+$/.test(word) || STOPWORDS.has(word)) continue;
    terms.push(singular(word));
  }
  return terms;
}

function termCounts(doc: RelatedInput, titleWeight: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of tokenize(doc.title)) counts.set(term, (counts.get(term) ?? 0) + titleWeight);
  for (const term of tokenize(doc.abstract)) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}

interface Vector {
  terms: Int32Array;
  /** L2-normalised tf-idf weights, parallel to `terms`. */
  weights: Float64Array;
}

interface Ranked {
  index: number;
  score: number;
}

/** Keeps the best `count` entries, highest score first, lower index (earlier id) on equal scores. */
function insertTop(top: Ranked[], index: number, score: number, count: number): void {
  let at = top.length;
  while (at > 0) {
    const prev = top[at - 1]!;
    if (prev.score > score || (prev.score === score && prev.index < index)) break;
    at -= 1;
  }
  if (at >= count) return;
  top.splice(at, 0, { index, score });
  if (top.length > count) top.pop();
}

/** Query terms always used to find candidates, however common (see `maxQueryDocFraction`). */
const MIN_QUERY_TERMS = 8;

function sortById(input: readonly RelatedInput[]): RelatedInput[] {
  return [...input].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** A document's terms as ids into the catalog's vocabulary, with their weighted counts, in order of first use. */
interface TermCounts {
  ids: Int32Array;
  counts: Float64Array;
}

/**
 * tf-idf vectors over the terms worth indexing (2 ≤ df ≤ maxDf), normalised over every kept term.
 * Each document's counts are kept as two typed arrays, not a Map of strings: at 50,000 documents the
 * Maps were most of the memory the model took to build.
 */
function vectorize(docs: RelatedInput[], options: Required<RelatedOptions>): { vectors: Vector[]; vocabulary: number } {
  const vocabulary = new Map<string, number>();
  const df: number[] = [];
  const perDoc: TermCounts[] = docs.map((doc) => {
    const terms = termCounts(doc, options.titleWeight);
    const ids = new Int32Array(terms.size);
    const counts = new Float64Array(terms.size);
    let at = 0;
    for (const [term, tf] of terms) {
      let id = vocabulary.get(term);
      if (id === undefined) {
        id = df.push(0) - 1;
        vocabulary.set(term, id);
      }
      df[id]! += 1;
      ids[at] = id;
      counts[at] = tf;
      at += 1;
    }
    return { ids, counts };
  });
  const n = docs.length;
  const maxDf = Math.max(options.maxDocFloor, Math.ceil(options.maxDocFraction * n));
  // Kept terms are numbered in order of first use, document by document, as ties between equal weights are broken by it.
  const kept = new Int32Array(df.length).fill(-1);
  let keptCount = 0;
  const vectors = perDoc.map(({ ids, counts }) => {
    const terms: number[] = [];
    const weights: number[] = [];
    let norm = 0;
    for (let at = 0; at < ids.length; at += 1) {
      const id = ids[at]!;
      const f = df[id]!;
      if (f > maxDf) continue;
      const w = (1 + Math.log(counts[at]!)) * Math.log(n / f);
      norm += w * w;
      // A term no other document has adds to the norm but can never make two documents similar.
      if (f === 1 || w === 0) continue;
      if (kept[id] === -1) kept[id] = keptCount++;
      terms.push(kept[id]!);
      weights.push(w);
    }
    const length = Math.sqrt(norm);
    return { terms: Int32Array.from(terms), weights: Float64Array.from(weights, (w) => w / length) };
  });
  return { vectors, vocabulary: keptCount };
}

interface InvertedIndex {
  /** Postings of term t are at [offsets[t], offsets[t + 1]). */
  offsets: Int32Array;
  docs: Int32Array;
  weights: Float64Array;
}

/** Term → the documents that contain it and its weight there, in flat arrays (compact for large n). */
function invert(vectors: Vector[], vocabulary: number): InvertedIndex {
  const offsets = new Int32Array(vocabulary + 1);
  for (const v of vectors) for (const t of v.terms) offsets[t + 1]! += 1;
  for (let t = 0; t < vocabulary; t += 1) offsets[t + 1]! += offsets[t]!;
  const docs = new Int32Array(offsets[vocabulary]!);
  const weights = new Float64Array(offsets[vocabulary]!);
  const fill = offsets.slice(0, vocabulary);
  vectors.forEach((v, index) => {
    v.terms.forEach((t, at) => {
      docs[fill[t]!] = index;
      weights[fill[t]!] = v.weights[at]!;
      fill[t]! += 1;
    });
  });
  return { offsets, docs, weights };
}

/** Indices of a vector's `k` highest weights (ties: lower term id), its most distinctive terms. */
function strongestTerms(v: Vector, k: number): number[] {
  const order = Array.from(v.terms.keys()).sort((a, b) => v.weights[b]! - v.weights[a]! || v.terms[a]! - v.terms[b]!);
  return order.slice(0, k);
}

const DEFAULTS: Required<RelatedOptions> = {
  count: 5,
  maxDocFraction: 0.5,
  maxDocFloor: 20,
  titleWeight: 2,
  // On the default catalog these find exactly the top 5 of an exhaustive search for 99.9% of papers.
  queryTerms: 48,
  // At 20,000 papers these halve the time and keep the top 5 of 99.9% of papers unchanged.
  maxQueryDocFraction: 0.02,
  maxQueryDocFloor: 200,
  candidates: 50,
};

/** The catalog's vectors and inverted index: what finding any document's matches needs. */
export interface RelatedModel {
  ids: string[];
  vectors: Vector[];
  index: InvertedIndex;
  vocabulary: number;
  settings: Required<RelatedOptions>;
}

/** Builds the model of a whole catalog; the order of the input does not matter. */
export function relatedModel(input: readonly RelatedInput[], options: RelatedOptions = {}): RelatedModel {
  const settings = { ...DEFAULTS, ...options };
  const docs = sortById(input);
  const { vectors, vocabulary } = vectorize(docs, settings);
  return { ids: docs.map((d) => d.id), vectors, index: invert(vectors, vocabulary), vocabulary, settings };
}

/**
 * The matches of the documents at positions [from, to) of the model (in id order), as [id, matches]
 * pairs. Ranges are independent, so a catalog can be split over threads and the parts joined.
 */
export function relatedMatches(model: RelatedModel, from = 0, to = model.ids.length): [string, RelatedMatch[]][] {
  const { ids, vectors, index, settings } = model;
  const partial = new Float64Array(ids.length);
  const query = new Float64Array(model.vocabulary);
  const result: [string, RelatedMatch[]][] = [];
  const maxQueryDocs = Math.max(settings.maxQueryDocFloor, Math.ceil(settings.maxQueryDocFraction * ids.length));

  for (let self = from; self < Math.min(to, ids.length); self += 1) {
    const v = vectors[self]!;
    const touched: number[] = [];
    let used = 0;
    for (const at of strongestTerms(v, settings.queryTerms)) {
      const t = v.terms[at]!;
      const w = v.weights[at]!;
      const start = index.offsets[t]!;
      const end = index.offsets[t + 1]!;
      // A paper made only of common terms still finds candidates through its strongest few.
      if (end - start > maxQueryDocs && used >= MIN_QUERY_TERMS) continue;
      used += 1;
      for (let p = start; p < end; p += 1) {
        const other = index.docs[p]!;
        if (other === self) continue;
        if (partial[other] === 0) touched.push(other);
        partial[other]! += w * index.weights[p]!;
      }
    }
    const candidates: Ranked[] = [];
    for (const other of touched) {
      insertTop(candidates, other, partial[other]!, settings.candidates);
      partial[other] = 0;
    }

    v.terms.forEach((t, at) => {
      query[t] = v.weights[at]!;
    });
    const top: Ranked[] = [];
    for (const { index: other } of candidates) {
      const c = vectors[other]!;
      let score = 0;
      for (let at = 0; at < c.terms.length; at += 1) score += query[c.terms[at]!]! * c.weights[at]!;
      insertTop(top, other, score, settings.count);
    }
    for (const t of v.terms) query[t] = 0;

    result.push([ids[self]!, top.map(({ index: other, score }) => ({ id: ids[other]!, score: Math.min(1, score) }))]);
  }
  return result;
}

/**
 * For every document, the `count` most similar other documents (cosine > 0), best first. Equal
 * scores are ordered by id, and the result does not depend on the order of the input.
 */
export function relatedDocuments(input: readonly RelatedInput[], options: RelatedOptions = {}): Map<string, RelatedMatch[]> {
  return new Map(relatedMatches(relatedModel(input, options)));
}
