import { describe, expect, it } from 'vitest';
import { parseIdentifierSidecar, withArxivIds } from '../../src/lib/identifier-sidecar.ts';

const FILE = 'content/identifiers.yaml';

describe('parseIdentifierSidecar', () => {
  it('reads slugs with their ids exactly as written (2310.10000 is not the number 2310.1)', () => {
    const text = ['mistral-7b:', '  arxiv: 2310.10000v2', '  doi: https://doi.org/10.48550/arXiv.2310.06825', '  code: https://github.com/mistralai/mistral-src', 'old-paper:', '  arxiv: hep-th/9901001'].join('\n');
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
      '5 good-slug: unknown field "homepage" (arxiv, doi or code): left out',
      '6 flat-slug: must hold arxiv, doi or code: entry left out',
    ]);
    expect(parseIdentifierSidecar(FILE, 'a: [unclosed').warnings[0]!.reason).toMatch(/^not valid YAML/);
    expect(parseIdentifierSidecar(FILE, '- a\n- b').warnings[0]!.reason).toMatch(/^must map slugs/);
    expect(parseIdentifierSidecar(FILE, '')).toEqual({ pins: [], warnings: [] });
  });
});

describe('withArxivIds', () => {
  it('adds ids quoted, keeps what the editor wrote as written, and sorts entries by slug', () => {
    const text = withArxivIds('zeta:\n  arxiv: 2310.10000 # by hand\nalpha:\n  doi: 10.1000/xyz\n', [
      { slug: 'beta', arxiv: '2405.00001' },
      { slug: 'alpha', arxiv: '1701.07875' },
    ]);
    expect(text).toBe('alpha:\n  doi: 10.1000/xyz\n  arxiv: "1701.07875"\nbeta:\n  arxiv: "2405.00001"\nzeta:\n  arxiv: 2310.10000 # by hand\n');
    expect(parseIdentifierSidecar(FILE, text).pins.map((p) => p.arxiv)).toEqual(['1701.07875', '2405.00001', '2310.10000']);
    expect(withArxivIds('', [{ slug: 'a', arxiv: '2310.10000' }])).toBe('a:\n  arxiv: "2310.10000"\n');
  });
});
