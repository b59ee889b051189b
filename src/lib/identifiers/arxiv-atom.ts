/**
 * arXiv API responses (Atom 1.0, https://info.arxiv.org/help/api/user-manual.html) read into plain
 * records, with a real XML parser. The traps the manual and practice show are handled here, once:
 * a bad query answers HTTP 200 with one entry titled "Error" whose id is under `/api/errors`; a
 * throttled client gets the plain text "Rate exceeded." instead of a feed; entry ids are URLs with
 * a version (`http://arxiv.org/abs/2310.06825v1`); titles and summaries arrive hard-wrapped.
 */
import { XMLParser } from 'fast-xml-parser';
import { parseArxivId } from './identifiers.ts';
import { parseArxivCategory } from './arxiv-category.ts';

export interface ArxivRecord {
  id: string;
  version?: number;
  title: string;
  /** Day of the first version. */
  published: string;
  /** Day of the latest version. */
  updated: string;
  authors: string[];
  /** arXiv's primary category (`cs.LG`, `hep-th`): what BibTeX's `primaryClass` names. */
  primaryCategory?: string;
  doi?: string;
}

/** Why a response cannot be read as search results. */
export class ArxivResponseError extends Error {
  constructor(
    message: string,
    /** Whether asking again later may help (throttling), as opposed to a query arXiv rejects. */
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'ArxivResponseError';
  }
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  isArray: (name) => name === 'entry' || name === 'author' || name === 'link' || name === 'category',
  // Titles are text: never let the parser read `1e5` or `true` as a number or a boolean.
  parseTagValue: false,
  processEntities: true,
});

const oneLine = (text: unknown) =>
  String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim();
const day = (text: unknown) => oneLine(text).slice(0, 10);

type Node = Record<string, unknown>;

/**
 * The entry's primary category: `<arxiv:primary_category term="…">`, else its first `<category>`
 * (the manual lists the primary one first). A term of another shape (an ACM or MSC class) is none.
 */
function primaryCategory(entry: Node): string | undefined {
  const primary = entry['primary_category'] as Node | undefined;
  const first = (entry['category'] as Node[] | undefined)?.[0];
  return parseArxivCategory(oneLine((primary ?? first)?.['@term'])) ?? undefined;
}

/** The records of one arXiv API response body. Throws ArxivResponseError for anything that is not a feed of results. */
export function parseArxivResponse(body: string): ArxivRecord[] {
  if (/^\s*rate exceeded/i.test(body)) throw new ArxivResponseError('arXiv says "Rate exceeded."', true);
  let doc: Node;
  try {
    doc = parser.parse(body, true) as Node;
  } catch (error) {
    throw new ArxivResponseError(`not an Atom feed: ${(error as Error).message.split('\n')[0]}`, false);
  }
  const feed = doc['feed'] as Node | undefined;
  if (!feed || typeof feed !== 'object') throw new ArxivResponseError('not an Atom feed: no <feed> element', false);
  const entries = (feed['entry'] as Node[] | undefined) ?? [];
  const records: ArxivRecord[] = [];
  for (const entry of entries) {
    const idUrl = oneLine(entry['id']);
    if (idUrl.includes('/api/errors')) throw new ArxivResponseError(`arXiv rejected the query: ${oneLine(entry['summary'])}`, false);
    const parsed = parseArxivId(idUrl.replace(/^https?:\/\/arxiv\.org\/abs\//, ''));
    if (!parsed) continue;
    const record: ArxivRecord = {
      ...parsed,
      title: oneLine(entry['title']),
      published: day(entry['published']),
      updated: day(entry['updated'] ?? entry['published']),
      authors: ((entry['author'] as Node[] | undefined) ?? []).map((a) => oneLine(a['name'])).filter(Boolean),
    };
    const category = primaryCategory(entry);
    if (category) record.primaryCategory = category;
    const doi = oneLine(entry['doi']);
    if (doi) record.doi = doi.toLowerCase();
    records.push(record);
  }
  return records;
}
