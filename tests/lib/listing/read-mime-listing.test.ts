/**
 * Saved mail (.eml) and pages saved as one file (.mhtml) read as the listing inside them, at the
 * file's own lines. The encodings are made by a real encoder (libqp, from the Nodemailer project),
 * not by the reader's own rules.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { encode as qpEncode, wrap as qpWrap } from 'libqp';
import { describe, expect, it } from 'vitest';
import { readAnyListing } from '../../../src/lib/listing/read-any-listing.ts';
import { readTextListing } from '../../../src/lib/listing/read-text-listing.ts';

const seed = readFileSync(new URL('../../../content/listings/004_9727063cfcb86ceb.txt', import.meta.url), 'utf8')
  .split('\n')
  .slice(0, 60)
  .join('\n');
const paper = (e: { title: string; abstract: string; authors?: number; date?: unknown }) => ({ title: e.title, abstract: e.abstract.replace(/\s+/g, ' '), authors: e.authors, date: e.date });

/** A mail as a client saves it: headers, then a multipart/alternative of the text and an HTML copy. */
function mail(text: string, width: number, eol: string): string {
  const plain = qpWrap(qpEncode(Buffer.from(text.replace(/\n/g, '\r\n'))), width).replace(/=0D=0A/g, '\r\n');
  const html = qpWrap(qpEncode(Buffer.from(`<p>${text.replace(/\n/g, '<br>')}</p>`)), width);
  return [
    'From: Anna <anna@example.org>',
    'Subject: =?utf-8?Q?Papers_f=C3=BCr_Donnerstag?=',
    'MIME-Version: 1.0',
    'Content-Type: multipart/alternative;',
    '\tboundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    plain,
    '--b1',
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    html,
    '--b1--',
    '',
  ]
    .join('\n')
    .replace(/\r?\n/g, eol);
}

describe('readMimeListing', () => {
  const expected = readTextListing('seed.txt', seed).entries.map(paper);
  it('has papers to compare', () => expect(expected.length).toBeGreaterThan(3));

  it('reads a quoted-printable mail as its plain text, each paper once, at the lines it was encoded on', () => {
    fc.assert(
      fc.property(fc.integer({ min: 40, max: 76 }), fc.constantFrom('\n', '\r\n'), (width, eol) => {
        const file = mail(seed, width, eol);
        const parsed = readAnyListing('papers.eml', file);
        expect(parsed.entries.map(paper)).toEqual(expected);
        const lines = file.split(/\r?\n/);
        // Each paper's line is the encoded line its title starts on.
        for (const entry of parsed.entries) expect(lines[entry.line - 1]!.replace(/=\r?$/, '')).toContain(qpEncode(Buffer.from(entry.title.slice(0, 8))).slice(0, 8));
      }),
      { numRuns: 20 },
    );
  });

  it('rejoins a format=flowed reply and reads the quoted cards', () => {
    const flowed = seed
      .split('\n')
      .flatMap((line) => (line.length > 70 ? line.match(/.{1,60}(?:\s|$)/g)!.map((part, i, all) => (i < all.length - 1 ? part : part.trimEnd())) : [line]))
      .map((line) => (line === '' ? '>' : `> ${line}`));
    const file = ['Content-Type: text/plain; charset=UTF-8; format=flowed', 'Content-Transfer-Encoding: 8bit', '', 'Thanks, I take the first.', '', 'On Thursday, Anna wrote:', ...flowed].join('\n');
    expect(readAnyListing('reply.eml', file).entries.map(paper)).toEqual(expected);
  });

  it('reads a page saved as MHTML by its HTML, and a base64 text part', () => {
    const html = `<html><body>${seed
      .split('\n\n')
      .map((block) => `<p>${block.replace(/\n/g, '<br>')}</p>`)
      .join('')}</body></html>`;
    const mhtml = [
      'MIME-Version: 1.0',
      'Content-Type: multipart/related; type="text/html"; boundary="----B"',
      '',
      '------B',
      'Content-Type: text/html',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      qpWrap(qpEncode(Buffer.from(html)), 76),
      '------B',
      'Content-Type: text/css',
      '',
      'p { margin: 0 }',
      '------B--',
    ].join('\r\n');
    expect(readAnyListing('page.mhtml', mhtml).entries.map(paper)).toEqual(expected);
    const b64 = [
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: base64',
      '',
      ...Buffer.from(seed)
        .toString('base64')
        .match(/.{1,76}/g)!,
    ].join('\n');
    expect(readAnyListing('papers.eml', b64).entries.map(paper)).toEqual(expected);
  });

  it('keeps the file’s line numbers past an encoded line end, and reads a raw emoji as itself', () => {
    const text = ['Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: quoted-printable', '', 'Hi =F0=9F=91=8B=0D=0Asee below 🙂', '', ...seed.split('\n')].join('\n');
    const parsed = readAnyListing('papers.eml', text);
    expect(parsed.entries.map(paper)).toEqual(expected);
    const lines = text.split('\n');
    for (const entry of parsed.entries) expect(lines[entry.line - 1]).toBe(entry.title);
  });

  it('rejects a mail with no text, and stops at a nesting no person saves', () => {
    const image = readAnyListing('photo.eml', ['Content-Type: image/png', 'Content-Transfer-Encoding: base64', '', 'iVBORw0KGgo='].join('\n'));
    expect(image.entries).toEqual([]);
    expect(image.rejected.map((r) => r.reason)).toEqual(['a mail or saved page with no text or HTML part: nothing to read']);
    const nested = Array.from({ length: 5000 }, (_, i) => `Content-Type: multipart/mixed; boundary="n${i}"\n\n--n${i}`).join('\n');
    expect(() => readAnyListing('deep.eml', nested)).not.toThrow();
  });
});
