/**
 * Text fitting bound to the card fonts' real glyph widths, handed to the card template so it can
 * size its text without knowing how fonts are measured.
 */
import { ellipsize, type FitOptions, type FittedText, fitText, type Measure } from '../lib/cards/fit-text.ts';

export interface TextStyle {
  weight: number;
  /** Extra space between letters, in ems (negative tightens), as in the element's `letterSpacing`. */
  letterSpacing?: number;
}

export interface TextKit {
  /** Wraps, shrinks and clamps text into a box (see `fitText`). */
  fit(text: string, options: FitOptions, style: TextStyle): FittedText;
  /** One line of at most `width` px at `fontSize`, cut with an ellipsis when longer. */
  line(text: string, width: number, fontSize: number, style: TextStyle): string;
  /** Width of one line in px. */
  width(text: string, fontSize: number, style: TextStyle): number;
}

export function createTextKit(measurer: (style: TextStyle) => Measure): TextKit {
  return {
    fit: (text, options, style) => fitText(text, options, measurer(style)),
    line: (text, width, fontSize, style) => ellipsize(text.replace(/\s+/g, ' ').trim(), width / fontSize, measurer(style)),
    width: (text, fontSize, style) => measurer(style)(text) * fontSize,
  };
}
