import type { Writable } from 'node:stream';
import { fullDayText, isValidDate } from '@tianbao/core';
import { ENTRY_LABEL as E, PROFILE_LABEL as L, TERM } from '@tianbao/templates';
import type {
  CellSpec,
  MergeSpec,
  RowSpec,
  SheetSpec,
  WorkbookSpec,
  WorkbookWriter,
  WriteOptions,
} from './adapter.ts';
import { exceljsWriter } from './exceljs-adapter.ts';
import { planSheet } from './plan-sheet.ts';
import type { Entry, LogMeta, Plan, Profile, SlotStat, SlotValue } from './records.ts';
import { STYLES, type StyleId, styled } from './styles.ts';
import {
  type BlankValue,
  blankTitle,
  type ExportTemplate,
  headerSlots,
  itemBlankPhrase,
  rowSentence,
  slotKey,
  type TemplateSlot,
  tableRows,
} from './template.ts';
import { rowHeight } from './text-width.ts';

export interface ExportInput {
  template: ExportTemplate;
  meta: LogMeta;
  profile: Profile | null;
  entries: Entry[];
  plans: Plan[];
  /** Keyed `<templateId>/<slotId>`; slots without a stat are exported as empty blanks. */
  stats: SlotStat[];
  /** 填报日期 (YYYY-MM-DD) when the header has one and no value was entered; default: today. */
  date?: string;
  /** 'rollup' marks a table summed from sub-units' files. */
  kind?: 'export' | 'rollup';
  /** Sheets appended before the hidden one (the roll-up's 来源). */
  extraSheets?: SheetSpec[];
  /** A roll-up missing sub-units: 「不完整：缺少 N 个下级单位」, the first line of 统计表 (and kept in _tianbao). */
  incomplete?: string;
}

/** Sheet names are part of the file format: readExportedTable and the import look for them. */
export const SHEET = {
  table: '统计表',
  detail: '指标明细',
  ledger: '活动台账',
  liaison: '联络员',
  plans: '重点活动计划',
  sources: '来源',
  meta: '_tianbao',
} as const;

export const EXPORT_FORMAT = 'tianbao-export';
export const EXPORT_FORMAT_VERSION = 1;

/** Column headings of 指标明细; the last one carries the stable slot key used to read the file back. */
export const DETAIL_HEADERS = [
  '序号',
  '分组',
  '活动项目',
  TERM.blank,
  '单位',
  '数值',
  '来源',
  '槽位键',
] as const;

const KIND_LABEL: Record<TemplateSlot['kind'], string> = {
  number: '数字',
  percent: '百分比',
  text: '文本',
  boolean: '是否',
  date: '日期',
  phone: '电话',
};

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** Epoch ms as China time, YYYY-MM-DD HH:mm: staff read these, and a string needs no per-cell date style. */
export const chinaTime = (ms: number | undefined) =>
  ms === undefined ? '' : new Date(ms + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

function slotValues(template: ExportTemplate, stats: SlotStat[]): Map<string, SlotStat> {
  const byKey = new Map(stats.map((s) => [s.key, s]));
  const out = new Map<string, SlotStat>();
  for (const slot of template.slots) {
    const stat = byKey.get(slotKey(template.id, slot.id));
    if (stat) out.set(slot.id, stat);
  }
  return out;
}

/** A header blank (填报单位, 联系人, 电话, 填报日期) falls back to the liaison profile when not entered. */
function headerValue(slot: TemplateSlot, input: ExportInput, stat: SlotStat | undefined): string {
  return headerFallback(slot, input, stat).value;
}

/**
 * The header line as a person reads it: a date as 2026年12月4日, like the 重点活动计划 sheet's seal line, the
 * print view and the documents (the header line is one text cell, so the date is text too). 指标明细 keeps
 * the ISO value: it is read back.
 */
function headerText(value: string): string {
  return isValidDate(value) ? fullDayText(value) : value;
}

/** The header blank's value and, for 指标明细's 来源, where it came from when nobody entered it. */
function headerFallback(
  slot: TemplateSlot,
  input: ExportInput,
  stat: SlotStat | undefined,
): { value: string; source?: string } {
  if (stat?.value !== null && stat?.value !== undefined) return { value: String(stat.value) };
  const p = input.profile;
  const label = slot.before;
  const of = (value: string, source: string) => (value ? { value, source } : { value });
  if (/单位/.test(label))
    return p?.unitName
      ? of(p.unitName, `取自${TERM.liaisonProfile}中的单位名称`)
      : of(input.meta.unitName, '台账的单位名称');
  if (/联系人|填报人|联络员/.test(label)) return of(p?.name ?? '', `取自${TERM.liaisonProfile}中的姓名`);
  if (/电话|手机/.test(label))
    return p?.officePhone
      ? of(p.officePhone, `取自${TERM.liaisonProfile}中的办公电话`)
      : of(p?.mobile ?? '', `取自${TERM.liaisonProfile}中的手机`);
  // 尚未填写 beside a date the sheet shows would contradict itself: say which day it is.
  if (/日期|时间/.test(label))
    return input.date
      ? of(input.date, TERM.reportDate)
      : of(today(), `导出当天（${TERM.reportDate}尚未确定）`);
  return { value: '' };
}

/** The template's printed column titles when they line up with the columns written, else the usual ones. */
function columnTitles(template: ExportTemplate, hasGroup: boolean, hasRequirement: boolean): string[] {
  const printed = template.columns ?? [];
  const withGroup = printed.length === 4 || (printed.length === 3 && !hasRequirement);
  const own = withGroup ? printed.slice(1) : printed;
  const item = own[0] || '活动项目';
  const requirement = own.length === 3 ? own[1] || '内容要求' : '内容要求';
  const progress = own.at(-1) || '进展情况';
  return [
    ...(hasGroup ? [(withGroup && printed[0]) || '类别'] : []),
    item,
    ...(hasRequirement ? [requirement] : []),
    progress,
  ];
}

function statTable(input: ExportInput): SheetSpec {
  const { template } = input;
  const stats = slotValues(template, input.stats);
  const values = new Map<string, BlankValue>([...stats].map(([id, s]) => [id, s.value]));
  const rows = tableRows(template);
  const hasGroup = rows.some((r) => r.group);
  const hasRequirement = rows.some((r) => r.requirement);
  const widths = [...(hasGroup ? [16] : []), 22, ...(hasRequirement ? [46] : []), hasRequirement ? 62 : 90];
  const n = widths.length;
  const out: RowSpec[] = [];
  const merges: MergeSpec[] = [];
  const fillRow = (first: CellSpec, s: StyleId): CellSpec[] => [
    first,
    ...Array.from({ length: n - 1 }, () => styled(null, s)),
  ];

  // An incomplete roll-up says so above everything else, where no one reading the table can miss it.
  const top = input.incomplete ? 1 : 0;
  if (input.incomplete) {
    out.push({ cells: fillRow(styled(input.incomplete, 'warning'), 'warning'), height: 30 });
    merges.push({ top: 1, left: 1, bottom: 1, right: n });
  }
  out.push({ cells: fillRow(styled(template.title, 'title'), 'title'), height: 48 });
  merges.push({ top: 1 + top, left: 1, bottom: 1 + top, right: n });
  const header = headerSlots(template)
    .map((s) => `${s.before.replace(/[：:]$/, '')}：${headerText(headerValue(s, input, stats.get(s.id)))}`)
    .join('　　');
  out.push({ cells: fillRow(styled(header, 'headerLine'), 'headerLine'), height: 30 });
  merges.push({ top: 2 + top, left: 1, bottom: 2 + top, right: n });
  out.push({
    cells: columnTitles(template, hasGroup, hasRequirement).map((t) => styled(t, 'th')),
    height: 24,
  });

  let groupStart = 0;
  rows.forEach((row, i) => {
    const r = out.length + 1;
    const sentence = rowSentence(row, template.slots, values);
    const cells: CellSpec[] = [];
    const texts: { text: string; width: number }[] = [];
    let c = 0;
    if (hasGroup) cells.push(styled(row.group, 'group'));
    if (hasGroup) c++;
    cells.push(styled(row.item, 'center'));
    texts.push({ text: row.item, width: widths[c++] as number });
    if (hasRequirement) {
      cells.push(styled(row.requirement ?? '', 'cell'));
      texts.push({ text: row.requirement ?? '', width: widths[c++] as number });
    }
    cells.push(styled(sentence, 'cell'));
    texts.push({ text: sentence, width: widths[c] as number });
    out.push({ cells, height: rowHeight(texts) });
    // Merge the group cell over consecutive rows of the same group, as the paper form does.
    const next = rows[i + 1];
    if (hasGroup && (!next || next.group !== row.group)) {
      const top = r - (i - groupStart);
      if (r > top && row.group) merges.push({ top, left: 1, bottom: r, right: 1 });
      groupStart = i + 1;
    }
  });

  return {
    name: SHEET.table,
    columns: widths.map((width) => ({ width })),
    rows: out,
    merges,
    print: {
      orientation: 'landscape',
      paper: 'A4',
      repeatRows: `${3 + top}:${3 + top}`,
      fitToWidth: 1,
      margins: { left: 1.5, right: 1.5, top: 1.8, bottom: 1.5 },
    },
  };
}

const unitOf = (s: TemplateSlot) => s.unit || (s.after.length > 0 && s.after.length <= 3 ? s.after : '');

function detailValue(slot: TemplateSlot, value: SlotValue | null | undefined): CellSpec {
  if (value === null || value === undefined) return styled(null, 'center');
  if (typeof value === 'boolean') return styled(value ? '是' : '否', 'center');
  if (typeof value === 'number') return styled(value, 'number');
  if (
    (slot.kind === 'number' || slot.kind === 'percent') &&
    value.trim() !== '' &&
    Number.isFinite(Number(value))
  ) {
    return styled(Number(value), 'number');
  }
  return styled(value, 'cell');
}

function sourceText(stat: SlotStat | undefined): string {
  if (!stat || stat.source === 'empty') return stat?.explanation || '未填写';
  if (stat.explanation) return stat.explanation;
  if (stat.source === 'manual') {
    const m = stat.manual;
    return m ? `${m.by} 手工填写${m.reason ? `（${m.reason}）` : ''}` : '手工填写';
  }
  return `${stat.entryCount} 条活动合计`;
}

const DETAIL_WIDTHS = [6, 16, 24, 44, 8, 14, 30, 26];

/** One blank as 指标明细 (and `tianbao stats`) names it for people; `key` is for scripts and read-back. */
export interface DetailRow {
  /** 序号: people count from 1; the slot's own index stays internal. */
  number: number;
  /** 分组, 表头 for the header line. */
  group: string;
  item: string;
  /** The blank in the notice's words within its item (itemBlankPhrase). */
  blank: string;
  /** The measure word, else what kind of answer it takes (文本, 是否 …). */
  unit: string;
  value: SlotValue | null;
  /** 来源: how many activities, or who typed it and why. */
  source: string;
  key: string;
  slot: TemplateSlot;
  stat: SlotStat | undefined;
}

/**
 * Every blank of the template in its order with its value and 来源. `header` may give a header blank
 * (填报单位 …) a value nobody entered, with where it came from (the export's fallback to the profile).
 */
export function detailRows(
  template: ExportTemplate,
  stats: SlotStat[],
  header?: (slot: TemplateSlot, stat: SlotStat | undefined) => { value: string; source?: string },
): DetailRow[] {
  const byId = slotValues(template, stats);
  return [...template.slots]
    .sort((a, b) => a.index - b.index)
    .map((slot) => {
      const stat = byId.get(slot.id);
      const fallback = slot.section === 'header' ? header?.(slot, stat) : undefined;
      return {
        number: slot.index + 1,
        group: slot.section === 'header' ? '表头' : slot.group,
        item: slot.item,
        blank: itemBlankPhrase(template, slot),
        unit: unitOf(slot) || KIND_LABEL[slot.kind],
        value: fallback ? fallback.value : (stat?.value ?? null),
        source: fallback?.source ?? sourceText(stat),
        key: slotKey(template.id, slot.id),
        slot,
        stat,
      };
    });
}

function detailSheet(input: ExportInput): SheetSpec {
  const { template } = input;
  const rows: RowSpec[] = [{ cells: DETAIL_HEADERS.map((h) => styled(h, 'th')), height: 22 }];
  for (const r of detailRows(template, input.stats, (slot, stat) => headerFallback(slot, input, stat))) {
    rows.push({
      height: rowHeight(
        [r.group, r.item, r.blank, String(r.value ?? ''), r.source].map((text, i) => ({
          text,
          width: DETAIL_WIDTHS[[1, 2, 3, 5, 6][i] as number] as number,
        })),
      ),
      cells: [
        styled(r.number, 'center'),
        styled(r.group, 'cell'),
        styled(r.item, 'cell'),
        styled(r.blank, 'cell'),
        styled(r.unit, 'center'),
        detailValue(r.slot, r.value),
        styled(r.source, 'cell'),
        styled(r.key, 'cell'),
      ],
    });
  }
  return {
    name: SHEET.detail,
    // 槽位键 (last) is how a roll-up reads the file back; people never need to see it.
    columns: DETAIL_WIDTHS.map((width, i) => ({ width, hidden: i === DETAIL_WIDTHS.length - 1 })),
    rows,
    freeze: { rows: 1 },
    autoFilter: `A1:H1`,
    print: { orientation: 'landscape', paper: 'A4', repeatRows: '1:1', fitToWidth: 1 },
  };
}

/** The 活动台账 sheet's fixed columns, before one column per statistics blank used. */
export const LEDGER_HEADERS = [
  E.date,
  E.title,
  E.kind,
  E.location,
  E.organizer,
  E.partners,
  E.description,
  E.attachments,
  TERM.recorder,
  TERM.recordedAt,
  TERM.modifier,
  TERM.modifiedAt,
  '编号',
];

export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** Slot keys the live entries contribute to, in template order (keys of other templates last). */
function usedSlotKeys(template: ExportTemplate, entries: Entry[]): string[] {
  const used = new Set<string>();
  for (const e of entries) for (const k in e.contributions) used.add(k);
  const order = template.slots
    .slice()
    .sort((a, b) => a.index - b.index)
    .map((s) => slotKey(template.id, s.id));
  const known = order.filter((k) => used.has(k));
  const rest = [...used].filter((k) => !order.includes(k)).sort();
  return [...known, ...rest];
}

function ledgerSheet(input: ExportInput): SheetSpec {
  const { template } = input;
  const live = input.entries.filter((e) => e.deletedAt === undefined);
  live.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.createdAt - b.createdAt));
  const keys = usedSlotKeys(template, live);
  const bySlotKey = new Map(template.slots.map((s) => [slotKey(template.id, s.id), s]));
  const slotHeaders = keys.map((k) => {
    const s = bySlotKey.get(k);
    // The notice's words with the activity item, so two 参与（ ）人次 of one table can be told apart.
    return s ? blankTitle(template, s) : k;
  });
  const width = LEDGER_HEADERS.length + keys.length;
  function* rows(): Generator<RowSpec> {
    yield {
      cells: [...LEDGER_HEADERS, ...slotHeaders].map((h) => styled(h, 'th')),
      height: keys.length ? 54 : 20,
    };
    for (const e of live) {
      const cells: CellSpec[] = [
        e.date,
        e.title,
        e.kind,
        e.location,
        e.organizer,
        e.partners,
        e.description,
        e.attachments.map((a) => a.name).join('、'),
        e.createdBy,
        chinaTime(e.createdAt),
        e.updatedBy,
        chinaTime(e.updatedAt),
        e.id,
      ];
      for (const k of keys) cells.push(e.contributions[k] ?? null);
      yield { cells, style: 'body' };
    }
  }
  return {
    name: SHEET.ledger,
    // 编号 (the activity's id) stays for someone tracing a row back to the log, hidden like 指标明细's 槽位键:
    // a clerk reading or printing the sheet has no use for 01M903KYBMVVN23JXDZTJPCC2Z.
    columns: [12, 30, 10, 18, 18, 18, 40, 16, 10, 17, 10, 17, 28, ...keys.map(() => 14)].map((w, i) => ({
      width: w,
      ...(i === LEDGER_HEADERS.length - 1 && { hidden: true }),
    })),
    rows: rows(),
    rowCount: live.length + 1,
    freeze: { rows: 1, columns: 2 },
    autoFilter: `A1:${columnLetter(width)}1`,
    print: { orientation: 'landscape', paper: 'A4', repeatRows: '1:1', fitToWidth: 1 },
  };
}

function liaisonSheet(input: ExportInput): SheetSpec {
  const p = input.profile;
  const v = (x: string | undefined) => styled(x ?? '', 'center');
  const l = (x: string) => styled(x, 'label');
  const wide = (label: string, value: string | undefined): CellSpec[] => [
    l(label),
    styled(value ?? '', 'cell'),
    ...Array.from({ length: 4 }, () => styled(null, 'cell')),
  ];
  return {
    name: SHEET.liaison,
    columns: [12, 18, 10, 18, 12, 24].map((width) => ({ width })),
    rows: [
      {
        cells: [styled('联络员推荐表', 'title'), ...Array.from({ length: 5 }, () => styled(null, 'title'))],
        height: 40,
      },
      { cells: [l(L.name), v(p?.name), l(L.gender), v(p?.gender), l(L.title), v(p?.title)], height: 30 },
      {
        cells: [l(L.officePhone), v(p?.officePhone), l(L.mobile), v(p?.mobile), l(L.fax), v(p?.fax)],
        height: 30,
      },
      { cells: [l(L.qq), v(p?.qq), l(L.wechat), v(p?.wechat), l(L.email), v(p?.email)], height: 30 },
      { cells: wide(L.unitName, p?.unitName || input.meta.unitName), height: 30 },
      { cells: wide(L.address, p?.address), height: 30 },
    ],
    merges: [
      { top: 1, left: 1, bottom: 1, right: 6 },
      { top: 5, left: 2, bottom: 5, right: 6 },
      { top: 6, left: 2, bottom: 6, right: 6 },
    ],
    print: { orientation: 'portrait', paper: 'A4', fitToWidth: 1 },
  };
}

/** The hidden key/value sheet that lets a file be recognised and imported back. */
function metaSheet(input: ExportInput): SheetSpec {
  const pairs: [string, string | number][] = [
    ['format', EXPORT_FORMAT],
    ['formatVersion', EXPORT_FORMAT_VERSION],
    ['kind', input.kind ?? 'export'],
    ['templateId', input.template.id],
    ['templateVersion', String(input.template.version ?? '')],
    ['templateTitle', input.template.title],
    ['unitId', input.meta.unitId],
    ['unitName', input.profile?.unitName || input.meta.unitName],
    ['campaign', input.meta.campaign],
    ['exportedAt', new Date().toISOString()],
    ['slotCount', input.template.slots.length],
    ...(input.incomplete ? [['incomplete', input.incomplete] as [string, string]] : []),
  ];
  return {
    name: SHEET.meta,
    state: 'hidden',
    columns: [{ width: 18 }, { width: 40 }],
    rows: pairs.map((p) => ({ cells: p })),
  };
}

export function buildExportSpec(input: ExportInput): WorkbookSpec {
  return {
    creator: 'Tianbao 填报助手',
    styles: STYLES,
    sheets: [
      statTable(input),
      detailSheet(input),
      ledgerSheet(input),
      liaisonSheet(input),
      planSheet(
        {
          unitName: input.meta.unitName,
          profile: input.profile,
          plans: input.plans,
          date: input.date ?? today(),
        },
        SHEET.plans,
      ),
      ...(input.extraSheets ?? []),
      metaSheet(input),
    ],
  };
}

/**
 * The .xlsx as bytes; runs in a browser or worker (the dashboard's 导出Excel). Progress comes every 2,000
 * rows; inside a worker, where the loop does not yield, cancel by terminating the worker.
 */
export function exportXlsx(
  input: ExportInput,
  opts: WriteOptions = {},
  writer: WorkbookWriter = exceljsWriter,
): Promise<Uint8Array> {
  return writer.toBytes(buildExportSpec(input), opts);
}

/** Streams the .xlsx (Node: CLI and benchmark), for logs too large to hold twice in memory. */
export function exportXlsxToStream(
  input: ExportInput,
  out: Writable,
  opts: WriteOptions = {},
  writer: WorkbookWriter = exceljsWriter,
): Promise<void> {
  if (!writer.toStream) throw new Error('This workbook writer cannot stream; use exportXlsx');
  return writer.toStream(buildExportSpec(input), out, opts);
}
