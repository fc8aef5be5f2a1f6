// Row and column headers of a table cell, with rowspan/colspan laid out the way the browser does.
import { textOf } from './dom.ts';
import { clean } from './text.ts';

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
  /** Headers per cell: a cell with six blanks is looked up once. */
  memo: Map<HTMLTableCellElement, { row: string[]; col: string[] }>;
}

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
  return { cells, places, headerRows: top, bodyHeaders, memo: new Map() };
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
): { row: string[]; col: string[] } {
  const known = grid.memo.get(cell);
  if (known) return known;
  const place = grid.places.get(cell);
  if (!place) return { row: [], col: [] };
  const row: string[] = [];
  const seen = new Set<Element>([cell]);
  const line = grid.cells[place.row] ?? [];
  for (let c = 0; c < place.col; c++) {
    const other = line[c];
    if (!other || seen.has(other)) continue;
    seen.add(other);
    if (!isLabelCell(other, withControls)) continue;
    const t = clean(textOf(other));
    if (t) row.push(t);
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
    for (let c = place.col; c < place.col + place.colSpan; c++) addCol(grid.cells[r]?.[c]);
  }
  for (const th of grid.bodyHeaders) {
    const p = grid.places.get(th);
    if (p && p.row < place.row && p.col < place.col + place.colSpan && p.col + p.colSpan > place.col)
      addCol(th);
  }
  const result = { row, col };
  grid.memo.set(cell, result);
  return result;
}
