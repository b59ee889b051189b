/**
 * UTF-8 text that was shown as Windows-1252 somewhere on its way (an old mail client, a mis-set
 * page) and saved so: `•` became `â€¢`, `·` became `Â·`, `é` became `Ã©`. Each such run is the
 * bytes of one UTF-8 character read one byte a character, so reading those bytes back as UTF-8
 * gives the character. A run is replaced only when its bytes are exactly one valid UTF-8 character.
 */
const CP1252 = new TextDecoder('windows-1252');
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Each character Windows-1252 shows for a byte of 0x80–0xFF, and that byte. */
const BYTE_OF = new Map<string, number>();
for (let b = 0x80; b <= 0xff; b++) BYTE_OF.set(CP1252.decode(Uint8Array.of(b)), b);
const escapeClass = (chars: string[]) => chars.map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
const CONTINUATION = escapeClass([...BYTE_OF].filter(([, b]) => b <= 0xbf).map(([c]) => c));
/** A lead byte's character (0xC2–0xF4: `Â` to `ô`) and the continuation bytes' characters after it. */
const RUN = new RegExp(`[\\u00C2-\\u00F4][${CONTINUATION}]{1,3}`, 'g');

/** How many bytes a UTF-8 character has, by its first byte. */
const lengthOf = (lead: number) => (lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4);

/** The line with each run repaired, and how many were. */
export function repairMojibake(line: string): { text: string; repaired: number } {
  if (!/[\u00C2-\u00F4]/.test(line)) return { text: line, repaired: 0 };
  let repaired = 0;
  const text = line.replace(RUN, (run) => {
    const bytes = [...run].map((c) => BYTE_OF.get(c) ?? c.charCodeAt(0));
    const size = lengthOf(bytes[0]!);
    if (bytes.length < size) return run;
    try {
      const char = UTF8.decode(Uint8Array.from(bytes.slice(0, size)));
      repaired++;
      return char + run.slice(size);
    } catch {
      return run;
    }
  });
  return { text, repaired };
}
