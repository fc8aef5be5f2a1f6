import { countProblem, entryErrors, MAX_COUNT, type NumberReading, readNumberInput } from '@tianbao/core';
import { stableHash } from '@tianbao/templates';
import type { ReadValue, WorkbookReader } from './adapter.ts';
import { ExcelImportError } from './errors.ts';
import { exceljsReader } from './exceljs-adapter.ts';
import { parseLedgerDate } from './ledger-date.ts';
import type { EntryFields } from './records.ts';
import { slotKey, type TemplateSlot } from './template.ts';

export interface LedgerRow {
  /** 1-based row number in the sheet, as Excel shows it. */
  row: number;
  cells: ReadValue[];
}

export interface LedgerSheet {
  name: string;
  /** 1-based row number of the column headings (title rows above it are skipped). */
  headerRow: number;
  headers: string[];
  rows: LedgerRow[];
}

export type EntryField = 'date' | 'title' | 'kind' | 'location' | 'organizer' | 'partners' | 'description';

/** Where a column goes: an entry field, a contribution to a blank (slot key), or nowhere. */
export type ColumnTarget = { field: EntryField } | { slot: string } | { ignore: true; numeric?: boolean };

export interface ColumnMapping {
  column: number;
  header: string;
  target: ColumnTarget;
  /** high: a known heading; low: a guess for the user to confirm; none: not recognised. */
  confidence: 'high' | 'low' | 'none';
}

export type InvalidReason =
  | 'bad-date'
  | 'date-without-year'
  | 'missing-title'
  | 'bad-number'
  | 'total-row'
  /** Refused by the log's own validation (a title over 200 characters …): `zh` says what. */
  | 'invalid-field';

export interface InvalidRow {
  row: number;
  code: InvalidReason;
  /** English; the UI shows its own Chinese text per code. */
  reason: string;
  /** The row's Chinese message: the log's ('invalid-field', e.g. 活动名称不能超过200个字) or the number reader's ('bad-number'). */
  zh?: string;
}

/** An entry to create; `importKey` is the same every time the same row is imported, so core can skip it. */
export type ImportedEntry = EntryFields & { importKey: string; sourceRow: number };

export interface LedgerResult {
  valid: ImportedEntry[];
  invalid: InvalidRow[];
}

const FIELD_HEADERS: [EntryField, RegExp][] = [
  ['date', /^(活动)?(日期|时间)$|^(开展|举办|填报)(日期|时间)$|^日期/],
  ['title', /^(活动)?(名称|主题|标题)$|^活动项目$|^项目(名称)?$/],
  ['kind', /^(活动)?(类型|类别|形式|方式)$/],
  ['location', /^(活动)?(地点|场所|地址)$/],
  ['organizer', /^(主办|组织|承办|牵头|责任)(单位|部门)?$|^(单位|部门)(名称)?$/],
  ['partners', /^(协办|协助|参与|配合|联办)(单位|部门)?$/],
  ['description', /^(活动)?(内容|情况|简介|概况)|^具体内容|^情况说明|^备注$/],
];
const NUMERIC_HEADER = /人数|人次|场次|次数|数量|份数|个数|篇|条|部|（人）|\(人\)|（次）|\(次\)/;
const IGNORE_HEADER = /^(序号|编号|No\.?|#)$/i;

const norm = (h: string) => h.replace(/\s+/g, '').replace(/[:：*＊]$/, '');

/** A heading matched against the blanks' phrases: 参与人次 ~ 「参与（ ）人次」. */
function guessSlot(header: string, templateId: string, slots: TemplateSlot[]): string | null {
  const h = norm(header).replace(/[（()）]/g, '');
  let best: { key: string; score: number } | null = null;
  for (const s of slots) {
    if (s.kind !== 'number' || s.section !== 'table') continue;
    const phrase = `${s.before}${s.after}`;
    if (!phrase) continue;
    const score = phrase === h ? 3 : phrase.includes(h) && h.length >= 4 ? 2 : 0;
    if (score && (!best || score > best.score)) best = { key: slotKey(templateId, s.id), score };
  }
  return best?.key ?? null;
}

/**
 * Guesses where each column goes from its heading. 活动内容 is the title when there is no 名称 column and the
 * description otherwise. Count columns (参与人数…) need a blank chosen by the user unless one blank's phrase
 * matches the heading, and then the guess is only 'low'.
 */
export function guessColumns(
  headers: string[],
  template?: { id: string; slots: TemplateSlot[] },
): ColumnMapping[] {
  const taken = new Set<EntryField>();
  const out: ColumnMapping[] = headers.map((header, column) => {
    const h = norm(header);
    if (!h || IGNORE_HEADER.test(h))
      return { column, header, target: { ignore: true }, confidence: h ? 'high' : 'none' };
    for (const [field, re] of FIELD_HEADERS) {
      if (re.test(h) && !taken.has(field)) {
        taken.add(field);
        return { column, header, target: { field }, confidence: 'high' };
      }
    }
    if (NUMERIC_HEADER.test(h)) {
      const slot = template ? guessSlot(h, template.id, template.slots) : null;
      if (slot) return { column, header, target: { slot }, confidence: 'low' };
      return { column, header, target: { ignore: true, numeric: true }, confidence: 'none' };
    }
    return { column, header, target: { ignore: true }, confidence: 'none' };
  });
  if (!taken.has('title')) {
    const desc = out.find((m) => 'field' in m.target && m.target.field === 'description');
    if (desc) desc.target = { field: 'title' };
  }
  return out;
}

const cellText = (v: ReadValue | undefined): string => {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).trim();
};

const HEADER_SCAN_ROWS = 15;

/** The heading row: among the first rows, the one where most cells are recognised headings. */
function findHeaderRow(rows: ReadValue[][]): number {
  let best = -1;
  let bestScore = 0;
  for (let r = 0; r < Math.min(rows.length, HEADER_SCAN_ROWS); r++) {
    const cells = (rows[r] ?? []).map(cellText);
    if (cells.filter(Boolean).length < 2) continue;
    const score = guessColumns(cells).filter((m) => m.confidence !== 'none').length;
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  if (best >= 0) return best;
  return Math.max(
    0,
    rows.findIndex((r) => r.filter((c) => cellText(c)).length >= 2),
  );
}

/**
 * Reads a hand-kept 台账 workbook: for each visible sheet with content, its heading row and data rows.
 * Cells covered by a vertical merge (one date over several activities) take the merged value.
 */
export async function readLedger(
  bytes: Uint8Array,
  reader: WorkbookReader = exceljsReader,
): Promise<LedgerSheet[]> {
  const sheets = await reader.read(bytes);
  const out: LedgerSheet[] = [];
  for (const s of sheets) {
    if (s.state !== 'visible') continue;
    const rows = s.rows.map((r) => [...r]);
    for (const m of s.merges) {
      const master = rows[m.top - 1]?.[m.left - 1] ?? null;
      for (let r = m.top; r <= m.bottom; r++) {
        const row = rows[r - 1];
        if (!row || r === m.top) continue;
        row[m.left - 1] = master;
      }
    }
    const h = findHeaderRow(rows);
    const headers = (rows[h] ?? []).map(cellText);
    if (headers.filter(Boolean).length < 2) continue;
    const data: LedgerRow[] = [];
    for (let r = h + 1; r < rows.length; r++) {
      const cells = rows[r] ?? [];
      if (cells.some((c) => cellText(c) !== '')) data.push({ row: r + 1, cells });
    }
    out.push({ name: s.name, headerRow: h + 1, headers, rows: data });
  }
  if (!out.length)
    throw new ExcelImportError('empty', 'The workbook has no sheet with a heading row and data.');
  return out;
}

/**
 * A count cell through core's one reader, as the form reads typing: 120, '120', '１２０', '1,200', '120人' in
 * a 人 column → the number; '约120', '120余人', '120份' in a 人 column, '12.5', '1,2' → a problem with the
 * Chinese sentence (never 120 or 12); '' → null. A formula cell arrives as its computed result.
 */
function parseCount(v: ReadValue | undefined, unit: string | undefined): NumberReading | null {
  if (v instanceof Date || typeof v === 'boolean')
    return { ok: false, problem: 'not-a-number', zh: '这一格不是数字', en: 'is not a number' };
  // How the reader hands over a formula without a saved result and an Excel error value (exceljs-adapter).
  if (typeof v === 'string' && v.startsWith('='))
    return {
      ok: false,
      problem: 'not-a-number',
      zh: `这一格是公式（${v}），文件里没有保存它算出的数。请用 Excel 或 WPS 打开这个文件、保存后再导入`,
      en: `is a formula (${v}) saved without its result; open and save the file in Excel or WPS first`,
    };
  if (typeof v === 'string' && EXCEL_ERROR.test(v))
    return {
      ok: false,
      problem: 'not-a-number',
      zh: `这一格是 Excel 的错误值 ${v}，请先在表格中改正`,
      en: `is the Excel error ${v}`,
    };
  return readNumberInput(v, { kind: 'number', unit });
}

const EXCEL_ERROR = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!)$/;

const TOTAL_ROW = /^(合计|总计|小计|共计)$/;

/**
 * Turns ledger rows into entries with the confirmed mapping. Rows that cannot become an entry are listed
 * with the reason; nothing is guessed silently. `year` completes dates written without one (6月1日).
 */
export function ledgerToEntries(
  sheet: LedgerSheet,
  mapping: ColumnMapping[],
  options: {
    year?: number;
    /** The log's table, so that a cell's unit is checked against its blank's (800份 in a 人 column). */
    template?: { id: string; slots: TemplateSlot[] };
  } = {},
): LedgerResult {
  const unitOf = (key: string) =>
    options.template?.slots.find((s) => slotKey(options.template?.id ?? '', s.id) === key)?.unit;
  const fieldCol = new Map<EntryField, number>();
  const slotCols: [string, number][] = [];
  for (const m of mapping) {
    if ('field' in m.target) fieldCol.set(m.target.field, m.column);
    else if ('slot' in m.target) slotCols.push([m.target.slot, m.column]);
  }
  if (!fieldCol.has('date') || !fieldCol.has('title')) {
    throw new ExcelImportError(
      'bad-mapping',
      'Map one column to the date and one to the activity title first.',
    );
  }
  const valid: ImportedEntry[] = [];
  const invalid: InvalidRow[] = [];
  const seen = new Map<string, number>();
  const text = (cells: ReadValue[], f: EntryField) => {
    const c = fieldCol.get(f);
    return c === undefined ? '' : cellText(cells[c]);
  };
  for (const { row, cells } of sheet.rows) {
    const first = cells.map(cellText).find(Boolean) ?? '';
    if (TOTAL_ROW.test(first.replace(/\s+/g, ''))) {
      invalid.push({
        row,
        code: 'total-row',
        reason: `Row ${row} is a total row (${first}), not an activity.`,
      });
      continue;
    }
    const rawDate = cells[fieldCol.get('date') as number];
    const date = parseLedgerDate(rawDate, options.year);
    if (!date.ok) {
      const why =
        date.reason === 'date-without-year'
          ? 'has no year; give the year of the campaign'
          : 'is not a date this importer understands';
      invalid.push({ row, code: date.reason, reason: `Row ${row}: the date "${cellText(rawDate)}" ${why}.` });
      continue;
    }
    const title = text(cells, 'title');
    if (!title) {
      invalid.push({ row, code: 'missing-title', reason: `Row ${row} has no activity title.` });
      continue;
    }
    const contributions: Record<string, number> = {};
    let bad: { reason: string; zh?: string } | null = null;
    for (const [key, col] of slotCols) {
      const r = parseCount(cells[col], unitOf(key));
      if (r === null) continue;
      if (!r.ok) {
        const header = sheet.headers[col] || `第${col + 1}列`;
        bad = {
          reason: `Row ${row}: "${cellText(cells[col])}" in column "${sheet.headers[col] ?? col + 1}" is not a count (a whole number from 0 to ${MAX_COUNT}): ${r.en}.`,
          zh: `“${header}”一列：${r.zh}`,
        };
        break;
      }
      const sum = (contributions[key] ?? 0) + r.value;
      if (countProblem(sum)) {
        bad = {
          reason: `Row ${row}: the columns that go to the same blank add up to ${sum}, more than ${MAX_COUNT}.`,
        };
        break;
      }
      contributions[key] = sum;
    }
    if (bad) {
      invalid.push({ row, code: 'bad-number', ...bad });
      continue;
    }
    // Same sheet name and same row content → same key, wherever the row moved; identical rows count apart.
    const content = `${sheet.name}\u0001${cells.map(cellText).join('\u0001')}`;
    const n = (seen.get(content) ?? 0) + 1;
    seen.set(content, n);
    const fields = {
      date: date.date,
      title,
      kind: text(cells, 'kind'),
      location: text(cells, 'location'),
      organizer: text(cells, 'organizer'),
      partners: text(cells, 'partners'),
      description: text(cells, 'description'),
      contributions,
      attachments: [],
      importKey: `ledger:${stableHash(`${content}\u0002${n}`)}`,
    };
    // The preview must agree with the import: the log's own validation decides, row by row, so one bad row
    // is shown as invalid and the rest still import.
    const errors = entryErrors(fields);
    if (errors.length) {
      invalid.push({
        row,
        code: 'invalid-field',
        reason: `Row ${row}: ${errors.map((e) => e.message).join('; ')}.`,
        zh: errors.map((e) => e.messageZh).join('；'),
      });
      continue;
    }
    valid.push({ ...fields, sourceRow: row });
  }
  return { valid, invalid };
}
