/**
 * Citations, read back by a real BibTeX parser (the one behind Better BibTeX for Zotero): what we
 * emit must parse without errors and give back the paper's own title, names and ids as text.
 */
import { parse } from '@retorquere/bibtex-parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CitablePaper, bibtexEntry, citableOf, citeKey, escapeBibtex, plainCitation } from '../../../src/lib/citation/citation.ts';
import type { PaperData } from '../../../src/lib/paper/paper.ts';

const PAPER: CitablePaper = {
  title: 'Phased Consistency Model',
  published: '2024-05-28',
  authorNames: ['Fu-Yun Wang', 'Zhaoyang Huang', 'Alexander William Bergman'],
  arxiv: '2405.18407',
  pageUrl: 'https://example.github.io/papershelf/papers/phased-consistency-model/',
};

/** The one entry of a BibTeX text, as the parser reads it; fails on any parse error. */
function readBack(bibtex: string) {
  const result = parse(bibtex, { sentenceCase: false });
  expect(result.errors).toEqual([]);
  expect(result.entries).toHaveLength(1);
  return result.entries[0]!;
}

/** Text as LaTeX sets it: its ligatures turn `--` into an en dash and two backquotes into an opening quote, as the title's author meant. */
const typeset = (text: string) => text.replace(/---|--|``|''/g, (l) => ({ '---': '\u2014', '--': '\u2013', '``': '\u201C', "''": '\u201D' })[l]!);

describe('bibtexEntry', () => {
  it('cites an arXiv paper as arXiv asks: @misc with eprint and archivePrefix, and its abstract page', () => {
    expect(bibtexEntry(PAPER)).toBe(
      [
        '@misc{wang2024phasedCM,',
        '  title = {{Phased Consistency Model}},',
        '  author = {Fu-Yun Wang and Zhaoyang Huang and Alexander William Bergman},',
        '  year = {2024},',
        '  month = may,',
        '  eprint = {2405.18407},',
        '  archivePrefix = {arXiv},',
        '  url = {https://arxiv.org/abs/2405.18407}',
        '}',
      ].join('\n'),
    );
    const entry = readBack(bibtexEntry(PAPER));
    expect(entry.type).toBe('misc');
    expect(entry.fields['title']).toBe('Phased Consistency Model');
    expect(entry.fields['author']).toEqual([
      { firstName: 'Fu-Yun', lastName: 'Wang' },
      { firstName: 'Zhaoyang', lastName: 'Huang' },
      { firstName: 'Alexander William', lastName: 'Bergman' },
    ]);
    expect([entry.fields['year'], entry.fields['month'], entry.fields['eprint']]).toEqual(['2024', '5', '2405.18407']);
  });

  it('cites a paper without an id by its catalog page, with its organisation as a corporate author', () => {
    const entry = readBack(bibtexEntry({ title: 'A Lab Paper', organisation: 'NAVER AI Lab', pageUrl: PAPER.pageUrl }));
    expect(entry.fields['author']).toEqual([{ name: 'NAVER AI Lab' }]);
    expect(entry.fields['url']).toBe(PAPER.pageUrl);
    expect(entry.fields['year']).toBeUndefined();
  });

  it('keeps a name with "and" or a comma whole', () => {
    const entry = readBack(bibtexEntry({ ...PAPER, authorNames: ['Anderson and Sons', 'Smith, Jr.'] }));
    expect(entry.fields['author']).toEqual([{ name: 'Anderson and Sons' }, { name: 'Smith, Jr.' }]);
  });

  it('cites hostile or arbitrary titles and names as text: they parse and read back unchanged', () => {
    const specials = fc.string({ unit: fc.constantFrom(...'\\{}&%$#_^~@,="\'` aZ1éß中'), minLength: 1, maxLength: 40 });
    const text = fc.oneof(specials, fc.string({ minLength: 1, maxLength: 40 }));
    const word = fc.stringMatching(/^[A-Za-z][a-z]{1,8}$/).filter((w) => !/^and$/i.test(w));
    fc.assert(
      fc.property(
        text.filter((t) => t.trim() !== ''),
        fc.array(fc.tuple(word, word), { minLength: 1, maxLength: 3 }),
        (title, names) => {
          const authorNames = names.map(([first, last]) => `${first} ${last}`);
          const entry = readBack(bibtexEntry({ ...PAPER, title, authorNames }));
          expect(entry.fields['title']).toBe(typeset(title.replace(/\s+/g, ' ').trim()));
          expect(entry.fields['author']).toEqual(names.map(([firstName, lastName]) => ({ firstName, lastName })));
        },
      ),
      { numRuns: Number(process.env['FUZZ_RUNS'] ?? 300) },
    );
  });
});

describe('a text-dump paper with what its id brings', () => {
  const data: PaperData = {
    title: 'Phased Consistency Model',
    key: 'phased consistency model',
    published: '2024-06-02',
    authors: 3,
    authorNames: ['Fu-Yun Wang', 'Zhaoyang Huang', 'Alexander William Bergman'],
    arxiv: '2405.18407',
    arxivCategory: 'cs.CV',
    arxivSubmitted: '2024-05-28',
    upvotes: 0,
    topics: [],
    sources: [{ listing: 'a', file: 'content/listings/a.txt', line: 3 }],
    generator: 'papershelf-ingest',
  };

  it('cites as an arXiv e-print: names, eprint, archivePrefix, primaryClass, dated by its first version', () => {
    const entry = readBack(bibtexEntry(citableOf(data, PAPER.pageUrl)));
    expect(entry.fields).toMatchObject({ eprint: '2405.18407', archiveprefix: 'arXiv', primaryclass: 'cs.CV', year: '2024', month: '5', url: 'https://arxiv.org/abs/2405.18407' });
    expect(entry.fields['author']).toEqual([
      { firstName: 'Fu-Yun', lastName: 'Wang' },
      { firstName: 'Zhaoyang', lastName: 'Huang' },
      { firstName: 'Alexander William', lastName: 'Bergman' },
    ]);
  });

  it('keeps the listing’s day and no primaryClass when the arXiv entry said nothing of them, and no e-print fields without an id', () => {
    const { arxivCategory: _, arxivSubmitted: __, ...bare } = data;
    const entry = readBack(bibtexEntry(citableOf({ ...bare, published: '2024-06-02' }, PAPER.pageUrl)));
    expect(entry.fields).not.toHaveProperty('primaryclass');
    expect(entry.fields['month']).toBe('6');
    const { arxiv: ___, ...noId } = data;
    const page = readBack(bibtexEntry(citableOf(noId, PAPER.pageUrl)));
    expect(page.fields).not.toHaveProperty('eprint');
    expect(page.fields).not.toHaveProperty('primaryclass');
    expect(page.fields['month']).toBe('6');
  });
});

describe('an undated e-print', () => {
  it('is cited in the year its id gives, without a month, rather than "n.d."', () => {
    const { published: _, ...undated } = PAPER;
    const entry = readBack(bibtexEntry({ ...undated, arxiv: '2006.16856' }));
    expect(entry.fields['year']).toBe('2020');
    expect(entry.fields).not.toHaveProperty('month');
    expect(plainCitation({ ...undated, arxiv: 'hep-th/9901001' })).toMatch(/\(1999\)/);
    expect(citeKey({ ...undated, arxiv: '2006.16856' })).toBe('wang2020phasedCM');
    const { arxiv: __, ...noId } = undated;
    expect(plainCitation(noId)).toContain('(n.d.)');
  });
});

describe('escapeBibtex', () => {
  it('escapes every LaTeX special character, so braces balance and no command survives', () => {
    expect(escapeBibtex('50% of {x} & $y_1^2$ #3 ~ \\cmd')).toBe('50\\% of \\{x\\} \\& \\$y\\_1\\textasciicircum{}2\\$ \\#3 \\textasciitilde{} \\textbackslash{}cmd');
    fc.assert(
      fc.property(fc.string(), (text) => {
        const escaped = escapeBibtex(text);
        const withoutEscapes = escaped.replace(/\\(?:textbackslash|textasciicircum|textasciitilde|textless|textgreater|textbar)\{\}|\\[{}&%$#_]/g, '');
        expect(withoutEscapes).not.toMatch(/[{}\\]/);
      }),
    );
  });
});

describe('citeKey and plainCitation', () => {
  it('makes the key from the first author, the year and the title', () => {
    expect(citeKey(PAPER)).toBe('wang2024phasedCM');
    expect(citeKey({ title: 'The Art of Ü', pageUrl: '' })).toBe('artU');
    expect(citeKey({ title: '???', published: '2020-01-01', pageUrl: '' })).toBe('2020paper');
  });

  it('writes a reference with up to three authors, the year, the title and where to find it', () => {
    expect(plainCitation(PAPER)).toBe('Fu-Yun Wang, Zhaoyang Huang and Alexander William Bergman (2024). Phased Consistency Model. arXiv:2405.18407. https://arxiv.org/abs/2405.18407');
    expect(plainCitation({ ...PAPER, authorNames: ['A B', 'C D', 'E F', 'G H'], arxiv: undefined, doi: '10.1/x' })).toBe(
      'A B et al. (2024). Phased Consistency Model. doi:10.1/x. https://doi.org/10.1/x',
    );
    expect(plainCitation({ title: 'Why?', pageUrl: PAPER.pageUrl })).toBe(`Why? (n.d.). ${PAPER.pageUrl}`);
    expect(plainCitation({ title: 'A Lab Paper', organisation: 'NAVER AI Lab', pageUrl: PAPER.pageUrl })).toBe(`NAVER AI Lab (n.d.). A Lab Paper. ${PAPER.pageUrl}`);
  });
});
