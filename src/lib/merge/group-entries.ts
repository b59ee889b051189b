/**
 * Which entries are one paper. The arXiv id decides first: entries with the same id are one paper
 * whatever their titles (a title revised between listings), and entries with different ids are
 * different papers even under one title. Entries without an id join by normalised title: with each
 * other, and with the one paper that has an id and carries that title. A title that papers with
 * several ids carry stays apart from all of them: nothing says which one it is.
 */

export interface Groupable {
  key: string;
  arxiv?: string | undefined;
}

export interface Grouping {
  /** Entry indexes of each paper, in input order; papers in the order of their first entry. */
  groups: number[][];
  /** Title keys an id-less entry could not be placed by, with the ids that carry them. */
  ambiguous: { key: string; entries: number[]; arxiv: string[] }[];
}

/** A union-find over entry indexes. */
function disjointSets(size: number) {
  const parent = Array.from({ length: size }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  // The smaller index becomes the root, so a group is named by its first entry.
  const union = (a: number, b: number) => {
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  return { find, union };
}

export function groupEntries(entries: readonly Groupable[]): Grouping {
  const sets = disjointSets(entries.length);
  const firstWithId = new Map<string, number>();
  const firstWithoutId = new Map<string, number>();
  /** Title key → the ids that entries with that title carry. */
  const idsByKey = new Map<string, Set<string>>();
  entries.forEach((entry, i) => {
    if (entry.arxiv) {
      const first = firstWithId.get(entry.arxiv);
      if (first === undefined) firstWithId.set(entry.arxiv, i);
      else sets.union(first, i);
      const ids = idsByKey.get(entry.key) ?? new Set();
      idsByKey.set(entry.key, ids.add(entry.arxiv));
    } else {
      const first = firstWithoutId.get(entry.key);
      if (first === undefined) firstWithoutId.set(entry.key, i);
      else sets.union(first, i);
    }
  });
  const ambiguous: Grouping['ambiguous'] = [];
  for (const [key, first] of firstWithoutId) {
    const ids = [...(idsByKey.get(key) ?? [])];
    if (ids.length === 1) sets.union(first, firstWithId.get(ids[0]!)!);
    else if (ids.length > 1) {
      const members = entries.flatMap((e, i) => (!e.arxiv && e.key === key ? [i] : []));
      ambiguous.push({ key, entries: members, arxiv: ids.sort() });
    }
  }
  const byRoot = new Map<number, number[]>();
  entries.forEach((_, i) => {
    const root = sets.find(i);
    const group = byRoot.get(root);
    if (group) group.push(i);
    else byRoot.set(root, [i]);
  });
  return { groups: [...byRoot.values()].sort((a, b) => a[0]! - b[0]!), ambiguous };
}
