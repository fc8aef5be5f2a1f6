// The activity form as a county clerk uses it (#15): every blank told apart by its item and the words of
// its sentence, search by any word, suggestions from the activity applied only on click, text blanks.
import { getTemplate } from '@tianbao/templates';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createLogThroughUi,
  type ExtensionBrowser,
  launchExtension,
  screenshot,
} from './support/extension-browser.ts';

const T = getTemplate('daxinganling-2020');
if (!T) throw new Error('template missing');
const startWords = T.slots.find((s) => s.before === '以');
if (!startWords) throw new Error('no 以（ ）等形式 blank');

const blankAt = (page: Page, index: number) =>
  page.locator('table.official .blank, .paper-header .blank').nth(index).textContent();
const sentences = (l: Locator) => l.locator('.blank-sentence').allInnerTexts();

describe('activity form: picking the blank an activity counts towards', () => {
  let b: ExtensionBrowser;
  let page: Page;

  beforeAll(async () => {
    b = await launchExtension();
    page = await b.open('dashboard.html', { width: 1366, height: 768 });
    await createLogThroughUi(page, '李四', '塔河县应急管理局');
  });
  afterAll(async () => {
    await b?.close();
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail')
      await screenshot(page, `failed-entry-form-${ctx.task.name.slice(0, 30)}`).catch(() => undefined);
  });

  it('suggests blanks from the 类型 and the numbers in the text, applied only on click', async () => {
    await page.getByRole('button', { name: '＋ 新增活动' }).click();
    const dialog = page.getByRole('dialog', { name: '新增活动' });
    await dialog.getByLabel('日期').fill('2020-06-05');
    await dialog.getByLabel('活动名称').fill('安全宣传进企业');
    await dialog.getByLabel('活动类型').fill('宣传进企业');
    await dialog.getByLabel('活动内容').fill('在林业公司开展安全宣传，发放宣传资料，参与120人');
    const suggestions = dialog.locator('.pick-suggestion');
    await expect.poll(() => suggestions.count()).toBeGreaterThan(0);
    const texts = await sentences(suggestions);
    expect(texts).toContain('开展安全宣传进企业活动（ ）场，参与（ ）人');
    expect(texts).toContain('开展安全宣传进企业活动（ ）场');
    // Nothing is chosen until the person clicks.
    expect(await dialog.getByText('尚未选择统计项').isVisible()).toBe(true);
    // 120人 is never offered to a 人次 blank.
    for (const row of await suggestions.filter({ hasText: '120' }).all())
      expect(await row.locator('.pick-unit').textContent()).toBe('120 人');
    await screenshot(page, '15-entry-suggestions');
    await suggestions.filter({ hasText: '120' }).getByRole('button', { name: '采用' }).click();
    const chosen = dialog.locator('.pick-chosen .pick-row');
    await expect.poll(() => chosen.count()).toBe(1);
    expect(await sentences(chosen)).toEqual(['开展安全宣传进企业活动（ ）场，参与（ ）人']);
    expect(await chosen.locator('mark.blank-chosen').count()).toBe(1);
    expect(await chosen.locator('.blank-item').textContent()).toBe('扎实推进安全宣传“五进”工作');
    expect(await chosen.locator('.pick-number').inputValue()).toBe('120');
    await suggestions.filter({ hasText: '活动类型' }).first().getByRole('button', { name: '采用' }).click();
    await expect.poll(() => chosen.count()).toBe(2);
  });

  it('finds a blank by any word, its item or its group; every result can be told apart', async () => {
    const dialog = page.getByRole('dialog', { name: '新增活动' });
    const search = dialog.getByRole('searchbox', { name: '搜索统计项' });
    const results = dialog.locator('.pick-results .pick-row');
    await search.fill('参与');
    await expect.poll(() => results.count()).toBeGreaterThan(10);
    const all = await results.evaluateAll((rows) =>
      rows.map(
        (r) =>
          `${r.querySelector('.blank-item')?.textContent}|${r.querySelector('.blank-sentence')?.textContent}`,
      ),
    );
    expect(new Set(all).size).toBe(all.length);
    await search.fill('进农村 参与');
    await expect.poll(() => sentences(results)).toEqual(['开展安全宣传进农村活动（ ）场，参与（ ）人']);
    await search.fill('五进');
    await expect.poll(() => results.count()).toBeGreaterThan(8);
    await search.fill('进企业');
    // Both 进企业 blanks are chosen already; the group's other blanks do not have the words.
    await expect.poll(() => dialog.getByText('没有找到包含“进企业”').isVisible()).toBe(true);
    await screenshot(page, '15-entry-search');
  });

  it('fills a text blank (以（ ）等形式启动) from the form; the table shows it', async () => {
    const dialog = page.getByRole('dialog', { name: '新增活动' });
    const search = dialog.getByRole('searchbox', { name: '搜索统计项' });
    await search.fill('等形式');
    const row = dialog.locator('.pick-results .pick-row').filter({ hasText: '以' }).first();
    expect(await row.locator('.pick-unit').textContent()).toBe('文字');
    await row.getByRole('button', { name: '选择' }).click();
    await dialog.getByRole('textbox', { name: /以（ ）等形式|以【 】等形式/ }).fill('线上直播');
    await page.setViewportSize({ width: 520, height: 900 });
    await screenshot(page, '15-entry-form-narrow');
    await page.setViewportSize({ width: 1366, height: 768 });
    await dialog.getByRole('button', { name: '添加活动' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('link', { name: '统计表' }).click();
    await expect.poll(() => blankAt(page, startWords.index)).toBe('线上直播');
    const enterprise = T.slots.find((s) => s.before === '开展安全宣传进企业活动');
    await expect.poll(() => blankAt(page, (enterprise?.index ?? 0) + 1)).toBe('120');
    expect(await blankAt(page, enterprise?.index ?? 0)).toBe('1');
  });

  it('after picking, editing the activity shows the same words', async () => {
    await page.getByRole('link', { name: '活动台账' }).click();
    await page.locator('table.list tbody tr').first().getByRole('button', { name: '安全宣传进企业' }).click();
    const dialog = page.getByRole('dialog', { name: '编辑活动' });
    const chosen = dialog.locator('.pick-chosen .pick-row');
    await expect.poll(() => chosen.count()).toBe(3);
    expect(await sentences(chosen)).toEqual([
      '以（ ）等形式启动“安全生产月”活动',
      '开展安全宣传进企业活动（ ）场',
      '开展安全宣传进企业活动（ ）场，参与（ ）人',
    ]);
    // 120人 is in a chosen blank already: it is not offered to 进农村 as well.
    expect(await dialog.locator('.pick-suggestion').filter({ hasText: '120' }).count()).toBe(0);
    await screenshot(page, '15-entry-edit');
  });
});
