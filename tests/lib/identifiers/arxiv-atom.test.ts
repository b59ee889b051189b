import { describe, expect, it } from 'vitest';
import { ArxivResponseError, parseArxivResponse } from '../../../src/lib/identifiers/arxiv-atom.ts';
import { ERROR_FEED, atomFeed } from '../../scripts/arxiv-replay.ts';

describe('parseArxivResponse', () => {
  it('reads entries of a documented feed: versioned ids apart, titles unwrapped, authors and DOI', () => {
    const feed = atomFeed([
      { id: '2310.06825v1', title: 'Mistral 7B', published: '2023-10-10', authors: ['Albert Q. Jiang', 'Alexandre Sablayrolles'], doi: '10.48550/ARXIV.2310.06825' },
      { id: 'hep-th/9901001v2', title: 'An Old Paper With a Rather Long Title', published: '1999-01-01', updated: '1999-03-04' },
    ]);
    expect(parseArxivResponse(feed)).toEqual([
      {
        id: '2310.06825',
        version: 1,
        title: 'Mistral 7B',
        published: '2023-10-10',
        updated: '2023-10-10',
        authors: ['Albert Q. Jiang', 'Alexandre Sablayrolles'],
        primaryCategory: 'cs.LG',
        doi: '10.48550/arxiv.2310.06825',
      },
      { id: 'hep-th/9901001', version: 2, title: 'An Old Paper With a Rather Long Title', published: '1999-01-01', updated: '1999-03-04', authors: ['Ada Lovelace'], primaryCategory: 'cs.LG' },
    ]);
  });

  it('reads what an id brings: every author in order, the primary category, the first version’s day', () => {
    const [record] = parseArxivResponse(
      atomFeed([
        {
          id: '2405.18407v3',
          title: 'Phased Consistency Model',
          published: '2024-05-28',
          updated: '2024-10-01',
          authors: ['Fu-Yun Wang', 'Zhaoyang  Huang', 'Alexander William Bergman'],
          category: 'hep-th',
        },
      ]),
    );
    expect(record).toMatchObject({ authors: ['Fu-Yun Wang', 'Zhaoyang Huang', 'Alexander William Bergman'], primaryCategory: 'hep-th', published: '2024-05-28', updated: '2024-10-01' });
    // The primary category is arXiv's own element, not the first <category>; without it, the first one is.
    const crossListed = atomFeed([{ id: '2401.00001', title: 'T', published: '2024-01-01', category: 'astro-ph.CO' }]).replace('<category term="astro-ph.CO"', '<category term="physics.data-an"');
    expect(parseArxivResponse(crossListed)[0]!.primaryCategory).toBe('astro-ph.CO');
    const noPrimary = atomFeed([{ id: '2401.00001', title: 'T', published: '2024-01-01', category: 'math.GT' }]).replace(/<arxiv:primary_category[^>]*\/>/, '');
    expect(parseArxivResponse(noPrimary)[0]!.primaryCategory).toBe('math.GT');
    // An ACM class or a term with markup is no arXiv category: none is kept rather than a wrong one.
    for (const term of ['I.2.6; F.1.1', '&lt;b&gt;cs.LG&lt;/b&gt;', '']) {
      const odd = atomFeed([{ id: '2401.00001', title: 'T', published: '2024-01-01' }])
        .replaceAll('term="cs.LG"', `term="${term}"`)
        .replace(/<category term="stat.ML"[^>]*\/>/, '');
      expect(parseArxivResponse(odd)[0]).not.toHaveProperty('primaryCategory');
    }
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
