import type { RawRow } from './raw-table.ts';
import { normalizeBoxes } from './text-normalize.ts';

/** A merged range of a grid, 0-based, as spreadsheet readers report it (A1:B3 → row 0, col 0, 3×2). */
export interface GridMerge {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

export interface SpannedCell {
  text: string;
  rowSpan: number;
  colSpan: number;
}

/**
 * Lays out rows of cells with row/col spans (an HTML table) on a full grid: a merged cell's text is
 * repeated in every position it covers, so a group cell spanning the group and item columns gives both.
 */
export function layoutSpannedRows(rows: readonly SpannedCell[][]): RawRow[] {
  const grid: (string | undefined)[][] = [];
  const fromAbove: boolean[][] = [];
  rows.forEach((cells, r) => {
    grid[r] ??= [];
    fromAbove[r] ??= [];
    let c = 0;
    for (const cell of cells) {
      while (grid[r]?.[c] !== undefined) c++;
      const rowSpan = Math.max(1, Math.min(cell.rowSpan, 1000));
      const colSpan = Math.max(1, Math.min(cell.colSpan, 100));
      for (let dr = 0; dr < rowSpan; dr++) {
        const rr = r + dr;
        grid[rr] ??= [];
        fromAbove[rr] ??= [];
        for (let dc = 0; dc < colSpan; dc++) {
          (grid[rr] as (string | undefined)[])[c + dc] = cell.text;
          (fromAbove[rr] as boolean[])[c + dc] = dr > 0;
        }
      }
      c += colSpan;
    }
  });
  return grid.slice(0, Math.max(rows.length, 0)).map((row, r) => ({
    cells: Array.from(row, (v) => v ?? ''),
    aligned: true,
    coveredFromAbove: Array.from(fromAbove[r] ?? [], (v) => v ?? false),
  }));
}

/** A spreadsheet grid (e.g. from @tianbao/excel's reader) plus its merged ranges. */
export function gridToRows(
  cells: readonly (readonly string[])[],
  merges: readonly GridMerge[] = [],
): RawRow[] {
  const spanned: SpannedCell[][] = [];
  const covered = new Set<string>();
  const spanAt = new Map<string, GridMerge>();
  for (const m of merges) {
    spanAt.set(`${m.row}:${m.col}`, m);
    for (let r = m.row; r < m.row + m.rowSpan; r++)
      for (let c = m.col; c < m.col + m.colSpan; c++)
        if (r !== m.row || c !== m.col) covered.add(`${r}:${c}`);
  }
  cells.forEach((row, r) => {
    const out: SpannedCell[] = [];
    row.forEach((text, c) => {
      if (covered.has(`${r}:${c}`)) return;
      const m = spanAt.get(`${r}:${c}`);
      out.push({ text: normalizeBoxes(text ?? ''), rowSpan: m?.rowSpan ?? 1, colSpan: m?.colSpan ?? 1 });
    });
    spanned.push(out);
  });
  return layoutSpannedRows(spanned);
}
