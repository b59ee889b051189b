import { describe, expect, it } from 'vitest';
import { isBinaryJunk, normalizeLine, splitLines } from '../../src/lib/text.ts';

describe('normalizeLine', () => {
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
