// 本周报送 as a unit's clerk uses it: a log with activities in several weeks (one deleted, one on the
// week's last day) and photos and videos of which some miss the format; the week picked in the dashboard,
// the problems listed before download, one click → a zip whose .docx is opened and read, and its file list.
import { readFileSync } from 'node:fs';
import { exportUpdateFile, LogSession, MemoryStorage } from '@tianbao/core';
import { docxText } from '@tianbao/reports/docx-text';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { joinLogThroughUi } from '../packages/cli/src/index.ts';
import { mp4Bytes } from '../packages/reports/src/test-media.ts';
import { type ExtensionBrowser, launchExtension, screenshot } from './support/extension-browser.ts';

const T = 'daxinganling-2020';
const study = `${T}/st42c69h8`; // 安排理论学习中心组专题学习（ ）次
const people = `${T}/s88ak47yc`; // 参与（ ）人次

async function unitLogFile(): Promise<Uint8Array> {
  const s = await LogSession.create(new MemoryStorage(), {
    unitName: '松岭区应急管理局',
    campaign: '2020年“安全生产月”',
    templateIds: [T],
    user: '张三',
  });
  const log = s.log;
  log.addEntry({ date: '2020-06-05', title: '上周的专题学习', contributions: { [study]: 5 } });
  log.addEntry({
    date: '2020-06-08',
    title: '理论学习中心组专题学习',
    location: '区政府三楼会议室',
    organizer: '区应急管理局',
    partners: '区安委会各成员单位',
    description: '集中学习习近平总书记关于安全生产重要论述。',
    contributions: { [study]: 3, [people]: 120 },
  });
  log.addEntry({
    date: '2020-06-14',
    title: '应急演练观摩',
    organizer: '区安委办',
    contributions: { [study]: 2 },
  });
  const gone = log.addEntry({ date: '2020-06-10', title: '已删除的活动', contributions: { [study]: 40 } });
  log.deleteEntry(gone);
  log.addEntry({ date: '2020-06-15', title: '下周的活动', contributions: { [study]: 7 } });
  const bytes = exportUpdateFile(log);
  await s.close();
  return bytes;
}

/** A real photo from Chromium's own encoder. */
async function photo(page: Page, width: number, height: number, type: 'image/jpeg' | 'image/png') {
  const bytes = await page.evaluate(
    async ({ width, height, type }) => {
      const c = new OffscreenCanvas(width, height);
      const g = c.getContext('2d') as OffscreenCanvasRenderingContext2D;
      g.fillStyle = '#3a7';
      g.fillRect(0, 0, width, height);
      g.fillStyle = '#fff';
      g.fillRect(width / 4, height / 4, width / 2, height / 2);
      const blob = await c.convertToBlob({ type, quality: 0.8 });
      return Array.from(new Uint8Array(await blob.arrayBuffer()));
    },
    { width, height, type },
  );
  return Buffer.from(bytes);
}

describe('extension: 本周报送 (the weekly report pack)', () => {
  let b: ExtensionBrowser;
  let page: Page;
  const tab = (name: string) => page.getByRole('navigation', { name: '功能' }).getByRole('link', { name });
  beforeAll(async () => {
    b = await launchExtension();
    page = await joinLogThroughUi(b, await unitLogFile(), '张三');
    await page.setViewportSize({ width: 1366, height: 768 });
  });
  afterAll(async () => {
    await b?.close();
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail')
      await screenshot(page, `failed-report-${ctx.task.name.slice(0, 30)}`).catch(() => undefined);
  });

  it('adds photos and a video to the week’s activities and sets the format in 截止日期', async () => {
    await tab('附件').click();
    const attach = async (entry: string, files: { name: string; mimeType: string; buffer: Buffer }[]) => {
      await page.getByLabel('选择活动').selectOption({ label: entry });
      await page.getByLabel('添加照片或视频').setInputFiles(files);
      // Named by the activity: the last two adds are one file each, and 「添加 1 个文件」 alone is still shown
      // from the add before.
      await page.getByText(`已为“${entry.slice(11)}”添加 ${files.length} 个文件`).waitFor();
    };
    await attach('2020-06-08 理论学习中心组专题学习', [
      { name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: await photo(page, 1920, 1080, 'image/jpeg') },
      { name: 'IMG_0002.jpg', mimeType: 'image/jpeg', buffer: await photo(page, 640, 480, 'image/jpeg') },
      { name: '截图.png', mimeType: 'image/png', buffer: await photo(page, 1920, 1080, 'image/png') },
    ]);
    await attach('2020-06-14 应急演练观摩', [
      { name: '演练.mp4', mimeType: 'video/mp4', buffer: Buffer.from(mp4Bytes(1280, 720)) },
    ]);
    await attach('2020-06-15 下周的活动', [
      { name: 'next.jpg', mimeType: 'image/jpeg', buffer: await photo(page, 1920, 1080, 'image/jpeg') },
    ]);

    await tab('截止日期').click();
    await page.locator('.media-settings').getByRole('button', { name: '修改' }).click();
    await page.locator('.media-settings').getByRole('button', { name: '保存' }).click();
    await expect
      .poll(() => page.locator('.media-settings').textContent())
      .toContain('照片：JPG，分辨率不低于1920×1080；视频：MP4，分辨率1920×1080');
    await expect.poll(() => page.getByRole('radio', { name: /自然周（周一至周日）/ }).isChecked()).toBe(true);
    await screenshot(page, 'report-01-deadlines');
  });

  it('lists the week’s activities, figures and media problems before download', async () => {
    await tab('本周报送').click();
    await page.getByLabel('报送区间').selectOption('week:2020-06-08..2020-06-14');
    await expect
      .poll(() => page.getByRole('heading', { name: /第2周（6月8日—6月14日）的活动（2 项）/ }).isVisible())
      .toBe(true);
    const activities = page.locator('table.list').first();
    await expect.poll(() => activities.textContent()).toContain('理论学习中心组专题学习');
    expect(await activities.textContent()).not.toContain('已删除的活动');
    const media = page.locator('table.media-check');
    await expect.poll(() => media.locator('tbody tr').count()).toBe(4);
    const rows = await media.locator('tbody tr').allInnerTexts();
    expect(rows[0]).toContain('2020-06-08-理论学习中心组专题学习-1.jpg');
    expect(rows[0]).toContain('符合要求');
    expect(rows[1]).toContain('分辨率为640×480，通知要求不低于1920×1080');
    expect(rows[2]).toContain('格式为PNG，通知要求JPG');
    expect(rows[3]).toContain('2020-06-14-应急演练观摩-1.mp4');
    expect(rows[3]).toContain('分辨率为1280×720，通知要求1920×1080');
    await expect.poll(() => page.getByText('3 个文件不符合格式要求').isVisible()).toBe(true);
    const figures = page.locator('table.list').last().locator('tbody tr');
    const studyRow = await figures
      .filter({ hasText: '安排理论学习中心组专题学习' })
      .locator('td')
      .allTextContents();
    expect(studyRow.slice(1)).toEqual(['5', '10']); // 本期 3+2; 累计 from June 1: 5+3+2
    await screenshot(page, 'report-02-week');
  });

  it('one click gives a zip with the Word report and the media named 日期-活动名称-序号', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '生成报送材料（.zip）' }).click(),
    ]);
    const title = '松岭区应急管理局“安全生产月”活动开展情况（6月8日—6月14日）';
    expect(download.suggestedFilename()).toBe(`${title}.zip`);
    const zip = unzipSync(readFileSync(await download.path()));
    expect(Object.keys(zip).sort()).toEqual([
      '2020-06-08-理论学习中心组专题学习-1.jpg',
      '2020-06-08-理论学习中心组专题学习-2.jpg',
      '2020-06-08-理论学习中心组专题学习-3.png',
      '2020-06-14-应急演练观摩-1.mp4',
      `${title}.docx`,
    ]);
    const text = await docxText(zip[`${title}.docx`] as Uint8Array);
    expect(text.split('\n')[0]).toBe(title);
    expect(text).toContain('（一）6月8日　理论学习中心组专题学习');
    expect(text).toContain(
      '时间：6月8日；地点：区政府三楼会议室；主办单位：区应急管理局；协助单位：区安委会各成员单位。',
    );
    expect(text).toContain('主要数据：安排理论学习中心组专题学习3次，参与120人次。');
    expect(text).toContain('（二）6月14日　应急演练观摩');
    expect(text).not.toContain('下周的活动');
    expect(text).toContain('附：不符合格式要求的照片和视频（3个）');
    expect(text).toContain('格式为PNG，通知要求JPG');
    await expect.poll(() => page.getByRole('status').filter({ hasText: '已生成' }).isVisible()).toBe(true);
  });

  it('a month works the same way; a weekly rule added and the week definition changed in 截止日期', async () => {
    await page.getByLabel('报送区间').selectOption('month:2020-06-01..2020-06-30');
    await expect
      .poll(() => page.getByRole('heading', { name: /6月（6月1日—6月30日）的活动（4 项）/ }).isVisible())
      .toBe(true);
    await tab('截止日期').click();
    await page.getByRole('button', { name: '＋ 添加每周报送' }).click();
    const form = page.getByRole('dialog', { name: '添加报送要求' });
    await form.getByLabel('几点前（可不填）').fill('17');
    await form.getByLabel('适用月份').fill('6');
    await form.getByRole('button', { name: '保存' }).click();
    await expect
      .poll(() => page.locator('table.list tbody tr').filter({ hasText: '本单位添加' }).count())
      .toBe(1);
    expect(
      await page.locator('table.list tbody tr').filter({ hasText: '本单位添加' }).textContent(),
    ).toContain('6月每周四 17时前');
    await page.getByRole('radio', { name: /截止日前七天/ }).check();
    await tab('本周报送').click();
    const options = () => page.getByLabel('报送区间').locator('option').allTextContents();
    // Weeks now end the day before each Thursday; each shows when it is due.
    await expect.poll(options).toContain('第2周（6月4日—6月10日），6月11日17时前报送');
    await tab('截止日期').click();
    await page.getByRole('radio', { name: /自然周/ }).check();
    await tab('本周报送').click();
    await expect.poll(options).toContain('第2周（6月8日—6月14日），6月11日17时前报送');
  });
});
