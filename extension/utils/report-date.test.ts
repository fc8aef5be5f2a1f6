import { templateValues, UnitLog } from '@tianbao/core';
import { exportXlsx } from '@tianbao/excel';
import { liaisonFormDocx, planTableDocx, summaryDocx, summaryInput, unitFormInput } from '@tianbao/reports';
import { docxText } from '@tianbao/reports/docx-text';
import { getTemplate, type Template } from '@tianbao/templates';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { ownExportInput } from './excel-input';
import type { OpenLog } from './log-client';
import { panelValues } from './portal-values';
import { reportDateNow } from './report-date';

const T = getTemplate('daxinganling-2020') as Template;

function newLog(): UnitLog {
  const log = UnitLog.create({
    unitName: '漠河市应急管理局',
    campaign: '2026年“安全生产月”',
    templateIds: [T.id],
    user: '张三',
    shards: 2,
  });
  log.setProfile({ name: '张三丰', officePhone: '0457-2712884' });
  log.addPlan({
    time: '2026-06-16',
    place: '线上',
    content: '网上“全国安全宣传咨询日”活动',
    host: '市安委办',
  });
  return log;
}

describe('填报日期 is one value', () => {
  it('is recorded the first time the unit reports, and kept after', () => {
    const log = newLog();
    expect(reportDateNow(log, T, '2026-06-29')).toEqual({ date: '2026-06-29', recorded: true });
    // A day later (a second export, a print): the same day, not the new today.
    expect(reportDateNow(log, T, '2026-06-30')).toEqual({ date: '2026-06-29', recorded: false });
    expect(log.reportDate()).toBe('2026-06-29');
  });

  it('takes a date typed into the 填报日期 blank before the one date existed as the log’s', () => {
    const log = newLog();
    log.setManualValue(`${T.id}/header-date`, '2026-06-28', '旧版本填写');
    expect(reportDateNow(log, T, '2026-07-01')).toEqual({ date: '2026-06-28', recorded: true });
    expect(log.reportDate()).toBe('2026-06-28');
  });

  it('is the same in 统计表, the Excel export, the documents and the portal fill', async () => {
    const log = newLog();
    log.setReportDate('2026-06-29');

    // 统计表 (and its print view, which reads the same templateValues and UnitLog.reportDate).
    const table = templateValues(log, T).find((v) => v.slotId === 'header-date');
    expect(table?.value).toBe('2026-06-29');

    // The portal fill's value for the 填报日期 blank.
    expect(panelValues(log, T).get('header-date')?.value).toBe('2026-06-29');

    // Excel, read back by SheetJS: the 统计表 header line and the plan sheet.
    const open = { ready: Promise.resolve(), session: { log } } as unknown as OpenLog;
    const book = XLSX.read(await exportXlsx(await ownExportInput(open, T)), { type: 'array' });
    const cells = (name: string) =>
      (XLSX.utils.sheet_to_json(book.Sheets[name] as XLSX.WorkSheet, { header: 1 }) as unknown[][])
        .flat()
        .map(String);
    expect(cells('统计表').some((c) => c.endsWith('填报日期：2026年6月29日'))).toBe(true);
    expect(cells('重点活动计划').some((c) => c.includes('2026年6月29日'))).toBe(true);

    // The documents that carry it: 总结初稿 under the signature, the plan table and the liaison form.
    const summary = await docxText((await summaryDocx(summaryInput(log, T))).bytes);
    expect(summary.split('\n').at(-1)).toBe('2026年6月29日');
    expect(await docxText(await planTableDocx(unitFormInput(log)))).toContain('填报日期：2026年6月29日');
    const liaison = await docxText(await liaisonFormDocx(unitFormInput(log)));
    expect(liaison.split('\n').at(-1)).toBe('2026年6月29日');
  });
});
