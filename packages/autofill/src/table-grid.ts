// Row and column headers of a table cell, with rowspan/colspan laid out the way the browser does.
import { textOf } from './dom.ts';
import { clean, saysNothing } from './text.ts';

interface Place {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

export interface Grid {
  cells: (HTMLTableCellElement | undefined)[][];
  places: Map<HTMLTableCellElement, Place>;
  /** Rows above the first row that holds a control: the header rows. */
  headerRows: number;
  /** <th> cells below the header rows (side headers in the body), in row order. */
  bodyHeaders: HTMLTableCellElement[];
  /** Section heading rows (one cell across the whole table, no control): their row indices. */
  bands: Set<number>;
  /** Per row: the section headings above it, outermost first, numbering cut off ('' when none). */
  sections: string[];
  /** Headers per cell: a cell with six blanks is looked up once. */
  memo: Map<HTMLTableCellElement, Headers>;
}

export interface Headers {
  row: string[];
  col: string[];
  section: string;
  /** Text of the cell right of this one when it holds no control (a 单位 column after the value). */
  next: string;
}

/** Numbering that starts a section heading, and the level it marks: 一、 (1), （一） (2), 1. (3), （1） (4). */
const LEVELS: [RegExp, number][] = [
  [/^[一二三四五六七八九十]+\s*[、.．]\s*/, 1],
  [/^[(（]\s*[一二三四五六七八九十]+\s*[)）]\s*[、.．]?\s*/, 2],
  [/^\d+\s*[、.．](?!\d)\s*/, 3],
  [/^[(（]\s*\d+\s*[)）]\s*/, 4],
];

/** A cell that holds only a number: 1, 1.、（一）、一、①. */
const NUMBERING = /^([(（]?\s*[一二三四五六七八九十\d]+\s*[)）]?\s*[、.．]?|[①-⑳])$/;

const controlSelector = 'input:not([type=hidden]):not([type=button]):not([type=submit]),select,textarea';

export function buildGrid(table: HTMLTableElement): Grid {
  const cells: (HTMLTableCellElement | undefined)[][] = [];
  const places = new Map<HTMLTableCellElement, Place>();
  let headerRows = -1;
  const rows = table.rows;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as HTMLTableRowElement;
    cells[r] ??= [];
    let col = 0;
    for (const cell of Array.from(row.cells)) {
      while (cells[r]?.[col]) col++;
      const rowSpan = Math.max(1, Math.min(cell.rowSpan || 1, rows.length - r));
      const colSpan = Math.max(1, Math.min(cell.colSpan || 1, 1000));
      places.set(cell, { row: r, col, rowSpan, colSpan });
      for (let dr = 0; dr < rowSpan; dr++) {
        cells[r + dr] ??= [];
        const line = cells[r + dr] as (HTMLTableCellElement | undefined)[];
        for (let dc = 0; dc < colSpan; dc++) line[col + dc] = cell;
      }
      col += colSpan;
    }
    if (headerRows < 0 && row.querySelector(controlSelector)) headerRows = r;
  }
  const top = headerRows < 0 ? rows.length : headerRows;
  const bodyHeaders = [...places.entries()]
    .filter(([cell, p]) => p.row >= top && cell.localName === 'th')
    .map(([cell]) => cell);
  // A row that is one cell across the whole table and holds no control heads the rows below it
  // (一、宣传教育 … 二、应急演练): a section, not a column header, however high up it sits.
  const width = cells.reduce((w, line) => Math.max(w, line.length), 0);
  const bands = new Set<number>();
  const sections: string[] = [];
  const open: string[] = [];
  for (let r = 0; r < rows.length; r++) {
    const own = (rows[r] as HTMLTableRowElement).cells;
    // Also a 序号 cell with only the numbering, then the heading across the rest: （一）| 宣传教育.
    const numbered =
      own.length === 2 && NUMBERING.test(clean(textOf(own[0] as HTMLTableCellElement)))
        ? clean(textOf(own[0] as HTMLTableCellElement))
        : '';
    const cell = own.length === 1 || numbered ? (own[own.length - 1] as HTMLTableCellElement) : undefined;
    const line = cells[r] ?? [];
    const from = numbered ? (places.get(own[0] as HTMLTableCellElement)?.colSpan ?? 1) : 0;
    if (
      cell &&
      width > 1 &&
      line.length >= width &&
      line.every((c, i) => i < from || c === cell) &&
      !(rows[r] as HTMLTableRowElement).querySelector(controlSelector)
    ) {
      let text = clean(`${numbered}${textOf(cell)}`);
      if (text) {
        bands.add(r);
        let level = 1;
        for (const [pattern, l] of LEVELS) {
          const m = pattern.exec(text);
          if (m) {
            level = l;
            text = text.slice(m[0].length);
            break;
          }
        }
        open[level - 1] = text;
        open.length = level;
      }
    }
    sections[r] = open.filter(Boolean).join(' ');
  }
  return { cells, places, headerRows: top, bodyHeaders, bands, sections, memo: new Map() };
}

const isLabelCell = (cell: HTMLTableCellElement, withControls: Map<Element, boolean>): boolean => {
  let has = withControls.get(cell);
  if (has === undefined) {
    has = !!cell.querySelector(controlSelector);
    withControls.set(cell, has);
  }
  return !has;
};

/** Text of the cells left of `cell` in its row (nearest last) and above it in the header rows or th cells. */
export function headersOf(
  cell: HTMLTableCellElement,
  grid: Grid,
  withControls: Map<Element, boolean>,
): Headers {
  const known = grid.memo.get(cell);
  if (known) return known;
  const place = grid.places.get(cell);
  if (!place) return { row: [], col: [], section: '', next: '' };
  const row: string[] = [];
  const seen = new Set<Element>([cell]);
  const line = grid.cells[place.row] ?? [];
  for (let c = 0; c < place.col; c++) {
    const other = line[c];
    if (!other || seen.has(other)) continue;
    seen.add(other);
    if (!isLabelCell(other, withControls)) continue;
    const t = clean(textOf(other));
    if (t && !saysNothing(t)) row.push(t);
  }
  const col: string[] = [];
  const addCol = (other: HTMLTableCellElement | undefined) => {
    if (!other || seen.has(other)) return;
    seen.add(other);
    if (!isLabelCell(other, withControls)) return;
    const t = clean(textOf(other));
    if (t) col.push(t);
  };
  // Header rows, then <th> cells further down that sit above this cell in its columns.
  for (let r = 0; r < Math.min(place.row, grid.headerRows); r++) {
    if (grid.bands.has(r)) continue;
    for (let c = place.col; c < place.col + place.colSpan; c++) addCol(grid.cells[r]?.[c]);
  }
  for (const th of grid.bodyHeaders) {
    const p = grid.places.get(th);
    // A heading <th> across the table (一、…) names a section, already read as such: not a column.
    if (p && grid.bands.has(p.row)) continue;
    if (p && p.row < place.row && p.col < place.col + place.colSpan && p.col + p.colSpan > place.col)
      addCol(th);
  }
  const right = line[place.col + place.colSpan];
  const next = right && right !== cell && isLabelCell(right, withControls) ? clean(textOf(right)) : '';
  const result = { row, col, section: grid.sections[place.row] ?? '', next };
  grid.memo.set(cell, result);
  return result;
}

/** 其中：参与人次 — a grid row counting part of the row above it. */
export const PART_OF = /^其中\s*[:：,，、]?\s*/;

/**
 * For a cell whose row is named 其中…: the name of the row it is a part of, the nearest row above whose
 * name cell (the nearest cell left of `cell` with more than a unit) does not start with 其中 — whether
 * or not that row still has a control. '' when there is none (a heading row or the header comes first).
 */
export function wholeOf(cell: HTMLTableCellElement, grid: Grid, unitOnly: (t: string) => string): string {
  const place = grid.places.get(cell);
  if (!place) return '';
  const line = grid.cells[place.row] ?? [];
  let col = -1;
  for (let c = place.col - 1; c >= 0; c--) {
    const t = line[c] ? clean(textOf(line[c] as HTMLTableCellElement)) : '';
    if (t && !unitOnly(t)) {
      col = c;
      break;
    }
  }
  if (col < 0) return '';
  // Up to a heading row or the column headers (rows above the first input may still be body rows).
  for (let r = place.row - 1; r >= 0; r--) {
    if (grid.bands.has(r)) return '';
    const above = grid.cells[r]?.[col];
    const t = above ? clean(textOf(above)) : '';
    if (!t || above?.localName === 'th') return '';
    if (!PART_OF.test(t)) return t;
  }
  return '';
}
