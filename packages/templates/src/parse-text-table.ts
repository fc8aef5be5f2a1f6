import type { RawRow } from './raw-table.ts';
import { stripInlineHtml } from './text-normalize.ts';

/**
 * Reads a table pasted as plain text. Two layouts occur in practice:
 * - one row per line, cells separated by tabs (web pages, WPS, converters; cells may hold `<p>` bits);
 * - Word's "one cell per line": every cell starts with a tab on its own line, a cell's text may go on
 *   over following lines, and an empty line ends the row.
 * Markdown pipe tables (`| a | b |`) are read as tab rows.
 */
export function parseTextTable(text: string): RawRow[] {
  const normalized = text.replace(/\r\n?/gu, '\n');
  const lines = normalized.split('\n');
  return isCellPerLine(lines) ? readCellPerLine(lines) : readRowPerLine(normalized);
}

function isCellPerLine(lines: string[]): boolean {
  let single = 0;
  let multi = 0;
  for (const line of lines) {
    if (!line.includes('\t')) continue;
    if (/^\t[^\t]*$/u.test(line)) single++;
    else multi++;
  }
  return single >= 3 && single > multi;
}

/** A sheet saved as .csv: comma-separated, quoted like the clipboard text; merged cells come out empty. */
export function parseCsvTable(text: string): RawRow[] {
  return splitTsv(text.replace(/\r\n?/gu, '\n').replace(/^\uFEFF/u, ''), ',')
    .filter((fields) => fields.some((f) => f.trim() !== ''))
    .map((fields) => textRow(fields.map(cleanCell)));
}

function readRowPerLine(text: string): RawRow[] {
  const rows: RawRow[] = [];
  for (const fields of splitTsv(text)) {
    const line = fields.join('\t');
    if (line.trim() === '') continue;
    // Markdown separators (`---\t---`, `|---|---|`) carry no content.
    if (/^[\s|:\-—–]+$/u.test(line) && /-{3}/u.test(line)) continue;
    const cells =
      fields.length === 1 && /^\s*\|.*\|\s*$/u.test(line) ? line.trim().slice(1, -1).split('|') : fields;
    rows.push(textRow(cells.map(cleanCell)));
  }
  return rows;
}

/**
 * Tab-separated rows as Excel and WPS put them on the clipboard: a cell holding line breaks is wrapped in
 * ASCII double quotes (`"line 1\nline 2"`, `""` for a quote). A quote only opens such a cell when it starts
 * the cell and a closing quote ends a cell later on, so Chinese text with stray quotes is read as is.
 */
export function splitTsv(text: string, delimiter = '\t'): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let atStart = true;
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (atStart && c === '"') {
      const close = closingQuote(text, i + 1, delimiter);
      if (close !== -1) {
        field += text.slice(i + 1, close).replace(/""/gu, '"');
        i = close + 1;
        atStart = false;
        continue;
      }
    }
    if (c === delimiter || c === '\n') {
      row.push(field);
      field = '';
      atStart = true;
      if (c === '\n') {
        rows.push(row);
        row = [];
      }
    } else {
      field += c;
      atStart = false;
    }
    i++;
  }
  row.push(field);
  rows.push(row);
  return rows;
}

/** Index of the quote closing a quoted cell that starts at `from`, or -1. */
function closingQuote(text: string, from: number, delimiter: string): number {
  let i = from;
  while (i < text.length) {
    const q = text.indexOf('"', i);
    if (q === -1) return -1;
    if (text[q + 1] === '"') {
      i = q + 2;
      continue;
    }
    const next = text[q + 1];
    return next === undefined || next === delimiter || next === '\n' ? q : -1;
  }
  return -1;
}

function readCellPerLine(lines: string[]): RawRow[] {
  const rows: RawRow[] = [];
  let cells: string[] | undefined;
  const endRow = () => {
    if (cells?.some((c) => c.trim() !== '')) rows.push(textRow(cells.map(cleanCell)));
    cells = undefined;
  };
  for (const line of lines) {
    if (line.startsWith('\t')) {
      cells ??= [];
      // A line with more tabs holds several cells (rare in this layout, but Word does it for empty cells).
      for (const cell of line.slice(1).split('\t')) cells.push(cell);
    } else if (line.trim() === '') {
      endRow();
    } else if (cells && cells.length > 0) {
      cells[cells.length - 1] += `\n${line}`;
    } else {
      // Text outside the table (the 附件 line, the title, the header line): a row of one cell.
      rows.push({ cells: [cleanCell(line)], aligned: false });
    }
  }
  endRow();
  return rows;
}

function cleanCell(cell: string): string {
  return stripInlineHtml(cell)
    .split('\n')
    .map((l) => l.trim())
    .join('\n')
    .replace(/^\n+|\n+$/gu, '');
}

function textRow(cells: string[]): RawRow {
  const kept = trimTrailingEmpty(cells);
  const emptyTail = cells.length - kept.length;
  return emptyTail > 0 ? { cells: kept, aligned: false, emptyTail } : { cells: kept, aligned: false };
}

function trimTrailingEmpty(cells: string[]): string[] {
  let end = cells.length;
  while (end > 0 && (cells[end - 1] ?? '').replace(/[\s\u3000]/gu, '') === '') end--;
  return cells.slice(0, end);
}
