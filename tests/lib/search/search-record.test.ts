import fc from 'fast-check';
import { fromHtml } from 'hast-util-from-html';
import { expect, test } from 'vitest';
import { type PaperSearchInput, dateSortKey, firstListedDay, paperSearchRecord, recordAttribute, searchInputOf, searchRecordElement } from '../../../src/lib/search/search-record.ts';

const paper: PaperSearchInput = {
  published: '2024-05-28',
  upvotes: 12,
  topicNames: ['Parameter-efficient fine-tuning', 'Large language models', 'Large language models'],
  listingTitles: ['Daily Papers, Oct 30 2025'],
};

test('a dated, upvoted paper', () => {
  expect(paperSearchRecord(paper)).toEqual({
    meta: { upvotes: '12', date: '2024-05-28' },
    filters: {
      topic: ['Large language models', 'Parameter-efficient fine-tuning'],
      year: ['2024'],
      listing: ['Daily Papers, Oct 30 2025'],
      keyword: [],
      'has-upvotes': ['yes'],
      'has-code': ['no'],
    },
    sort: { date: '739034', upvotes: '12' },
  });
});

test('AI keywords are a filter, once each, never searchable meta; a known code repository is has-code', () => {
  const record = paperSearchRecord({ ...paper, keywords: ['diffusion', 'GAN', 'diffusion'], code: true });
  expect(record.filters).toMatchObject({ keyword: ['diffusion', 'GAN'], 'has-code': ['yes'] });
  expect(Object.values(record.meta).join(' ')).not.toMatch(/diffusion/);
});

test('the organisation is recorded when the listing named one', () => {
  expect(paperSearchRecord({ ...paper, organisation: 'Google DeepMind' }).meta['organisation']).toBe('Google DeepMind');
});

test('the arXiv id and the author names are recorded as searchable meta when known', () => {
  const record = paperSearchRecord({ ...paper, arxiv: '2405.18407', authorNames: ['Ada Lovelace', 'Charles Babbage'] });
  expect(record.meta).toMatchObject({ arxiv: '2405.18407', authors: 'Ada Lovelace, Charles Babbage' });
  expect(paperSearchRecord(paper).meta).not.toHaveProperty('authors');
});

test('an undated paper without upvotes still gets every filter and numeric sort keys', () => {
  const record = paperSearchRecord({ ...paper, published: undefined, upvotes: 0, topicNames: [] });
  expect(record.filters).toMatchObject({ topic: [], year: ['Undated'], 'has-upvotes': ['no'] });
  expect(record.sort).toEqual({ date: '0', upvotes: '0' });
  expect(record.meta).not.toHaveProperty('date');
  expect(record.meta).not.toHaveProperty('organisation');
});

test('date sort keys are day numbers: consecutive days differ by one, exactly representable as 32-bit floats', () => {
  expect(dateSortKey('0001-01-01')).toBe('1');
  expect(dateSortKey('1970-01-01')).toBe('719163');
  const keys = ['2023-12-31', '2024-01-01', '2024-02-28', '2024-02-29', '2024-03-01', '2025-10-16', '2025-10-17'].map(dateSortKey).map(Number);
  expect(keys.slice(1).map((key, i) => key - keys[i]!)).toEqual([1, 58, 1, 1, 594, 1]);
  for (const key of keys) expect(Math.fround(key)).toBe(key);
  expect(dateSortKey(undefined)).toBe('0');
});

/** What an HTML parser reads back from a record element: each capture list's keys with the values they point at. */
function parsedRecord(html: string): { hidden: boolean; captures: Record<string, [string, string][]> } {
  const root = fromHtml(html, { fragment: true });
  expect(root.children).toHaveLength(1);
  const element = root.children[0]!;
  if (element.type !== 'element') throw new Error('not an element');
  // hast names `data-f-topic-0` `dataFTopic-0`: a dash before a letter becomes that letter in capitals.
  const read = (name: string) => {
    const value = element.properties[name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())];
    return value === undefined ? undefined : String(value);
  };
  const captures: Record<string, [string, string][]> = {};
  for (const list of ['data-pagefind-meta', 'data-pagefind-filter', 'data-pagefind-sort']) {
    captures[list] = (read(list)?.split(', ') ?? []).map((capture) => {
      const [, key, attribute] = /^([a-z-]+)\[([a-z0-9-]+)\]$/.exec(capture)!;
      return [key!, read(attribute!) ?? ''];
    });
  }
  return { hidden: element.properties['hidden'] === true, captures };
}

test('the record element holds every value, markup and commas included, as an HTML parser reads it', () => {
  const text = fc.string({ unit: fc.constantFrom('a', ' ', ',', '"', "'", '&', '<', '>', '=', '[', ']', 'é', '\u00a0'), minLength: 1 });
  fc.assert(
    fc.property(fc.array(text, { maxLength: 4 }), fc.array(text, { maxLength: 3 }), fc.option(text, { nil: undefined }), (topicNames, listingTitles, organisation) => {
      const input = { ...paper, topicNames, listingTitles, organisation };
      const record = paperSearchRecord(input);
      const { hidden, captures } = parsedRecord(searchRecordElement(record));
      expect(hidden).toBe(true);
      expect(captures['data-pagefind-meta']).toEqual(Object.entries(record.meta));
      expect(captures['data-pagefind-sort']).toEqual(Object.entries(record.sort));
      expect(captures['data-pagefind-filter']).toEqual(Object.entries(record.filters).flatMap(([key, values]) => values.map((value) => [key, value])));
    }),
  );
});

test('the record element names its attributes as the sort-value reader expects', () => {
  expect(searchRecordElement(paperSearchRecord(paper))).toContain(` ${recordAttribute('sort', 'date')}="739034"`);
});

test('a paper of papers.json as search input: names for ids, unknown ids left out, nulls absent', () => {
  const catalog = { topics: { llm: { name: 'Large language models' } }, listings: { d1: { title: 'Daily, Oct 30' } } };
  const listed = {
    slug: 's',
    published: '2024-05-28',
    upvotes: 2,
    organisation: null,
    arxiv: '2405.18407',
    authorNames: ['Ada Lovelace'],
    topics: ['gone', 'llm'],
    listings: ['d1', 'x'],
    code: 'https://github.com/o/r',
    keywords: ['LoRA'],
  };
  expect(searchInputOf(listed, catalog)).toEqual({
    published: '2024-05-28',
    upvotes: 2,
    organisation: undefined,
    arxiv: '2405.18407',
    authorNames: ['Ada Lovelace'],
    topicNames: ['Large language models'],
    listingTitles: ['Daily, Oct 30'],
    keywords: ['LoRA'],
    code: true,
  });
  expect(searchInputOf({ ...listed, published: null, arxiv: null, authorNames: null, organisation: 'Google DeepMind', code: null, keywords: null }, catalog)).toMatchObject({
    code: false,
    keywords: undefined,
    published: undefined,
    arxiv: undefined,
    authorNames: undefined,
    organisation: 'Google DeepMind',
  });
});

test("a paper is first listed on its earliest listing's capture date, else on its publication date", () => {
  const catalog = { listings: { late: { title: 'Dec', captured: '2025-12-09' }, early: { title: 'Oct', captured: '2025-10-30' }, bare: { title: 'Undated dump' } } };
  const listed = { slug: 's', published: '2023-01-15', upvotes: 0, organisation: null, arxiv: null, authorNames: null, topics: [] };
  expect(firstListedDay({ ...listed, listings: ['late', 'bare', 'early'] }, catalog)).toBe(Number(dateSortKey('2025-10-30')));
  // Only undated dumps (or listings papers.json does not describe): the publication date stands in.
  expect(firstListedDay({ ...listed, listings: ['bare', 'gone'] }, catalog)).toBe(Number(dateSortKey('2023-01-15')));
  expect(firstListedDay({ ...listed, published: null, listings: ['bare'] }, catalog)).toBe(0);
});
