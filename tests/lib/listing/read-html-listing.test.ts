/**
 * A saved web page reads as the papers it shows: the seed listings laid out as the site's cards
 * read as the same papers as their text copies, with every finding at a line of the HTML file; the
 * site's embedded data is read by the JSON reader; nothing in the page runs or becomes markup, and
 * a hostile page is refused, not followed into a stack overflow.
 */
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readAnyListing } from '../../../src/lib/listing/read-any-listing.ts';
import { MAX_HTML_DEPTH, readHtmlListing } from '../../../src/lib/listing/read-html-listing.ts';
import { readTextListing } from '../../../src/lib/listing/read-text-listing.ts';
import type { RawEntry } from '../../../src/lib/listing/types.ts';

const LISTINGS = new URL('../../../content/listings/', import.meta.url);
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const paper = (e: RawEntry) => ({ title: e.title, abstract: e.abstract.replace(/\s+/g, ' '), authors: e.authors ?? null, organisation: e.organisation ?? null, date: e.date ?? null });

/** A page of the site's cards, as "Save Page As…" keeps it: one element per line, a card per entry. */
function savedPage(entries: RawEntry[], text: string): { html: string; titleLines: number[] } {
  const lines = text.split('\n');
  const out = [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8"><title>Daily Papers - Hugging Face</title>',
    '<script>document.write("<h3>Not a paper</h3>")</script><style>h3{color:red}</style></head>',
    '<body><header><nav><a href="/">Hugging Face</a> <a href="/models">Models</a> <a href="/datasets">Datasets</a></nav></header>',
    '<main><h1>Daily Papers</h1>',
    '<p>by AK and the research community</p>',
  ];
  const titleLines: number[] = [];
  entries.forEach((entry, i) => {
    const next = entries[i + 1]?.line ?? lines.length + 1;
    // The card's own field rows, as the text copy has them after its abstract.
    const rows = lines
      .slice(entry.line, next - 1)
      .map((l) => l.trim())
      .filter((l) => l !== '' && !entry.abstract.includes(l));
    out.push('<article class="card">');
    titleLines.push(out.length + 1);
    out.push(`<h3><a href="/papers/x${i}">${escapeHtml(entry.title)}</a></h3>`);
    for (const p of entry.abstract.split('\n\n')) out.push(`<p>${escapeHtml(p)}</p>`);
    out.push(`<div class="meta">${rows.map((r) => `<span>${escapeHtml(r)}</span>`).join(' ')}</div>`, '</article>');
  });
  out.push('</main><footer><a href="/pricing">Pricing</a></footer></body></html>');
  return { html: out.join('\n'), titleLines };
}

describe('readHtmlListing', () => {
  const seeds = readdirSync(LISTINGS)
    .filter((f) => f.endsWith('.txt'))
    .sort();

  it.each(seeds)("reads %s saved as a web page as the same papers as its text copy, each at its card's line", (file) => {
    const text = readFileSync(new URL(file, LISTINGS), 'utf8');
    const fromText = readTextListing(file, text);
    expect(fromText.entries.length).toBeGreaterThan(10);
    const { html, titleLines } = savedPage(fromText.entries, text);
    const fromHtml = readHtmlListing('saved.html', html);
    expect(fromHtml.entries.map(paper)).toEqual(fromText.entries.map(paper));
    expect(fromHtml.entries.map((e) => e.line)).toEqual(titleLines);
    const last = html.split('\n').length;
    for (const f of [...fromHtml.warnings, ...fromHtml.rejected]) expect(f.line).toBeLessThanOrEqual(last);
  });

  it("reads the data the site embeds in the page with the API reader, at its title's line, else the element's", () => {
    const props = {
      dailyPapers: [
        {
          title: 'An Embedded Paper',
          publishedAt: '2024-05-28T00:00:00.000Z',
          paper: { id: '2405.12345', title: 'An Embedded Paper', summary: 'We embed. It works well, as we show here.', authors: [{ name: 'Ada Lovelace' }], upvotes: 4 },
        },
      ],
    };
    const html = ['<html><body>', '<h3>A visible title that the data outranks</h3>', `<div data-target="DailyPapers" data-props="${escapeHtml(JSON.stringify(props))}"></div>`, '</body></html>'].join(
      '\n',
    );
    const parsed = readHtmlListing('page.html', html);
    expect(parsed.format).toBe('daily-papers-json');
    expect(parsed.entries.map((e) => [e.title, e.ids?.arxiv, e.authorNames, e.line])).toEqual([['An Embedded Paper', '2405.12345', ['Ada Lovelace'], 3]]);
    // Where the page shows the paper's title, the paper and its findings are at that card's line.
    const shown = html.replace('<h3>A visible title that the data outranks</h3>', '<article>\n<h3>An Embedded Paper</h3>\n</article>');
    expect(readHtmlListing('page.html', shown).entries.map((e) => e.line)).toEqual([3]);
    expect(readHtmlListing('page.html', `\n\n${shown}`).entries.map((e) => e.line)).toEqual([5]);
  });

  it('never takes a script, a style or markup in the text for content', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (noise) => {
        const title = `A Title With ${noise.replace(/\s+/g, ' ').trim()} In It`;
        const abstract = `We study <script>alert(1)</script> and ${noise}. It works, as the results here show in detail.`;
        const html = `<html><body><script>throw 1</script><article><h3>${escapeHtml(title)}</h3><p>${escapeHtml(abstract)}</p><div>3 authors · May 28, 2024</div></article><article><h3>Second</h3><p>${escapeHtml(abstract)}</p><div>2 authors · May 29, 2024</div></article></body></html>`;
        const parsed = readHtmlListing('p.html', html);
        for (const e of parsed.entries) {
          expect(e.title).not.toContain('\uE000');
          expect(e.abstract).not.toMatch(/[\uE000\uE001]/);
        }
        expect(parsed.entries.map((e) => e.title)).not.toContain('throw 1');
      }),
      { numRuns: 60 },
    );
  });

  it(`refuses a page nested deeper than ${MAX_HTML_DEPTH} elements, however deep, without overflowing`, () => {
    for (const depth of [MAX_HTML_DEPTH + 1, 100_000]) {
      const parsed = readHtmlListing('deep.html', `${'<div>'.repeat(depth)}x${'</div>'.repeat(depth)}`);
      expect(parsed.entries).toEqual([]);
      expect(parsed.rejected[0]!.reason).toMatch(/nested deeper/);
    }
  });
});

describe('readAnyListing', () => {
  it('reads each kind of file by its ending, and rejects one no reader takes with what to do', () => {
    const text = 'A Title\n\nWe study a thing in depth. It works well in practice, and we say why here.\n\n3 authors · May 28, 2024\n';
    expect(readAnyListing('notes.md', text).entries.map((e) => e.title)).toEqual(['A Title']);
    expect(readAnyListing('page.HTML', `<p>${text.replace(/\n\n/g, '</p><p>')}</p>`).entries.map((e) => e.title)).toEqual(['A Title']);
    const pdf = readAnyListing('papers.pdf', '%PDF-1.7');
    expect(pdf.entries).toEqual([]);
    expect(pdf.rejected[0]).toMatchObject({ file: 'papers.pdf', line: 1, reason: expect.stringMatching(/not a listing: a \.pdf .*\.txt.*\.html.*\.json/) });
    expect(readAnyListing('constructor', 'x').rejected[0]!.reason).toMatch(/without an ending/);
  });
});
