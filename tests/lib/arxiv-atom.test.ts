import { describe, expect, it } from 'vitest';
import { ArxivResponseError, parseArxivResponse } from '../../src/lib/arxiv-atom.ts';
import { ERROR_FEED, atomFeed } from '../scripts/arxiv-replay.ts';

describe('parseArxivResponse', () => {
  it('reads entries of a documented feed: versioned ids apart, titles unwrapped, authors and DOI', () => {
    const feed = atomFeed([
      { id: '2310.06825v1', title: 'Mistral 7B', published: '2023-10-10', authors: ['Albert Q. Jiang', 'Alexandre Sablayrolles'], doi: '10.48550/ARXIV.2310.06825' },
      { id: 'hep-th/9901001v2', title: 'An Old Paper With a Rather Long Title', published: '1999-01-01', updated: '1999-03-04' },
    ]);
    expect(parseArxivResponse(feed)).toEqual([
      { id: '2310.06825', version: 1, title: 'Mistral 7B', published: '2023-10-10', updated: '2023-10-10', authors: ['Albert Q. Jiang', 'Alexandre Sablayrolles'], doi: '10.48550/arxiv.2310.06825' },
      { id: 'hep-th/9901001', version: 2, title: 'An Old Paper With a Rather Long Title', published: '1999-01-01', updated: '1999-03-04', authors: ['Ada Lovelace'] },
    ]);
  });

  it('reads a feed without entries as no results, and keeps a title that looks like a number as text', () => {
    expect(parseArxivResponse(atomFeed([]))).toEqual([]);
    expect(parseArxivResponse(atomFeed([{ id: '2401.00001', title: '1e5', published: '2024-01-01' }]))[0]!.title).toBe('1e5');
  });

  it('refuses the HTTP-200 error entry, a throttling answer, and what is not a feed, saying which can be retried', () => {
    const failure = (body: string) => {
      try {
        parseArxivResponse(body);
      } catch (error) {
        return error instanceof ArxivResponseError ? [error.message, error.retryable] : ['other', false];
      }
      return ['parsed', false];
    };
    expect(failure(ERROR_FEED)).toEqual(['arXiv rejected the query: incorrect id format for 1234.12345', false]);
    expect(failure('Rate exceeded.')).toEqual(['arXiv says "Rate exceeded."', true]);
    expect(failure('<html><body>502 Bad Gateway</body></html>')).toEqual(['not an Atom feed: no <feed> element', false]);
    expect(failure('<feed><entry><id>')[1]).toBe(false);
  });
});
