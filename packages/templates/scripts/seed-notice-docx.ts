// Turns a seed notice (../shared/seeds, the text a converter made of the real file) back into the .docx it
// came from: paragraphs as paragraphs, every table as a real Word table with its merged cells. Test and dev
// tool only (the `docx` package is a dev dependency here): the notice-file tests import their input from it.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { hasBlank } from '../src/blanks.ts';
import { applyCorrections } from '../src/builtin/generate.ts';
import type { SeedSource } from '../src/builtin/seed-sources.ts';
import { parseHeaderFields } from '../src/header-fields.ts';
import { parseTextTable } from '../src/parse-text-table.ts';
import type { RawRow } from '../src/raw-table.ts';

type Block = { kind: 'p'; text: string } | { kind: 'table'; rows: string[][]; statistics: boolean };

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: border, bottom: border, left: border, right: border };
const FONT = { ascii: 'SimSun', eastAsia: '宋体', hAnsi: 'SimSun' };
/** Twips across A4 portrait with 2.5 cm margins, shared out by column role. */
const WIDTHS: Record<number, number[]> = {
  3: [2000, 3600, 3500],
  4: [1000, 1700, 3100, 3300],
};

/** The seed's text as blocks: its recorded corrections applied (the real file had that structure). */
export function seedBlocks(text: string, source: SeedSource): Block[] {
  // `[bookmark: _GoBack]` is the text converter's trace of a Word bookmark, not part of the notice.
  const rows = parseTextTable(
    applyCorrections(text, source.corrections).replace(/\[bookmark: [^\]]*\]/gu, ''),
  );
  const blocks: Block[] = [];
  const isHeaderLine = (r: RawRow) =>
    r.cells.filter((c) => c.trim() !== '').length >= 1 && parseHeaderFields(r.cells.join('  ')) !== null;
  const tableLike = (r: RawRow) => !isHeaderLine(r) && (r.cells.length > 1 || (r.emptyTail ?? 0) > 0);
  let i = 0;
  while (i < rows.length) {
    const row = rows[i] as RawRow;
    if (!tableLike(row)) {
      const text = row.cells.filter((c) => c.trim() !== '').join('　');
      if (text.trim()) blocks.push({ kind: 'p', text });
      i++;
      continue;
    }
    let end = i;
    while (end < rows.length && tableLike(rows[end] as RawRow)) end++;
    const run = rows.slice(i, end);
    if (run.some((r) => r.cells.some(hasBlank))) blocks.push(...statisticsTable(run));
    else blocks.push({ kind: 'table', rows: formRows(run), statistics: false });
    i = end;
  }
  return blocks;
}

/**
 * A statistics table: rows right-aligned under the progress column (plain text drops the cells a vertical
 * merge covers, on the left), a page break's continuation joined to its row, rows after the last blank
 * (抄报：…) back to paragraphs.
 */
function statisticsTable(run: RawRow[]): Block[] {
  let last = -1;
  run.forEach((r, i) => {
    if (r.cells.some(hasBlank)) last = i;
  });
  const width = Math.max(...run.slice(0, last + 1).map((r) => r.cells.length));
  const out: string[][] = [];
  for (const r of run.slice(0, last + 1)) {
    const nonEmpty = r.cells.filter((c) => c.trim() !== '');
    if (!r.cells.some(hasBlank) && nonEmpty.length === 1 && (r.cells[0] ?? '').trim() === '' && out.length) {
      const prev = out[out.length - 1] as string[];
      prev[width - 2] = `${prev[width - 2]}\n${nonEmpty[0]}`;
      continue;
    }
    let anchor = r.cells.length - 1;
    for (let c = r.cells.length - 1; c >= 0; c--)
      if (hasBlank(r.cells[c] ?? '')) {
        anchor = c;
        break;
      }
    const shift = width - 1 - anchor;
    out.push(shift >= 0 ? [...new Array<string>(shift).fill(''), ...r.cells] : r.cells.slice(-shift));
  }
  const after = run
    .slice(last + 1)
    .map((r) => ({ kind: 'p' as const, text: r.cells.filter((c) => c.trim()).join('　') }));
  return [{ kind: 'table', rows: out, statistics: true }, ...after];
}

function formRows(run: RawRow[]): string[][] {
  return run.map((r) => [...r.cells, ...new Array<string>(r.emptyTail ?? 0).fill('')]);
}

const run = (text: string, bold = false) => new TextRun({ text, font: FONT, size: 24, bold });
const paragraphs = (text: string, center = false) =>
  text.split('\n').map(
    (line) =>
      new Paragraph({
        alignment: center ? AlignmentType.CENTER : undefined,
        children: [run(line)],
      }),
  );

/**
 * A Word table: in a statistics table the group and item columns are merged down over the empty cells
 * below a filled one (and across when both say the same, as a group cell spanning them does); in a form
 * the last cell of a short row spans the rest.
 */
function wordTable(rows: string[][], statistics: boolean): Table {
  const width = Math.max(...rows.map((r) => r.length));
  const mergeCols = statistics ? width - 2 : 0;
  const header = statistics ? rows.findIndex((r) => !r.some(hasBlank)) : -1;
  const covered = new Set<string>();
  const span = (r: number, c: number) => {
    let n = 1;
    if (c >= mergeCols || r <= header || !(rows[r]?.[c] ?? '').trim()) return n;
    while (r + n < rows.length && !(rows[r + n]?.[c] ?? '').trim()) n++;
    return n;
  };
  const tableRows = rows.map((cells, r) => {
    const children: TableCell[] = [];
    for (let c = 0; c < width; c++) {
      if (covered.has(`${r}:${c}`)) continue;
      const text = cells[c] ?? '';
      let rowSpan = span(r, c);
      let columnSpan = 1;
      if (statistics && c + 1 < mergeCols && text.trim() && cells[c + 1] === text) {
        columnSpan = 2;
        rowSpan = Math.min(rowSpan, span(r, c + 1));
      }
      if (!statistics && c === cells.length - 1) columnSpan = width - c;
      for (let dr = 0; dr < rowSpan; dr++)
        for (let dc = 0; dc < columnSpan; dc++) if (dr || dc) covered.add(`${r + dr}:${c + dc}`);
      children.push(
        new TableCell({
          borders,
          rowSpan,
          columnSpan,
          children: paragraphs(text, statistics && c < mergeCols),
        }),
      );
      c += columnSpan - 1;
    }
    return new TableRow({ children });
  });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: WIDTHS[width] ?? new Array<number>(width).fill(Math.floor(9000 / width)),
    rows: tableRows,
  });
}

/** The .docx of one seed notice. */
export async function seedNoticeDocx(text: string, source: SeedSource): Promise<Uint8Array> {
  const children = seedBlocks(text, source).flatMap((b) =>
    b.kind === 'p' ? paragraphs(b.text) : [wordTable(b.rows, b.statistics), new Paragraph({})],
  );
  const doc = new Document({
    title: source.notice,
    sections: [
      {
        properties: { page: { margin: { top: 1200, bottom: 1200, left: 1300, right: 1300 } } },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
