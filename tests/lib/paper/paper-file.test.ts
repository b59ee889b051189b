import { describe, expect, it } from 'vitest';
import { isGeneratedPaperFile, parseGeneratedPaperFile, parsePaperFile, renderPaperFile } from '../../../src/lib/paper/paper-file.ts';
import { type Paper, paperSchema } from '../../../src/lib/paper/paper.ts';

const paper: Paper = {
  slug: 'scalable-neural-network-kernels',
  title: 'Scalable Neural Network Kernels',
  key: 'scalable neural network kernels',
  abstract: 'We replace {dense} layers. See https://example.org/x_(y).\n\nimport nothing',
  published: '2023-10-20',
  authors: 4,
  upvotes: 2,
  topics: ['kernels'],
  sources: [
    { listing: '001', file: 'content/listings/001.txt', line: 249 },
    { listing: '003', file: 'content/listings/003.txt', line: 77, captured: '2025-12-08' },
  ],
  generator: 'papershelf-ingest',
};

describe('renderPaperFile', () => {
  it('writes sorted YAML front matter and the escaped MDX body', () => {
    expect(renderPaperFile(paper)).toBe(
      [
        '---',
        'authors: 4',
        'generator: papershelf-ingest',
        'key: scalable neural network kernels',
        'published: 2023-10-20',
        'sources:',
        '  - file: content/listings/001.txt',
        '    line: 249',
        '    listing: "001"',
        '  - captured: 2025-12-08',
        '    file: content/listings/003.txt',
        '    line: 77',
        '    listing: "003"',
        'title: Scalable Neural Network Kernels',
        'topics:',
        '  - kernels',
        'upvotes: 2',
        '---',
        '',
        'We replace \\{dense} layers. See [https://example.org/x\\_(y)](https://example.org/x_\\(y\\)).',
        '',
        '&#x69;mport nothing',
        '',
      ].join('\n'),
    );
  });

  it('gives the same bytes whatever order the fields were set in', () => {
    const shuffled = Object.fromEntries(Object.entries(paper).reverse()) as unknown as Paper;
    expect(renderPaperFile(shuffled)).toBe(renderPaperFile(paper));
  });

  it('round-trips titles and names that YAML would otherwise misread', () => {
    const titles = [
      '---',
      'Key: value',
      '# not a comment',
      '"quoted" and \'single\'',
      '{flow: map}',
      '[a, b]',
      '*alias',
      '&anchor',
      '!tag',
      '@at',
      '%percent',
      '- item',
      '? question',
      '| block',
      '> folded',
      'yes',
      'null',
      '2024-01-01',
      '0x1F',
      'tab\there',
      'trailing space ',
      '\u{1F984} \u6DF1\u5EA6',
    ];
    for (const title of titles) {
      const hostile: Paper = { ...paper, title, organisation: { id: 'a: b', name: title } };
      const { data, body } = parsePaperFile(renderPaperFile(hostile));
      const parsed = paperSchema.parse(data);
      expect(parsed.title).toBe(title);
      expect(parsed.organisation).toEqual({ id: 'a: b', name: title });
      expect(body).toBe('\nWe replace \\{dense} layers. See [https://example.org/x\\_(y)](https://example.org/x_\\(y\\)).\n\n&#x69;mport nothing\n');
    }
  });

  it('writes the Daily Papers API fields, hostile text round-tripping as text; refuses a non-http(s) project page', () => {
    const api = {
      aiSummary: '<script>alert(1)</script> **not bold**',
      aiKeywords: ['a: b', '- item', '<img src=x>'],
      projectPage: 'https://example.org/project',
      githubStars: 12,
      withdrawn: '2024-06-02',
      submitter: { user: 'akhaliq', fullname: '"AK" & co' },
    };
    const parsed = paperSchema.parse(parsePaperFile(renderPaperFile({ ...paper, ...api })).data);
    expect(parsed).toMatchObject(api);
    expect(() => renderPaperFile({ ...paper, projectPage: 'javascript:alert(1)' })).toThrow();
    expect(() => renderPaperFile({ ...paper, submitter: {} })).toThrow();
  });

  it('writes no body for an empty abstract', () => {
    expect(renderPaperFile({ ...paper, abstract: '' })).toMatch(/\nupvotes: 2\n---\n$/);
  });

  it('refuses a paper the schema would refuse', () => {
    expect(() => renderPaperFile({ ...paper, upvotes: -1 })).toThrow();
    expect(() => renderPaperFile({ ...paper, sources: [] })).toThrow();
  });
});

describe('isGeneratedPaperFile', () => {
  it('recognises what ingest wrote, and gives its front matter and body parsed once', () => {
    const text = renderPaperFile(paper);
    expect(isGeneratedPaperFile(text)).toBe(true);
    expect(parseGeneratedPaperFile(text)).toEqual(parsePaperFile(text));
  });

  it.each([
    ['a hand-written note', '---\ntitle: My note\n---\n\nHello\n'],
    ['another generator', '---\ngenerator: someone-else\n---\n'],
    ['no front matter', 'just text\n'],
    ['broken YAML', '---\ntitle: [unclosed\n  : : :\n---\n'],
    ['a scalar front matter', '---\npapershelf-ingest\n---\n'],
    ['an empty file', ''],
  ])('leaves %s alone', (_name, text) => {
    expect(isGeneratedPaperFile(text)).toBe(false);
    expect(parseGeneratedPaperFile(text)).toBeUndefined();
  });
});
