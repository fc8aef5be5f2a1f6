import type { BlankDraft } from './blanks.ts';
import { parseHeaderFields } from './header-fields.ts';
import type { RawRow } from './raw-table.ts';
import type { SlotKind } from './schema.ts';
import { normalizeInline } from './text-normalize.ts';

/** A row of a table whose blanks are empty cells rather than （ ） in the text. */
export interface EmptyCellRow {
  group: string;
  item: string;
  requirement: string;
  drafts: BlankDraft[];
}

export interface EmptyCellTable {
  /** 'grid': row names down the left, what to count across the top; 'form': label, value, label, value. */
  layout: 'grid' | 'form';
  /** Index of the table's first row (its column titles, or its first form row). */
  start: number;
  columns: string[];
  rows: EmptyCellRow[];
}

const EMPTY_SHARE = 0.5;

/**
 * Tables of the other common shape, with no （ ） at all: a grid (单位/项目 down the left, 场次 · 人次 ·
 * 覆盖率(%) across the top, empty cells to fill) or a form (姓名 | _ | 性别 | _). Null when neither fits,
 * so a table that is all filled in is still "no blanks".
 */
export function readEmptyCellTable(rows: readonly RawRow[]): EmptyCellTable | null {
  return readGrid(rows) ?? readForm(rows);
}

function readGrid(rows: readonly RawRow[]): EmptyCellTable | null {
  const h = rows.findIndex(
    (r) =>
      nonEmpty(r).length >= 2 &&
      nonEmpty(r).every((c) => c.length <= 20) &&
      // Column titles have no gaps after the first one (a form row reads 姓名 | _ | 性别 | _).
      !r.cells.slice(r.cells.findIndex((c) => c.trim() !== '')).some((c) => c.trim() === '') &&
      !parseHeaderFields(r.cells.join('  ')),
  );
  if (h === -1) return null;
  // Further title rows under a merged title (宣传活动 over 场次 | 人次): full rows of short cells.
  let end = h + 1;
  const width0 = rows[h]?.cells.length ?? 0;
  while (end < rows.length) {
    const r = rows[end] as RawRow;
    const filled = nonEmpty(r);
    if (filled.length !== r.cells.length || filled.length < width0 || !filled.every((c) => c.length <= 20))
      break;
    if (!r.aligned) break;
    end++;
  }
  const data = rows.slice(end).filter((r) => nonEmpty(r).length > 0);
  if (data.length === 0) return null;
  const width = data.reduce(
    (w, r) => Math.max(w, r.cells.length + (r.emptyTail ?? 0)),
    rows.slice(h, end).reduce((w, r) => Math.max(w, r.cells.length), 0),
  );
  const cellAt = (r: RawRow, c: number) => normalizeInline(r.cells[c] ?? '');
  const isBlank = (r: RawRow, c: number) => cellAt(r, c) === '' && !(r.coveredFromAbove?.[c] ?? false);
  const titles = Array.from({ length: width }, (_, c) => {
    const parts: string[] = [];
    for (const r of rows.slice(h, end)) {
      const t = cellAt(r, c);
      if (t && !parts.includes(t)) parts.push(t);
    }
    return parts.join('');
  });
  // The first column always names the row; the value columns start where most cells are empty.
  let firstValue = -1;
  for (let c = 1; c < width; c++) {
    const blanks = data.filter((r) => isBlank(r, c)).length;
    if (titles[c] && blanks / data.length >= EMPTY_SHARE) {
      firstValue = c;
      break;
    }
  }
  if (firstValue === -1) return null;
  const valueCols: number[] = [];
  for (let c = firstValue; c < width; c++) {
    if (titles[c] && data.filter((r) => isBlank(r, c)).length / data.length >= EMPTY_SHARE) valueCols.push(c);
  }
  const out: EmptyCellRow[] = [];
  let group = '';
  let item = '';
  for (const r of data) {
    const first = cellAt(r, 0);
    const last = firstValue >= 2 ? cellAt(r, firstValue - 1) : first;
    if (firstValue >= 2) {
      if (first) group = first;
      item = last || (first ? first : item);
    } else {
      item = first || item;
    }
    if (!item) continue;
    const drafts = valueCols.filter((c) => isBlank(r, c)).map((c) => draftFor(titles[c] ?? ''));
    if (drafts.length === 0) continue;
    const middle = [];
    for (let c = 1; c < firstValue - 1; c++) middle.push(cellAt(r, c));
    out.push({
      group: firstValue >= 2 ? group : '',
      item,
      requirement: middle.filter(Boolean).join(' '),
      drafts,
    });
  }
  if (out.length === 0) return null;
  return { layout: 'grid', start: h, columns: titles, rows: out };
}

function readForm(rows: readonly RawRow[]): EmptyCellTable | null {
  let start = -1;
  let previous = -2;
  const drafts: BlankDraft[] = [];
  rows.forEach((r, i) => {
    const labels: string[] = [];
    r.cells.forEach((cell, c) => {
      const label = normalizeInline(cell).replace(/[：:]$/u, '');
      if (!isFormLabel(label)) return;
      const nextEmpty =
        c + 1 < r.cells.length
          ? normalizeInline(r.cells[c + 1] ?? '') === ''
          : (r.emptyTail ?? 0) > 0 || r.aligned;
      if (nextEmpty && (c + 1 < r.cells.length || (r.emptyTail ?? 0) > 0)) labels.push(label);
    });
    // The form's last row may lose its empty value cell when only the table is copied (通信地址 | _).
    const only = nonEmpty(r);
    if (labels.length === 0 && previous === i - 1 && only.length === 1 && r.cells.length === 1) {
      const label = (only[0] ?? '').replace(/[：:]$/u, '');
      if (isFormLabel(label)) labels.push(label);
    }
    if (labels.length === 0) return;
    previous = i;
    if (start === -1) start = i;
    for (const label of labels) drafts.push(formDraft(label));
  });
  if (start === -1 || drafts.length < 2) return null;
  return { layout: 'form', start, columns: [], rows: [{ group: '', item: '', requirement: '', drafts }] };
}

function isFormLabel(label: string): boolean {
  return (
    label !== '' &&
    label.length <= 16 &&
    /[\u4E00-\u9FFFA-Za-z]/u.test(label) &&
    !/[：:].+/u.test(label) &&
    !/[。；]/u.test(label)
  );
}

function nonEmpty(r: RawRow): string[] {
  return r.cells.map((c) => normalizeInline(c)).filter((c) => c !== '');
}

const COUNT_SUFFIX: [RegExp, string][] = [
  [/人次$/u, '人次'],
  [/场次$/u, '场次'],
  [/人数$/u, '人'],
  [/次数$/u, '次'],
  [/篇数$/u, '篇'],
  [/个数$/u, '个'],
  [/件数$/u, '件'],
  [/金额$/u, '元'],
  [/(数量|总数|数)$/u, ''],
];

/** A column title such as 参与人数（人次）, 覆盖率(%) or 是否开展 → the blank under it. */
function draftFor(title: string): BlankDraft {
  const unitMatch = /[（(]\s*([^（）()]{1,6})\s*[）)]\s*$/u.exec(title);
  const base = unitMatch ? title.slice(0, unitMatch.index).trim() : title;
  const unit = unitMatch?.[1]?.replace(/^单位[:：]?/u, '') ?? '';
  return { ...kindOf(base, unit), before: base, after: '' };
}

function formDraft(label: string): BlankDraft {
  return { ...kindOf(label, ''), before: label, after: '' };
}

function kindOf(label: string, unit: string): { kind: SlotKind; unit: string } {
  if (/^[%％]$/u.test(unit) || /(率|比例|占比|百分比)$/u.test(label)) return { kind: 'percent', unit: '%' };
  if (/^是否/u.test(label)) return { kind: 'boolean', unit: '' };
  if (/(日期|时间)$/u.test(label)) return { kind: 'date', unit: '' };
  if (/(电话|手机|传真)(号码?)?$/u.test(label)) return { kind: 'phone', unit: '' };
  if (unit) return { kind: 'number', unit };
  for (const [re, u] of COUNT_SUFFIX) if (re.test(label)) return { kind: 'number', unit: u };
  return { kind: 'text', unit: '' };
}
