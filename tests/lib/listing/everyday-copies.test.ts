/**
 * The reader against 70 everyday copies of the page that were written without looking at it
 * (the READMEs in tests/fixtures/copies/ and copies-blind-2/ say how each was made). For every paper a copy holds, the
 * reader either reads it right (title, abstract, byline, date, counts) or says so: a warning or a
 * rejection at a line of that paper's card. Nothing lands silently on the wrong paper, and a copy
 * that holds no papers is rejected whole.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ParsedListing, RawEntry } from '../../../src/lib/listing/index.ts';
import { readAnyListing } from '../../../src/lib/listing/read-any-listing.ts';
import { decodeListing } from '../../../src/lib/listing/text.ts';

interface ExpectedPaper {
  title: string;
  abstract: string;
  lines: [number, number];
  authors?: number;
  authorNames?: string[];
  organisation?: string;
  date?: { year?: number; month: number; day: number };
  upvotes?: number;
  comments?: number;
  submitter?: string;
}
interface Expected {
  how: string;
  verdict: 'papers' | 'rejected';
  papers: ExpectedPaper[];
  mustWarnAt?: number[];
}

/**
 * Three corpora, each written blind by a helper: `copies/` (46) before the reader was rewritten,
 * `copies-blind-2/` (24) after it, and `copies-blind-3/` (30, mostly other kinds of file: saved
 * pages, mail, spreadsheets, feeds). On its first run the second found 9 copies read wrong without
 * a word, the third 19; the reader's mechanisms were changed until none of the first two was, and
 * the third's that are still read wrong are listed in NOT_YET with why.
 */
const CORPORA = ['copies', 'copies-blind-2', 'copies-blind-3'].map((name) => new URL(`../../fixtures/${name}/`, import.meta.url));
const copies = CORPORA.flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => !f.endsWith('.expected.json') && f !== 'README.md')
    .sort()
    .map((file) => ({
      file: `${dir.pathname.split('/').at(-2)}/${file}`,
      text: decodeListing(readFileSync(new URL(file, dir))).text,
      expected: JSON.parse(readFileSync(new URL(file.replace(/\.[^.]+$/, '.expected.json'), dir), 'utf8')) as Expected,
    })),
);

const words = (text: string) => text.replace(/\s+/g, ' ').trim();

/** What differs between the paper read and the paper the copy shows, field by field. */
function differences(entry: RawEntry, paper: ExpectedPaper): string[] {
  const out: string[] = [];
  if (entry.title !== paper.title) out.push(`title "${entry.title}"`);
  if (words(entry.abstract) !== words(paper.abstract)) out.push('abstract');
  if (paper.authors !== undefined && entry.authors !== paper.authors) out.push(`authors ${entry.authors}`);
  if (paper.authorNames && JSON.stringify(entry.authorNames) !== JSON.stringify(paper.authorNames)) out.push(`names ${JSON.stringify(entry.authorNames)}`);
  if (paper.organisation && entry.organisation?.id !== paper.organisation && entry.organisation?.name !== paper.organisation) out.push(`organisation ${JSON.stringify(entry.organisation)}`);
  if (!paper.organisation && entry.organisation && !paper.authorNames) out.push(`organisation ${JSON.stringify(entry.organisation)} read where the copy shows none`);
  const date = entry.date && 'month' in entry.date ? entry.date : undefined;
  if (paper.date && (date?.month !== paper.date.month || date?.day !== paper.date.day || (paper.date.year !== undefined && date?.year !== paper.date.year)))
    out.push(`date ${JSON.stringify(entry.date)}`);
  if (!paper.date && date && paper.date !== undefined) out.push(`date ${JSON.stringify(entry.date)}`);
  const upvotes = entry.date?.upvotes;
  if (paper.upvotes !== undefined && upvotes !== paper.upvotes) out.push(`upvotes ${upvotes}`);
  if (paper.upvotes === undefined && upvotes !== undefined) out.push(`upvotes ${upvotes} where the copy shows none`);
  if (paper.comments !== undefined && entry.comments !== undefined && entry.comments !== paper.comments) out.push(`comments ${entry.comments}`);
  if (paper.submitter !== undefined && entry.submitter?.user !== undefined && entry.submitter.user !== paper.submitter) out.push(`submitter ${entry.submitter.user}`);
  return out;
}

/** Papers of the copy read wrong, or not at all, with no finding at a line of their card. */
function silentlyWrong(parsed: ParsedListing, expected: Expected): string[] {
  const findings = [...parsed.warnings, ...parsed.rejected].map((f) => f.line);
  const named = (paper: ExpectedPaper) => findings.some((line) => line >= paper.lines[0] && line <= paper.lines[1]);
  const problems: string[] = [];
  for (const paper of expected.papers) {
    const entry = parsed.entries.find((e) => e.line >= paper.lines[0] && e.line <= paper.lines[1]);
    const wrong = entry ? differences(entry, paper) : ['not read'];
    if (wrong.length > 0 && !named(paper)) problems.push(`"${paper.title.slice(0, 50)}" (lines ${paper.lines.join('-')}): ${wrong.join('; ')}`);
  }
  // An entry that matches no paper of the copy is a heading or a stray read as a paper.
  for (const entry of parsed.entries) {
    if (!expected.papers.some((p) => entry.line >= p.lines[0] && entry.line <= p.lines[1]) && !findings.includes(entry.line))
      problems.push(`line ${entry.line} "${entry.title.slice(0, 50)}" read as a paper`);
  }
  for (const line of expected.mustWarnAt ?? []) {
    const paper = expected.papers.find((p) => line >= p.lines[0] && line <= p.lines[1]);
    if (!(paper ? named(paper) : findings.includes(line))) problems.push(`no finding for line ${line}`);
  }
  return problems;
}

/**
 * Copies of the third corpus the reader does not read right yet, and why. Each is checked to still
 * fail, so this list shrinks as the reader learns, and never hides a copy that now reads right.
 */
const NOT_YET: Record<string, string> = {
  'copies-blind-3/01-chrome-save-page-html-only.html': "read from the page's embedded data, at each card's title line; the data (made up for the fixture) gives upvotes 0 where the cards show none",
  'copies-blind-3/11-kindle-my-clippings.txt': 'single highlighted sentences under document titles are read as papers, not rejected',
  'copies-blind-3/19-evernote-enex-web-clips.enex': 'an Evernote export (.enex) is rejected whole as not a listing',
  'copies-blind-3/25-rsshub-feed-saved.xml': 'an RSS feed (.xml) is rejected whole as not a listing',
  'copies-blind-3/29-gmail-message-clipped.txt': "the clipped card is rejected at its title's line, not at the line where it breaks off",
  'copies-blind-3/30-hf-posts-feed-rejected.txt': "the site's Posts feed is read as two papers (warned), not rejected",
};

function problemsOf(file: string, text: string, expected: Expected): string[] {
  const parsed = readAnyListing(file, text);
  if (expected.verdict === 'rejected') return parsed.entries.length === 0 && parsed.rejected.length > 0 ? [] : [`${parsed.entries.length} papers read from a file to reject`];
  return silentlyWrong(parsed, expected);
}

describe.each(copies)('$file', ({ file, text, expected }) => {
  const notYet = NOT_YET[file];
  it.runIf(!notYet)(expected.how, () => {
    expect(problemsOf(file, text, expected)).toEqual([]);
  });
  it.runIf(notYet)(`is still read wrong, as NOT_YET says (${notYet}): take it off the list once it reads right`, () => {
    expect(problemsOf(file, text, expected)).not.toEqual([]);
  });
});

it('reads most copies exactly right, not only with warnings', () => {
  const exact = copies.filter(({ file, text, expected }) => {
    const parsed = readAnyListing(file, text);
    return expected.papers.every((paper) => {
      const entry = parsed.entries.find((e) => e.line >= paper.lines[0] && e.line <= paper.lines[1]);
      return entry && differences(entry, paper).length === 0;
    });
  });
  // 86 of the 100 when the third corpus came in.
  expect(exact.length).toBeGreaterThanOrEqual(Math.ceil(copies.length * 0.75));
});
