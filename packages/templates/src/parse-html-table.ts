import { Parser } from 'htmlparser2';
import { layoutSpannedRows, type SpannedCell } from './grid.ts';
import type { RawRow } from './raw-table.ts';
import { normalizeBoxes } from './text-normalize.ts';

const BLOCK = new Set([
  'p',
  'div',
  'br',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'tr',
  'section',
  'article',
]);

/**
 * Reads HTML (a web page or the clipboard's text/html from Word/WPS): the text above the table as
 * one-cell lines, then the table's rows laid out with their rowspan/colspan. htmlparser2 runs in Node
 * and in the extension alike (no DOM needed).
 */
export function parseHtmlTable(html: string): RawRow[] {
  const rows: RawRow[] = [];
  let outside = '';
  let tableDepth = 0;
  let skipDepth = 0; // inside <script>/<style>
  let tableRows: SpannedCell[][] = [];
  let cell: SpannedCell | undefined;
  let tables = 0;
  const pushTable = () => {
    const table = tables++;
    for (const row of layoutSpannedRows(tableRows.map((r) => r.map(tidyCell)))) rows.push({ ...row, table });
  };

  const flushOutside = () => {
    for (const line of outside.split('\n'))
      if (line.trim() !== '') rows.push({ cells: [line.trim()], aligned: false });
    outside = '';
  };
  const append = (text: string) => {
    if (tableDepth > 0) {
      if (cell) cell.text += text;
    } else outside += text;
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'script' || name === 'style') {
          skipDepth++;
          return;
        }
        if (name === 'table') {
          tableDepth++;
          if (tableDepth === 1) {
            flushOutside();
            tableRows = [];
          }
          return;
        }
        if (tableDepth === 1 && name === 'tr') tableRows.push([]);
        else if (tableDepth === 1 && (name === 'td' || name === 'th')) {
          cell = { text: '', rowSpan: span(attrs.rowspan), colSpan: span(attrs.colspan) };
          if (tableRows.length === 0) tableRows.push([]);
          tableRows[tableRows.length - 1]?.push(cell);
        } else if (name === 'input' && /^(checkbox|radio)$/iu.test(attrs.type ?? '')) append('□');
        else if (name === 'br') append('\n');
      },
      ontext(text) {
        // HTML collapses source whitespace; only <br> and block ends break lines.
        if (skipDepth === 0) append(text.replace(/[ \t\r\n\f]+/gu, ' '));
      },
      onclosetag(name) {
        if (name === 'script' || name === 'style') {
          skipDepth = Math.max(0, skipDepth - 1);
          return;
        }
        if (name === 'table') {
          tableDepth = Math.max(0, tableDepth - 1);
          if (tableDepth === 0) {
            pushTable();
            tableRows = [];
            cell = undefined;
          }
          return;
        }
        if (tableDepth === 1 && (name === 'td' || name === 'th')) cell = undefined;
        else if (BLOCK.has(name) && name !== 'br') append('\n');
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  if (tableDepth > 0 && tableRows.length > 0) pushTable();
  flushOutside();
  return rows;
}

function span(value: string | undefined): number {
  const n = Number.parseInt(value ?? '1', 10);
  return Number.isFinite(n) && n > 0 ? n : 1;
}

function tidyCell(cell: SpannedCell): SpannedCell {
  const text = normalizeBoxes(cell.text)
    .split('\n')
    .map((l) => l.replace(/[ \t\r\u00A0]+/gu, ' ').trim())
    .filter((l) => l !== '')
    .join('\n');
  return { ...cell, text };
}

export function looksLikeHtml(text: string): boolean {
  return /<\s*(table|tr|td|th)\b/iu.test(text);
}
