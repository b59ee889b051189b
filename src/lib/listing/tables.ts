/**
 * A table of papers, one row a paper, as spreadsheets and notes apps save one: tab-separated
 * (TSV), comma-separated with quotes (CSV, read by csv-parse), or a Markdown pipe table. Each
 * row's cells become lines of their own, each under its column's header (`Upvotes:: 1`), so the rest
 * of the reader sees a card of labelled fields. Lines outside the table (a heading, a note) stay.
 */
import { parse as parseCsv } from 'csv-parse/sync';

/** A line of the file (lines.ts reads them; a table needs only this much of one). */
interface Line {
  line: number;
  text: string;
}

export interface Table {
  lines: Line[];
  /** The header row's line, dropped as the table's own furniture. */
  headerLine?: number;
}

/** A header cell: a short name, no digits (a cell with a count or a sentence is data). */
const HEADER_CELL = /^[\p{L}][\p{L} _-]{0,24}$/u;
/** Columns that hold the title or the abstract need no label before their cells. */
const UNLABELLED = /^(?:title|name|paper|abstract(?: note)?|summary|description)$/i;

/** Each column's label, or undefined when the row is no header. */
function headerOf(cells: string[]): (string | undefined)[] | undefined {
  if (!cells.every((c) => HEADER_CELL.test(c.trim()))) return undefined;
  return cells.map((c) => (UNLABELLED.test(c.trim()) ? undefined : c.trim()));
}

const mode = (values: number[]) => {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]![0];
};

interface Row {
  line: number;
  cells: string[];
}

/** Rows of one width in most of the file make a table; the first such row may be its header. */
function asTable(raw: Line[], rows: (Row | undefined)[], needHeader: boolean): Table | undefined {
  const widths = rows.filter((r): r is Row => r !== undefined).map((r) => r.cells.length);
  const content = raw.filter((r) => r.text.trim() !== '').length;
  if (widths.length === 0) return undefined;
  const columns = mode(widths);
  if (columns < 3) return undefined;
  if (widths.filter((w) => w === columns).length < Math.max(2, content * 0.6)) return undefined;
  const first = rows.find((r) => r?.cells.length === columns)!;
  const header = headerOf(first.cells);
  if (needHeader && !header) return undefined;
  const lines: Line[] = [];
  for (const [i, row] of rows.entries()) {
    if (row === undefined) lines.push(raw[i]!);
    else if (row === first && header) continue;
    else if (row.cells.length !== columns) lines.push({ line: row.line, text: row.cells.join(' ') });
    else {
      for (const [k, cell] of row.cells.entries()) {
        const text = cell.trim();
        // `::`, a property's mark: the header names the cell for certain, whatever it holds (`Notes:: ask Tom`).
        lines.push({ line: row.line, text: header?.[k] && text !== '' ? `${header[k]}:: ${text}` : text });
      }
    }
  }
  return header ? { lines, headerLine: first.line } : { lines };
}

/** `| a | b \| c |` as its cells; the alignment row (`|---|:--:|`) as none. */
function pipeRow(text: string): string[] | undefined {
  const t = text.trim();
  if (!t.startsWith('|') || !t.endsWith('|') || t.length < 3) return undefined;
  const cells = t
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((c) => c.replace(/\\\|/g, '|').trim());
  return cells;
}
const isAlignmentRow = (cells: string[]) => cells.every((c) => /^:?-{3,}:?$/.test(c));

function pipeTable(raw: Line[]): Table | undefined {
  const rows = raw.map((r) => {
    const cells = pipeRow(r.text);
    return cells ? { line: r.line, cells } : undefined;
  });
  if (!rows.some((r) => r && isAlignmentRow(r.cells))) return undefined;
  const kept = raw.filter((_, i) => !(rows[i] && isAlignmentRow(rows[i]!.cells)));
  return asTable(
    kept,
    rows.filter((r) => !(r && isAlignmentRow(r.cells))),
    false,
  );
}

function tabTable(raw: Line[]): Table | undefined {
  if (!raw.some((r) => r.text.includes('\t'))) return undefined;
  const rows = raw.map((r) => (r.text.includes('\t') ? { line: r.line, cells: r.text.split('\t') } : undefined));
  return asTable(raw, rows, false);
}

/** CSV only with a header row: commas are too common in titles and abstracts to guess a table from. */
function csvTable(raw: Line[]): Table | undefined {
  const firstLine = raw.find((r) => r.text.trim() !== '');
  if (!firstLine || (firstLine.text.match(/,/g) ?? []).length < 2) return undefined;
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // csv-parse's types leave out what `info: true` makes of each record.
    records = parseCsv(raw.map((r) => r.text).join('\n'), { relax_column_count: true, relax_quotes: true, info: true, skip_empty_lines: false }) as unknown as typeof records;
  } catch {
    return undefined;
  }
  // A record ends at `info.lines`; it starts on the line after the one before it ended.
  const lineAt = (n: number) => raw[Math.min(n, raw.length) - 1]?.line ?? n;
  let start = 1;
  const rows = records.map(({ record, info }) => {
    const row = { line: lineAt(start), cells: record };
    start = info.lines + 1;
    return row;
  });
  const table = asTable(
    rows.map((r) => ({ line: r.line, text: r.cells.some((c) => c.trim() !== '') ? r.cells.join(',') : '' })),
    rows.map((r) => (r.cells.length > 1 && r.cells.some((c) => c.trim() !== '') ? r : undefined)),
    true,
  );
  return table;
}

/** The file's table, if it is one (see the file comment). */
export function readTable(raw: Line[]): Table | undefined {
  return pipeTable(raw) ?? tabTable(raw) ?? csvTable(raw);
}
