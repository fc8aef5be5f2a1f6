// The dashboard's other tabs as a user meets them: plans that become entries, the liaison profile
// with its validation, deadlines and a reminder, and a conflict between two colleagues reviewed.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchExtension, screenshot } from './support/extension-browser.ts';

async function firstRun(page: Page, user: string) {
  await page.getByLabel('姓名').fill(user);
  await page.getByLabel('单位名称').fill('松岭区应急管理局');
  await page.getByRole('radio', { name: /兴安行/ }).check();
  await page.getByRole('button', { name: '创建台账' }).click();
  await page.getByRole('heading', { name: /松岭区应急管理局/ }).waitFor();
}

/**
 * Browser-drawn file inputs on screen: their 「Choose File / No file chosen」 is in the browser's language,
 * not the dashboard's, so each one is hidden behind a button that says what it opens in Chinese.
 */
const shownFileInputs = (page: Page) =>
  page
    .locator('input[type=file]')
    // The browser draws its file input about 250 px wide; a visually hidden one is a few pixels.
    .evaluateAll((inputs) => inputs.filter((i) => i.getBoundingClientRect().width > 40).length);

async function exportFile(page: Page): Promise<string> {
  await page.getByRole('link', { name: '文件交换' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出更新文件' }).click(),
  ]);
  return download.path();
}

describe('extension: plans, liaison, deadlines and conflicts', () => {
  let b: ExtensionBrowser;
  let page: Page;
  beforeAll(async () => {
    b = await launchExtension();
    page = await b.open('dashboard.html');
    await firstRun(page, '张三');
  });
  afterAll(async () => {
    await b?.close();
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail')
      await screenshot(page, `failed-tabs-${ctx.task.name.slice(0, 30)}`).catch(() => undefined);
  });

  it('keeps a key-activity plan and turns it into an entry when done', async () => {
    await page.getByRole('link', { name: '重点活动计划' }).click();
    await page.getByRole('button', { name: '＋ 新增计划' }).click();
    const dialog = page.getByRole('dialog', { name: '新增计划' });
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => dialog.getByText('请填写主要内容').isVisible()).toBe(true);
    // 时间 is picked from a calendar (a day or a range), not typed as free text.
    expect(await dialog.getByRole('textbox', { name: '时间' }).count()).toBe(0);
    const start = dialog.getByLabel('开始日期');
    const end = dialog.getByLabel(/^结束日期/);
    expect(await start.getAttribute('type')).toBe('date');
    // A day that does not exist (6月31日) is refused next to the field, not saved as something else.
    // Typed from the month (the box's left end) as a clerk does; leaving the box is when it is judged.
    await start.click({ position: { x: 14, y: 12 } });
    await page.keyboard.type('06312020');
    await dialog.getByLabel('地点').click();
    await expect.poll(() => dialog.getByText('这一天不存在或没有填完整，请重新选择').isVisible()).toBe(true);
    await start.fill('2020-06-16');
    await end.fill('2020-06-10');
    await expect.poll(() => dialog.getByText('结束日期不能早于开始日期').isVisible()).toBe(true);
    await dialog.getByLabel('地点').fill('松岭区文化广场');
    await dialog.getByLabel('主要内容').fill('安全宣传咨询日');
    // Typed in: its 请填写主要内容 goes at once, not on the next 保存.
    await expect.poll(() => dialog.getByText('请填写主要内容').count()).toBe(0);
    await dialog.getByLabel('主办单位').fill('区安委办');
    await dialog.getByRole('button', { name: '保存' }).click();
    expect(await dialog.isVisible()).toBe(true);
    await end.fill('2020-06-18');
    await expect.poll(() => dialog.getByText('结束日期不能早于开始日期').count()).toBe(0);
    await screenshot(page, '10-plan-form');
    await page.setViewportSize({ width: 600, height: 768 });
    await screenshot(page, '10-plan-form-narrow');
    await page.setViewportSize({ width: 1366, height: 768 });
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByText('计划中').isVisible()).toBe(true);
    expect(await page.locator('table.list tbody tr').first().innerText()).toContain('6月16日—6月18日');
    await screenshot(page, '10-plans');
    await page.setViewportSize({ width: 600, height: 768 });
    await screenshot(page, '10-plans-narrow');
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByRole('button', { name: '标记完成' }).click();
    const done = page.getByRole('dialog', { name: '标记完成' });
    // The plan's first day is offered as the day it was held.
    expect(await done.getByLabel('日期').inputValue()).toBe('2020-06-16');
    await done.getByRole('button', { name: '记入活动台账' }).click();
    await expect.poll(() => page.getByText('已完成').isVisible()).toBe(true);
    await page.getByRole('link', { name: '活动台账' }).click();
    await expect
      .poll(() => page.locator('table.list tbody tr').filter({ hasText: '安全宣传咨询日' }).count())
      .toBe(1);
  });

  it('says in Chinese what to do when an error occurs, the browser’s English only under 详情', async () => {
    await page.getByRole('link', { name: '附件' }).click();
    const pick = page.getByLabel('选择活动');
    const option = pick.locator('option').filter({ hasText: '安全宣传咨询日' });
    await pick.selectOption((await option.getAttribute('value')) ?? '');
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
      'base64',
    );
    const status = page.getByRole('status');
    // A file the browser cannot read (moved or locked by another program): a sentence saying what to do.
    await page.evaluate(() => {
      File.prototype.arrayBuffer = () =>
        Promise.reject(new DOMException('The requested file could not be read', 'NotReadableError'));
    });
    await page
      .getByLabel('添加照片或视频')
      .setInputFiles({ name: '现场.png', mimeType: 'image/png', buffer: png });
    await expect.poll(() => status.textContent()).toContain('文件读不出来');
    expect(await status.textContent()).not.toMatch(/[A-Za-z]/);
    // Something nobody foresaw: the general sentence; the English waits behind 详情 for the administrator.
    await page.evaluate(() => {
      crypto.subtle.digest = () => Promise.reject(new RangeError('Simulated digest failure'));
      delete (File.prototype as { arrayBuffer?: unknown }).arrayBuffer;
    });
    await page
      .getByLabel('添加照片或视频')
      .setInputFiles({ name: '现场2.png', mimeType: 'image/png', buffer: png });
    await expect
      .poll(() => status.textContent())
      .toContain('操作失败，请重试；若仍失败，请把“详情”发给管理员');
    expect(await status.textContent()).not.toContain('Simulated');
    expect(await status.textContent()).not.toContain('操作失败：');
    await screenshot(page, 'error-unknown-closed');
    await status.getByRole('button', { name: '详情' }).click();
    await expect.poll(() => status.textContent()).toContain('RangeError: Simulated digest failure');
    await screenshot(page, 'error-unknown-open');
    await page.setViewportSize({ width: 600, height: 768 });
    await screenshot(page, 'error-unknown-open-narrow');
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.reload();
    await page.getByRole('heading', { name: /松岭区应急管理局/ }).waitFor();
  });

  it('keeps the liaison profile, refusing a bad mobile number', async () => {
    await page.getByRole('link', { name: '联络员' }).click();
    await page.getByLabel('姓名').fill('张三丰');
    await page.getByLabel('手机').fill('12345');
    await page.getByRole('button', { name: '保存联络员信息' }).click();
    await expect.poll(() => page.getByText('手机号应为11位数字').isVisible()).toBe(true);
    await page.getByLabel('手机').fill('13900001234');
    await page.getByLabel('办公电话').fill('0457-2712884');
    await page.getByLabel('电子邮箱').fill('zsf@example.cn');
    await page.getByRole('button', { name: '保存联络员信息' }).click();
    await expect.poll(() => page.getByText('已保存').isVisible()).toBe(true);
    await screenshot(page, '11-liaison');
    // The statistics table's header line takes the contact from the profile.
    await page.getByRole('link', { name: '统计表' }).click();
    await expect.poll(() => page.locator('.paper-header').textContent()).toContain('张三丰');
  });

  it('keeps what is typed in 联络员 while a colleague saves, and shows their change beside a field both edited', async () => {
    await page.getByRole('link', { name: '联络员' }).click();
    // Typed here, not saved yet.
    await page.getByLabel('职务').fill('安全科科长');
    await page.getByLabel('办公电话').fill('0457-2700000');
    await page.getByLabel('通信地址').fill('松岭区新华街1号');
    // A colleague (another page of the same log) saves 传真, and their own 办公电话 and 通信地址.
    const other = await b.open('dashboard.html#liaison');
    try {
      await expect.poll(() => other.getByLabel('姓名').inputValue()).toBe('张三丰');
      await other.getByLabel('传真').fill('0457-2719999');
      await other.getByLabel('办公电话').fill('0457-2711111');
      await other.getByLabel('通信地址').fill('松岭区政府大楼');
      await other.getByRole('button', { name: '保存联络员信息' }).click();
      await expect.poll(() => other.getByText('已保存').isVisible()).toBe(true);
      // The untouched 传真 shows the colleague's value; what this person typed stays as typed.
      await expect.poll(() => page.getByLabel('传真').inputValue()).toBe('0457-2719999');
      expect(await page.getByLabel('职务').inputValue()).toBe('安全科科长');
      expect(await page.getByLabel('办公电话').inputValue()).toBe('0457-2700000');
      expect(await page.getByLabel('通信地址').inputValue()).toBe('松岭区新华街1号');
      // Both changed 办公电话 and 通信地址: the colleague's values are named beside them.
      const notes = page.locator('.field-note');
      await expect.poll(() => notes.filter({ hasText: '同事已改为“0457-2711111”' }).count()).toBe(1);
      await expect.poll(() => notes.filter({ hasText: '同事已改为“松岭区政府大楼”' }).count()).toBe(1);
      await screenshot(page, '11b-liaison-colleague');
      await page.setViewportSize({ width: 600, height: 768 });
      await screenshot(page, '11b-liaison-colleague-narrow');
      await page.setViewportSize({ width: 1366, height: 768 });
      // 通信地址: this person takes the colleague's; 办公电话: they keep their own by saving.
      await notes.filter({ hasText: '松岭区政府大楼' }).getByRole('button', { name: '改用同事的' }).click();
      await expect.poll(() => page.getByLabel('通信地址').inputValue()).toBe('松岭区政府大楼');
      await page.getByRole('button', { name: '保存联络员信息' }).click();
      await expect.poll(() => page.getByText('已保存').isVisible()).toBe(true);
      await expect.poll(() => notes.count()).toBe(0);
      // The saved profile, as the colleague's page shows it: both people's fields.
      const saved = async () =>
        Promise.all(
          ['姓名', '职务', '办公电话', '传真', '通信地址'].map((l) => other.getByLabel(l).inputValue()),
        );
      await expect
        .poll(saved)
        .toEqual(['张三丰', '安全科科长', '0457-2700000', '0457-2719999', '松岭区政府大楼']);
    } finally {
      await other.close();
    }
  });

  it('lists the notice’s deadlines and sends a test reminder', async () => {
    await page.getByRole('link', { name: '截止日期' }).click();
    await expect.poll(() => page.getByText('5月27日前').first().isVisible()).toBe(true);
    await expect.poll(() => page.getByText('联络员', { exact: true }).first().isVisible()).toBe(true);
    await page.getByRole('button', { name: '测试提醒' }).click();
    await expect.poll(() => page.getByText(/已发送一条测试提醒|浏览器没有允许通知/).isVisible()).toBe(true);
    await screenshot(page, '12-deadlines');
  });

  it('opens files with buttons that say what they open, in Chinese', async () => {
    await page.getByRole('link', { name: '附件' }).click();
    await expect.poll(() => page.getByText('添加照片或视频…').isVisible()).toBe(true);
    expect(await shownFileInputs(page)).toBe(0);
    await page.getByRole('link', { name: '文件交换' }).click();
    await expect.poll(() => page.getByText('选择更新文件…').isVisible()).toBe(true);
    expect(await shownFileInputs(page)).toBe(0);
  });

  it('shows a conflict between two colleagues and restores the value that lost', async () => {
    await page.getByRole('link', { name: '活动台账' }).click();
    const shared = await exportFile(page);
    const colleague = await launchExtension();
    try {
      const p2 = await colleague.open('dashboard.html');
      await p2.getByLabel('姓名').fill('李四');
      await p2.getByLabel('更新文件').setInputFiles(shared);
      await p2.getByRole('heading', { name: /松岭区应急管理局/ }).waitFor();
      // Both change the same entry's title while apart.
      const rename = async (p: Page, title: string) => {
        await p.getByRole('link', { name: '活动台账' }).click();
        await p.getByRole('button', { name: '安全宣传咨询日' }).click();
        const d = p.getByRole('dialog', { name: '编辑活动' });
        await d.getByLabel('活动名称').fill(title);
        await d.getByRole('button', { name: '保存修改' }).click();
        await d.waitFor({ state: 'detached' });
      };
      await rename(page, '张三改的名称');
      await rename(p2, '李四改的名称');
      const back = await exportFile(p2);
      await page.getByRole('link', { name: '文件交换' }).click();
      await page.getByLabel('选择更新文件').setInputFiles(back);
      await expect.poll(() => page.getByText('已合并').isVisible()).toBe(true);
      await expect.poll(() => page.locator('.tabs .badge').textContent()).toBe('1');
      await page.getByRole('link', { name: /冲突/ }).click();
      const row = page.locator('table.list tbody tr').first();
      const lost = (await row.locator('td').nth(2).textContent()) ?? '';
      await screenshot(page, '13-conflicts');
      await row.getByRole('button', { name: '改用此值' }).click();
      await expect.poll(() => page.getByText('没有需要核对的冲突').isVisible()).toBe(true);
      await page.getByRole('link', { name: '活动台账' }).click();
      const expected = lost.includes('李四改的名称') ? '李四改的名称' : '张三改的名称';
      await expect
        .poll(() => page.locator('table.list tbody tr').filter({ hasText: expected }).count())
        .toBe(1);
    } finally {
      await colleague.close();
    }
  });

  it('makes a template from a new notice’s table pasted at first run', async () => {
    const other = await launchExtension();
    try {
      const p = await other.open('dashboard.html');
      await p.getByLabel('姓名').fill('赵六');
      await expect.poll(() => p.getByText('打开更新文件…').isVisible()).toBe(true);
      expect(await shownFileInputs(p)).toBe(0);
      await p.getByLabel('单位名称').fill('新林区应急管理局');
      await p.getByRole('radio', { name: /粘贴通知中的统计表/ }).check();
      const table = [
        '附件3',
        '2026年“安全生产月”活动进展情况统计表',
        '填报单位：          填报日期：',
        '活动项目\t内容要求\t进展情况',
        '启动仪式\t形式多样\t举办启动仪式（ ）场，参与（ ）人次',
        '宣传进企业\t覆盖面广\t进企业宣传（ ）次，覆盖率（ ）%，是否开展“安全生产大讲堂”□是□否',
      ].join('\n');
      await p.getByPlaceholder(/选中整张统计表/).fill('not a table at all');
      await p.getByRole('button', { name: '识别表格' }).click();
      await expect.poll(() => p.getByText('没能识别出统计表').isVisible()).toBe(true);
      await p.getByPlaceholder(/选中整张统计表/).fill(table);
      await p.getByRole('button', { name: '识别表格' }).click();
      await expect.poll(() => p.getByText(/已识别：.*共 7 个空/).isVisible()).toBe(true);
      await p.getByRole('button', { name: '创建台账' }).click();
      await p.getByRole('heading', { name: /新林区应急管理局/ }).waitFor();
      await p.getByRole('link', { name: '统计表' }).click();
      await expect.poll(() => p.locator('table.official tbody tr').count()).toBe(2);
      expect(await p.locator('.paper-title').textContent()).toContain('2026年“安全生产月”活动进展情况统计表');
      await screenshot(p, '15-imported-template');
    } finally {
      await other.close();
    }
  });
});
