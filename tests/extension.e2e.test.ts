// The extension as a user meets it: real Chromium, the built extension, a persistent profile.
// Create a log, add entries, watch the statistics change, override a blank, delete and restore,
// two pages live, browser restart and service-worker stop, and a two-profile file exchange.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportUpdateFile, LogSession, MemoryStorage } from '@tianbao/core';
import { getTemplate } from '@tianbao/templates';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import {
  createLogThroughUi,
  type ExtensionBrowser,
  launchExtension,
  screenshot,
} from './support/extension-browser.ts';
import { tempDir } from './support/relay-process.ts';

const T = getTemplate('daxinganling-2020');
if (!T) throw new Error('template missing');
// 安排理论学习中心组专题学习（ ）次，参与（ ）人次
const study = T.slots.find((s) => s.before.includes('理论学习中心组'));
const studyPeople = T.slots[(study?.index ?? 0) + 1];

async function addEntryThroughUi(page: Page, title: string, counts: [string, string][], date = '2020-06-03') {
  await page.getByRole('button', { name: '＋ 新增活动' }).click();
  const dialog = page.getByRole('dialog', { name: '新增活动' });
  await dialog.getByLabel('日期').fill(date);
  await dialog.getByLabel('活动名称').fill(title);
  await dialog.getByLabel('活动类型').fill('专题学习');
  for (const [search, n] of counts) {
    await dialog.getByRole('searchbox', { name: '搜索统计项' }).fill(search);
    await dialog.locator('.pick-results .pick-row').first().getByRole('button', { name: '选择' }).click();
    await dialog.locator('.pick-list .pick-number').last().fill(n);
  }
  await dialog.getByRole('button', { name: '添加活动' }).click();
  await dialog.waitFor({ state: 'detached' });
}

const blankText = (page: Page, slotIndex: number) =>
  page.locator('table.official .blank, .paper-header .blank').nth(slotIndex).innerText();

describe('extension: the unit log in the browser', () => {
  let b: ExtensionBrowser;
  let page: Page;

  beforeAll(async () => {
    b = await launchExtension();
    page = await b.open('dashboard.html');
  });
  afterAll(async () => {
    await b?.close();
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail')
      await screenshot(page, `failed-${ctx.task.name.slice(0, 40)}`).catch(() => undefined);
  });

  it('first run creates a unit log', async () => {
    await page.getByRole('heading', { name: '开始使用填报助手' }).waitFor();
    await screenshot(page, '01-first-run');
    await page.getByRole('button', { name: '创建台账' }).click();
    await expect.poll(() => page.getByText('请填写您的姓名').isVisible()).toBe(true);
    await createLogThroughUi(page, '张三', '漠河市应急管理局', '2020年“安全生产月”');
    await expect.poll(() => page.getByText('还没有活动记录').isVisible()).toBe(true);
  });

  it('adds entries with contributions; the statistics table adds them up', async () => {
    await addEntryThroughUi(page, '理论学习中心组专题学习（一）', [
      ['中心组', '1'],
      ['深入学习 参与', '25'],
    ]);
    await addEntryThroughUi(
      page,
      '理论学习中心组专题学习（二）',
      [
        ['中心组', '1'],
        ['深入学习 参与', '30'],
      ],
      '2020-06-10',
    );
    await expect.poll(() => page.locator('table.list tbody tr').count()).toBe(2);
    await screenshot(page, '02-entries');
    await page.getByRole('link', { name: '统计表' }).click();
    const studyIdx = study?.index as number;
    await expect.poll(() => blankText(page, studyIdx)).toBe('2');
    expect(await blankText(page, studyIdx + 1)).toBe('55');
    await expect.poll(() => page.getByText(`还有 ${T.slots.length - 2 - 1} 项未填`).isVisible()).toBe(true);
    await screenshot(page, '03-statistics');

    // The history names each blank by the notice's words and its activity item, never by an internal key.
    await page.getByRole('link', { name: '活动台账' }).click();
    await page
      .locator('table.list tbody tr')
      .filter({ hasText: '理论学习中心组专题学习（二）' })
      .getByRole('button', { name: '历史' })
      .click();
    const history = page.locator('table.history');
    await history.waitFor();
    const fields = await history.locator('tbody td:nth-child(3)').allTextContents();
    expect(fields.join('\n')).toContain(
      '深入学习贯彻习近平总书记关于安全生产重要论述：安排理论学习中心组专题学习【 】次',
    );
    for (const f of fields) expect(f).not.toMatch(/\bs[0-9a-z]{8}\b/u);
    await screenshot(page, '03b-history');
    await page.keyboard.press('Escape');
  });

  it('validation messages name the field, and nothing is saved', async () => {
    await page.getByRole('link', { name: '活动台账' }).click();
    await page.getByRole('button', { name: '＋ 新增活动' }).click();
    const dialog = page.getByRole('dialog', { name: '新增活动' });
    await dialog.getByRole('searchbox', { name: '搜索统计项' }).fill('中心组');
    await dialog.locator('.pick-results .pick-row').first().getByRole('button', { name: '选择' }).click();
    await dialog.locator('.pick-list .pick-number').last().fill('-3');
    await dialog.getByRole('button', { name: '添加活动' }).click();
    await expect.poll(() => dialog.getByText('请填写活动名称').isVisible()).toBe(true);
    // Every error shows at once, each next to its field (#15).
    expect(await dialog.getByText('不能是负数').isVisible()).toBe(true);
    await dialog.getByLabel('活动名称').fill('负数测试');
    await dialog.getByRole('button', { name: '添加活动' }).click();
    await expect.poll(() => dialog.getByText('不能是负数').isVisible()).toBe(true);
    await screenshot(page, '04-validation');
    // The form holds typing: 取消 asks before throwing it away (#15).
    await dialog.getByRole('button', { name: '取消' }).click();
    await page
      .getByRole('alertdialog', { name: '放弃未保存的内容？' })
      .getByRole('button', { name: '放弃' })
      .click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.locator('table.list tbody tr').count()).toBe(2);
  });

  it('overrides a blank with a reason, and shows where each value comes from', async () => {
    await page.getByRole('link', { name: '统计表' }).click();
    const idx = (studyPeople?.index as number) ?? 0;
    await page.locator('table.official .blank, .paper-header .blank').nth(idx).click();
    const dialog = page.getByRole('dialog', { name: '统计项详情' });
    await expect.poll(() => dialog.getByText('2 条活动合计').isVisible()).toBe(true);
    expect(await dialog.locator('table.list tbody tr').count()).toBe(2);
    await screenshot(page, '05-blank-detail');
    // The manual value starts as the table's value, under a heading in the words of what it replaces.
    expect(await dialog.getByLabel('值').inputValue()).toBe(await blankText(page, idx));
    expect(await dialog.getByText('手工填写（覆盖台账合计）').isVisible()).toBe(true);
    await dialog.getByLabel('值').fill('60');
    // A manual value needs a reason: without one it is refused next to 原因, and the table keeps its sum.
    await dialog.getByRole('button', { name: '保存手工值' }).click();
    await expect
      .poll(() => dialog.locator('.field-error').filter({ hasText: '原因' }).textContent())
      .toContain('请填写原因，例如：含下属单位上报数');
    expect(await blankText(page, idx)).toBe('55');
    await screenshot(page, '05b-manual-value-needs-reason');
    await dialog.getByLabel('原因').fill('含网上参与人数');
    await dialog.getByRole('button', { name: '保存手工值' }).click();
    await expect.poll(() => blankText(page, idx)).toBe('60');
    await expect(page.locator('table.official .blank, .paper-header .blank').nth(idx)).toBeDefined();
    expect(
      await page.locator('table.official .blank, .paper-header .blank').nth(idx).getAttribute('class'),
    ).toContain('source-manual');
  });

  it('deletes an entry to the trash and restores it; statistics follow', async () => {
    await page.getByRole('link', { name: '活动台账' }).click();
    await page
      .locator('table.list tbody tr')
      .filter({ hasText: '（二）' })
      .getByRole('button', { name: '删除' })
      .click();
    await expect.poll(() => page.locator('table.list tbody tr').count()).toBe(1);
    await page.getByRole('link', { name: '统计表' }).click();
    await expect.poll(() => blankText(page, study?.index as number)).toBe('1');
    await page.getByRole('link', { name: '活动台账' }).click();
    await page.getByRole('button', { name: /回收站/ }).click();
    await screenshot(page, '06-trash');
    await page
      .locator('table.list tbody tr')
      .filter({ hasText: '（二）' })
      .getByRole('button', { name: '恢复' })
      .click();
    await page.getByRole('button', { name: '返回台账' }).click();
    await expect.poll(() => page.locator('table.list tbody tr').count()).toBe(2);

    // A slip of the hand: 撤销 right after 删除 puts it back; the trash has a title; 编辑 is on every row.
    await page
      .locator('table.list tbody tr')
      .filter({ hasText: '（二）' })
      .getByRole('button', { name: '删除' })
      .click();
    await expect.poll(() => page.locator('table.list tbody tr').count()).toBe(1);
    await page.getByRole('status').getByRole('button', { name: '撤销' }).click();
    await expect.poll(() => page.locator('table.list tbody tr').count()).toBe(2);
    expect(await page.locator('table.list tbody tr').getByRole('button', { name: '编辑' }).count()).toBe(2);
    await page.getByRole('button', { name: /回收站/ }).click();
    await page.getByRole('heading', { name: /回收站/ }).waitFor();
    await page.getByRole('button', { name: '返回台账' }).click();
    // 联络员's 单位名称 starts as the log's unit.
    await page.getByRole('link', { name: '联络员' }).click();
    await expect.poll(() => page.getByLabel('单位名称').inputValue()).toBe('漠河市应急管理局');
    await page.getByRole('link', { name: '活动台账' }).click();
  });

  it('two pages show each other’s edits at once', async () => {
    const other = await b.open('dashboard.html#entries');
    await expect.poll(() => other.locator('table.list tbody tr').count()).toBe(2);
    await addEntryThroughUi(other, '第二个标签页添加的活动', [['中心组', '1']], '2020-06-12');
    await expect
      .poll(() => page.locator('table.list tbody tr').filter({ hasText: '第二个标签页' }).count(), {
        timeout: 5000,
      })
      .toBe(1);
    await page.getByRole('link', { name: '统计表' }).click();
    await expect.poll(() => blankText(page, study?.index as number)).toBe('3');
    // The side panel is one more page on the same log.
    const panel = await b.open('sidepanel.html', { width: 400, height: 700 });
    await expect.poll(() => panel.getByText('3 条').isVisible()).toBe(true);
    await screenshot(panel, '07-side-panel');
    await panel.close();
    await other.close();
  });

  it('keeps the log when the service worker is stopped', async () => {
    const cdp = await b.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await page.getByRole('link', { name: '活动台账' }).click();
    await addEntryThroughUi(page, '工作线程停止后添加', [['中心组', '1']], '2020-06-15');
    await page.reload();
    await expect.poll(() => page.locator('table.list tbody tr').count()).toBe(4);
    // Reminders live in chrome.alarms, which outlive the worker.
    const alarms = await page.evaluate('chrome.alarms.getAll().then((a) => a.map((x) => x.name))');
    expect(Array.isArray(alarms)).toBe(true);
  });

  it('survives a browser restart', async () => {
    const dir = b.profileDir;
    await b.close();
    b = await launchExtension(dir);
    page = await b.open('dashboard.html#stats');
    await expect.poll(() => blankText(page, study?.index as number), { timeout: 10_000 }).toBe('4');
    expect(await blankText(page, studyPeople?.index as number)).toBe('60');
    await page.getByRole('link', { name: '活动台账' }).click();
    await expect.poll(() => page.locator('table.list tbody tr').count()).toBe(4);
  });

  it('exchanges update files with a colleague in another browser profile', async () => {
    await page.getByRole('link', { name: '文件交换' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出更新文件' }).click(),
    ]);
    const file = await download.path();
    expect(readFileSync(file).length).toBeGreaterThan(100);

    const colleague = await launchExtension();
    try {
      const p2 = await colleague.open('dashboard.html');
      await p2.getByLabel('姓名').fill('李四');
      await p2.getByLabel('更新文件').setInputFiles(file);
      await p2.getByRole('heading', { name: /漠河市应急管理局/ }).waitFor();
      await expect.poll(() => p2.locator('table.list tbody tr').count()).toBe(4);
      await addEntryThroughUi(p2, '李四记录的应急演练', [['中心组', '2']], '2020-06-20');
      await p2.getByRole('link', { name: '文件交换' }).click();
      const [back] = await Promise.all([
        p2.waitForEvent('download'),
        p2.getByRole('button', { name: '导出更新文件' }).click(),
      ]);
      const backFile = await back.path();
      await page.getByLabel('选择更新文件').setInputFiles(backFile);
      await expect.poll(() => page.getByText('已合并').isVisible()).toBe(true);
      await page.getByLabel('选择更新文件').setInputFiles(backFile);
      await expect.poll(() => page.getByText('没有变化').isVisible()).toBe(true);
      await screenshot(page, '08-exchange');

      // #18: a file whose copy skipped the checks (a 300-character title) is refused whole, in its own words.
      const bad = await LogSession.createFromFile(new MemoryStorage(), readFileSync(backFile), {
        user: '王五',
      });
      await bad.loadAll();
      const [entry] = bad.log.listEntries();
      const doc = bad.log.doc(`e0${bad.log.shardIndexOf(entry?.id as string)}`) as Y.Doc;
      const m = doc.getMap('entries').get(entry?.id as string) as Y.Map<unknown>;
      doc.transact(() => m.set('title', '很长的活动名称'.repeat(43)), { kind: 'local', user: '王五' });
      const badFile = join(tempDir('bad-update'), '王五.tianbao');
      writeFileSync(badFile, exportUpdateFile(bad.log));
      await page.getByLabel('选择更新文件').setInputFiles(badFile);
      const alert = page.getByRole('alert').filter({ hasText: '没有导入' });
      await alert.waitFor();
      expect(await alert.textContent()).toMatch(
        /“王五\.tianbao”没有导入：其中有不符合填报规则的数据（.*200.*）。.*本台账没有任何改动/,
      );
      await screenshot(page, '08b-exchange-refused');
      await page.getByRole('link', { name: '统计表' }).click();
      await expect.poll(() => blankText(page, study?.index as number)).toBe('6');
    } finally {
      await colleague.close();
    }
  });
});
