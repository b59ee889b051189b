/**
 * Plain text from the HTML that paper abstracts are rendered to (paragraphs, links and escaped
 * text only: see render-abstract.ts), for meta descriptions, feeds and structured data.
 */

/** A Map, since the key is text of the page: `&constructor;` names nothing. */
const NAMED = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
  ['nbsp', '\u00A0'],
]);

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
      return code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return NAMED.get(body.toLowerCase()) ?? entity;
  });
}

/** Paragraphs separated by a blank line, tags removed, entities decoded, whitespace collapsed. */
export function htmlToPlainText(html: string): string {
  return html
    .split(/<\/p>/i)
    .map((paragraph) =>
      decodeEntities(paragraph.replace(/<[^>]*>/g, ''))
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
}

/** At most `max` characters, cut at a word boundary with an ellipsis, on one line. */
export function summarize(text: string, max = 160): string {
  // Only the start is kept, so only the start is put on one line: every paper page summarises its
  // whole abstract, and a long abstract then costs what a short one does.
  let flat = '';
  for (const [word] of text.matchAll(/\S+/g)) {
    flat = flat === '' ? word : `${flat} ${word}`;
    if (flat.length > max) break;
  }
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}
