/**
 * Ways real copies of a listing differ from the one saved here: what browsers, editors, exporters
 * and people do to the same page. Each takes a whole listing's text and gives the same listing as
 * another copy would read; the metamorphic suite checks that ingest reads the same papers from it.
 */

export interface CopyVariant {
  name: string;
  /** What a real copy does, in one line. */
  description: string;
  /** Page dumps only: the variant changes metadata or date lines, which bare dumps do not have. */
  pageOnly?: boolean;
  /** Variants of one group rewrite the same lines, so a copy has at most one of them. */
  group?: 'dot' | 'date';
  apply(text: string): string;
}

const DATE = String.raw`(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* \d{1,2}(?:, \d{4})?(?: \d+)?`;
/** A separator line with the metadata line before it and the date line after it. */
const META_DOT_DATE = new RegExp(String.raw`^([^\n]+)\n·\n(${DATE})$`, 'gm');
/** An entry's date line: the line after a separator. */
const ENTRY_DATE = new RegExp(String.raw`(\n·\n)(${DATE})$`, 'gm');
const MONTH_NUMBER: Record<string, string> = { Jan: '01', Feb: '02', Mar: '03', Apr: '04', May: '05', Jun: '06', Jul: '07', Aug: '08', Sep: '09', Oct: '10', Nov: '11', Dec: '12' };

/** Rewrites every entry date line with `rewrite(month, day, year, upvotes)`. */
const rewriteDates = (text: string, rewrite: (month: string, day: string, year: string | undefined, upvotes: string | undefined) => string) =>
  text.replace(ENTRY_DATE, (_, dot: string, date: string) => {
    const [, month, day, year, upvotes] = /^(\w{3})\w* (\d{1,2})(?:, (\d{4}))?(?: (\d+))?$/.exec(date)!;
    return `${dot}${rewrite(month!, day!, year, upvotes)}`;
  });

const NAVIGATION = ['Hugging Face', 'Models', 'Datasets', 'Spaces', 'Docs', 'Enterprise', 'Pricing', 'Log In', 'Sign Up'];
const FOOTER = ['Previous', 'System theme', 'Company', 'TOS', 'Privacy', 'About', 'Careers', 'Website', 'Models', 'Datasets', 'Spaces', 'Pricing', 'Docs'];

/** Lines of abstracts long enough to split into two paragraphs of whole sentences each. */
function splitLongParagraphs(text: string): string {
  return text.replace(/^(?=.{600,}$)(.*?[a-z]{3}\. )((?:[^.]*\. ){2,}.*)$/gm, (line: string) => {
    // Each cut is the space after a sentence's full stop.
    const cuts = [...line.matchAll(/[a-z]{3}\. (?=[A-Z])/g)].map((m) => m.index + 4);
    const cut = cuts.find((at) => at > line.length / 2 && at < line.length - 200);
    return cut === undefined ? line : `${line.slice(0, cut)}\n\n${line.slice(cut + 1)}`;
  });
}

export const COPY_VARIANTS: readonly CopyVariant[] = [
  { name: 'crlf', description: 'saved on Windows: CRLF line ends', apply: (t) => t.replace(/\r?\n/g, '\r\n') },
  { name: 'tabs', description: 'an editor that turns spaces into tabs', apply: (t) => t.replace(/ /g, '\t') },
  { name: 'no-break spaces', description: 'a browser that copies spaces as no-break spaces', apply: (t) => t.replace(/ /g, '\u00A0') },
  {
    name: 'zero-width',
    description: 'zero-width spaces after spaces and a zero-width joiner inside the first long word of each line',
    apply: (t) => t.replace(/ /g, ' \u200B').replace(/^([A-Za-z]{2})([a-z]{2,})/gm, '$1\u200D$2'),
  },
  { name: 'no blank lines', description: 'a copy without the blank lines between blocks', apply: (t) => t.replace(/\n{2,}/g, '\n') },
  { name: 'double blank lines', description: 'a copy with a blank line after every line', apply: (t) => t.replace(/\n/g, '\n\n') },
  {
    name: 'furniture',
    description: 'a select-all copy: site navigation on top, vote widgets between entries, the footer at the end',
    apply: (t) => `${NAVIGATION.join('\n')}\n${t.replace(/\n\n(?=\S)/, '\n\n[-] 3\n\n')}\n${FOOTER.join('\n')}\n`,
  },
  { name: 'one-row metadata', group: 'dot', description: 'metadata, dot and date kept on one row', pageOnly: true, apply: (t) => t.replace(META_DOT_DATE, '$1 · $2') },
  { name: 'dot on the metadata line', group: 'dot', description: 'the dot stays with the author count or organisation', pageOnly: true, apply: (t) => t.replace(META_DOT_DATE, '$1 ·\n$2') },
  { name: 'dot on the date line', group: 'dot', description: 'the dot moves to the start of the date line', pageOnly: true, apply: (t) => t.replace(META_DOT_DATE, '$1\n· $2') },
  { name: 'katakana dot', description: 'a CJK font or input method gives ・ (U+30FB) for the middle dot', pageOnly: true, apply: (t) => t.replace(/^·$/gm, '・') },
  {
    name: 'published on',
    group: 'date',
    description: 'dates with the prefix the page shows on paper pages',
    pageOnly: true,
    apply: (t) => rewriteDates(t, (m, d, y, u) => `Published on ${m} ${d}${y ? `, ${y}` : ''}${u ? ` ${u}` : ''}`),
  },
  {
    name: 'no comma',
    group: 'date',
    description: 'dates written without the comma before the year',
    pageOnly: true,
    apply: (t) => rewriteDates(t, (m, d, y, u) => `${m} ${d}${y ? ` ${y}` : ''}${u ? ` ${u}` : ''}`),
  },
  {
    name: 'day first',
    group: 'date',
    description: 'dates in the day-month order of other locales',
    pageOnly: true,
    apply: (t) => rewriteDates(t, (m, d, y, u) => `${d} ${m}${y ? ` ${y}` : ''}${u ? ` ${u}` : ''}`),
  },
  {
    name: 'ISO dates',
    group: 'date',
    description: 'dates with a year written as ISO dates',
    pageOnly: true,
    apply: (t) => rewriteDates(t, (m, d, y, u) => (y ? `${y}-${MONTH_NUMBER[m]}-${d.padStart(2, '0')}` : `${m} ${d}`) + (u ? ` ${u}` : '')),
  },
  {
    name: 'upvotes on their own line',
    group: 'date',
    description: 'the upvote count copied onto the line after the date',
    pageOnly: true,
    apply: (t) => rewriteDates(t, (m, d, y, u) => `${m} ${d}${y ? `, ${y}` : ''}${u ? `\n${u}` : ''}`),
  },
  { name: 'paragraphs', description: 'long abstracts split into two paragraphs, as arXiv abstracts often are', pageOnly: true, apply: splitLongParagraphs },
];
