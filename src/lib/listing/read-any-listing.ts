/**
 * Which reader reads a listing file, by its ending: a saved Daily Papers API response, a saved web
 * page, or text (a copy of the page as any editor, notes app or mail client saves it). A file of any
 * other kind dropped among the listings is rejected whole with what to do, never passed over.
 */
import { parseDailyPapersJson } from './parse-daily-papers-json.ts';
import { readHtmlListing } from './read-html-listing.ts';
import { readTextListing } from './read-text-listing.ts';
import { type ParsedListing, unreadListing } from './types.ts';
import { readMimeListing } from './read-mime-listing.ts';

type Reader = (file: string, text: string) => ParsedListing;

const READERS: Record<string, Reader> = {
  '.json': parseDailyPapersJson,
  '.html': readHtmlListing,
  '.htm': readHtmlListing,
  '.xhtml': readHtmlListing,
  '.txt': readTextListing,
  '.text': readTextListing,
  '.md': readTextListing,
  '.markdown': readTextListing,
  '.org': readTextListing,
  '.tsv': readTextListing,
  '.csv': readTextListing,
  '.eml': readMimeListing,
  '.mht': readMimeListing,
  '.mhtml': readMimeListing,
};

export function readAnyListing(file: string, text: string): ParsedListing {
  // The last `.…` of the name, even one that is all of it (`.json`, which extname calls no ending).
  const ending = /\.[^./\\]*$/.exec(file)?.[0].toLowerCase() ?? '';
  const reader = Object.hasOwn(READERS, ending) ? READERS[ending] : undefined;
  if (reader) return reader(file, text);
  return unreadListing(file, `not a listing: a ${ending || 'file without an ending'} is not read; save the page as text (.txt), as a web page (.html), or the API's JSON (.json)`);
}
