import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeListing, hasInvisibleCharacters, isBinaryJunk, normalizeLine, splitLines } from '../../../src/lib/listing/text.ts';

describe('normalizeLine', () => {
  it('cleans printable ASCII, the common case it answers at once, as it cleans any line: spaces collapsed and trimmed', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(' ', ' ', 'a', 'Z', '0', '.', '\t', '\u00a0', '\u200b') }), (line) => {
        const expected = line
          .replace(/[\t\u00a0]/g, ' ')
          .replace(/\u200b/g, '')
          .replace(/ {2,}/g, ' ')
          .trim();
        expect(normalizeLine(line)).toBe(expected);
      }),
    );
  });

  it('drops what XML cannot carry: noncharacters, lone surrogates, C0 and C1 controls (issue 33)', () => {
    expect(normalizeLine('A\uFFFE B\uFFFF C\uFDD0 D\u{1FFFE} E\u{10FFFF}')).toBe('A B C D E');
    expect(normalizeLine('lone \uD800high and \uDC00low, a pair \u{1F600} kept')).toBe('lone high and low, a pair \u{1F600} kept');
    expect(normalizeLine('bell\u0007 escape\u001B del\u007F c1\u0085')).toBe('bell escape del c1');
    expect(hasInvisibleCharacters('noncharacter \uFFFE')).toBe(true);
    expect(hasInvisibleCharacters('lone \uDBFF')).toBe(true);
    expect(hasInvisibleCharacters('tab\tand line\r\n ends, emoji \u{1F469}\u200D\u{1F4BB}')).toBe(false);
  });

  it('turns tabs, NBSP and other spaces into single spaces and trims', () => {
    expect(normalizeLine('\t  Sparse\tAutoencoders\u00A0for\u2009LLMs \u3000')).toBe('Sparse Autoencoders for LLMs');
    expect(normalizeLine('  • 4 authors')).toBe('• 4 authors');
  });

  it('composes decomposed characters (NFC)', () => {
    const nfd = 'Re\u0301sume\u0301 of Ka\u0308hler Geometry';
    expect(normalizeLine(nfd)).toBe('R\u00e9sum\u00e9 of K\u00e4hler Geometry');
    expect(normalizeLine(nfd)).toBe(normalizeLine(nfd.normalize('NFC')));
  });

  it('drops control characters and invisible formatting but keeps emoji joiners', () => {
    expect(normalizeLine('Trans\u00ADformers\u200B are\u0007 \uFEFFall\u200E you\u2060 need')).toBe('Transformers are all you need');
    expect(normalizeLine('Coders \u{1F469}\u200D\u{1F4BB}')).toBe('Coders \u{1F469}\u200D\u{1F4BB}');
  });

  it('treats Unicode line and paragraph separators inside a line as spaces', () => {
    expect(normalizeLine('one\u2028two\u2029three\u0085four')).toBe('one two three four');
  });

  it('reduces a whitespace-only line to the empty string', () => {
    expect(normalizeLine(' \t\u00A0 ')).toBe('');
  });
});

describe('splitLines', () => {
  it('accepts LF, CRLF and lone CR, mixed in one file', () => {
    expect(splitLines('a\nb\r\nc\rd')).toEqual(['a', 'b', 'c', 'd']);
    expect(splitLines('a\r\n\r\nb')).toEqual(['a', '', 'b']);
  });

  it('drops a leading byte-order mark', () => {
    expect(splitLines('\uFEFFnew\nDaily Papers')).toEqual(['new', 'Daily Papers']);
  });
});

describe('isBinaryJunk', () => {
  it('flags lines made of undecodable bytes or control characters', () => {
    expect(isBinaryJunk('\u0000\u0001\u0002\uFFFDPNG\u001A\u0000\u0000\u0000')).toBe(true);
    expect(isBinaryJunk('\uFFFD\uFFFD')).toBe(true);
  });

  it('lets text with a stray control character or replacement character through', () => {
    expect(isBinaryJunk(`A long abstract line${'.'.repeat(100)}\u0007 with one bell in it`)).toBe(false);
    expect(isBinaryJunk('Caf\uFFFD au lait: an abstract whose one accent was lost in copying')).toBe(false);
  });

  it('does not count tabs and page breaks as junk', () => {
    expect(isBinaryJunk('\f')).toBe(false);
    expect(isBinaryJunk('\tindented\t')).toBe(false);
    expect(isBinaryJunk('')).toBe(false);
  });
});

describe('decodeListing', () => {
  const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

  it('reads a Windows-1252 dump as such, where reading it as UTF-8 would make every accented line junk', () => {
    const bytes = Uint8Array.from([...latin1('Caf\u00e9 title\nAbstract, na\u00efve '), 0x93, ...latin1('quoted'), 0x94, ...latin1('.\n')]);
    expect(decodeListing(bytes)).toEqual({ text: 'Café title\nAbstract, naïve “quoted”.\n', encoding: 'windows-1252' });
  });

  it('keeps a UTF-8 dump with a few broken bytes UTF-8, so only the broken lines are junk', () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode('Café\n'), 0xff, 0xfe, 0x0a]);
    const { text, encoding } = decodeListing(bytes);
    expect(encoding).toBe('utf-8');
    expect(text).toBe('Café\n\uFFFD\uFFFD\n');
  });

  it('reads a dump that starts with a UTF-16 byte-order mark as UTF-16, either way round', () => {
    const text = 'Café title\r\nAn abstract with “quotes” and 数学.\r\n';
    const units = Array.from(text, (c) => c.charCodeAt(0));
    const le = Uint8Array.from([0xff, 0xfe, ...units.flatMap((u) => [u & 0xff, u >> 8])]);
    const be = Uint8Array.from([0xfe, 0xff, ...units.flatMap((u) => [u >> 8, u & 0xff])]);
    expect(decodeListing(le)).toEqual({ text, encoding: 'utf-16le' });
    expect(decodeListing(be)).toEqual({ text, encoding: 'utf-16be' });
  });

  it('reads any UTF-8 text back unchanged, byte-order mark included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.boolean(), (body, bom) => {
        const text = bom ? `\uFEFF${body}` : body;
        expect(decodeListing(new TextEncoder().encode(text))).toEqual({ text, encoding: 'utf-8' });
      }),
    );
  });

  it('reads back Latin-1 text whose accented letters stand between ASCII ones (no such bytes form UTF-8)', () => {
    const ascii = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), minLength: 1 });
    const accent = fc.integer({ min: 0xc0, max: 0xff }).map((c) => String.fromCharCode(c));
    fc.assert(
      fc.property(fc.array(fc.tuple(ascii, accent), { minLength: 1 }), ascii, (pairs, end) => {
        const text = pairs.map(([a, b]) => a + b).join('') + end;
        expect(decodeListing(latin1(text))).toEqual({ text, encoding: 'windows-1252' });
      }),
    );
  });
});
