/**
 * A paper's identifiers: its arXiv id, DOI and code repository, read from what listings, abstracts
 * and editors write, and turned into the links that lead to the paper.
 */

/** An arXiv id as arXiv writes it, with any version apart: `2310.06825` + 2, `hep-th/9901001`. */
export interface ArxivId {
  id: string;
  version?: number;
}

/** New-style ids (from April 2007): YYMM, a dot, four digits (to 2014) or five (from 2015). */
const NEW_STYLE = /^(\d{2})(\d{2})\.(\d{4,5})(?:v(\d{1,3}))?$/;
/** Old-style ids: an archive, an optional subject class (dropped: it is not part of the id), YYMMNNN. */
const OLD_STYLE = /^([a-z]+(?:-[a-z]+)?)(?:\.[A-Za-z]{2})?\/(\d{2})(\d{2})(\d{3})(?:v(\d{1,3}))?$/;

/** The identifier a paper's schema stores: an arXiv id without its version. */
export const ARXIV_ID_PATTERN = /^(?:\d{4}\.\d{4,5}|[a-z]+(?:-[a-z]+)?\/\d{7})$/;

const validMonth = (mm: string) => Number(mm) >= 1 && Number(mm) <= 12;

/** Parses a bare arXiv id (`2310.06825v2`, `arXiv:2310.06825`, `math.GT/0309136`); null if it is none. */
export function parseArxivId(text: string): ArxivId | null {
  const bare = text.trim().replace(/^arxiv:\s*/i, '');
  const m = NEW_STYLE.exec(bare);
  if (m) {
    const [, yy, mm, number, version] = m;
    // Five-digit numbers start in 2015 (1501.00001); four-digit ones end with 1412.
    if (!validMonth(mm!) || (number!.length === 5) !== Number(`${yy}${mm}`) >= 1501) return null;
    return withVersion(`${yy}${mm}.${number}`, version);
  }
  const o = OLD_STYLE.exec(bare);
  if (o) {
    const [, archive, yy, mm, number, version] = o;
    // Old-style ids ran from 1991 to March 2007.
    const year = Number(yy) >= 91 ? 1900 + Number(yy) : 2000 + Number(yy);
    if (!validMonth(mm!) || year > 2007) return null;
    return withVersion(`${archive!.toLowerCase()}/${yy}${mm}${number}`, version);
  }
  return null;
}

function withVersion(id: string, version: string | undefined): ArxivId {
  return version === undefined ? { id } : { id, version: Number(version) };
}

/** The year and month an arXiv id was assigned in (its YYMM digits). */
export function arxivMonth(id: string): { year: number; month: number } {
  const digits = /(\d{2})(\d{2})[.\d]/.exec(id.includes('/') ? id.split('/')[1]! : id)!;
  const yy = Number(digits[1]);
  return { year: yy >= 91 ? 1900 + yy : 2000 + yy, month: Number(digits[2]) };
}

const ARXIV_ID_TEXT = String.raw`(\d{4}\.\d{4,5}(?:v\d{1,3})?|[a-z]+(?:-[a-z]+)?(?:\.[A-Z]{2})?/\d{7}(?:v\d{1,3})?)`;
/** Where text names an arXiv paper: its abstract, PDF or HTML page's URL, or an `arXiv:` mention. */
const ARXIV_MENTION = new RegExp(String.raw`(?:arxiv\.org/(?:abs|pdf|html)/${ARXIV_ID_TEXT}|\barxiv:\s?${ARXIV_ID_TEXT})(?![\w.]*\d)`, 'gi');

/** Every distinct arXiv id the text names, in order of first mention. */
export function arxivIdsIn(text: string): string[] {
  const ids = new Set<string>();
  for (const m of text.matchAll(ARXIV_MENTION)) {
    const parsed = parseArxivId(m[1] ?? m[2]!);
    if (parsed) ids.add(parsed.id);
  }
  return [...ids];
}

/** Crossref's pattern for modern DOIs, which covers nearly all of them. */
const DOI_TEXT = String.raw`(10\.\d{4,9}/[-._;()/:A-Za-z0-9]+)`;
const DOI_MENTION = new RegExp(String.raw`(?:doi\.org/|\bdoi:\s?)${DOI_TEXT}`, 'gi');
const DOI = new RegExp(`^${DOI_TEXT}$`);

/** A DOI as stored: lowercase (DOIs are case-insensitive), without a resolver prefix or trailing punctuation. */
export function parseDoi(text: string): string | null {
  const bare = text
    .trim()
    .replace(/^(?:https?:\/\/)?(?:dx\.)?doi\.org\//i, '')
    .replace(/^doi:\s?/i, '');
  const trimmed = bare.replace(/[.,;:)]+$/, '');
  return DOI.test(trimmed) ? trimmed.toLowerCase() : null;
}

/** Every distinct DOI the text names with a `doi:` or resolver prefix, in order of first mention. */
export function doisIn(text: string): string[] {
  const dois = new Set<string>();
  for (const m of text.matchAll(DOI_MENTION)) {
    const doi = parseDoi(m[1]!);
    if (doi) dois.add(doi);
  }
  return [...dois];
}

const REPO_HOSTS = ['github.com', 'gitlab.com', 'huggingface.co', 'bitbucket.org', 'codeberg.org'];
const REPO_URL = /\bhttps?:\/\/(?:www\.)?(github\.com|gitlab\.com|bitbucket\.org|codeberg\.org)\/([A-Za-z0-9][\w.-]*)\/([\w.-]+)/gi;

/**
 * `text` as a URL if it is an absolute http(s) URL without credentials; null for anything else
 * (`javascript:`, `data:`, a relative path, a bare word), which must never become a link.
 */
export function parseHttpUrl(text: string): URL | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  return url.username || url.password ? null : url;
}

/**
 * A code repository's URL, normalised to `https://host/owner/repo`, if `text` is an http(s) URL
 * on a known code host. Anything else (another scheme, a bare word) is not taken: it becomes a link.
 */
export function parseCodeUrl(text: string): string | null {
  const url = parseHttpUrl(text);
  if (!url) return null;
  const host = url.hostname.replace(/^www\./, '').toLowerCase();
  if (!REPO_HOSTS.includes(host)) return null;
  const [owner, repo] = url.pathname.split('/').filter(Boolean);
  if (!owner || !repo || !/^[\w.-]+$/.test(owner) || !/^[\w.-]+$/.test(repo)) return null;
  return `https://${host}/${owner}/${repo.replace(/\.git$/, '').replace(/\.+$/, '')}`;
}

/** Every distinct code repository an abstract links to, normalised, in order of first mention. */
export function codeUrlsIn(text: string): string[] {
  const urls = new Set<string>();
  for (const m of text.matchAll(REPO_URL)) {
    const url = parseCodeUrl(`https://${m[1]!.toLowerCase()}/${m[2]}/${m[3]}`);
    if (url) urls.add(url);
  }
  return [...urls];
}

/** Links that lead to a paper with an arXiv id. */
export function arxivLinks(id: string): { abs: string; pdf: string; huggingFace: string } {
  return {
    abs: `https://arxiv.org/abs/${id}`,
    pdf: `https://arxiv.org/pdf/${id}`,
    huggingFace: `https://huggingface.co/papers/${id}`,
  };
}

export const doiLink = (doi: string) => `https://doi.org/${doi}`;

/**
 * Searches for a paper by its exact title, for papers whose identifier is not known: arXiv, where
 * Daily Papers' papers are, and Google Scholar, which also finds them elsewhere (Semantic Scholar's
 * search was a third link, 190 B a page for what these two find). Query strings are form-encoded
 * (a space is `+`, not `%20`): each link carries the whole title.
 */
export function titleSearchLinks(title: string): { label: string; href: string }[] {
  const search = (address: string, params: Record<string, string>) => `${address}?${new URLSearchParams(params)}`;
  return [
    { label: 'arXiv', href: search('https://arxiv.org/search/', { query: `"${title}"`, searchtype: 'title' }) },
    { label: 'Google Scholar', href: search('https://scholar.google.com/scholar', { q: `"${title}"` }) },
  ];
}

/** Identifiers a paper's abstract gives, with what the reader should be told about each. */
export interface GleanedIdentifiers {
  arxiv?: string;
  doi?: string;
  code?: string;
  /** Why an arXiv id or DOI was taken from, or not taken from, the abstract: each a warning. */
  notes: { arxiv?: string; doi?: string };
}

/** Months between an arXiv id's month and a publication date: arXiv assigns ids on submission. */
function monthsAfterId(id: string, published: string): number {
  const { year, month } = arxivMonth(id);
  const [py, pm] = published.split('-').map(Number) as [number, number];
  return py * 12 + pm - (year * 12 + month);
}

/**
 * A listing's date may lag the id's month (a later version, a late pick for the daily page); never
 * lead it by much. It may lead by one: arXiv numbers a paper in the month it first announces it,
 * and a listing prints the day it was submitted, days or weeks before when moderation held it
 * (https://info.arxiv.org/help/availability.html).
 */
export const PLAUSIBLE_MONTHS = { before: 1, after: 3 };

/** Whether a paper dated `published` (ISO day) can be the paper of arXiv id `id`, by the id's month. */
export function arxivIdFitsDate(id: string, published: string): boolean {
  const lag = monthsAfterId(id, published);
  return lag >= -PLAUSIBLE_MONTHS.before && lag <= PLAUSIBLE_MONTHS.after;
}

/**
 * The identifiers an abstract names for its own paper. An abstract can as well cite other work, so
 * an arXiv id or a DOI counts only when it is the one the abstract names, and an arXiv id only when
 * its month fits the paper's date; each one taken is a guess, and said so. A code link is taken
 * when the abstract links one repository: abstracts link their own code.
 */
export function identifiersFromAbstract(abstract: string, published: string | undefined): GleanedIdentifiers {
  const found: GleanedIdentifiers = { notes: {} };
  const arxiv = arxivIdsIn(abstract);
  if (arxiv.length > 1) found.notes.arxiv = `the abstract names ${arxiv.length} arXiv ids (${arxiv.join(', ')}): none taken as the paper's`;
  else if (arxiv.length === 1) {
    const id = arxiv[0]!;
    if (published !== undefined && !arxivIdFitsDate(id, published)) {
      found.notes.arxiv = `the abstract names arXiv ${id}, which does not fit the paper's date ${published}: not taken as the paper's`;
    } else {
      found.arxiv = id;
      found.notes.arxiv = `arXiv id ${id} taken from the abstract${published ? '' : ' (the paper has no date to check it against)'}: check it, or set it in content/identifiers.yaml`;
    }
  }
  const dois = doisIn(abstract);
  if (dois.length === 1) {
    found.doi = dois[0]!;
    found.notes.doi = `DOI ${found.doi} taken from the abstract: check it, or set it in content/identifiers.yaml`;
  } else if (dois.length > 1) found.notes.doi = `the abstract names ${dois.length} DOIs: none taken as the paper's`;
  const code = codeUrlsIn(abstract);
  if (code.length === 1) found.code = code[0]!;
  return found;
}
