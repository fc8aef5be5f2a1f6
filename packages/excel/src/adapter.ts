/**
 * The seam between Tianbao's workbook content and the spreadsheet library. Export and roll-up build a
 * plain `WorkbookSpec` (values, shared style ids, merges, print setup); a `WorkbookWriter` renders it and a
 * `WorkbookReader` reads a file back into plain sheets. Swapping exceljs for another library means writing
 * these two against the new library; nothing else changes.
 */
import type { Writable } from 'node:stream';

export type CellValue = string | number | boolean | null;

/** A cell with a style id from `WorkbookSpec.styles`; plain values take the row's or column's style. */
export interface StyledCell {
  v: CellValue;
  s: string;
}

export type CellSpec = CellValue | StyledCell;

export interface RowSpec {
  cells: CellSpec[];
  /** Style id for cells of this row that carry none of their own. */
  style?: string;
  /** Points. */
  height?: number;
}

export interface StyleSpec {
  font?: { name?: string; size?: number; bold?: boolean };
  align?: {
    h?: 'left' | 'center' | 'right';
    v?: 'top' | 'middle' | 'bottom';
    wrap?: boolean;
    indent?: number;
  };
  /** Thin black border on all four sides. */
  border?: boolean;
  /** Background colour, ARGB hex such as 'FFEFEFEF'. */
  fill?: string;
  numFmt?: string;
}

/** 1-based, inclusive. */
export interface MergeSpec {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface PrintSpec {
  orientation: 'portrait' | 'landscape';
  paper: 'A4';
  /** Rows repeated on every printed page, e.g. '1:3'. */
  repeatRows?: string;
  /** Scale to this many pages wide (height unlimited). */
  fitToWidth?: number;
  /** Centimetres. */
  margins?: { left: number; right: number; top: number; bottom: number };
}

export interface SheetSpec {
  name: string;
  state?: 'visible' | 'hidden';
  /** Widths in characters (Excel's unit); a column's style applies to its cells without one. */
  /** `hidden`: kept for reading the file back (槽位键), not shown or printed. */
  columns?: { width: number; style?: string; hidden?: boolean }[];
  /** May be a generator, so a large ledger is never materialized twice. */
  rows: Iterable<RowSpec>;
  /** How many rows a generator will yield, for progress. */
  rowCount?: number;
  merges?: MergeSpec[];
  /** Rows (and columns) kept in view while scrolling. */
  freeze?: { rows: number; columns?: number };
  /** A1 range of the filter header, e.g. 'A1:P1'. */
  autoFilter?: string;
  print?: PrintSpec;
}

export interface WorkbookSpec {
  creator?: string;
  /** Defined once, referenced by id: the writer turns each into one shared style object. */
  styles: Record<string, StyleSpec>;
  sheets: SheetSpec[];
}

export interface WriteProgress {
  /** 'rows': cells being written; 'zip': compressing, the last step. */
  phase: 'rows' | 'zip';
  rows: number;
  total: number;
}

export interface WriteOptions {
  /** Checked between batches of rows; an aborted export rejects with the signal's reason. */
  signal?: AbortSignal;
  onProgress?: (p: WriteProgress) => void;
}

export interface WorkbookWriter {
  /** Whole file in memory; works in a browser or worker. */
  toBytes(spec: WorkbookSpec, opts?: WriteOptions): Promise<Uint8Array>;
  /** Streams the file (Node only), keeping memory flat for large ledgers. */
  toStream?(spec: WorkbookSpec, out: Writable, opts?: WriteOptions): Promise<void>;
}

export type ReadValue = string | number | boolean | Date | null;

export interface ReadSheet {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** rows[r][c], 0-based; trailing empty cells may be absent. */
  rows: ReadValue[][];
  merges: MergeSpec[];
}

export interface WorkbookReader {
  /** Throws ExcelImportError for anything that is not a readable .xlsx. */
  read(bytes: Uint8Array): Promise<ReadSheet[]>;
}
