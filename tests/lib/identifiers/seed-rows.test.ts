import { describe, expect, it } from 'vitest';
import { type SeedPaper, type SeedReason, checkSeedRows, parseSeedTsv, renderSeedRejections } from '../../../src/lib/identifiers/seed-rows.ts';

const HEADER = 'slug\tarxiv\tauthors\tsource\tmatch\tnote';
const PAPERS: SeedPaper[] = [
  { slug: 'alpha-paper', entries: [{ published: '2024-05-28', authors: 2 }] },
  { slug: 'beta-paper', entries: [{ published: '2024-05-02', authors: 3 }] },
  { slug: 'gamma-paper', entries: [{}] },
  { slug: 'has-an-id', arxiv: '2401.00001', entries: [{ published: '2024-01-05' }] },
  // Two papers of one title, merged by ingest until an id tells them apart.
  {
    slug: 'two-in-one',
    entries: [
      { published: '2024-02-25', authors: 6 },
      { published: '2024-08-15', authors: 5 },
    ],
  },
];

/** One row's TSV line; cells not given are a good row's. */
function line(cells: Partial<Record<'slug' | 'arxiv' | 'authors' | 'source' | 'match' | 'note', string>> = {}): string {
  const row = { slug: 'alpha-paper', arxiv: '2405.18407', authors: 'Ada Lovelace; Charles Babbage', source: 'https://example.org/abs/2405.18407', match: 'exact', note: '', ...cells };
  return [row.slug, row.arxiv, row.authors, row.source, row.match, row.note].join('\t');
}

function check(...lines: string[]) {
  const { rows, rejected } = parseSeedTsv('part0.tsv', [HEADER, ...lines, ''].join('\n'));
  const checked = checkSeedRows(rows, PAPERS);
  return { accepted: checked.accepted, rejected: [...rejected, ...checked.rejected] };
}

describe('checkSeedRows', () => {
  it('takes a good row whole: the id and the names, by slug', () => {
    const { accepted, rejected } = check(line(), line({ slug: 'gamma-paper', arxiv: '1701.07875v2', authors: 'Martin Arjovsky;Soumith  Chintala ; Léon Bottou' }));
    expect(rejected).toEqual([]);
    expect(accepted).toEqual([
      { slug: 'alpha-paper', arxiv: '2405.18407', authors: ['Ada Lovelace', 'Charles Babbage'] },
      // An undated paper has no date to hold the id to; a version is not part of the id.
      { slug: 'gamma-paper', arxiv: '1701.07875', authors: ['Martin Arjovsky', 'Soumith Chintala', 'Léon Bottou'] },
    ]);
  });

  it('takes an id a month ahead of the listed day (arXiv numbers a paper when it announces it), and one whose names row is empty', () => {
    const { accepted, rejected } = check(line({ arxiv: '2406.00053', authors: '' }));
    expect(rejected).toEqual([]);
    expect(accepted).toEqual([{ slug: 'alpha-paper', arxiv: '2406.00053' }]);
  });

  it('takes names that the listing counts otherwise when the note says which arXiv version they follow', () => {
    const { accepted, rejected } = check(line({ authors: 'A B; C D; E F', note: 'authors as on v2; v1 listed 2' }));
    expect(rejected).toEqual([]);
    expect(accepted[0]!.authors).toHaveLength(3);
  });

  /** Each way a row fails, with the part that is not taken. */
  const failing: [SeedReason, 'row' | 'authors', string[]][] = [
    ['columns', 'row', ['alpha-paper\t2405.18407\texact']],
    ['duplicate-slug', 'row', [line(), line({ arxiv: '2405.11111' })]],
    ['unknown-slug', 'row', [line({ slug: 'no-such-paper' })]],
    ['no-id', 'row', [line({ arxiv: '', authors: '', match: 'none', note: 'not found in two searches' })]],
    ['bad-id', 'row', [line({ arxiv: '2405.1840' })]],
    ['match', 'row', [line({ match: 'none', note: 'likely this one - unverified' })]],
    ['title', 'row', [line({ match: 'close', note: 'arXiv v1 title lacks a subtitle' })]],
    ['source', 'row', [line({ source: 'javascript:alert(1)' })]],
    ['id-differs', 'row', [line({ slug: 'has-an-id', arxiv: '2401.00002' })]],
    ['id-taken', 'row', [line({ arxiv: '2401.00001' })]],
    ['duplicate-id', 'row', [line({ slug: 'alpha-paper' }), line({ slug: 'beta-paper', authors: 'A B; C D; E F' })]],
    ['date', 'row', [line({ arxiv: '2407.14568' })]],
    ['date', 'row', [line({ slug: 'two-in-one', arxiv: '2402.16107', authors: '' })]],
    ['date', 'row', [line({ arxiv: '2401.99999' })]],
    ['doubt', 'row', [line({ note: 'id from a README - unverified' })]],
    ['doubt', 'authors', [line({ note: 'author ORDER unverified' })]],
    ['author-count', 'authors', [line({ authors: 'A B; C D; E F', note: '3 authors found, input says 2' })]],
    ['author-name', 'authors', [line({ authors: 'Qingze (Eric) Li; C D' })]],
    ['author-name', 'authors', [line({ authors: 'Lovelace, Ada; C D' })]],
    ['author-name', 'authors', [line({ authors: 'A B; ' })]],
    ['author-name', 'authors', [line({ authors: '<img src=x>; C D' })]],
    ['author-repeated', 'authors', [line({ authors: 'Shizhe Zhou; Shizhe Zhou' })]],
  ];
  it.each(failing)('rejects a row for %s (%s not taken)', (code, part, lines) => {
    const { accepted, rejected } = check(...lines);
    expect(rejected.length).toBeGreaterThan(0);
    for (const r of rejected) expect([r.code, r.rejected, r.reason]).toEqual([code, part, expect.any(String)]);
    // Names left out leave the id; a rejected row leaves nothing.
    if (part === 'authors') expect(accepted).toEqual([{ slug: 'alpha-paper', arxiv: '2405.18407' }]);
    else expect(accepted.filter((a) => rejected.some((r) => r.slug === a.slug))).toEqual([]);
  });

  it('says what was wrong in words an editor can act on, with file and line', () => {
    const { rejected } = check(line(), line({ slug: 'two-in-one', arxiv: '2402.16107', authors: '' }));
    expect(rejected).toEqual([
      {
        file: 'part0.tsv',
        line: 3,
        slug: 'two-in-one',
        arxiv: '2402.16107',
        rejected: 'row',
        code: 'date',
        reason: "a listing dates the paper 2024-08-15, outside 1 month before to 3 after its id's month 2024-02",
      },
    ]);
  });
});

describe('parseSeedTsv and renderSeedRejections', () => {
  it('reads columns by the header’s names, skips blank lines, and takes CRLF and a byte-order mark', () => {
    const { rows } = parseSeedTsv('p.tsv', `\uFEFFnote\tmatch\tsource\tauthors\tarxiv\tslug\r\nn\texact\thttps://x.org\tA B\t2405.18407\talpha-paper\r\n\r\n`);
    expect(rows).toEqual([{ file: 'p.tsv', line: 2, cells: { slug: 'alpha-paper', arxiv: '2405.18407', authors: 'A B', source: 'https://x.org', match: 'exact', note: 'n' } }]);
  });

  it('reads no row of a file whose header lacks a column, and says so once', () => {
    const { rows, rejected } = parseSeedTsv('p.tsv', `slug\tarxiv\n${line()}\n`);
    expect(rows).toEqual([]);
    expect(rejected).toEqual([{ file: 'p.tsv', line: 1, slug: '', arxiv: '', rejected: 'row', code: 'columns', reason: 'the header lacks authors, source, match, note: no row of the file is read' }]);
  });

  it('writes one TSV row per rejection, with tabs and line breaks in reasons flattened', () => {
    const text = renderSeedRejections([{ file: 'p.tsv', line: 4, slug: 's', arxiv: '', rejected: 'row', code: 'no-id', reason: 'no id\t(match none:\nnot found)' }]);
    expect(text).toBe('file\tline\tslug\tarxiv\trejected\tcode\treason\np.tsv\t4\ts\t\trow\tno-id\tno id (match none: not found)\n');
  });
});
