import { dayText, fullDayText, isValidDate, planTimeText } from '@tianbao/core';
import { planTableTitle, planTemplate, sealFields } from '@tianbao/templates';
import type { RowSpec, SheetSpec, WriteOptions } from './adapter.ts';
import { exceljsWriter } from './exceljs-adapter.ts';
import type { Plan, Profile } from './records.ts';
import { STYLES, styled } from './styles.ts';
import { rowHeight } from './text-width.ts';

export interface PlanSheetInput {
  unitName: string;
  profile: Profile | null;
  plans: readonly Plan[];
  /** 填报日期, YYYY-MM-DD. */
  date: string;
}

/** 序号 and the notice's columns (重点活动计划安排: 时间, 地点, 主要内容, 主办单位, 协助单位, 工作分工, 成果形式). */
const HEADERS = ['序号', ...planTemplate.columns];
const WIDTHS = [6, 14, 16, 40, 16, 16, 20, 14];

/**
 * The 重点活动计划安排表 sheet, the same in the full export and on its own: title with the unit, the seal
 * line, the notice's columns (repeated on every printed page), one row per live plan, and the unit and
 * date at the bottom right for the seal. A4 landscape, one page wide.
 */
export function planSheet(input: PlanSheetInput, name: string): SheetSpec {
  const unit = input.profile?.unitName || input.unitName;
  const n = HEADERS.length;
  const across = (text: string, style: 'title' | 'headerLine' | 'signature', height: number): RowSpec => ({
    cells: [styled(text, style), ...Array.from({ length: n - 1 }, () => styled(null, style))],
    height,
  });
  const line = sealFields({
    unit,
    contact: input.profile?.name ?? '',
    phone: input.profile?.officePhone || input.profile?.mobile || '',
    date: fullDayText(input.date),
  }).join('　　');
  const rows: RowSpec[] = [
    across(planTableTitle(unit), 'title', 40),
    across(line, 'headerLine', 30),
    { cells: HEADERS.map((h) => styled(h, 'th')), height: 24 },
  ];
  input.plans
    .filter((p) => p.deletedAt === undefined)
    .forEach((p, i) => {
      const texts = [planTimeText(p.time), p.place, p.content, p.host, p.assist, p.division, p.outcome];
      rows.push({
        cells: [styled(i + 1, 'center'), ...texts.map((t) => styled(t, 'cell'))],
        height: rowHeight(texts.map((text, j) => ({ text, width: WIDTHS[j + 1] as number }))),
      });
    });
  const last = rows.length;
  rows.push(
    { cells: [], height: 24 },
    across(unit, 'signature', 22),
    across(fullDayText(input.date), 'signature', 22),
  );
  return {
    name,
    columns: WIDTHS.map((width) => ({ width })),
    rows,
    merges: [
      { top: 1, left: 1, bottom: 1, right: n },
      { top: 2, left: 1, bottom: 2, right: n },
      { top: last + 2, left: 1, bottom: last + 2, right: n },
      { top: last + 3, left: 1, bottom: last + 3, right: n },
    ],
    print: { orientation: 'landscape', paper: 'A4', repeatRows: '3:3', fitToWidth: 1 },
  };
}

/** The plan table on its own, as the .xlsx a unit sends with the Word one. */
export function exportPlanXlsx(input: PlanSheetInput, opts: WriteOptions = {}): Promise<Uint8Array> {
  return exceljsWriter.toBytes(
    { creator: 'Tianbao 填报助手', styles: STYLES, sheets: [planSheet(input, '重点活动计划安排表')] },
    opts,
  );
}
