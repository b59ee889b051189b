/**
 * Cleans one line of a raw dump: Unicode NFC, tabs and odd spaces to plain spaces, runs collapsed,
 * control characters dropped. Dumps are copied out of browsers, so all of these occur.
 */
export function normalizeLine(line: string): string {
  return line
    .normalize('NFC')
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F\u200B\uFEFF]/g, '')
    .replace(/[\t\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Splits a dump into lines, accepting LF, CRLF and lone CR line ends. */
export function splitLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}
