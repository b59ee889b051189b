/**
 * Tables of papers, one row a paper: each cell becomes a line under its column's header, whatever
 * the table's kind (TSV, CSV with quotes, a Markdown pipe table); the header row is furniture, and
 * lines outside the table stay as they are.
 */
import { describe, expect, it } from 'vitest';
import { readTable } from '../../../src/lib/listing/tables.ts';

const lines = (text: string) => text.split('\n').map((t, i) => ({ line: i + 1, text: t }));
const cells = (text: string) => readTable(lines(text))?.lines.map((l) => [l.line, l.text]);

describe('readTable', () => {
  it("reads CSV with quoted commas, doubled quotes and a field over two lines, each cell at its row's first line", () => {
    const csv = ['Title,Authors,Published,Abstract', '"A ""quoted"" title",2,"Oct 16, 2024","An abstract, with a comma."', 'B,3,May 2,"Two', 'lines."', ',,,'].join('\n');
    expect(cells(csv)).toEqual([
      [2, 'A "quoted" title'],
      [2, 'Authors:: 2'],
      [2, 'Published:: Oct 16, 2024'],
      [2, 'An abstract, with a comma.'],
      [3, 'B'],
      [3, 'Authors:: 3'],
      [3, 'Published:: May 2'],
      [3, 'Two\nlines.'],
      [5, ''],
    ]);
    expect(readTable(lines(csv))?.headerLine).toBe(1);
  });

  it('reads a Markdown pipe table, its escaped pipes and the note under it', () => {
    const md = ['# Week 21', '', '| Title | Authors | Abstract |', '|---|---:|---|', '| A \\| B | 5 | Text. |', '| C | 7 | More. |', '', '_to discuss_'].join('\n');
    expect(cells(md)).toEqual([
      [1, '# Week 21'],
      [2, ''],
      [5, 'A | B'],
      [5, 'Authors:: 5'],
      [5, 'Text.'],
      [6, 'C'],
      [6, 'Authors:: 7'],
      [6, 'More.'],
      [7, ''],
      [8, '_to discuss_'],
    ]);
  });

  it('takes no table from prose with commas, nor CSV without a header', () => {
    expect(readTable(lines('A Title\n\nWe study a, b, and c, in depth.\n\n3 authors · May 28, 2024'))).toBeUndefined();
    expect(readTable(lines('A,1,May 2,"x"\nB,2,May 3,"y"'))).toBeUndefined();
  });
});
