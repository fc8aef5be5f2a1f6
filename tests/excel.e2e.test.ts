// Excel in the extension as a unit meets it: real Chromium, the built extension. Import a hand-kept 台账
// (column mapping, preview, invalid rows, a second import adds nothing), refuse broken files in Chinese,
// export the official workbook through the worker (read back with SheetJS), cancel a 10k-entry export, and
// roll up sub-units' exported tables (side by side, problems listed, download, put into the log).
// biome-ignore-all lint/performance/useDomNodeTextContent: Playwright's innerText keeps a table's cells tab-separated
import { readFileSync } from 'node:fs';
import { type ExportInput, exportXlsx, slotPhrase } from '@tianbao/excel';
import { getTemplate, type Template } from '@tianbao/templates';
import type { Download, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import {
  createLogThroughUi,
  type ExtensionBrowser,
  launchExtension,
  screenshot,
} from './support/extension-browser.ts';

const T = getTemplate('daxinganling-2020') as Template;
const BAODI = getTemplate('baodi-2021') as Template;
if (!T || !BAODI) throw new Error('template missing');
// 安排理论学习中心组专题学习（ ）次，参与（ ）人次
const study = T.slots.find((s) => s.before.includes('理论学习中心组')) as Template['slots'][number];
const studyPeople = T.slots[study.index + 1] as Template['slots'][number];
const yesNo = T.slots.find((s) => s.kind === 'boolean' && s.section === 'table') as Template['slots'][number];
const key = (s: { id: string }) => `${T.id}/${s.id}`;

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function workbook(rows: unknown[][], sheet = '台账'): Buffer {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), sheet);
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

/** A 台账 as staff keep it: a title row, the headings, activities, a bad date, a row without a title, a total. */
const ledger = workbook([
  ['2020年安全生产月活动台账'],
  ['序号', '日期', '活动名称', '地点', '参与人数'],
  [1, '2020-06-03', '理论学习中心组专题学习（一）', '局三楼会议室', 25],
  [2, '2020年6月10日', '理论学习中心组专题学习（二）', '局三楼会议室', '30人'],
  [3, '6月18日', '安全生产知识讲座', '漠河市文化中心', 40],
  [4, '下周', '应急演练', '北极村', 60],
  [5, '2020-06-20', '', '', 10],
  [6, '2020-06-21', '很长的活动名称'.repeat(43), '', 5],
  ['合计', '', '', '', 165],
]);

/** A year of a large unit: every row different, as real ledgers are (shared strings do not shrink them). */
function bigLedger(n: number): Buffer {
  const rows: unknown[][] = [['日期', '活动名称', '地点', '主办单位', '参与人数', '活动内容']];
  for (let i = 0; i < n; i++)
    rows.push([
      `2020-06-${String((i % 30) + 1).padStart(2, '0')}`,
      `安全宣传进企业 第${i + 1}场`,
      `第${(i % 40) + 1}网格 ${i % 7}号楼`,
      '漠河市应急管理局',
      (i % 200) + 10,
      `组织第${i + 1}家企业的${(i % 90) + 10}名员工学习安全生产法，排查隐患${i % 13}处，开展应急疏散演练`,
    ]);
  return workbook(rows);
}

/** A sub-unit's table exported by Tianbao (in Node, as the sub-unit's own browser or CLI would). */
async function subUnitTable(
  template: Template,
  unit: { id: string; name: string },
  values: [string, number | string | boolean][],
): Promise<Buffer> {
  const input: ExportInput = {
    template,
    meta: {
      logId: `log-${unit.id}`,
      unitId: unit.id,
      unitName: unit.name,
      campaign: '2020 安全生产月',
      templateIds: [template.id],
      schemaVersion: 1,
    },
    profile: null,
    entries: [],
    plans: [],
    stats: values.map(([k, value]) => ({ key: k, value, source: 'manual', entryCount: 0, explanation: '' })),
    date: '2020-06-30',
  };
  return Buffer.from(await exportXlsx(input));
}

const excelMode = async (page: Page, mode: '导出Excel' | '导入手工台账' | '汇总下级单位') => {
  await page.getByRole('link', { name: 'Excel导入导出' }).click();
  await page.getByRole('tab', { name: mode }).click();
};

const readBook = async (d: Download) => XLSX.read(readFileSync(await d.path()), { type: 'buffer' });
const sheetText = (wb: XLSX.WorkBook, name: string) =>
  XLSX.utils
    .sheet_to_json<unknown[]>(wb.Sheets[name] as XLSX.WorkSheet, { header: 1 })
    .map((r) => r.join('\t'))
    .join('\n');
const detailValue = (wb: XLSX.WorkBook, k: string) =>
  XLSX.utils
    .sheet_to_json<unknown[]>(wb.Sheets.指标明细 as XLSX.WorkSheet, { header: 1 })
    .find((r) => r[7] === k)?.[5];

describe('extension: Excel export, 台账 import and roll-up', () => {
  let b: ExtensionBrowser;
  let page: Page;
  const downloads: Download[] = [];

  beforeAll(async () => {
    b = await launchExtension();
    page = await b.open('dashboard.html');
    page.on('download', (d) => downloads.push(d));
    await page.getByRole('heading', { name: '开始使用填报助手' }).waitFor();
    // The 台账 rows are dated June 2020: the 2020 campaign, so they are inside it (the case of rows outside
    // it has its own test).
    await createLogThroughUi(page, '张三', '漠河市应急管理局', '2020年“安全生产月”');
  });
  afterAll(async () => {
    await b?.close();
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail')
      await screenshot(page, `failed-excel-${ctx.task.name.slice(0, 40)}`).catch(() => undefined);
  });

  it('imports a hand-kept 台账: columns guessed and confirmed, preview, invalid rows with reasons', async () => {
    await excelMode(page, '导入手工台账');
    await screenshot(page, 'excel-01-import-start');
    await page
      .getByLabel('选择台账文件')
      .setInputFiles({ name: '活动台账.xlsx', mimeType: XLSX_MIME, buffer: ledger });
    const select = (header: string) => page.getByLabel(`“${header}”导入为`);
    await select('日期').waitFor();
    expect(await select('日期').inputValue()).toBe('field:date');
    expect(await select('活动名称').inputValue()).toBe('field:title');
    expect(await select('地点').inputValue()).toBe('field:location');
    expect(await select('序号').inputValue()).toBe('ignore');
    // The count column is recognised as a number but needs the person to say which blank it goes to.
    expect(await select('参与人数').inputValue()).toBe('ignore');
    await expect.poll(() => page.getByText('“参与人数”一列是数字，请选择').isVisible()).toBe(true);
    await screenshot(page, 'excel-02-import-mapping');
    await select('参与人数').selectOption(`slot:${key(studyPeople)}`);
    await expect.poll(() => page.getByText('“参与人数”一列是数字，请选择').count()).toBe(0);

    await expect.poll(() => page.getByText('可导入 3 条').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('4 行有问题，不能导入').isVisible()).toBe(true);
    const invalid = page.locator('table.excel-invalid tbody tr');
    expect(await invalid.count()).toBe(4);
    expect(await invalid.nth(0).innerText()).toMatch(/6\s+日期“下周”无法识别/);
    expect(await invalid.nth(1).innerText()).toMatch(/7\s+没有填写活动名称/);
    // #18 finding 7: the preview runs the log's own rules, so a 301-character title is marked here, not refused at import.
    expect(await invalid.nth(2).innerText()).toMatch(/8\s+活动名称不能超过200个字/);
    expect(await invalid.nth(3).innerText()).toMatch(/9\s+这是合计行/);
    // 6月18日 took the year of the log's campaign.
    const year = /\d{4}/.exec(await page.locator('.app-head .campaign').innerText())?.[0];
    expect(await page.locator('table.excel-preview').innerText()).toContain(`${year}-06-18`);
    await screenshot(page, 'excel-03-import-preview');

    await page.getByRole('button', { name: '导入 3 条活动' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: '已导入 3 条活动' }).isVisible())
      .toBe(true);
    expect(await page.getByText('4 行有问题没有导入').isVisible()).toBe(true);
    await screenshot(page, 'excel-04-import-done');

    await page.getByRole('link', { name: '统计表', exact: true }).click();
    await expect
      .poll(() =>
        page.locator('table.official .blank, .paper-header .blank').nth(studyPeople.index).innerText(),
      )
      .toBe('95');
  });

  it('importing the same file again adds nothing', async () => {
    await excelMode(page, '导入手工台账');
    await page
      .getByLabel('选择台账文件')
      .setInputFiles({ name: '活动台账.xlsx', mimeType: XLSX_MIME, buffer: ledger });
    await page.getByLabel('“参与人数”导入为').selectOption(`slot:${key(studyPeople)}`);
    await expect.poll(() => page.getByText('3 条以前已导入过，将跳过').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('可导入 0 条').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: '没有新的活动可导入' }).isDisabled()).toBe(true);
    await screenshot(page, 'excel-05-import-again');
    await page.getByRole('link', { name: '活动台账', exact: true }).click();
    await expect.poll(() => page.locator('table.list tbody tr').count()).toBe(3);

    // Deleted after importing: skipped again unless the person asks to bring it back with this mapping.
    await page
      .locator('table.list tbody tr')
      .filter({ hasText: '安全生产知识讲座' })
      .getByRole('button', { name: '删除' })
      .click();
    await expect.poll(() => page.locator('table.list tbody tr').count()).toBe(2);
    await excelMode(page, '导入手工台账');
    await page
      .getByLabel('选择台账文件')
      .setInputFiles({ name: '活动台账.xlsx', mimeType: XLSX_MIME, buffer: ledger });
    await page.getByLabel('“参与人数”导入为').selectOption(`slot:${key(studyPeople)}`);
    await expect.poll(() => page.getByText('1 条以前导入后已删除').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: '没有新的活动可导入' }).isDisabled()).toBe(true);
    await page.getByLabel('把已删除的 1 条按现在的列设置重新导入').check();
    await screenshot(page, 'excel-05b-import-deleted');
    await page.getByRole('button', { name: '导入 1 条活动' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: '从回收站重新导入 1 条' }).isVisible())
      .toBe(true);
    await page.getByRole('link', { name: '活动台账', exact: true }).click();
    await expect.poll(() => page.locator('table.list tbody tr').count()).toBe(3);
  });

  it('broken, legacy .xls and password-protected files: a Chinese error, nothing imported', async () => {
    const cfb = (extra: string) => {
      const magic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
      const name = Array.from(extra).flatMap((c) => [c.charCodeAt(0), 0]);
      return Buffer.from([...magic, ...new Array(504).fill(0), ...name, ...new Array(64).fill(0)]);
    };
    const cases: [string, Buffer, RegExp][] = [
      ['损坏.xlsx', Buffer.from('这不是一个表格文件，只是一段文字。'), /不是 Excel 文件/],
      ['旧台账.xls', cfb('Workbook'), /旧版 Excel 文件（\.xls）.*另存为/],
      ['加密台账.xlsx', cfb('EncryptedPackage'), /设置了打开密码/],
      ['截断.xlsx', ledger.subarray(0, 400), /损坏|不完整|无法读取/],
    ];
    await excelMode(page, '导入手工台账');
    for (const [name, buffer, message] of cases) {
      await page.getByLabel('选择台账文件').setInputFiles({ name, mimeType: XLSX_MIME, buffer });
      const alert = page.getByRole('alert');
      await expect.poll(() => alert.innerText().catch(() => '')).toMatch(message);
      expect(await alert.innerText()).toContain(`“${name}”`);
      expect(await alert.innerText()).not.toMatch(/[A-Za-z]{6,}/);
      expect(await page.locator('table.excel-mapping').count()).toBe(0);
      if (name === '旧台账.xls') await screenshot(page, 'excel-06-import-error');
    }
    await page.getByRole('link', { name: '活动台账', exact: true }).click();
    await expect.poll(() => page.locator('table.list tbody tr').count()).toBe(3);
  });

  it('导出Excel downloads the official workbook, written in the worker', async () => {
    await excelMode(page, '导出Excel');
    await screenshot(page, 'excel-07-export');
    const before = downloads.length;
    const [d] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出Excel' }).click(),
    ]);
    expect(d.suggestedFilename()).toMatch(/^漠河市应急管理局-.*\.xlsx$/);
    const wb = await readBook(d);
    expect(wb.SheetNames).toEqual(['统计表', '指标明细', '活动台账', '联络员', '重点活动计划', '_tianbao']);
    expect(wb.Workbook?.Sheets?.map((s) => s.Hidden ?? 0)).toEqual([0, 0, 0, 0, 0, 1]);
    const table = sheetText(wb, '统计表');
    expect(table).toContain(T.title);
    expect(table).toContain(slotPhrase(studyPeople, 95));
    expect(table).toContain('漠河市应急管理局');
    expect(detailValue(wb, key(studyPeople))).toBe(95);
    const meta = sheetText(wb, '_tianbao');
    expect(meta).toContain(`templateId\t${T.id}`);
    expect(meta).toContain('format\ttianbao-export');
    const ledgerRows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets.活动台账 as XLSX.WorkSheet, {
      header: 1,
    });
    expect(ledgerRows).toHaveLength(4);
    await expect.poll(() => page.getByRole('status').filter({ hasText: '已导出' }).isVisible()).toBe(true);
    expect(downloads.length).toBe(before + 1);
    await screenshot(page, 'excel-08-export-done');
  });

  it('10,000 entries: imported from a 台账, exported with progress, and a cancelled export downloads nothing', async () => {
    const N = 10_000;
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.longTasks.push(Math.round(e.duration));
      }).observe({ type: 'longtask' });
    });
    await excelMode(page, '导入手工台账');
    const t0 = Date.now();
    await page
      .getByLabel('选择台账文件')
      .setInputFiles({ name: '大台账.xlsx', mimeType: XLSX_MIME, buffer: bigLedger(N) });
    await page.getByLabel('“参与人数”导入为').selectOption(`slot:${key(studyPeople)}`);
    await page.getByRole('button', { name: `导入 ${N} 条活动` }).click({ timeout: 60_000 });
    await expect
      .poll(
        () =>
          page
            .getByRole('status')
            .filter({ hasText: `已导入 ${N} 条活动` })
            .isVisible(),
        { timeout: 60_000 },
      )
      .toBe(true);
    const importMs = Date.now() - t0;
    const importTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);

    await excelMode(page, '导出Excel');
    await expect.poll(() => page.getByText(`${N + 3} 条活动`).isVisible()).toBe(true);
    // The workbook is written in the extension's own worker script, off the page's thread.
    await page.evaluate(() => {
      (window as unknown as { longTasks: number[] }).longTasks = [];
    });
    const [d, worker] = await Promise.all([
      page.waitForEvent('download', { timeout: 120_000 }),
      page.waitForEvent('worker'),
      page.getByRole('button', { name: '导出Excel' }).click(),
      page
        .getByRole('progressbar', { name: '导出进度' })
        .waitFor()
        .then(() => screenshot(page, 'excel-09-export-progress')),
    ]);
    expect(worker.url()).toMatch(
      new RegExp(`^chrome-extension://${b.extensionId}/assets/excel-worker-.*\\.js$`),
    );
    const done = page.getByRole('status').filter({ hasText: '已导出' });
    await done.waitFor();
    const ms = Number(await done.getAttribute('data-ms'));
    const bytes = Number(await done.getAttribute('data-bytes'));
    const wb = await readBook(d);
    expect(
      XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets.活动台账 as XLSX.WorkSheet, { header: 1 }),
    ).toHaveLength(N + 4);
    let people = 95;
    for (let i = 0; i < N; i++) people += (i % 200) + 10;
    expect(detailValue(wb, key(studyPeople))).toBe(people);
    const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    console.log(
      `10k in the extension: 台账 import ${importMs} ms (pick file to done; page's longest task ${Math.max(0, ...importTasks)} ms); export ${ms} ms, ${(bytes / 1024 / 1024).toFixed(2)} MiB; page's longest task during the export ${Math.max(0, ...longTasks)} ms (${longTasks.length} over 50 ms)`,
    );

    // 取消 as soon as the bar shows: no file appears, the page is ready for the next export.
    const count = downloads.length;
    const [cancelled] = await Promise.all([
      page.waitForEvent('worker'),
      page.getByRole('button', { name: '导出Excel' }).click(),
    ]);
    const stopped = new Promise((resolve) => cancelled.on('close', resolve));
    const bar = page.getByRole('progressbar', { name: '导出进度' });
    await bar.waitFor();
    await page.getByRole('button', { name: '取消' }).click();
    // The worker stops (on the cancel message, or ended after a grace period), it does not run on.
    await stopped;
    await expect.poll(() => page.getByText('已取消导出，没有生成文件。').isVisible()).toBe(true);
    expect(await bar.count()).toBe(0);
    expect(await page.getByRole('button', { name: '导出Excel' }).isEnabled()).toBe(true);
    await page.waitForTimeout(ms + 3000);
    expect(downloads.length).toBe(count);
    await screenshot(page, 'excel-10-export-cancelled');
  });

  it("rolls up sub-units' tables: side by side, problems listed, download, put into this log", async () => {
    const textSlot = T.slots.find(
      (s) => s.kind === 'text' && s.section === 'table',
    ) as Template['slots'][number];
    const a = await subUnitTable(T, { id: 'U-MOHE-1', name: '北极镇应急站' }, [
      [key(study), 2],
      [key(studyPeople), 50],
      [key(yesNo), true],
      [key(textSlot), '召开动员会'],
    ]);
    const bFile = await subUnitTable(T, { id: 'U-MOHE-2', name: '西林吉镇应急站' }, [
      [key(study), 3],
      [key(studyPeople), 70],
      [key(yesNo), false],
    ]);
    const other = await subUnitTable(BAODI, { id: 'U-BAODI', name: '宝坻区某街道' }, []);
    const files = [
      { name: '北极镇.xlsx', mimeType: XLSX_MIME, buffer: a },
      { name: '西林吉镇.xlsx', mimeType: XLSX_MIME, buffer: bFile },
      { name: '宝坻.xlsx', mimeType: XLSX_MIME, buffer: other },
      { name: '北极镇-再次发送.xlsx', mimeType: XLSX_MIME, buffer: a },
      { name: '手工台账.xlsx', mimeType: XLSX_MIME, buffer: ledger },
      { name: '损坏.xlsx', mimeType: XLSX_MIME, buffer: Buffer.from('不是表格') },
    ];

    // A value typed by hand in this log before the roll-up: it must not be replaced silently.
    await page.getByRole('link', { name: '统计表', exact: true }).click();
    await page.locator('table.official .blank, .paper-header .blank').nth(study.index).click();
    const detail = page.getByRole('dialog', { name: '统计项详情' });
    await detail.getByLabel('值').fill('9');
    await detail.getByLabel('原因').fill('本局自行统计');
    await detail.getByRole('button', { name: '保存手工值' }).click();
    await detail.waitFor({ state: 'detached' });

    await excelMode(page, '汇总下级单位');
    await screenshot(page, 'excel-11-rollup-start');
    await page.getByLabel('选择下级单位的统计表').setInputFiles(files);
    await expect
      .poll(() => page.getByText('已汇总 2 个单位：北极镇应急站、西林吉镇应急站').isVisible())
      .toBe(true);
    const problems = await page.locator('.excel-problems').innerText();
    expect(problems).toContain(`“宝坻.xlsx”（宝坻区某街道）：是另一张统计表（${BAODI.title}）的文件，未汇总`);
    expect(problems).toMatch(/“北极镇-再次发送\.xlsx”（北极镇应急站）：与 北极镇\.xlsx 为同一单位，重复/);
    expect(problems).toContain('“手工台账.xlsx”：未汇总。这不是填报助手导出的统计表');
    expect(problems).toContain('“损坏.xlsx”：未汇总。这不是 Excel 文件');
    expect(problems).toMatch(/西林吉镇应急站 有 \d+ 项未填/);
    // Three chosen files could not be used (another table, a hand-kept ledger, a broken file): the sums lack
    // three sub-units, and the page says so before anything else.
    expect(await page.locator('.excel-incomplete').innerText()).toMatch(/^不完整：缺少 3 个下级单位。/);
    const head = await page.locator('table.excel-side thead').innerText();
    expect(head).toMatch(/北极镇应急站\s+西林吉镇应急站\s+汇总/);
    const row = (s: { index: number }) =>
      page
        .locator('table.excel-side tbody tr')
        .filter({ has: page.locator('td.num', { hasText: new RegExp(`^${s.index}$`) }) });
    expect((await row(study).innerText()).split('\t').slice(-4, -1)).toEqual(['2', '3', '5']);
    expect((await row(studyPeople).innerText()).split('\t').slice(-4, -1)).toEqual(['50', '70', '120']);
    expect(await row(yesNo).innerText()).toContain('是 1 个，否 1 个');
    expect(await row(textSlot).innerText()).toContain('北极镇应急站：召开动员会');
    await screenshot(page, 'excel-12-rollup');

    const [d] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载汇总表（不完整）' }).click(),
    ]);
    expect(d.suggestedFilename()).toMatch(/汇总.*\.xlsx$/);
    const wb = await readBook(d);
    expect(wb.SheetNames).toContain('来源');
    expect(detailValue(wb, key(studyPeople))).toBe(120);
    expect(detailValue(wb, key(study))).toBe(5);
    expect(sheetText(wb, '_tianbao')).toContain('kind\trollup');
    expect(sheetText(wb, '来源')).toMatch(/北极镇应急站\t西林吉镇应急站\t合计/);
    expect(sheetText(wb, '统计表').split('\n')[0]).toMatch(/^不完整：缺少 3 个下级单位/);
    expect(sheetText(wb, '来源')).toContain('损坏.xlsx\t\t缺少：无法读取');

    await page.getByRole('button', { name: '填入本台账…' }).click();
    const dialog = page.getByRole('dialog', { name: '把汇总值填入本台账' });
    const tick = (s: { index: number }) => dialog.getByLabel(`填入第 ${s.index} 项`);
    expect(await tick(study).isChecked()).toBe(false);
    expect(await dialog.locator('tr.excel-manual').innerText()).toContain('已有手工填写的值“9”');
    expect(await tick(studyPeople).isChecked()).toBe(true);
    expect(await dialog.innerText()).toContain('汇总自 2 个下级单位（不完整：缺少 3 个下级单位）');
    // An incomplete roll-up goes into the log only after the person says they know.
    const confirm = dialog.getByRole('button', { name: /^确认填入 \d+ 项$/ });
    expect(await confirm.isDisabled()).toBe(true);
    await screenshot(page, 'excel-13-rollup-apply');
    await dialog.getByLabel(/我知道汇总不完整，仍要填入/).check();
    await confirm.click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByText(/已把 \d+ 项汇总值填入本台账/).isVisible()).toBe(true);

    await page.getByRole('link', { name: '统计表', exact: true }).click();
    const blank = (s: { index: number }) =>
      page.locator('table.official .blank, .paper-header .blank').nth(s.index);
    await expect.poll(() => blank(studyPeople).innerText()).toBe('120');
    expect(await blank(studyPeople).getAttribute('class')).toContain('source-manual');
    expect(await blank(studyPeople).getAttribute('title')).toContain(
      '汇总自 2 个下级单位（不完整：缺少 3 个下级单位）',
    );
    expect(await blank(study).innerText()).toBe('9');
    await screenshot(page, 'excel-14-rollup-applied');
  });
});

describe('extension: 台账 import of rows dated outside the campaign', () => {
  let b: ExtensionBrowser;
  let page: Page;
  beforeAll(async () => {
    b = await launchExtension();
    page = await b.open('dashboard.html');
    await page.getByRole('heading', { name: '开始使用填报助手' }).waitFor();
    await createLogThroughUi(page, '张三', '漠河市应急管理局', '2020年“安全生产月”');
  });
  afterAll(async () => {
    await b?.close();
  });

  it('rows dated outside the campaign are listed before importing, left out unless the person keeps them', async () => {
    const outsideLedger = workbook([
      ['日期', '活动名称', '地点', '参与人数'],
      ['2020-05-28', '月前动员会', '局三楼会议室', 12],
      ['2020-06-12', '安全宣传咨询日', '漠河市文化广场', 50],
      ['2020-07-02', '总结座谈会', '局三楼会议室', 15],
      ['2019-06-15', '年份写错的演练', '北极村', 60],
    ]);
    await page.getByRole('link', { name: '统计表', exact: true }).click();
    const blank = page.locator('table.official .blank, .paper-header .blank').nth(studyPeople.index);
    const before = Number(await blank.innerText());
    await excelMode(page, '导入手工台账');
    await page
      .getByLabel('选择台账文件')
      .setInputFiles({ name: '活动期外.xlsx', mimeType: XLSX_MIME, buffer: outsideLedger });
    await page.getByLabel('“参与人数”导入为').selectOption(`slot:${key(studyPeople)}`);
    const list = page.getByRole('region', { name: '不在活动期间的行' });
    await list.waitFor();
    const rows = list.locator('tbody tr');
    expect(await rows.count()).toBe(3);
    expect(await rows.nth(0).innerText()).toMatch(/2020-05-28\s+月前动员会\s+早于活动开始（6月1日）/);
    expect(await rows.nth(1).innerText()).toMatch(/2020-07-02\s+总结座谈会\s+晚于活动结束（6月30日）/);
    expect(await rows.nth(2).innerText()).toMatch(
      /2019-06-15\s+年份写错的演练\s+早于活动开始（2020年6月1日）/,
    );
    // Nothing outside the campaign is kept unless ticked: the button imports only the row inside it.
    expect(await list.getByRole('checkbox', { checked: true }).count()).toBe(0);
    await expect.poll(() => page.getByText('3 条不在活动期间，不导入').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: '导入 1 条活动' }).isVisible()).toBe(true);
    // The person knows the 7月2日 meeting belongs to the campaign: kept.
    await list.getByLabel('仍然导入第 4 行“总结座谈会”').check();
    await expect.poll(() => page.getByRole('button', { name: '导入 2 条活动' }).isVisible()).toBe(true);
    await screenshot(page, 'excel-03b-import-outside');
    await page.setViewportSize({ width: 600, height: 768 });
    await screenshot(page, 'excel-03b-import-outside-narrow');
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByRole('button', { name: '导入 2 条活动' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: '已导入 2 条活动' }).isVisible())
      .toBe(true);
    expect(await page.getByRole('status').innerText()).toContain('2 条不在活动期间，按您的选择没有导入');
    // The table counts the two imported rows only: 50 + 15.
    await page.getByRole('link', { name: '统计表', exact: true }).click();
    await expect.poll(async () => Number(await blank.innerText())).toBe(before + 65);
    await page.getByRole('link', { name: '活动台账', exact: true }).click();
    const listed = (title: string) => page.locator('table.list tbody tr').filter({ hasText: title });
    // The list is drawn after the link's route change: once the kept row shows, the left-out one would too.
    await expect.poll(() => listed('总结座谈会').count()).toBe(1);
    expect(await listed('月前动员会').count()).toBe(0);
  });
});
