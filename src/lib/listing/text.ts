/**
 * Cleans one line of a raw dump: Unicode NFC; tabs and every other space character to a plain
 * space, runs collapsed; control characters, what XML cannot carry, and invisible formatting (soft
 * hyphens, zero-width spaces, byte-order marks, direction marks, and joiners inside Latin, Greek or
 * Cyrillic words) dropped, so that a title copied twice out of a browser reads the same both times.
 * Joiners stay elsewhere: emoji sequences and scripts such as Devanagari and Persian need them.
 */
export function normalizeLine(line: string): string {
  // Most lines are printable ASCII with single spaces, which every step below leaves as they are:
  // the reader cleans each line several times, so that case is answered without them.
  if (PLAIN.test(line)) return line.trim();
  return line
    .normalize('NFC')
    .replace(/[\t\v\f\u0085\u2028\u2029\p{Zs}]/gu, ' ')
    .replace(INVISIBLE, '')
    .replace(/ {2,}/g, ' ')
    .trim();
}

const PLAIN = /^(?:[\x21-\x7E]| (?! ))*$/;

/**
 * Invisible characters a copy may carry that mean nothing in a title or an abstract (see
 * normalizeLine), and characters XML cannot carry at all: control characters, lone surrogates
 * (`\p{Cs}`, which a JSON `\ud800` escape can give) and noncharacters (U+FFFE, U+FFFF, U+FDD0–U+FDEF
 * and the last two of every plane). One of those in a title would make `rss.xml`, the topic feeds and
 * the sitemap ill-formed XML, which feed readers refuse whole.
 */
const INVISIBLE =
  /[\p{Cc}\p{Cs}\p{Noncharacter_Code_Point}\u00AD\u200B\u200E\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]|(?<=[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{N}])[\u200C\u200D]+(?=[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{N}])/gu;

/** Whether a line carries invisible format characters or characters XML cannot carry, which normalizeLine drops (tabs and line ends aside). */
export const hasInvisibleCharacters = (line: string) => BEYOND_ASCII_TEXT.test(line) && INVISIBLE_ANYWHERE.test(line.replace(/[\t\r\n]/g, ''));

/** Most lines are printable ASCII, tabs and line ends, which hold none of them: answered without the costly test. */
const BEYOND_ASCII_TEXT = /[^\t\n\r\x20-\x7E]/;
const INVISIBLE_ANYWHERE = new RegExp(INVISIBLE.source, 'u');

/** Splits a dump into lines, accepting LF, CRLF and lone CR line ends. */
export function splitLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}

const UNREADABLE = /[\uFFFD\p{Cc}]/gu;
const LAYOUT_CONTROLS = /[\t\v\f]/g;

/**
 * Whether a raw line is binary junk rather than text: at least a tenth of it is replacement
 * characters (bytes that were not UTF-8) or control characters other than tabs and page breaks.
 * A stray control character in a long line is just dropped by `normalizeLine`.
 */
export function isBinaryJunk(line: string): boolean {
  const unreadable = (line.replace(LAYOUT_CONTROLS, '').match(UNREADABLE) ?? []).length;
  return unreadable > 0 && unreadable * 10 >= [...line].length;
}

/** How a dump's bytes were read: as UTF-8, as the UTF-16 its byte-order mark names, or as the legacy encoding older tools save. */
export type ListingEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Byte-order marks that name a UTF-16 file (what Windows editors write when asked for "Unicode"). */
const UTF16_MARKS: readonly [ListingEncoding, number, number][] = [
  ['utf-16le', 0xff, 0xfe],
  ['utf-16be', 0xfe, 0xff],
];

/**
 * The text of a dump's bytes. Dumps should be UTF-8. A file that starts with a UTF-16 byte-order
 * mark is read as UTF-16. One saved by older tools is Windows-1252 (Latin-1 as browsers and editors
 * mean it): its `café` is a byte no UTF-8 reader accepts, and read as UTF-8 every such line would
 * become binary junk. So a file whose non-ASCII bytes never form UTF-8 is read as Windows-1252; a
 * UTF-8 file with a few broken bytes stays UTF-8 and only the broken lines are junk.
 */
export function decodeListing(bytes: Uint8Array): { text: string; encoding: ListingEncoding } {
  const utf16 = UTF16_MARKS.find(([, first, second]) => bytes[0] === first && bytes[1] === second);
  if (utf16) return { text: new TextDecoder(utf16[0]).decode(bytes), encoding: utf16[0] };
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  if (!text.includes('\uFFFD') || /[^\u0000-\u007F\uFFFD]/u.test(text)) return { text, encoding: 'utf-8' };
  return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
}
