import { countProblem, MAX_COUNT } from '@tianbao/core';
import { TERM } from '@tianbao/templates';
import type { RowSpec, SheetSpec, WorkbookReader } from './adapter.ts';
import { ExcelImportError } from './errors.ts';
import { exceljsReader } from './exceljs-adapter.ts';
import { type ExportInput, SHEET } from './export-workbook.ts';
import { coerceValue, type ExportedTable, readExportedTable } from './read-exported.ts';
import type { LogMeta, Profile, SlotStat, SlotValue } from './records.ts';
import { styled } from './styles.ts';
import { type ExportTemplate, slotKey, slotPhrase, type TemplateSlot } from './template.ts';
import { rowHeight } from './text-width.ts';

export interface RollupFile {
  /** File name, for messages. */
  name: string;
  bytes: Uint8Array;
}

export interface RollupUnit {
  file: string;
  unitId: string;
  unitName: string;
  templateVersion: string;
  /** By slot id, coerced to the slot's kind; null where the sub-unit left the blank empty. */
  values: Record<string, SlotValue | null>;
}

export type RollupProblemCode =
  | 'unreadable'
  | 'wrong-template'
  | 'duplicate-unit'
  | 'template-version'
  | 'empty-blank'
  | 'bad-value'
  | 'not-summable'
  | 'too-large'
  /** A sub-unit's file is itself an incomplete roll-up. */
  | 'incomplete-source';

export interface RollupProblem {
  code: RollupProblemCode;
  /** File-level problems mean the file was left out of the sums. */
  excluded: boolean;
  file?: string;
  unitName?: string;
  slotId?: string;
  /** English, for logs and the CLI. */
  message: string;
  /** Chinese, written into the 来源 sheet staff read. */
  zh: string;
  /** 'incomplete-source': how many units that file's roll-up is missing. */
  missing?: number;
}

export interface RollupResult {
  /** By slot id (table blanks only): numbers summed, 是/否 counted, text listed; null when nothing to sum. */
  values: Record<string, SlotValue | null>;
  /** Per slot id: what each sub-unit gave, in Chinese, for the 来源 sheet and the explanation. */
  explanations: Record<string, string>;
  perUnit: RollupUnit[];
  problems: RollupProblem[];
}

const tableSlots = (t: ExportTemplate) =>
  t.slots.filter((s) => s.section === 'table').sort((a, b) => a.index - b.index);

function combine(slot: TemplateSlot, units: RollupUnit[], problems: RollupProblem[]): SlotValue | null {
  const given = units.filter((u) => u.values[slot.id] !== null && u.values[slot.id] !== undefined);
  if (!given.length) return null;
  switch (slot.kind) {
    case 'number': {
      const sum = given.reduce((n, u) => n + (u.values[slot.id] as number), 0);
      if (!countProblem(sum)) return sum;
      problems.push({
        code: 'too-large',
        excluded: false,
        slotId: slot.id,
        message: `Blank ${slot.index}: the sub-units' values add up to ${sum}, more than ${MAX_COUNT}; left empty, check them.`,
        zh: `合计 ${sum} 超过 ${MAX_COUNT}，未填入，请核对各单位的数`,
      });
      return null;
    }
    case 'percent':
      problems.push({
        code: 'not-summable',
        excluded: false,
        slotId: slot.id,
        message: `Blank ${slot.index} is a percentage; percentages of different units cannot be added, fill it by hand.`,
        zh: '百分比不能相加，请手工填写',
      });
      return null;
    case 'boolean': {
      const yes = given.filter((u) => u.values[slot.id] === true).length;
      const empty = units.length - given.length;
      return `是 ${yes} 个，否 ${given.length - yes} 个${empty ? `，未填 ${empty} 个` : ''}`;
    }
    default:
      return given.map((u) => `${u.unitName}：${u.values[slot.id]}`).join('；');
  }
}

/**
 * Sums sub-units' exported tables into the unit above's table. Files of another template, a second file of
 * the same sub-unit and unreadable files are left out and reported; a blank a sub-unit left empty is
 * reported and does not count; nothing is merged silently.
 */
export async function rollup(
  files: RollupFile[],
  template: ExportTemplate,
  reader: WorkbookReader = exceljsReader,
): Promise<RollupResult> {
  const problems: RollupProblem[] = [];
  const perUnit: RollupUnit[] = [];
  const seen = new Map<string, string>();
  const slots = tableSlots(template);
  for (const file of files) {
    let table: ExportedTable;
    try {
      table = await readExportedTable(file.bytes, reader);
    } catch (err) {
      if (!(err instanceof ExcelImportError)) throw err;
      problems.push({
        code: 'unreadable',
        excluded: true,
        file: file.name,
        message: `${file.name}: ${err.message}`,
        zh: `无法读取（${err.code}），未汇总`,
      });
      continue;
    }
    if (table.templateId !== template.id) {
      problems.push({
        code: 'wrong-template',
        excluded: true,
        file: file.name,
        unitName: table.unitName,
        message: `${file.name}: made for template "${table.templateId}", not "${template.id}"; left out.`,
        zh: `模板不同（${table.templateId}），未汇总`,
      });
      continue;
    }
    const who = table.unitId || table.unitName;
    const earlier = seen.get(who);
    if (earlier !== undefined) {
      problems.push({
        code: 'duplicate-unit',
        excluded: true,
        file: file.name,
        unitName: table.unitName,
        message: `${file.name}: ${table.unitName} was already read from ${earlier}; this second file is left out.`,
        zh: `与 ${earlier} 为同一单位，重复，未汇总`,
      });
      continue;
    }
    seen.set(who, file.name);
    if (table.incomplete) {
      const missing = Number(/缺少\s*(\d+)\s*个/.exec(table.incomplete)?.[1] ?? 1);
      problems.push({
        code: 'incomplete-source',
        excluded: false,
        file: file.name,
        unitName: table.unitName,
        missing,
        message: `${file.name}: ${table.unitName}'s table is itself an incomplete roll-up (${missing} unit(s) missing).`,
        zh: `本身是不完整的汇总表（${table.incomplete}）`,
      });
    }
    if (String(template.version ?? '') !== table.templateVersion) {
      problems.push({
        code: 'template-version',
        excluded: false,
        file: file.name,
        unitName: table.unitName,
        message: `${file.name}: exported with template version "${table.templateVersion}", current is "${template.version ?? ''}"; blanks are matched by their stable ids.`,
        zh: `模板版本不同（${table.templateVersion}），已按统计项编号汇总`,
      });
    }
    const values: Record<string, SlotValue | null> = {};
    for (const slot of slots) {
      const raw = table.values[slot.id] ?? null;
      const v = coerceValue(slot, raw);
      if (v === undefined) {
        problems.push({
          code: 'bad-value',
          excluded: false,
          file: file.name,
          unitName: table.unitName,
          slotId: slot.id,
          message: `${table.unitName}: blank ${slot.index} holds "${raw}", which is not ${slot.kind === 'number' ? `a count (a whole number from 0 to ${MAX_COUNT})` : slot.kind === 'percent' ? 'a percentage (0–100)' : `a ${slot.kind}`}; not counted.`,
          zh: `${table.unitName}：「${raw}」格式不对，未计入`,
        });
      } else if (v === null) {
        problems.push({
          code: 'empty-blank',
          excluded: false,
          file: file.name,
          unitName: table.unitName,
          slotId: slot.id,
          message: `${table.unitName}: blank ${slot.index} (${slotPhrase(slot, null)}) is empty.`,
          zh: `${table.unitName} 未填`,
        });
      }
      values[slot.id] = v ?? null;
    }
    perUnit.push({
      file: file.name,
      unitId: table.unitId,
      unitName: table.unitName,
      templateVersion: table.templateVersion,
      values,
    });
  }
  const out: Record<string, SlotValue | null> = {};
  const explanations: Record<string, string> = {};
  for (const slot of slots) {
    out[slot.id] = combine(slot, perUnit, problems);
    explanations[slot.id] = perUnit
      .map((u) => {
        const v = u.values[slot.id];
        return `${u.unitName} ${v === null || v === undefined ? '未填' : typeof v === 'boolean' ? (v ? '是' : '否') : v}`;
      })
      .join('；');
  }
  return { values: out, explanations, perUnit, problems };
}

/** Files that could not be used at all: each is a sub-unit missing from the sums. */
const MISSING_CODES: readonly RollupProblemCode[] = ['unreadable', 'wrong-template'];

/**
 * How many sub-units the sums lack: files that could not be used, plus the units missing from sub-units'
 * files that are themselves incomplete roll-ups. 0 means the roll-up is complete.
 */
export function missingUnits(result: Pick<RollupResult, 'problems'>): number {
  let n = 0;
  for (const p of result.problems) {
    if (MISSING_CODES.includes(p.code)) n++;
    else if (p.code === 'incomplete-source') n += p.missing ?? 1;
  }
  return n;
}

/** 「不完整：缺少 N 个下级单位」 for the top of 统计表 and every screen that shows the sums, or null. */
export function incompleteNote(result: Pick<RollupResult, 'problems'>): string | null {
  const n = missingUnits(result);
  return n ? `不完整：缺少 ${n} 个下级单位` : null;
}

/** The 来源 sheet: every blank with each sub-unit's value side by side, the total, and what was reported. */
function sourcesSheet(result: RollupResult, template: ExportTemplate): SheetSpec {
  const units = result.perUnit;
  const slots = tableSlots(template);
  const notes = new Map<string, string[]>();
  for (const p of result.problems) {
    if (!p.slotId) continue;
    notes.set(p.slotId, [...(notes.get(p.slotId) ?? []), p.zh]);
  }
  const cellOf = (v: SlotValue | null | undefined) =>
    v === null || v === undefined
      ? styled(null, 'center')
      : typeof v === 'number'
        ? styled(v, 'number')
        : styled(typeof v === 'boolean' ? (v ? '是' : '否') : v, 'cell');
  const rows: RowSpec[] = [
    {
      cells: ['序号', TERM.blank, ...units.map((u) => u.unitName), '合计', '说明'].map((h) =>
        styled(h, 'th'),
      ),
      height: 30,
    },
  ];
  for (const slot of slots) {
    const phrase = slotPhrase(slot, null);
    const note = (notes.get(slot.id) ?? []).join('\n');
    const texts = [
      { text: phrase, width: 44 },
      { text: note, width: 50 },
      ...[...units.map((u) => u.values[slot.id]), result.values[slot.id]].map((v) => ({
        text: typeof v === 'string' ? v : '',
        width: 16,
      })),
    ];
    rows.push({
      height: rowHeight(texts),
      cells: [
        styled(slot.index, 'center'),
        styled(phrase, 'cell'),
        ...units.map((u) => cellOf(u.values[slot.id])),
        cellOf(result.values[slot.id]),
        styled(note, 'cell'),
      ],
    });
  }
  rows.push({ cells: [] });
  const note = incompleteNote(result);
  if (note) rows.push({ cells: [styled(`${note}（下列标明“缺少”的文件未计入合计）`, 'warning')] });
  rows.push({ cells: [styled('文件', 'th'), styled('单位', 'th'), styled('情况', 'th')] });
  for (const u of units) rows.push({ cells: [u.file, u.unitName, '已汇总'], style: 'plain' });
  for (const p of result.problems.filter((x) => !x.slotId)) {
    const zh = MISSING_CODES.includes(p.code) ? `缺少：${p.zh}` : p.zh;
    rows.push({ cells: [p.file ?? '', p.unitName ?? '', zh], style: 'plain' });
  }
  return {
    name: SHEET.sources,
    columns: [{ width: 6 }, { width: 44 }, ...units.map(() => ({ width: 16 })), { width: 16 }, { width: 50 }],
    rows,
    freeze: { rows: 1, columns: 2 },
    print: { orientation: 'landscape', paper: 'A4', repeatRows: '1:1', fitToWidth: 1 },
  };
}

/**
 * The roll-up as an export: the same workbook as a unit's own export (统计表 with the sums, 指标明细 with
 * number cells), with no ledger entries and a 来源 sheet of what came from which sub-unit.
 */
export function rollupExportInput(
  result: RollupResult,
  template: ExportTemplate,
  unit: { meta: LogMeta; profile: Profile | null; date?: string },
): ExportInput {
  const stats: SlotStat[] = tableSlots(template).map((slot) => {
    const value = result.values[slot.id] ?? null;
    return {
      key: slotKey(template.id, slot.id),
      value,
      source: value === null ? 'empty' : 'sum',
      entryCount: 0,
      explanation: `${result.perUnit.length} 个下级单位汇总${missingUnits(result) ? `（${incompleteNote(result)}）` : ''}：${result.explanations[slot.id] ?? ''}`,
    };
  });
  return {
    template,
    meta: unit.meta,
    profile: unit.profile,
    date: unit.date,
    entries: [],
    plans: [],
    stats,
    kind: 'rollup',
    ...(incompleteNote(result) ? { incomplete: incompleteNote(result) as string } : {}),
    extraSheets: [sourcesSheet(result, template)],
  };
}
