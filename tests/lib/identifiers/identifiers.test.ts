import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ARXIV_ID_PATTERN, arxivIdsIn, codeUrlsIn, doisIn, identifiersFromAbstract, parseArxivId, parseCodeUrl, parseDoi, titleSearchLinks } from '../../../src/lib/identifiers/identifiers.ts';

describe('parseArxivId', () => {
  it.each([
    ['2310.06825', { id: '2310.06825' }],
    ['2310.06825v2', { id: '2310.06825', version: 2 }],
    ['arXiv:2310.06825v11', { id: '2310.06825', version: 11 }],
    ['arxiv: 0704.0001', { id: '0704.0001' }],
    ['1412.6980', { id: '1412.6980' }],
    ['1501.00001', { id: '1501.00001' }],
    ['hep-th/9901001', { id: 'hep-th/9901001' }],
    ['hep-th/9901001v3', { id: 'hep-th/9901001', version: 3 }],
    ['math.GT/0309136', { id: 'math/0309136' }],
    ['cs/0112017', { id: 'cs/0112017' }],
  ])('reads %s', (text, expected) => {
    expect(parseArxivId(text)).toEqual(expected);
  });

  it.each([
    ['a month that does not exist', '2313.00001'],
    ['five digits before 2015', '1412.12345'],
    ['four digits from 2015', '1501.0001'],
    ['an old-style id after March 2007', 'hep-th/0801001'],
    ['a DOI', '10.48550/arXiv.2310.06825'],
    ['a word', 'not-an-id'],
    ['an empty string', ''],
  ])('refuses %s', (_, text) => {
    expect(parseArxivId(text)).toBeNull();
  });

  it('gives every new-style id back without its version, in the stored form', () => {
    const id = fc
      .tuple(fc.integer({ min: 7, max: 30 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 99_999 }), fc.option(fc.integer({ min: 1, max: 999 })))
      .filter(([yy, mm]) => yy > 7 || mm >= 4);
    fc.assert(
      fc.property(id, ([yy, mm, n, version]) => {
        const yymm = `${String(yy).padStart(2, '0')}${String(mm).padStart(2, '0')}`;
        const digits = Number(yymm) >= 1501 ? 5 : 4;
        fc.pre(n < 10 ** digits);
        const bare = `${yymm}.${String(n).padStart(digits, '0')}`;
        const parsed = parseArxivId(version === null ? bare : `arXiv:${bare}v${version}`);
        expect(parsed).toEqual(version === null ? { id: bare } : { id: bare, version });
        expect(parsed!.id).toMatch(ARXIV_ID_PATTERN);
        expect(parseArxivId(parsed!.id)).toEqual({ id: bare });
      }),
    );
  });

  it('never throws, and whatever it accepts matches the stored pattern', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[a-z.A-Z-]{0,8}\/?\d{0,9}(?:\.\d{0,6})?(?:v\d{0,3})?$/)), (text) => {
        const parsed = parseArxivId(text);
        if (parsed) expect(parsed.id).toMatch(ARXIV_ID_PATTERN);
      }),
    );
  });
});

describe('finding identifiers in text', () => {
  it('finds arXiv ids in abstract, PDF and HTML URLs and arXiv: mentions, once each and without versions', () => {
    const text =
      'See https://arxiv.org/abs/2310.06825v2 and arxiv.org/pdf/2310.06825.pdf, also arXiv:1706.03762 and (arXiv: hep-th/9901001v1). ' + 'Not 2310.06825 alone, nor arxiv.org/abs/2313.00001.';
    expect(arxivIdsIn(text)).toEqual(['2310.06825', '1706.03762', 'hep-th/9901001']);
  });

  it('finds DOIs behind a resolver or a doi: prefix, lowercased and without trailing punctuation', () => {
    expect(doisIn('Published as doi:10.1145/3368089.3409755. Also https://doi.org/10.1000/ABC-123).')).toEqual(['10.1145/3368089.3409755', '10.1000/abc-123']);
    expect(parseDoi('https://dx.doi.org/10.1000/xyz')).toBe('10.1000/xyz');
    expect(parseDoi('10.1000')).toBeNull();
  });

  it('finds code repositories, normalised to host/owner/repo, and refuses other URLs', () => {
    expect(codeUrlsIn('Code: https://github.com/Nandan91/entropy-guided-attention-llm{extra} and https://github.com/NVlabs/gbrl).')).toEqual([
      'https://github.com/Nandan91/entropy-guided-attention-llm',
      'https://github.com/NVlabs/gbrl',
    ]);
    expect(codeUrlsIn('at https://github.com/RUC-DWBI-ML/research/tree/main/WAD-master')).toEqual(['https://github.com/RUC-DWBI-ML/research']);
    expect(parseCodeUrl('https://github.com/owner/repo.git')).toBe('https://github.com/owner/repo');
    expect(parseCodeUrl('javascript:alert(1)')).toBeNull();
    expect(parseCodeUrl('https://evil.example/owner/repo')).toBeNull();
    expect(parseCodeUrl('https://github.com/owner')).toBeNull();
  });
});

describe('identifiersFromAbstract', () => {
  it('takes the one arXiv id an abstract names when its month fits the date, and says it guessed', () => {
    const found = identifiersFromAbstract('Our paper (arXiv:2405.01234) does X.', '2024-05-28');
    expect(found.arxiv).toBe('2405.01234');
    expect(found.notes.arxiv).toMatch(/taken from the abstract/);
  });

  it('takes no id that cannot be the paper’s own: a citation of older work, or several ids', () => {
    const cited = identifiersFromAbstract('We build on arXiv:1706.03762.', '2024-05-28');
    expect(cited.arxiv).toBeUndefined();
    expect(cited.notes.arxiv).toMatch(/does not fit the paper's date/);
    const several = identifiersFromAbstract('Compare arXiv:2405.01234 with arXiv:2405.04321.', '2024-05-28');
    expect(several.arxiv).toBeUndefined();
    expect(several.notes.arxiv).toMatch(/names 2 arXiv ids/);
  });

  it('says nothing for an abstract that names no identifier, and takes its one code link', () => {
    expect(identifiersFromAbstract('Code is at https://github.com/a/b.', undefined)).toEqual({ code: 'https://github.com/a/b', notes: {} });
    expect(identifiersFromAbstract('Code is at https://github.com/a/b and https://github.com/c/d.', undefined)).toEqual({ notes: {} });
  });
});

describe('titleSearchLinks', () => {
  it('searches for the exact title, encoded, on arXiv and Google Scholar', () => {
    const links = titleSearchLinks('A & B: "C"?');
    expect(links.map((l) => l.label)).toEqual(['arXiv', 'Google Scholar']);
    for (const { href } of links) {
      const url = new URL(href);
      expect(url.protocol).toBe('https:');
      expect([...url.searchParams.values()].some((v) => v.includes('A & B: "C"?'))).toBe(true);
      expect(href).not.toContain('%20');
    }
    expect(new URL(links[0]!.href).searchParams.get('query')).toBe('"A & B: "C"?"');
    expect(new URL(links[0]!.href).searchParams.get('searchtype')).toBe('title');
  });
});
