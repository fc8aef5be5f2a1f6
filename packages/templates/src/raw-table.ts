/**
 * The common shape every input (pasted text, HTML, a spreadsheet grid) is read into before it is
 * interpreted as a template: lines of cells from top to bottom, the lines above the table included.
 */
export interface RawRow {
  cells: string[];
  /**
   * true when cells sit at their real column positions (HTML and grids know their merges); false for
   * plain text, where a vertically merged cell is simply missing or empty and columns are unknown.
   */
  aligned: boolean;
  /** For aligned rows: which cells are covered by a merge from above (they repeat the merged text). */
  coveredFromAbove?: boolean[];
  /** For text rows: how many empty cells followed the last non-empty one (blanks in a form's value cells). */
  emptyTail?: number;
  /** Which table of the document the row belongs to (0, 1, …), when the input says (HTML, a .docx, a PDF). */
  table?: number;
}
