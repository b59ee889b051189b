/**
 * How to cite a paper: a BibTeX entry and a plain-text reference, from what the catalog knows. A
 * paper with an arXiv id is cited the way arXiv asks (`@misc` with `eprint`, `archivePrefix` and,
 * when its category is recorded, `primaryClass`);
 * any other is cited by its catalog page. Names, titles and ids are data: every character BibTeX or
 * LaTeX would read as markup is escaped (`escapeBibtex`), so a hostile title cites as text.
 */
import slugify from '@sindresorhus/slugify';
import { parseIsoDate } from '../listing/dates.ts';
import { arxivLinks, arxivMonth, doiLink } from '../identifiers/identifiers.ts';
import type { PaperData } from '../paper/paper.ts';

export interface CitablePaper {
  title: string;
  published?: string | undefined;
  authorNames?: readonly string[] | undefined;
  /** The lab or company a listing named, cited as a corporate author when no names are known. */
  organisation?: string | undefined;
  arxiv?: string | undefined;
  /** arXiv's primary category: an e-print's `primaryClass`. */
  arxivCategory?: string | undefined;
  doi?: string | undefined;
  /** The paper's page in the catalog: what a paper without an id is cited by. */
  pageUrl: string;
}

/** What a citation needs of a paper's front matter, and the absolute URL of its page. */
export function citableOf(data: PaperData, pageUrl: string): CitablePaper {
  return {
    title: data.title,
    // An e-print is dated by its first version, when its arXiv entry said; a listing's day otherwise.
    published: (data.arxiv && data.arxivSubmitted) || data.published,
    authorNames: data.authorNames,
    organisation: data.organisation?.name,
    arxiv: data.arxiv,
    arxivCategory: data.arxivCategory,
    doi: data.doi,
    pageUrl,
  };
}

const LATEX_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}',
  // LaTeX's default font encoding sets these as ¡, ¿ and a dash.
  '<': '\\textless{}',
  '>': '\\textgreater{}',
  '|': '\\textbar{}',
};

/**
 * Text as a BibTeX field's content: LaTeX's special characters escaped, so braces always balance
 * and nothing in it is a command. Unicode stays as it is (biber and bibtex8 read UTF-8).
 */
export function escapeBibtex(text: string): string {
  return text
    .replace(/[\\{}&%$#_^~<>|]/g, (c) => LATEX_SPECIALS[c]!)
    .replace(/\s+/g, ' ')
    .trim();
}

/** A name as BibTeX reads an author: as written, braced whole where BibTeX would split it (`and`) or reorder it (a comma). */
function bibtexName(name: string): string {
  const escaped = escapeBibtex(name);
  return /,|\band\b/i.test(name) ? `{${escaped}}` : escaped;
}

const MONTH_MACROS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const STOP_WORDS = new Set(['a', 'an', 'the', 'on', 'of', 'in', 'for', 'and', 'to', 'with', 'is', 'are', 'via', 'from', 'by', 'at', 'as', 'towards', 'toward']);

/** ASCII words of a text, lowercase: what a cite key may be made of. */
const asciiWords = (text: string) => slugify(text, { decamelize: false }).split('-').filter(Boolean);

/** The last word of a name, where family names usually stand in the names listings give. */
function familyName(name: string): string {
  const words = asciiWords(name);
  return words[words.length - 1] ?? '';
}

/** The year cited: the paper's date's, else an e-print's by its id, which arXiv gives in the year it first announces it. */
const citedYear = (paper: CitablePaper) => (paper.published ? paper.published.slice(0, 4) : paper.arxiv ? String(arxivMonth(paper.arxiv).year) : undefined);

/**
 * A cite key in the form readers know from Google Scholar and Semantic Scholar: the first author's
 * family name, the year, the title's first significant word, and the initials of the next two
 * (`lovelace2024phasedCM`), so two papers of one author and year rarely share one.
 */
export function citeKey(paper: CitablePaper): string {
  const who = paper.authorNames?.[0] ? familyName(paper.authorNames[0]) : paper.organisation ? (asciiWords(paper.organisation)[0] ?? '') : '';
  const year = citedYear(paper) ?? '';
  const words = asciiWords(paper.title).filter((w) => !STOP_WORDS.has(w));
  const [first = 'paper', ...rest] = words;
  const initials = rest
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');
  return `${who}${year}${first}${initials}`;
}

/** The URL a citation points at: the arXiv abstract page, else the DOI, else the catalog page. */
export function citationUrl(paper: CitablePaper): string {
  if (paper.arxiv) return arxivLinks(paper.arxiv).abs;
  if (paper.doi) return doiLink(paper.doi);
  return paper.pageUrl;
}

/** The paper's BibTeX entry. */
export function bibtexEntry(paper: CitablePaper): string {
  const fields: [string, string][] = [['title', `{${escapeBibtex(paper.title)}}`]];
  if (paper.authorNames?.length) fields.push(['author', paper.authorNames.map(bibtexName).join(' and ')]);
  else if (paper.organisation) fields.push(['author', `{${escapeBibtex(paper.organisation)}}`]);
  if (paper.published) {
    const { year, month } = parseIsoDate(paper.published);
    fields.push(['year', String(year)]);
    fields.push(['month', MONTH_MACROS[month - 1]!]);
  } else if (paper.arxiv) fields.push(['year', citedYear(paper)!]);
  if (paper.arxiv) {
    fields.push(['eprint', escapeBibtex(paper.arxiv)], ['archivePrefix', 'arXiv']);
    if (paper.arxivCategory) fields.push(['primaryClass', escapeBibtex(paper.arxivCategory)]);
  }
  if (paper.doi) fields.push(['doi', escapeBibtex(paper.doi)]);
  fields.push(['url', escapeBibtex(citationUrl(paper))]);
  const body = fields.map(([name, value]) => `  ${name} = ${name === 'month' ? value : `{${value}}`}`).join(',\n');
  return `@misc{${citeKey(paper)},\n${body}\n}`;
}

/** Authors as a reference list writes them: up to three names, then "et al.". */
function authorList(paper: CitablePaper): string | undefined {
  const names = paper.authorNames ?? [];
  if (names.length === 0) return paper.organisation;
  if (names.length > 3) return `${names[0]} et al.`;
  if (names.length === 1) return names[0];
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** A plain-text reference: `Ada Lovelace and Charles Babbage (2024). Title. arXiv:2405.18407. https://…`. */
export function plainCitation(paper: CitablePaper): string {
  const who = authorList(paper);
  const year = citedYear(paper) ?? 'n.d.';
  const title = /[.?!]$/.test(paper.title) ? paper.title : `${paper.title}.`;
  const where = paper.arxiv ? ` arXiv:${paper.arxiv}.` : paper.doi ? ` doi:${paper.doi}.` : '';
  // Without an author, the title takes the author's place (as APA has it).
  const head = who ? `${who} (${year}). ${title}` : `${paper.title.replace(/\.$/, '')} (${year}).`;
  return `${head}${where} ${citationUrl(paper)}`;
}
