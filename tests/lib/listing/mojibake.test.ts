/**
 * Mojibake repair: text encoded as UTF-8 and read back as Windows-1252 (what an old mail client or a
 * mis-set page does) is repaired to the original, whatever the text; text that never went through
 * that is left alone.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { repairMojibake } from '../../../src/lib/listing/mojibake.ts';

const asWindows1252 = (text: string) => new TextDecoder('windows-1252').decode(new TextEncoder().encode(text));
/** Text as listings hold it: letters of several scripts, the page's dots and bullets, typography. */
const listingText = fc.string({ unit: fc.constantFrom(...'aZ 09·•–—“”’…éüßñçøÅ€™αβ中文').map((c) => c), maxLength: 60 });

describe('repairMojibake', () => {
  it('gives back any text that was shown as Windows-1252', () => {
    fc.assert(
      fc.property(listingText, (text) => {
        expect(repairMojibake(asWindows1252(text)).text).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('leaves text alone that was never mangled', () => {
    fc.assert(
      fc.property(listingText, (text) => {
        // `Â` or `Ã` followed by a character Windows-1252 shows for a continuation byte is the only shape it repairs.
        fc.pre(!/[\u00C2-\u00F4][\u0080-\u00BF\u0152-\u2122]/.test(text));
        expect(repairMojibake(text)).toEqual({ text, repaired: 0 });
      }),
      { numRuns: 500 },
    );
  });

  it('counts what it repaired', () => {
    expect(repairMojibake('â€¢ 3 authors Â· cafÃ©')).toEqual({ text: '• 3 authors · café', repaired: 3 });
  });
});
