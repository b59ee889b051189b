import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDailyPapersJson } from '../../../src/lib/listing/parse-daily-papers-json.ts';

const FILE = 'content/listings/2024-05-28.json';

/** An item in the shape the Daily Papers API returns (fields from its published OpenAPI models). */
function item(paper: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    paper: {
      id: '2405.18407',
      authors: [
        { _id: '1', name: 'Ada Lovelace', hidden: false, status: 'claimed_verified', user: { _id: 'u', name: 'ada', fullname: 'Ada', isPro: false, type: 'user', avatarUrl: '' } },
        { _id: '2', name: 'Charles Babbage', hidden: true },
      ],
      publishedAt: '2024-05-28T17:59:58.000Z',
      submittedOnDailyAt: '2024-05-29T00:14:05.224Z',
      title: 'Phased Consistency\n  Model',
      summary: 'Consistency models show promise.\nThey are fast.\n\nA second paragraph.',
      upvotes: 47,
      discussionId: '6656',
      ai_summary: 'An AI summary, not the abstract.',
      githubRepo: 'https://github.com/G-U-N/Phased-Consistency-Model',
      ...paper,
    },
    publishedAt: '2024-05-29T00:14:05.224Z',
    title: 'Phased Consistency Model',
    summary: 'item summary',
    thumbnail: 'https://cdn/x.png',
    numComments: 2,
    submittedBy: { _id: 's', name: 'akhaliq', fullname: 'AK', isPro: false, type: 'user', avatarUrl: '' },
    isAuthorParticipating: true,
    ...extra,
  };
}

const parse = (value: unknown, text = JSON.stringify(value, null, 2)) => parseDailyPapersJson(FILE, text);

describe('parseDailyPapersJson', () => {
  it('reads an item as the text dumps read an entry, with its arXiv id, authors, upvotes, comments and code', () => {
    const result = parse([item({})]);
    expect(result.format).toBe('daily-papers-json');
    expect(result.rejected).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.captured).toBe('2024-05-29');
    expect(result.entries).toEqual([
      {
        file: FILE,
        line: 2,
        item: 0,
        title: 'Phased Consistency Model',
        abstract: 'Consistency models show promise. They are fast.\n\nA second paragraph.',
        ids: { arxiv: '2405.18407', code: 'https://github.com/G-U-N/Phased-Consistency-Model' },
        // Hidden authors are the paper's authors too: `hidden` only hides their account.
        authorNames: ['Ada Lovelace', 'Charles Babbage'],
        authors: 2,
        date: { year: 2024, month: 5, day: 28, upvotes: 47 },
        comments: 2,
        aiSummary: 'An AI summary, not the abstract.',
        // The item's `submittedBy` names the user `name`; huggingface_hub's User model reads `user`.
        submitter: { user: 'akhaliq', fullname: 'AK' },
      },
    ]);
  });

  it('reads the API fields the client models name: AI summary and keywords, project page, stars, withdrawal, submitter', () => {
    const result = parse([
      item({
        ai_keywords: ['diffusion models', 'Consistency', 'consistency', 'LCM'],
        projectPage: 'https://g-u-n.github.io/projects/pcm/',
        githubStars: 412,
        withdrawnAt: '2024-06-02T10:00:00.000Z',
        submittedOnDailyBy: { _id: 'u', user: 'fuyun', fullname: 'Fu-Yun Wang', avatarUrl: '', isPro: false, type: 'user' },
      }),
    ]);
    expect(result.warnings).toEqual([]);
    expect(result.entries[0]).toMatchObject({
      aiSummary: 'An AI summary, not the abstract.',
      // Case-insensitive repeats dropped, the first spelling kept.
      aiKeywords: ['diffusion models', 'Consistency', 'LCM'],
      projectPage: 'https://g-u-n.github.io/projects/pcm/',
      githubStars: 412,
      withdrawn: '2024-06-02',
      // The paper's own `submittedOnDailyBy` wins over the item's `submittedBy`.
      submitter: { user: 'fuyun', fullname: 'Fu-Yun Wang' },
    });
  });

  it('leaves out API fields of the wrong type with a warning each, and keeps the paper', () => {
    const result = parse([
      item({ ai_summary: 42, ai_keywords: 'diffusion', projectPage: ['https://x.org'], githubStars: -3, withdrawnAt: 'yesterday', submittedOnDailyBy: 'AK' }, { submittedBy: null }),
    ]);
    expect(result.entries).toHaveLength(1);
    const entry = result.entries[0]!;
    for (const key of ['aiSummary', 'aiKeywords', 'projectPage', 'githubStars', 'withdrawn', 'submitter']) expect(entry).not.toHaveProperty(key);
    expect(result.warnings.map((w) => w.reason)).toEqual([
      'item 0: paper.ai_summary is not what the API gives (42): left out',
      'item 0: paper.ai_keywords is not what the API gives ("diffusion"): left out',
      'item 0: paper.projectPage is not what the API gives (["https://x.org"]): left out',
      'item 0: paper.githubStars is not what the API gives (-3): left out',
      'item 0: paper.withdrawnAt is not what the API gives ("yesterday"): left out',
      'item 0: paper.submittedOnDailyBy is not what the API gives ("AK"): left out',
    ]);
  });

  it('keeps hostile API values as text or drops them with a warning: no script URL, no markup', () => {
    const markup = '<script>alert(1)</script> **bold** [link](javascript:alert(1))';
    const result = parse([
      item({
        ai_summary: markup,
        ai_keywords: ['<img src=x onerror=alert(1)>', '[x](javascript:alert(1))', '   ', '!!!', 7, 'x'.repeat(61)],
        projectPage: 'javascript:alert(document.domain)',
      }),
      item(
        { id: '2405.00002', title: 'Second', projectPage: 'https://user:secret@example.org/', ai_summary: `${'word '.repeat(200)}end` },
        { submittedBy: { name: 'ak"><script>', fullname: '<b>AK</b>' } },
      ),
    ]);
    const [first, second] = result.entries;
    expect(first).toMatchObject({ aiSummary: markup, aiKeywords: ['<img src=x onerror=alert(1)>', '[x](javascript:alert(1))'] });
    expect(first).not.toHaveProperty('projectPage');
    expect(second).not.toHaveProperty('projectPage');
    expect(second!.aiSummary!.length).toBeLessThanOrEqual(400);
    expect(second!.aiSummary).toMatch(/^word word .*…$/);
    // A user name that could not be one is left out; the full name stays, as text.
    expect(second!.submitter).toEqual({ fullname: '<b>AK</b>' });
    expect(result.warnings.map((w) => w.reason)).toEqual([
      'item 0: 4 of 6 ai_keywords are not words of at most 60 characters: left out',
      'item 0: projectPage "javascript:alert(document.domain)" is not an http(s) URL of at most 500 characters: left out',
      'item 1: ai_summary is 1003 characters long: cut to 400',
      'item 1: projectPage "https://user:secret@example.org/" is not an http(s) URL of at most 500 characters: left out',
      'item 1: submittedBy user name "ak\\"><script>" is not a Hugging Face user name: left out',
    ]);
  });

  it('names each item that cannot be a paper by index and line, and keeps the rest', () => {
    const text = JSON.stringify(
      [item({}), 42, item({ title: '', summary: '' }, { title: '' }), item({ title: undefined }, { title: undefined }), null, item({ id: '2405.00001', title: 'Other' })],
      null,
      2,
    );
    const result = parseDailyPapersJson(FILE, text);
    expect(result.entries.map((e) => [e.item, e.title])).toEqual([
      [0, 'Phased Consistency Model'],
      [5, 'Other'],
    ]);
    expect(result.rejected.map((r) => [r.item, r.reason])).toEqual([
      [1, 'item 1 is not an object'],
      [2, 'item 2 has no title and no summary'],
      [3, 'item 3 has no title'],
      [4, 'item 4 is not an object'],
    ]);
    const lines = text.split('\n');
    for (const r of result.rejected) expect(lines[r.line - 1]!.trim()).toMatch(/^(\{|42|null)/);
  });

  it('leaves out a field of the wrong type with a warning, never the item', () => {
    const result = parse([item({ upvotes: 'many', authors: 'Ada', githubRepo: 'javascript:alert(1)', id: 'abc', publishedAt: 'soon' }, { publishedAt: 7, numComments: -1 })]);
    expect(result.entries).toHaveLength(1);
    const entry = result.entries[0]!;
    expect(entry.ids).toBeUndefined();
    expect(entry.authorNames).toBeUndefined();
    expect(entry.date).toBeUndefined();
    expect(entry.comments).toBeUndefined();
    expect(result.warnings.map((w) => w.reason)).toEqual([
      'item 0: paper.id "abc" is not an arXiv id: kept without one',
      'item 0: paper.githubRepo "javascript:alert(1)" is not a code repository\'s URL: left out',
      'item 0: paper.authors is not what the API gives ("Ada"): left out',
      'item 0: paper.publishedAt is not what the API gives ("soon"): left out',
      'item 0: publishedAt is not what the API gives (7): left out',
      'item 0: paper.upvotes is not what the API gives ("many"): left out',
      'entry has no date line: kept without a date',
      'item 0: numComments is not what the API gives (-1): left out',
    ]);
  });

  it('reads the page’s embedded props and a single item too', () => {
    expect(parse({ dailyPapers: [item({})] }).entries).toHaveLength(1);
    expect(parse(item({})).entries).toHaveLength(1);
  });

  it('reports a file that is not a Daily Papers response, or not JSON at all, in one entry', () => {
    expect(parse({ error: 'Rate limited' }).rejected).toEqual([expect.objectContaining({ line: 1, reason: 'not a Daily Papers response: expected an array of items, each with a "paper"' })]);
    const html = parseDailyPapersJson(FILE, '<!doctype html><title>Daily Papers</title>');
    expect(html.entries).toEqual([]);
    expect(html.rejected).toHaveLength(1);
    expect(html.rejected[0]!.reason).toMatch(/^not valid JSON/);
  });

  it('keeps every item of a truncated save that ended before the break', () => {
    const whole = JSON.stringify([item({}), item({ id: '2405.00002', title: 'Second' }), item({ id: '2405.00003', title: 'Third' })], null, 2);
    const cut = whole.slice(0, whole.indexOf('Third') + 3);
    const result = parseDailyPapersJson(FILE, cut);
    expect(result.entries.map((e) => e.title)).toEqual(['Phased Consistency Model', 'Second']);
    expect(result.rejected).toHaveLength(1);
    expect(result.rejected[0]!.reason).toMatch(/nothing from here on is read/);
  });

  it('keeps markup in titles, abstracts and names as text', () => {
    const hostile = '<img src=x onerror=alert(1)>{props.x}';
    const result = parse([item({ title: hostile, summary: hostile, authors: [{ name: hostile }] })]);
    expect(result.entries[0]).toMatchObject({ title: hostile, abstract: hostile, authorNames: [hostile] });
  });

  it('never throws, and accounts for every array element as an entry or a rejection', () => {
    const anyItem = fc.oneof(
      fc.anything(),
      fc.record({
        paper: fc.record(
          { id: fc.oneof(fc.string(), fc.constant('2405.00001')), title: fc.oneof(fc.string(), fc.integer()), summary: fc.string(), authors: fc.anything(), upvotes: fc.anything() },
          { requiredKeys: [] },
        ),
      }),
    );
    fc.assert(
      fc.property(fc.array(anyItem, { maxLength: 8 }), (items) => {
        const result = parse(items);
        const accounted = new Set([...result.entries.map((e) => e.item), ...result.rejected.map((r) => r.item)]);
        expect(accounted.size).toBe(items.length);
      }),
    );
    fc.assert(fc.property(fc.string(), (text) => void parseDailyPapersJson(FILE, text)));
  });
});
