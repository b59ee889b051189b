/**
 * A paper's own page copied instead of a listing is read for the one paper it shows, by its
 * headings; a listing whose cards carry an `Abstract` heading is never taken for one.
 */
import { describe, expect, it } from 'vitest';
import { parseListing } from '../../../src/lib/listing/index.ts';
import { readLines } from '../../../src/lib/listing/lines.ts';
import { readPaperPage } from '../../../src/lib/listing/paper-page.ts';

const ABSTRACT = 'We introduce a model that reasons. It is trained with reinforcement learning alone, and we show that it matches much larger models on five benchmarks.';
const TITLE = 'DeepSeek-R1: Incentivizing Reasoning Capability in LLMs via Reinforcement Learning';

/** Today's paper page as a select-all copy gives it (the layout of huggingface.co/papers/<id>). */
const todaysPage = [
  'Papers',
  'arxiv:2501.12948',
  '',
  TITLE,
  '',
  'Published on Jan 22',
  '·',
  'Submitted by',
  'akhaliq',
  'on Jan 22',
  'Upvote',
  '1.3k',
  '#1 Paper of the day',
  'Authors:',
  'DeepSeek-AI',
  ',',
  'Daya Guo',
  ',',
  'Dejian Yang',
  '+196 authors',
  'Abstract',
  '',
  ABSTRACT,
  '',
  'View arXiv page',
  'View PDF',
  'Add to collection',
  'Community',
  'librarian-bot',
  'Jan 23',
  'This is an automated message from the Librarian Bot. I found the following papers similar to this paper.',
  'Reply',
].join('\n');

describe('a paper’s own page', () => {
  it('reads its title, date, upvotes, authors, submitter and arXiv id, and none of its comments', () => {
    const parsed = parseListing('page.txt', todaysPage);
    expect(parsed.entries).toHaveLength(1);
    const [entry] = parsed.entries;
    expect(entry).toMatchObject({
      line: 4,
      title: TITLE,
      abstract: ABSTRACT,
      authorNames: ['DeepSeek-AI', 'Daya Guo', 'Dejian Yang'],
      authors: 199,
      submitter: { user: 'akhaliq' },
      ids: { arxiv: '2501.12948' },
      date: { month: 1, day: 22, upvotes: 1300 },
    });
    expect(parsed.warnings).toEqual([]);
    expect(parsed.ignored['paper page']).toBeGreaterThan(5);
    expect(parsed.roles.get(29)).toBe('furniture (paper page)');
  });

  it('names a line above the title that is neither the id nor the tab’s own title', () => {
    const parsed = parseListing('page.txt', `Paper page - Another Paper Entirely\n${todaysPage}`);
    expect(parsed.entries.map((e) => e.title)).toEqual([TITLE]);
    expect(parsed.warnings.map((w) => w.line)).toEqual([1]);
  });

  it('is not what a listing whose cards have an Abstract heading is taken for', () => {
    const card = (title: string) => [title, 'Abstract', ABSTRACT, '• 4 authors', '·', 'Jan 22', ''];
    const listing = ['Daily Papers', ...card('First Paper'), ...card('Second Paper')].join('\n');
    expect(readPaperPage('l.txt', readLines('l.txt', listing).lines)).toBeUndefined();
    expect(parseListing('l.txt', listing).entries.map((e) => e.title)).toEqual(['First Paper', 'Second Paper']);
  });

  it('is not what a listing with one Abstract heading after other abstracts is taken for', () => {
    const listing = ['First Paper', '', ABSTRACT, '', '• 4 authors', '·', 'Jan 22', '', 'Second Paper', 'Abstract', ABSTRACT, '', '• 2 authors', '·', 'Jan 22'].join('\n');
    expect(readPaperPage('l.txt', readLines('l.txt', listing).lines)).toBeUndefined();
  });
});
