import type * as PdfJs from 'pdfjs-dist';
import { hasBlank } from './blanks.ts';
import { layoutSpannedRows, type SpannedCell } from './grid.ts';
import { parseHeaderFields } from './header-fields.ts';
import { NoticeFileError } from './notice-file-error.ts';
import type { NoticeWarning } from './notice-warning.ts';
import type { RawRow } from './raw-table.ts';

/**
 * The parts of pdf.js this reader uses. The caller passes the build that suits it: the legacy build in
 * Node, the modern one with its worker bundled from the extension's own origin in the browser.
 */
export type PdfJsLib = Pick<typeof PdfJs, 'getDocument' | 'OPS'>;

export interface PdfRead {
  rows: RawRow[];
  /** What the person should check: tables with no ruling lines, rows joined across a page break. */
  warnings: NoticeWarning[];
  /** Lines with blanks （ ） were found outside any ruled table: a table that could not be rebuilt. */
  unruledBlanks: boolean;
  pages: number;
}

export const PDF_MAX_PAGES = 200;

interface Item {
  str: string;
  x: number;
  y: number;
  right: number;
  size: number;
}
interface Line {
  text: string;
  x: number;
  right: number;
  y: number;
  size: number;
  /** Width of the line's first character, or of its first Latin word: what a wrap could not fit. */
  firstWidth: number;
}
interface HSeg {
  y: number;
  x1: number;
  x2: number;
}
interface VSeg {
  x: number;
  y1: number;
  y2: number;
}
interface Region {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
  items: Item[];
  lines: Line[];
  /** Right border, for telling a wrapped line from a paragraph's last line. */
  right: number;
}
interface PageTable {
  xs: number[];
  top: number;
  bottom: number;
  rows: number;
  regions: Region[];
}
type Block = { y: number; line: Line } | { y: number; table: PageTable };

const TOL = 1.5;

// Loops, not Math.max(...xs): a spread over a page's items overflows the stack on a hostile PDF.
const maxOf = (xs: readonly number[], start = Number.NEGATIVE_INFINITY) =>
  xs.reduce((m, x) => Math.max(m, x), start);
const minOf = (xs: readonly number[]) => xs.reduce((m, x) => Math.min(m, x), Number.POSITIVE_INFINITY);

/**
 * Reads a PDF's text layer back into rows: lines of text, and tables rebuilt from their ruling lines (the
 * borders Word, WPS and LibreOffice draw), merged cells included, a table continued over a page break
 * joined into one. Refuses encrypted PDFs and scans (no text) with what to do instead.
 */
export async function readPdf(bytes: Uint8Array, pdfjs: PdfJsLib): Promise<PdfRead> {
  let doc: PdfJs.PDFDocumentProxy;
  try {
    doc = await pdfjs.getDocument({
      // pdf.js takes the buffer over; keep the caller's bytes intact.
      data: bytes.slice(),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      stopAtErrors: false,
    }).promise;
  } catch (err) {
    if ((err as { name?: string })?.name === 'PasswordException') throw NoticeFileError.encryptedPdf();
    throw NoticeFileError.unreadable('pdf', err);
  }
  try {
    if (doc.numPages > PDF_MAX_PAGES)
      throw NoticeFileError.tooLarge(`${doc.numPages} pages, limit ${PDF_MAX_PAGES}`);
    const warnings: NoticeWarning[] = [];
    const blocks: Block[][] = [];
    let chars = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const height = page.getViewport({ scale: 1 }).height;
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const raw of content.items) {
        if (!('str' in raw) || raw.str === '') continue;
        const t = raw.transform as number[];
        const size = Math.hypot(t[2] ?? 0, t[3] ?? 0) || raw.height || 10;
        const x = t[4] ?? 0;
        items.push({ str: raw.str, x, y: height - (t[5] ?? 0), right: x + raw.width, size });
        chars += raw.str.trim().length;
      }
      const segments = await ruling(page, pdfjs.OPS, height);
      blocks.push(pageBlocks(items, segments));
      page.cleanup();
    }
    if (chars < 20) throw NoticeFileError.noTextLayer();
    const rows = assemble(blocks, warnings);
    const unruledBlanks = rows.some(
      (r) => r.table === undefined && r.cells.some(hasBlank) && !parseHeaderFields(r.cells.join('  ')),
    );
    if (unruledBlanks)
      warnings.push({
        code: 'unruled-table',
        message:
          'Blanks （ ） were found outside any ruled table: a table without borders cannot be rebuilt with confidence; paste it instead.',
        messageZh:
          'PDF 中有一张表格没有边框线，无法可靠地还原成表格。请打开 PDF 或原文件，复制这张统计表后在下方粘贴。',
      });
    return { rows, warnings, unruledBlanks, pages: doc.numPages };
  } finally {
    void doc.destroy();
  }
}

/** Horizontal and vertical ruling segments of a page, in top-down page coordinates. */
async function ruling(
  page: PdfJs.PDFPageProxy,
  OPS: PdfJsLib['OPS'],
  height: number,
): Promise<{ h: HSeg[]; v: VSeg[] }> {
  const list = await page.getOperatorList();
  const h: HSeg[] = [];
  const v: VSeg[] = [];
  let ctm = [1, 0, 0, 1, 0, 0];
  const stack: number[][] = [];
  const apply = (x: number, y: number): [number, number] => [
    num(ctm[0]) * x + num(ctm[2]) * y + num(ctm[4]),
    height - (num(ctm[1]) * x + num(ctm[3]) * y + num(ctm[5])),
  ];
  const addLine = (a: [number, number], b: [number, number]) => {
    if (Math.abs(a[1] - b[1]) < 1 && Math.abs(a[0] - b[0]) >= 2)
      h.push({ y: (a[1] + b[1]) / 2, x1: Math.min(a[0], b[0]), x2: Math.max(a[0], b[0]) });
    else if (Math.abs(a[0] - b[0]) < 1 && Math.abs(a[1] - b[1]) >= 2)
      v.push({ x: (a[0] + b[0]) / 2, y1: Math.min(a[1], b[1]), y2: Math.max(a[1], b[1]) });
  };
  for (let i = 0; i < list.fnArray.length && h.length + v.length < 20_000; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0];
    else if (fn === OPS.transform) ctm = multiply(ctm, args as number[]);
    else if (fn === OPS.constructPath) {
      // pdf.js 5: [paint op, [path: moveTo 0 / lineTo 1 / curveTo 2 / quadraticCurveTo 3 / closePath 4], bbox].
      const paint = args[0] as number;
      const path = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (!path || ![OPS.stroke, OPS.closeStroke, OPS.fill, OPS.eoFill].includes(paint)) continue;
      const fill = paint === OPS.fill || paint === OPS.eoFill;
      const points: [number, number][][] = [];
      let current: [number, number][] = [];
      for (let k = 0; k < path.length; ) {
        const op = num(path[k]);
        if (op === 0) {
          if (current.length) points.push(current);
          current = [apply(num(path[k + 1]), num(path[k + 2]))];
          k += 3;
        } else if (op === 1) {
          current.push(apply(num(path[k + 1]), num(path[k + 2])));
          k += 3;
        } else if (op === 2) k += 7;
        else if (op === 3) k += 5;
        else {
          if (current[0]) current.push(current[0]);
          k += 1;
        }
      }
      if (current.length) points.push(current);
      for (const poly of points) {
        if (fill) {
          // A filled thin rectangle is a ruling line (Word draws borders so); a big fill is shading.
          const xs = poly.map((p) => p[0]);
          const ys = poly.map((p) => p[1]);
          const [x1, x2, y1, y2] = [minOf(xs), maxOf(xs), minOf(ys), maxOf(ys)];
          if (y2 - y1 < 2 && x2 - x1 >= 2) h.push({ y: (y1 + y2) / 2, x1, x2 });
          else if (x2 - x1 < 2 && y2 - y1 >= 2) v.push({ x: (x1 + x2) / 2, y1, y2 });
          continue;
        }
        for (let k = 1; k < poly.length; k++)
          addLine(poly[k - 1] as [number, number], poly[k] as [number, number]);
      }
    } else if (fn === OPS.rectangle) {
      const [x, y, w, hh] = args as number[];
      const a = apply(num(x), num(y));
      const b = apply(num(x) + num(w), num(y) + num(hh));
      if (Math.abs(a[1] - b[1]) < 2)
        h.push({ y: (a[1] + b[1]) / 2, x1: Math.min(a[0], b[0]), x2: Math.max(a[0], b[0]) });
      else if (Math.abs(a[0] - b[0]) < 2)
        v.push({ x: (a[0] + b[0]) / 2, y1: Math.min(a[1], b[1]), y2: Math.max(a[1], b[1]) });
    }
  }
  return { h, v };
}

const num = (v: number | undefined): number => v ?? 0;

function multiply(m: number[], n: number[]): number[] {
  const [a, b, c, d, e, f] = m as [number, number, number, number, number, number];
  const [a2, b2, c2, d2, e2, f2] = n as [number, number, number, number, number, number];
  return [
    a2 * a + b2 * c,
    a2 * b + b2 * d,
    c2 * a + d2 * c,
    c2 * b + d2 * d,
    e2 * a + f2 * c + e,
    e2 * b + f2 * d + f,
  ];
}

/** A page as blocks from top to bottom: lines of text outside tables, and tables. */
function pageBlocks(items: Item[], segments: { h: HSeg[]; v: VSeg[] }): Block[] {
  const tables = findTables(segments);
  const outside: Item[] = [];
  for (const item of items) {
    const cx = (item.x + item.right) / 2;
    const cy = item.y - item.size / 3;
    const table = tables.find(
      (t) => cy > t.top && cy < t.bottom && cx > num(t.xs[0]) && cx < num(t.xs.at(-1)),
    );
    if (!table) {
      outside.push(item);
      continue;
    }
    const ys = table.ys;
    const r = ys.findIndex((y, i) => i < ys.length - 1 && cy >= y && cy < num(ys[i + 1]));
    const c = table.xs.findIndex((x, i) => i < table.xs.length - 1 && cx >= x && cx < num(table.xs[i + 1]));
    const region = table.regions.find((g) => r >= g.r0 && r <= g.r1 && c >= g.c0 && c <= g.c1);
    if (region) region.items.push(item);
    else outside.push(item);
  }
  const blocks: Block[] = [];
  for (const line of toLines(outside)) {
    // Page numbers (— 3 —, 3, -3-) are not part of the notice.
    if (/^[\s\-—–－]*\d{1,3}[\s\-—–－]*$/u.test(line.text)) continue;
    blocks.push({ y: line.y, line });
  }
  for (const t of tables) {
    for (const g of t.regions) g.lines = toLines(g.items);
    blocks.push({ y: t.top, table: t });
  }
  return blocks.sort((a, b) => a.y - b.y);
}

/** Items into visual lines (same baseline), left to right, with a space where a gap shows one. */
function toLines(items: Item[]): Line[] {
  // A narrow space item is the gap a typesetter puts between Chinese and Latin text (2021年, H5安全),
  // not a typed space.
  const sorted = items
    .filter((it) => it.str.trim() !== '' || it.right - it.x >= it.size * 0.35)
    .sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: { items: Item[]; y: number; size: number }[] = [];
  for (const item of sorted) {
    const line = lines.find((l) => Math.abs(l.y - item.y) < Math.min(l.size, item.size) * 0.5);
    if (line) line.items.push(item);
    else lines.push({ items: [item], y: item.y, size: item.size });
  }
  return lines
    .map((l) => {
      const parts = l.items.sort((a, b) => a.x - b.x);
      let text = '';
      let right = -Infinity;
      for (const it of parts) {
        if (text && it.x - right > it.size * 0.5 && !/\s$/u.test(text) && !/^\s/u.test(it.str)) text += ' ';
        text += it.str;
        right = Math.max(right, it.right);
      }
      const firstWidth = l.size * clusterEm(text);
      const first = parts[0];
      return { text, x: first?.x ?? 0, right, y: l.y, size: l.size, firstWidth };
    })
    .sort((a, b) => a.y - b.y);
}

/**
 * How wide, in em, the start of a line is that could not be parted from its first character: a Latin word
 * or number, and the closing punctuation after it (、，。）” may not start a line).
 */
function clusterEm(text: string): number {
  const m = /^[“‘（(《〈「『【]*(?:[A-Za-z0-9.,:/%-]+|.)[、，。；：？！）”’》〉」』】,.;:)!?]*/u.exec(
    text.trimStart(),
  );
  if (!m) return 1;
  let em = 0;
  for (const ch of m[0]) em += /[\x20-\x7E]/u.test(ch) ? 0.55 : 1;
  return Math.max(1, em);
}

interface FoundTable extends PageTable {
  ys: number[];
}

/** Ruled tables: connected groups of segments with at least two lines each way, as grids with merges. */
function findTables(segments: { h: HSeg[]; v: VSeg[] }): FoundTable[] {
  const { h, v } = segments;
  const n = h.length + v.length;
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = num(parent[num(parent[i])]);
      i = num(parent[i]);
    }
    return i;
  };
  for (let i = 0; i < h.length; i++)
    for (let j = 0; j < v.length; j++) {
      const a = h[i] as HSeg;
      const b = v[j] as VSeg;
      if (b.x >= a.x1 - TOL * 2 && b.x <= a.x2 + TOL * 2 && a.y >= b.y1 - TOL * 2 && a.y <= b.y2 + TOL * 2)
        parent[find(i)] = find(h.length + j);
    }
  const groups = new Map<number, { h: HSeg[]; v: VSeg[] }>();
  for (let i = 0; i < n; i++) {
    const g = groups.get(find(i)) ?? { h: [], v: [] };
    if (i < h.length) g.h.push(h[i] as HSeg);
    else g.v.push(v[i - h.length] as VSeg);
    groups.set(find(i), g);
  }
  const tables: FoundTable[] = [];
  for (const g of groups.values()) {
    const xs = cluster(g.v.map((s) => s.x));
    const ys = cluster(g.h.map((s) => s.y));
    if (xs.length < 2 || ys.length < 2) continue;
    const rows = ys.length - 1;
    const cols = xs.length - 1;
    const covered = (
      segs: { at: number; from: number; to: number }[],
      at: number,
      from: number,
      to: number,
    ) => segs.some((s) => Math.abs(s.at - at) <= TOL && s.from <= from + TOL * 2 && s.to >= to - TOL * 2);
    const vs = g.v.map((s) => ({ at: s.x, from: s.y1, to: s.y2 }));
    const hs = g.h.map((s) => ({ at: s.y, from: s.x1, to: s.x2 }));
    // Union-find over grid cells: no ruling between two neighbours means one merged cell.
    const cell = Array.from({ length: rows * cols }, (_, i) => i);
    const root = (i: number): number => {
      while (cell[i] !== i) i = cell[i] = num(cell[num(cell[i])]);
      return i;
    };
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++) {
        if (c + 1 < cols && !covered(vs, num(xs[c + 1]), num(ys[r]), num(ys[r + 1])))
          cell[root(r * cols + c + 1)] = root(r * cols + c);
        if (r + 1 < rows && !covered(hs, num(ys[r + 1]), num(xs[c]), num(xs[c + 1])))
          cell[root((r + 1) * cols + c)] = root(r * cols + c);
      }
    const byRoot = new Map<number, Region>();
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++) {
        const k = root(r * cols + c);
        const reg = byRoot.get(k);
        if (reg) {
          reg.r0 = Math.min(reg.r0, r);
          reg.r1 = Math.max(reg.r1, r);
          reg.c0 = Math.min(reg.c0, c);
          reg.c1 = Math.max(reg.c1, c);
          reg.right = num(xs[reg.c1 + 1]);
        } else byRoot.set(k, { r0: r, r1: r, c0: c, c1: c, items: [], lines: [], right: num(xs[c + 1]) });
      }
    tables.push({
      xs,
      ys,
      top: num(ys[0]),
      bottom: num(ys.at(-1)),
      rows,
      regions: [...byRoot.values()].sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0),
    });
  }
  return tables.sort((a, b) => a.top - b.top);
}

function cluster(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const v of sorted) if (out.length === 0 || v - num(out[out.length - 1]) > TOL) out.push(v);
  return out;
}

/**
 * A cell's or a page's lines as paragraphs: a line goes on in the next one when the next line's first
 * character (or Latin word) would not have fitted after it, and it does not end a sentence. The right edge is
 * where the longest line ends (justified lines reach it).
 */
function paragraphs(lines: Line[], edge = maxOf(lines.map((l) => l.right)), minEm = 0): string {
  let out = '';
  lines.forEach((line, i) => {
    if (i > 0) out += wraps(lines[i - 1] as Line, line, edge, minEm) ? '' : '\n';
    out += line.text;
  });
  return out;
}

function wraps(line: Line, next: Line | undefined, edge: number, minEm = 0): boolean {
  const text = line.text.trim();
  if (/[。；;！？!?：:]$/u.test(text)) return false;
  // An opening bracket or quote never ends a paragraph (a blank （   ） may be broken at its spaces).
  if (/[“‘（(《〈「『【]$/u.test(text)) return true;
  return edge - line.right < Math.max(next?.firstWidth ?? line.size, line.size * minEm) * 0.95 + 0.5;
}

/**
 * Pages into rows. Body lines are joined into paragraphs; a table that starts a page with the same columns
 * as the one that ended the page before goes on as the same table, and a row or merged cell cut by the
 * page break is joined back.
 */
function assemble(pages: Block[][], warnings: NoticeWarning[]): RawRow[] {
  const rows: RawRow[] = [];
  let tableIndex = -1;
  let open: { table: PageTable; regions: Region[]; index: number } | undefined;
  let pending: { lines: Line[] } | undefined;
  const textRight = maxOf(
    pages.flatMap((p) => p.flatMap((b) => ('line' in b ? [b.line.right] : []))).slice(0, 5000),
    0,
  );
  const flushText = () => {
    if (!pending) return;
    // Body text is set wider than a cell, where a typesetter's break rules leave gaps up to two characters.
    for (const para of paragraphs(pending.lines, textRight, 2.5).split('\n'))
      if (para.trim()) rows.push({ cells: [para.trim()], aligned: false });
    pending = undefined;
  };
  const flushTable = () => {
    if (!open) return;
    for (const row of regionRows(open.regions)) rows.push({ ...row, table: open.index });
    open = undefined;
  };
  pages.forEach((blocks) => {
    blocks.forEach((block, i) => {
      if ('line' in block) {
        flushTable();
        // A new paragraph starts where the line before did not run to the edge.
        pending ??= { lines: [] };
        pending.lines.push(block.line);
        return;
      }
      const t = block.table;
      const continues =
        i === 0 &&
        open !== undefined &&
        pending === undefined &&
        open.table.xs.length === t.xs.length &&
        open.table.xs.every((x, k) => Math.abs(x - num(t.xs[k])) <= 2);
      if (continues && open) {
        open.regions = joinAcrossPages(open, t, warnings);
        open.table = t;
        return;
      }
      flushText();
      flushTable();
      tableIndex++;
      open = { table: t, regions: t.regions.map((g) => ({ ...g })), index: tableIndex };
    });
  });
  flushText();
  flushTable();
  return rows;
}

/**
 * Appends a page's part of a table to the part before the break. A merged cell cut by the break (its last
 * line runs on, or one of its parts is empty) is joined; when a one-row cell runs on, the whole row was cut
 * and the two parts become one row.
 */
function joinAcrossPages(
  open: { table: PageTable; regions: Region[] },
  next: PageTable,
  warnings: NoticeWarning[],
): Region[] {
  const last = maxOf(open.regions.map((g) => g.r1));
  const bottom = open.regions.filter((g) => g.r1 === last);
  const top = next.regions.filter((g) => g.r0 === 0);
  const runsOn = (g: Region) =>
    g.lines.length > 0 && wraps(g.lines.at(-1) as Line, undefined, maxOf(g.lines.map((l) => l.right)));
  const matches = (g: Region, n: Region) => n.c0 === g.c0 && n.c1 === g.c1;
  // The row was cut when a one-row cell runs on, or when the new page's row is empty where the row before
  // the break names itself (its leftmost one-row cell): a new row would name itself there.
  const key = bottom.filter((g) => g.r0 === last).sort((a, b) => a.c0 - b.c0)[0];
  const keyNext = key && top.find((n) => matches(key, n));
  const rowCut =
    (bottom.some((g) => g.r0 === last && runsOn(g) && top.some((n) => matches(g, n) && n.lines.length > 0)) ||
      (key !== undefined && key.lines.length > 0 && keyNext !== undefined && keyNext.lines.length === 0)) &&
    top.every((n) => bottom.some((g) => matches(g, n)));
  const offset = rowCut ? last : last + 1;
  const shifted = next.regions.map((g) => ({ ...g, r0: g.r0 + offset, r1: g.r1 + offset }));
  const joined = new Set<Region>();
  for (const g of bottom) {
    const n = shifted.find((s) => s.r0 === offset && matches(g, s));
    if (!n) continue;
    const merged = g.r0 < last || n.r1 > n.r0;
    if (rowCut || runsOn(g) || (merged && (g.lines.length === 0 || n.lines.length === 0))) {
      g.r1 = n.r1;
      g.lines = [...g.lines, ...n.lines];
      joined.add(n);
    }
  }
  if (joined.size > 0 && !warnings.some((w) => w.code === 'page-break'))
    warnings.push({
      code: 'page-break',
      message:
        'A table goes on over a page break; rows and merged cells cut by it were joined back. Check the rows at page breaks.',
      messageZh: '表格跨页：被分页截断的行和合并单元格已接回，请核对分页处的几行。',
    });
  return [...open.regions, ...shifted.filter((s) => !joined.has(s))];
}

/** Regions as rows of spanned cells (the HTML shape), laid out on a full grid. */
function regionRows(regions: Region[]): RawRow[] {
  const rowCount = maxOf(regions.map((g) => g.r1)) + 1;
  const spanned: SpannedCell[][] = Array.from({ length: rowCount }, () => []);
  for (const g of [...regions].sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0)) {
    const text = paragraphs(g.lines)
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .join('\n');
    spanned[g.r0]?.push({ text, rowSpan: g.r1 - g.r0 + 1, colSpan: g.c1 - g.c0 + 1 });
  }
  return layoutSpannedRows(spanned);
}
