import { describe, expect, it } from 'vitest';
import { ingestListings } from '../../../src/lib/merge/ingest.ts';
import { mergeApiFields } from '../../../src/lib/merge/api-fields.ts';

const CODE = 'https://github.com/o/r';

describe('mergeApiFields', () => {
  it('takes the service-written fields from the newest listing that gives them, by capture day', () => {
    const merged = mergeApiFields(
      [
        { captured: '2024-06-03', aiSummary: 'newest', githubStars: 30, ids: { code: CODE } },
        { captured: '2024-06-01', aiSummary: 'oldest', aiKeywords: ['old'], projectPage: 'https://old.example/', githubStars: 10, ids: { code: CODE } },
        { captured: '2024-06-02', aiKeywords: ['middle'], projectPage: 'https://new.example/' },
      ],
      CODE,
    );
    expect(merged).toEqual({ aiSummary: 'newest', aiKeywords: ['middle'], projectPage: 'https://new.example/', githubStars: 30 });
  });

  it('counts an undated listing as the oldest, and of two on one day the later in input order as newer', () => {
    expect(mergeApiFields([{ aiSummary: 'undated' }, { captured: '2024-01-01', aiSummary: 'dated' }], undefined).aiSummary).toBe('dated');
    expect(
      mergeApiFields(
        [
          { captured: '2024-01-01', aiSummary: 'first' },
          { captured: '2024-01-01', aiSummary: 'second' },
        ],
        undefined,
      ).aiSummary,
    ).toBe('second');
  });

  it('takes stars only from a listing whose repository is the paper’s code link', () => {
    expect(
      mergeApiFields(
        [
          { captured: '2024-06-02', githubStars: 99, ids: { code: 'https://github.com/other/repo' } },
          { captured: '2024-06-01', githubStars: 5, ids: { code: CODE } },
        ],
        CODE,
      ).githubStars,
    ).toBe(5);
    expect(mergeApiFields([{ githubStars: 5, ids: { code: CODE } }], undefined)).not.toHaveProperty('githubStars');
  });

  it('takes the submitter from the oldest listing, and the earliest withdrawal any listing gives', () => {
    const merged = mergeApiFields(
      [
        { captured: '2024-06-05', submitter: { user: 'later' }, withdrawn: '2024-06-04' },
        { captured: '2024-06-01', submitter: { user: 'first', fullname: 'First' } },
        { captured: '2024-06-09', withdrawn: '2024-06-02' },
      ],
      undefined,
    );
    expect(merged).toEqual({ submitter: { user: 'first', fullname: 'First' }, withdrawn: '2024-06-02' });
  });

  it('leaves out a project page that is the code repository itself', () => {
    expect(mergeApiFields([{ projectPage: `${CODE}/` }], CODE)).toEqual({});
  });
});

describe('ingest: API fields through grouping and merging', () => {
  const listing = (day: string, paper: Record<string, unknown>) => ({
    file: `content/listings/${day}.json`,
    name: day,
    text: JSON.stringify([
      { publishedAt: `${day}T08:00:00.000Z`, paper: { id: '2405.18407', title: 'Phased Consistency Model', summary: 'S.', publishedAt: '2024-05-28T00:00:00.000Z', githubRepo: CODE, ...paper } },
    ]),
  });

  it('one paper from two days’ listings: the newer day’s summary and stars, the older day’s submitter, the withdrawal', () => {
    // Input order is not date order: precedence goes by the listings' days.
    const { papers } = ingestListings([
      listing('2024-06-10', { ai_summary: 'Rewritten.', githubStars: 120, withdrawnAt: '2024-06-09T00:00:00.000Z', submittedOnDailyBy: { user: 'second' } }),
      listing('2024-05-29', {
        ai_summary: 'First take.',
        ai_keywords: ['consistency models'],
        githubStars: 40,
        projectPage: 'javascript:alert(1)',
        submittedOnDailyBy: { user: 'akhaliq', fullname: 'AK' },
      }),
    ]);
    expect(papers).toHaveLength(1);
    expect(papers[0]).toMatchObject({
      arxiv: '2405.18407',
      code: CODE,
      aiSummary: 'Rewritten.',
      aiKeywords: ['consistency models'],
      githubStars: 120,
      submitter: { user: 'akhaliq', fullname: 'AK' },
      withdrawn: '2024-06-09',
    });
    expect(papers[0]).not.toHaveProperty('projectPage');
  });
});
