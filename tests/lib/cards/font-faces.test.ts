import { describe, expect, test } from 'vitest';
import { inRanges, parseFontFaces, parseUnicodeRange } from '../../../src/lib/cards/font-faces.ts';

/** Two rules as Fontsource writes them (from @fontsource/inter/700.css), plus one without WOFF. */
const CSS = `/* inter-greek-700-normal */
@font-face {
  font-family: 'Inter';
  font-style: normal;
  font-display: swap;
  font-weight: 700;
  src: url(./files/inter-greek-700-normal.woff2) format('woff2'), url(./files/inter-greek-700-normal.woff) format('woff');
  unicode-range: U+0370-0377,U+037A-037F,U+0384-038A,U+038C;
}

/* inter-latin-700-normal */
@font-face {
  font-family: 'Inter';
  font-style: normal;
  font-display: swap;
  font-weight: 700;
  src: url(./files/inter-latin-700-normal.woff2) format('woff2'), url(./files/inter-latin-700-normal.woff) format('woff');
  unicode-range: U+0000-00FF,U+0131,U+2000-206F;
}

@font-face {
  font-family: "Only Woff2";
  src: url(./files/x.woff2) format('woff2');
}`;

describe('parseUnicodeRange', () => {
  test('reads single code points, ranges and wildcards', () => {
    expect(parseUnicodeRange('U+0131, U+0370-0377,U+4??')).toEqual([
      [0x131, 0x131],
      [0x370, 0x377],
      [0x400, 0x4ff],
    ]);
  });
});

describe('inRanges', () => {
  test('includes both ends of a range', () => {
    const ranges = parseUnicodeRange('U+0370-0377');
    expect([0x36f, 0x370, 0x377, 0x378].map((cp) => inRanges(cp, ranges))).toEqual([false, true, true, false]);
  });
});

describe('parseFontFaces', () => {
  test('returns each rule with a WOFF file, its weight, style and ranges', () => {
    const faces = parseFontFaces(CSS);
    expect(faces).toEqual([
      { family: 'Inter', weight: 700, style: 'normal', woff: './files/inter-greek-700-normal.woff', ranges: parseUnicodeRange('U+0370-0377,U+037A-037F,U+0384-038A,U+038C') },
      { family: 'Inter', weight: 700, style: 'normal', woff: './files/inter-latin-700-normal.woff', ranges: parseUnicodeRange('U+0000-00FF,U+0131,U+2000-206F') },
    ]);
  });

  test('a rule without unicode-range covers every code point', () => {
    const [face] = parseFontFaces(`@font-face { font-family: 'X'; src: url(a.woff) format("woff"); }`);
    expect(face!.ranges).toEqual([[0, 0x10ffff]]);
    expect(face!.weight).toBe(400);
  });
});
