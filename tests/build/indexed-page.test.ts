import { describe, expect, test } from 'vitest';
import { indexedDocument, pagefindBody, sortValues } from '../../src/build/indexed-page.ts';

const page = (body: string) =>
  `<!doctype html><html lang="en"><head><title>T</title></head><body><header><article>Chrome</article></header>${body}<aside><article>Related</article></aside></body></html>`;

describe('pagefindBody', () => {
  test('takes the marked element whole, nested elements of its name included, and nothing after it', () => {
    const body = '<article class="paper" data-pagefind-body><h1>Title</h1><article class="x"><p>Inner</p></article><p>After &lt;/article&gt; text</p></article>';
    expect(pagefindBody(page(body))).toBe(body);
  });

  test('finds the mark among other attributes, on any element', () => {
    expect(pagefindBody(page('<main id="m" data-pagefind-body="" class="c"><p>x</p></main>'))).toBe('<main id="m" data-pagefind-body="" class="c"><p>x</p></main>');
  });

  test('is undefined without a mark or without its end, and the document is then the page itself', () => {
    expect(pagefindBody(page('<article><p>No mark</p></article>'))).toBeUndefined();
    const torn = '<html><body><article data-pagefind-body><p>cut off';
    expect(pagefindBody(torn)).toBeUndefined();
    expect(indexedDocument(torn)).toBe(torn);
  });

  test('gives Pagefind the element alone in a minimal document in the site language', () => {
    const body = '<article data-pagefind-body><h1>Title</h1></article>';
    expect(indexedDocument(page(body))).toBe(`<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body>${body}</body></html>`);
  });

  test("puts the paper's search record first in the element, past an opening tag whose values hold `>`", () => {
    const record = '<div hidden data-search-record="" data-s-date="739266"></div>';
    const body = '<article data-pagefind-body title="a > b"><h1>Title</h1></article>';
    expect(indexedDocument(page(body), record)).toContain(`<body><article data-pagefind-body title="a > b">${record}<h1>Title</h1></article></body>`);
    expect(sortValues(indexedDocument(page(body), record))).toEqual({ date: 739266 });
  });
});

describe('sortValues', () => {
  test('reads the sort keys a search record holds, and leaves out one a document lacks', () => {
    expect(sortValues('<div data-s-date="739266" data-s-upvotes="42"></div>')).toEqual({ date: 739266, upvotes: 42 });
    expect(sortValues('<div data-s-upvotes="0"></div>')).toEqual({ upvotes: 0 });
    expect(sortValues('<p>data-s-date="1" in text is escaped as &quot;</p>')).toEqual({});
  });
});
