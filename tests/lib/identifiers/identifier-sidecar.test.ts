import { describe, expect, it } from 'vitest';
import { parseIdentifierSidecar, withIdentifierRecords } from '../../../src/lib/identifiers/identifier-sidecar.ts';

const FILE = 'content/identifiers.yaml';

describe('parseIdentifierSidecar', () => {
  it('reads slugs with their ids exactly as written (2310.10000 is not the number 2310.1)', () => {
    const text = [
      'mistral-7b:',
      '  arxiv: 2310.10000v2',
      '  doi: https://doi.org/10.48550/arXiv.2310.06825',
      '  code: https://github.com/mistralai/mistral-src',
      'old-paper:',
      '  arxiv: hep-th/9901001',
    ].join('\n');
    expect(parseIdentifierSidecar(FILE, text)).toEqual({
      pins: [
        { slug: 'mistral-7b', line: 1, arxiv: '2310.10000', doi: '10.48550/arxiv.2310.06825', code: 'https://github.com/mistralai/mistral-src' },
        { slug: 'old-paper', line: 5, arxiv: 'hep-th/9901001' },
      ],
      warnings: [],
    });
  });

  it('leaves out what it cannot read, each with its line, and never throws', () => {
    const text = ['Not A Slug:', '  arxiv: 2310.06825', 'good-slug:', '  arxiv: 9999.99999', '  homepage: x', 'flat-slug: 2310.06825'].join('\n');
    const { pins, warnings } = parseIdentifierSidecar(FILE, text);
    expect(pins).toEqual([{ slug: 'good-slug', line: 3 }]);
    expect(warnings.map((w) => `${w.line} ${w.reason}`)).toEqual([
      '1 "Not A Slug" is not a paper slug: entry left out',
      '4 good-slug: "9999.99999" is not a valid arxiv: left out',
      '5 good-slug: unknown field "homepage" (arxiv, doi, code, category, submitted, authors): left out',
      '6 flat-slug: must hold arxiv, doi, code, category, submitted, authors: entry left out',
    ]);
    expect(parseIdentifierSidecar(FILE, 'a: [unclosed').warnings[0]!.reason).toMatch(/^not valid YAML/);
    expect(parseIdentifierSidecar(FILE, '- a\n- b').warnings[0]!.reason).toMatch(/^must map slugs/);
    expect(parseIdentifierSidecar(FILE, '')).toEqual({ pins: [], warnings: [] });
  });
});

describe('what an id brings', () => {
  it('reads the names in order (spacing folded), the primary category and the first version’s day, each as text', () => {
    const text = ['yes-paper:', '  arxiv: "2405.18407"', '  category: cs.LG', '  submitted: 2024-05-28', '  authors:', '    - No', '    - "Ada   Lovelace"', '    - 1234'].join('\n');
    expect(parseIdentifierSidecar(FILE, text)).toEqual({
      pins: [{ slug: 'yes-paper', line: 1, arxiv: '2405.18407', category: 'cs.LG', submitted: '2024-05-28', authors: ['No', 'Ada Lovelace', '1234'] }],
      warnings: [],
    });
  });

  it('leaves out names that are not a list of names, a category that is none, a day that is no day', () => {
    const text = ['p:', '  authors: Ada Lovelace', '  category: I.2.6', '  submitted: 2024-02-30', 'q:', '  authors:', '    - Ada', '    - ""', 'r:', '  authors: []'].join('\n');
    const { pins, warnings } = parseIdentifierSidecar(FILE, text);
    expect(pins).toEqual([
      { slug: 'p', line: 1 },
      { slug: 'q', line: 5 },
      { slug: 'r', line: 9 },
    ]);
    expect(warnings.map((w) => `${w.line} ${w.reason}`)).toEqual([
      '2 p: authors must be a list of names, one "- Name" a line: left out',
      '3 p: "I.2.6" is not a valid category: left out',
      '4 p: "2024-02-30" is not a valid submitted: left out',
      '6 q: authors must be a list of names, one "- Name" a line: left out',
      '10 r: authors must be a list of names, one "- Name" a line: left out',
    ]);
  });
});

describe('withIdentifierRecords', () => {
  it('adds ids quoted, keeps what the editor wrote as written, and sorts entries by slug', () => {
    const text = withIdentifierRecords('zeta:\n  arxiv: 2310.10000 # by hand\nalpha:\n  doi: 10.1000/xyz\n', [
      { slug: 'beta', arxiv: '2405.00001' },
      { slug: 'alpha', arxiv: '1701.07875' },
    ]);
    expect(text).toBe('alpha:\n  doi: 10.1000/xyz\n  arxiv: "1701.07875"\nbeta:\n  arxiv: "2405.00001"\nzeta:\n  arxiv: 2310.10000 # by hand\n');
    expect(parseIdentifierSidecar(FILE, text).pins.map((p) => p.arxiv)).toEqual(['1701.07875', '2405.00001', '2310.10000']);
    expect(withIdentifierRecords('', [{ slug: 'a', arxiv: '2310.10000' }])).toBe('a:\n  arxiv: "2310.10000"\n');
  });

  it('records names, category and day in a fixed order, quoted where YAML would read them as something else, and reads them back', () => {
    const record = { slug: 'p', arxiv: '2405.18407', category: 'cs.LG', submitted: '2024-05-28', authors: ['No', 'Null', 'José  Ortega: Jr', '#1 Fan'] };
    const text = withIdentifierRecords('', [record]);
    expect(text).toBe('p:\n  arxiv: "2405.18407"\n  category: cs.LG\n  submitted: "2024-05-28"\n  authors:\n    - "No"\n    - "Null"\n    - "José Ortega: Jr"\n    - "#1 Fan"\n');
    expect(parseIdentifierSidecar(FILE, text).pins).toEqual([{ line: 1, ...record, authors: ['No', 'Null', 'José Ortega: Jr', '#1 Fan'] }]);
    // The same records again change nothing: a rerun leaves the file byte for byte.
    expect(withIdentifierRecords(text, [record])).toBe(text);
  });

  it('fills in only what an entry lacks: an editor’s names, category and day stay', () => {
    const editor = 'p:\n  authors:\n    - Ed Itor # checked\n  category: stat.ML\n';
    const text = withIdentifierRecords(editor, [{ slug: 'p', arxiv: '2405.18407', category: 'cs.LG', submitted: '2024-05-28', authors: ['Someone Else'] }]);
    expect(text).toContain('Ed Itor # checked');
    expect(parseIdentifierSidecar(FILE, text).pins[0]).toMatchObject({ authors: ['Ed Itor'], category: 'stat.ML', submitted: '2024-05-28', arxiv: '2405.18407' });
  });
});
