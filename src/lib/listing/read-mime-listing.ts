/**
 * A saved mail (`.eml`, a mail client's "Save As" or "Show original") or a page Chrome saved as one
 * file (`.mhtml`, what "Download page" keeps on a phone): MIME (RFC 2045/2046). The part a person
 * reads is decoded (quoted-printable, base64, the part's charset; a mail's `format=flowed` lines
 * rejoined, RFC 3676) and handed to the text or web-page reader; every finding names the line of the
 * file the decoded line came from. A mail is read by its plain text where it has one (its HTML
 * alternative is the same message); a saved page by its HTML, the root of the file.
 */
import { readHtmlListing } from './read-html-listing.ts';
import { readTextListing } from './read-text-listing.ts';
import { type ParsedListing, atLines, unreadListing } from './types.ts';

interface Line {
  line: number;
  text: string;
}

interface Part {
  type: string;
  params: Map<string, string>;
  encoding: string;
  body: Line[];
}

const UTF8 = new TextEncoder();

/** Deeper than any mail or page a person saves; a hostile file stops here. */
const MAX_DEPTH = 16;

/** Header fields of an entity, folded lines unfolded, names lowercase; and where its body starts. */
function headersOf(lines: Line[]): { fields: Map<string, string>; bodyAt: number } {
  const fields = new Map<string, string>();
  let name = '';
  let i = 0;
  for (; i < lines.length && lines[i]!.text !== ''; i++) {
    const text = lines[i]!.text;
    if (/^[ \t]/.test(text) && name) fields.set(name, `${fields.get(name)} ${text.trim()}`);
    else {
      const colon = text.indexOf(':');
      if (colon <= 0) continue;
      name = text.slice(0, colon).trim().toLowerCase();
      fields.set(name, text.slice(colon + 1).trim());
    }
  }
  return { fields, bodyAt: i + 1 };
}

/** `text/plain; charset=utf-8; format=flowed` as its type and parameters. */
function contentType(value: string | undefined): { type: string; params: Map<string, string> } {
  const [type, ...rest] = (value ?? 'text/plain').split(';');
  const params = new Map<string, string>();
  for (const p of rest) {
    const eq = p.indexOf('=');
    if (eq > 0)
      params.set(
        p.slice(0, eq).trim().toLowerCase(),
        p
          .slice(eq + 1)
          .trim()
          .replace(/^"(.*)"$/, '$1'),
      );
  }
  return { type: type!.trim().toLowerCase(), params };
}

/** Every leaf part of an entity, in order, multiparts split at their boundaries. */
function leavesOf(lines: Line[], depth: number): Part[] {
  const { fields, bodyAt } = headersOf(lines);
  const { type, params } = contentType(fields.get('content-type'));
  const body = lines.slice(bodyAt);
  const boundary = params.get('boundary');
  if (!type.startsWith('multipart/') || !boundary || depth >= MAX_DEPTH) return [{ type, params, encoding: (fields.get('content-transfer-encoding') ?? '7bit').toLowerCase(), body }];
  const parts: Line[][] = [];
  for (const l of body) {
    const marker = l.text.trimEnd();
    if (marker === `--${boundary}--`) break;
    if (marker === `--${boundary}`) parts.push([]);
    else parts.at(-1)?.push(l);
  }
  return parts.flatMap((part) => leavesOf(part, depth + 1));
}

const decoderFor = (charset: string | undefined) => {
  try {
    return new TextDecoder(charset ?? 'utf-8');
  } catch {
    return new TextDecoder('utf-8');
  }
};

/** A quoted-printable body as lines: soft breaks (`=` at a line's end) joined, `=XX` bytes decoded in the part's charset. */
function quotedPrintable(body: Line[], decoder: TextDecoder): Line[] {
  const out: Line[] = [];
  let bytes: number[] = [];
  let first: number | undefined;
  for (const { line, text } of body) {
    first ??= line;
    const soft = text.endsWith('=');
    const encoded = soft ? text.slice(0, -1) : text.trimEnd();
    for (let i = 0; i < encoded.length; i++) {
      const hex = encoded[i] === '=' ? /^[0-9A-Fa-f]{2}$/.exec(encoded.slice(i + 1, i + 3)) : null;
      const code = encoded.codePointAt(i)!;
      if (hex) {
        bytes.push(Number.parseInt(hex[0], 16));
        i += 2;
      } else if (code < 0x80) bytes.push(code);
      else {
        // A character the sender left unencoded (a raw emoji is two UTF-16 units): its UTF-8 bytes.
        bytes.push(...UTF8.encode(String.fromCodePoint(code)));
        if (code > 0xffff) i++;
      }
    }
    if (!soft) {
      // An encoded line end (`=0D=0A`) starts a new line, still on the file's line it was written on.
      for (const text of decoder.decode(Uint8Array.from(bytes)).split(/\r\n|\r|\n/)) out.push({ line: first, text });
      bytes = [];
      first = undefined;
    }
  }
  if (first !== undefined) for (const text of decoder.decode(Uint8Array.from(bytes)).split(/\r\n|\r|\n/)) out.push({ line: first, text });
  return out;
}

/** A base64 body decoded; its lines all name the part's first line, as no decoded line has one of its own. */
function base64(body: Line[], decoder: TextDecoder): Line[] {
  const at = body[0]?.line ?? 1;
  return decoder
    .decode(Buffer.from(body.map((l) => l.text.trim()).join(''), 'base64'))
    .split(/\r\n|\r|\n/)
    .map((text) => ({ line: at, text }));
}

/** `format=flowed`: a line ending in a space goes on in the next line of the same quote depth (RFC 3676). */
function unflow(lines: Line[], delsp: boolean): Line[] {
  const out: Line[] = [];
  const depthOf = (text: string) => /^>*/.exec(text)![0].length;
  for (const l of lines) {
    const previous = out.at(-1);
    const depth = depthOf(l.text);
    // Space-stuffing (a space the sender put before a line starting with `>` or a space) is taken off.
    const content = l.text.slice(depth).replace(/^ /, '');
    if (previous?.text.endsWith(' ') && previous.text !== '-- ' && depthOf(previous.text) === depth && content !== '') {
      previous.text = (delsp ? previous.text.slice(0, -1) : previous.text) + content;
    } else out.push({ line: l.line, text: l.text });
  }
  return out;
}

function decode(part: Part): Line[] {
  const decoder = decoderFor(part.params.get('charset'));
  const lines = part.encoding === 'quoted-printable' ? quotedPrintable(part.body, decoder) : part.encoding === 'base64' ? base64(part.body, decoder) : part.body;
  return part.type === 'text/plain' && part.params.get('format')?.toLowerCase() === 'flowed' ? unflow(lines, part.params.get('delsp')?.toLowerCase() === 'yes') : lines;
}

export function readMimeListing(file: string, text: string): ParsedListing {
  const lines = text.split(/\r\n|\r|\n/).map((t, i) => ({ line: i + 1, text: t }));
  const leaves = leavesOf(lines, 0);
  const saved = /\.mhtml?$/i.test(file) || headersOf(lines).fields.get('content-type')?.toLowerCase().startsWith('multipart/related');
  const order = saved ? ['text/html', 'text/plain'] : ['text/plain', 'text/html'];
  const part = order.map((type) => leaves.find((p) => p.type === type)).find((p) => p !== undefined);
  if (!part) return unreadListing(file, 'a mail or saved page with no text or HTML part: nothing to read');
  const decoded = decode(part);
  const lineOf = (line: number) => decoded[line - 1]?.line ?? decoded.at(-1)?.line ?? 1;
  const body = decoded.map((l) => l.text).join('\n');
  return atLines(part.type === 'text/html' ? readHtmlListing(file, body) : readTextListing(file, body), lineOf);
}
