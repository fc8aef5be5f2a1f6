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
  const lines = text.replace(/\r\n?/gu, '\n').split('\n');
  return isCellPerLine(lines) ? readCellPerLine(lines) : readRowPerLine(lines);
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

function readRowPerLine(lines: string[]): RawRow[] {
  const rows: RawRow[] = [];
  for (const raw of lines) {
    const line = raw.replace(/\s+$/u, (tail) => tail.replace(/[^\t]/gu, ''));
    if (line.trim() === '') continue;
    // Markdown separators (`---\t---`, `|---|---|`) carry no content.
    if (/^[\s|:\-—–]+$/u.test(line) && /-{3}/u.test(line)) continue;
    let cells: string[];
    if (/^\s*\|.*\|\s*$/u.test(line)) cells = line.trim().slice(1, -1).split('|');
    else cells = line.split('\t');
    rows.push(textRow(cells.map(cleanCell)));
  }
  return rows;
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
      cells.push(...line.slice(1).split('\t'));
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
