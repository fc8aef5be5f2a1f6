// 开始使用 with a built-in table, which is from a past year's notice: the list names whose table and which
// year it is, this year's deadlines are asked (prefilled with the year replaced), and what the person
// confirms is what 统计表 and 截止日期 count with — never 「已过 2346 天」 for a table just chosen.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import {
  type ExtensionBrowser,
  installTab,
  launchExtension,
  screenshot,
} from './support/extension-browser.ts';

/** 导出Excel in the Excel tab; the 统计表 sheet's header line (填报单位…填报日期) as read back by SheetJS. */
async function exportedHeader(page: Page): Promise<string> {
  await page.getByRole('link', { name: 'Excel导入导出' }).click();
  await page.getByRole('tab', { name: '导出Excel' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出Excel' }).click(),
  ]);
  const book = XLSX.read(readFileSync(await download.path()), { type: 'buffer' });
  const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['统计表'] as XLSX.WorkSheet, { header: 1 });
  return rows.map((r) => r.join('')).find((r) => r.includes('填报日期')) ?? '';
}

describe('extension: this year’s deadlines for a past year’s table', () => {
  let b: ExtensionBrowser;
  let page: Page;
  beforeAll(async () => {
    b = await launchExtension();
    // The tab the extension opens on install must be up first: a page coming up while the clock is set
    // makes setFixedTime throw (seen under load in notice-file).
    await installTab(b);
    // 20 May 2026: before every deadline of the 2026 campaign, so the words say how many days are left.
    await b.context.clock.setFixedTime(new Date(2026, 4, 20, 9, 0));
    page = await b.open('dashboard.html', { width: 400, height: 800 });
  });
  afterAll(async () => {
    await b?.close();
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail')
      await screenshot(page, `failed-${ctx.task.name.slice(0, 40)}`).catch(() => undefined);
  });

  it('names each table by region and year, and asks for this year’s dates', async () => {
    await page.getByLabel('姓名').fill('张三');
    await page.getByLabel('单位名称').fill('漠河市应急管理局');
    await expect.poll(() => page.getByLabel('专项活动').inputValue()).toBe('2026年“安全生产月”');
    const table = page.getByRole('radio', {
      name: /大兴安岭地区 2020年.*全区“安全生产月”和“安全生产兴安行”/,
    });
    await table.check();
    await expect.poll(() => page.getByRole('radio', { name: /天津市宝坻区 2021年/ }).count()).toBe(1);
    const dates = page.getByRole('group', { name: '2026年的截止日期' });
    await dates.waitFor();
    await expect.poll(() => dates.innerText()).toMatch(/大兴安岭地区 2020年的通知.*2020 年换成 2026 年/s);
    expect(await dates.getByLabel('活动开始日期').inputValue()).toBe('2026-06-01');
    expect(await dates.getByLabel('活动结束日期').inputValue()).toBe('2026-06-30');
    expect(await dates.getByLabel('联络员截止日期').inputValue()).toBe('2026-05-27');
    expect(await dates.getByLabel('统计表截止日期').inputValue()).toBe('2026-06-30');
    await screenshot(page, 'year-01-first-run-narrow');
    await page.setViewportSize({ width: 1366, height: 768 });
    await screenshot(page, 'year-02-first-run');
  });

  it('an emptied date is refused next to it, and nothing is created', async () => {
    const dates = page.getByRole('group', { name: '2026年的截止日期' });
    await dates.getByLabel('联络员截止日期').fill('');
    await page.getByRole('button', { name: '创建台账' }).click();
    await expect.poll(() => dates.getByText('请填写这项的截止日期').isVisible()).toBe(true);
    await dates.getByLabel('联络员截止日期').fill('2026-05-27');
  });

  it('saves the confirmed dates with the log; 统计表 and 截止日期 count with them', async () => {
    const dates = page.getByRole('group', { name: '2026年的截止日期' });
    await dates.getByLabel('统计表截止日期').fill('2026-07-03');
    await page.getByRole('button', { name: '创建台账' }).click();
    await page.getByRole('heading', { name: /漠河市应急管理局/ }).waitFor();

    await page.getByRole('link', { name: '统计表' }).click();
    const status = page.locator('.status-line');
    await expect.poll(() => status.innerText()).toMatch(/报送截止：2026年7月3日（还有 45 天）/);
    expect(await status.innerText()).not.toMatch(/已过|2020/);
    await screenshot(page, 'year-03-stats-due');
    // In a narrow side panel 进展情况, the column with the blanks, keeps most of the table's width.
    await page.setViewportSize({ width: 600, height: 800 });
    const share = await page
      .locator('table.official')
      .evaluate(
        (t) =>
          (t.querySelector('td.col-progress')?.getBoundingClientRect().width ?? 0) /
          t.getBoundingClientRect().width,
      );
    expect(share).toBeGreaterThan(0.5);
    await screenshot(page, 'year-03-stats-narrow');
    await page.setViewportSize({ width: 1366, height: 768 });

    await page.getByRole('link', { name: '截止日期' }).click();
    const rows = page.locator('table.list tbody tr');
    const kind = (name: string) =>
      rows.filter({ has: page.locator('td .tag').filter({ hasText: new RegExp(`^${name}$`) }) });
    await expect.poll(() => rows.count()).toBe(3);
    const table = kind('统计表');
    await expect.poll(() => table.innerText()).toMatch(/7月3日前/);
    await expect.poll(() => table.innerText()).toMatch(/已修改[\s\S]*下次 2026-07-03，还有 45 天/);
    await expect.poll(() => kind('联络员').innerText()).toMatch(/5月27日前[\s\S]*下次 2026-05-27，还有 8 天/);
    expect(await page.getByText('统计表来自 2020 年的通知，其中的日期已换成 2026 年').isVisible()).toBe(true);
    expect(await page.getByLabel('活动开始日期').inputValue()).toBe('2026-06-01');
    // 恢复原样 goes back to the notice's date in this year, not to 2020.
    await table.getByRole('button', { name: '恢复原样' }).click();
    await expect.poll(() => table.innerText()).toMatch(/6月30日前[\s\S]*下次 2026-06-30/);
    await screenshot(page, 'year-04-deadlines');
    await page.setViewportSize({ width: 400, height: 800 });
    // A narrow side panel: each deadline is a card, its 要求 as wide as the list, not a few characters a line.
    const widths = await page
      .locator('table.deadline-list')
      .evaluate((t) => [
        t.getBoundingClientRect().width,
        ...[...t.querySelectorAll('tbody tr td:nth-child(2)')].map((td) => td.getBoundingClientRect().width),
      ]);
    const [listWidth = 0, ...requirement] = widths;
    expect(requirement).toHaveLength(3);
    for (const w of requirement) expect(w).toBeGreaterThan(listWidth * 0.9);
    await screenshot(page, 'year-04-deadlines-narrow');
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  it('填报日期 is one value: recorded when the table is first exported, chosen once, the same everywhere', async () => {
    const dateBlank = page.locator('.paper-header .blank').nth(3);
    await page.getByRole('link', { name: '统计表' }).click();
    expect((await dateBlank.textContent())?.trim()).toBe('');
    // Exporting the table is reporting it: today (20 May) is recorded as the log's 填报日期.
    await page.getByRole('link', { name: 'Excel导入导出' }).click();
    await page.getByRole('tab', { name: '导出Excel' }).click();
    await expect.poll(() => page.getByText('还没有设置，导出时记为今天').isVisible()).toBe(true);
    expect(await exportedHeader(page)).toMatch(/填报日期：2026年5月20日$/);
    await expect.poll(() => page.getByText(/填报日期：2026年5月20日（/).isVisible()).toBe(true);
    await screenshot(page, 'year-05-excel-report-date');

    // Chosen once in 统计表: the blank opens the log's one date, not a manual value of its own.
    await page.getByRole('link', { name: '统计表' }).click();
    await expect.poll(() => dateBlank.textContent()).toContain('2026年5月20日');
    await dateBlank.click();
    const dialog = page.getByRole('dialog', { name: '填报日期' });
    await dialog.getByLabel('填报日期').fill('2026-06-29');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => dateBlank.textContent()).toContain('2026年6月29日');
    expect(await dateBlank.textContent()).not.toContain('2026-06-29');
    await screenshot(page, 'year-05-report-date');

    // The print view shows the same day, in the header and above the seal.
    await page.getByRole('button', { name: '打印 / 导出PDF' }).click();
    await expect.poll(() => page.getByLabel('填报日期').inputValue()).toBe('2026-06-29');
    await expect.poll(() => page.locator('.sheet-seal').textContent()).toContain('2026年6月29日');
    await expect.poll(() => page.locator('.sheet-header').textContent()).toContain('2026年6月29日');
    await page.setViewportSize({ width: 400, height: 800 });
    await screenshot(page, 'year-06-print-narrow');
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByRole('link', { name: '← 返回统计表' }).click();

    // And the Excel file, exported again the next day, still says 29 June.
    await b.context.clock.setFixedTime(new Date(2026, 4, 21, 9, 0));
    expect(await exportedHeader(page)).toMatch(/填报日期：2026年6月29日$/);
  });
});
