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
/** Pixels left in an input after its placeholder, as the browser lays its font out (negative: cut off). */
const placeholderRoom = (input: Locator) =>
  input.evaluate((el: HTMLInputElement) => {
    const style = getComputedStyle(el);
    const ctx = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
    ctx.font = style.font;
    const inner =
      el.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
    return inner - ctx.measureText(el.placeholder).width;
  });

describe('activity form: picking the blank an activity counts towards', () => {
  let b: ExtensionBrowser;
  let page: Page;

  beforeAll(async () => {
    b = await launchExtension();
    page = await b.open('dashboard.html', { width: 1366, height: 768 });
    await createLogThroughUi(page, '李四', '塔河县应急管理局', '2020年“安全生产月”');
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
    // Both 进企业 blanks are chosen already (the group's other blanks do not have the words): it says so,
    // not 没有找到, which read as if the search had failed.
    await expect
      .poll(() => dialog.getByText('包含“进企业”的统计项已全部选中，见上方。').isVisible())
      .toBe(true);
    await search.fill('进企业 演练');
    await expect.poll(() => dialog.getByText('没有找到包含“进企业 演练”的统计项。').isVisible()).toBe(true);
    await search.fill('进企业');
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
    // The search box's example fits a narrow window whole, not cut off mid-sentence.
    await search.fill('');
    const room = await placeholderRoom(search);
    expect(room).toBeGreaterThan(0);
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
    // The search box says what it searches, whole.
    expect(await placeholderRoom(page.getByRole('textbox', { name: '搜索活动' }))).toBeGreaterThan(0);
    // A narrow window: the list's actions wrap, nothing runs past the window's right edge.
    await page.setViewportSize({ width: 600, height: 900 });
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth))
      .toBeLessThanOrEqual(600);
    await screenshot(page, '15-entries-narrow');
    await page.setViewportSize({ width: 1366, height: 768 });
    // 统计项 counts the text blank typed in the activity too, as the edit form lists it: 3, not 2.
    const count = page.locator('table.list tbody tr').first().locator('td.num');
    await expect.poll(() => count.textContent()).toBe('3');
    expect(await count.getAttribute('title')).toBe('共 3 项：计数 2 项，文字 1 项');
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

  it('closing a half-filled form asks first; an untouched form closes at once', async () => {
    // The edit form the last test left open was not changed: Esc closes it without asking.
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: '编辑活动' }).waitFor({ state: 'detached' });
    const dialog = page.getByRole('dialog', { name: '新增活动' });
    const ask = page.getByRole('alertdialog', { name: '放弃未保存的内容？' });
    const open = async () => {
      await page.getByRole('button', { name: '＋ 新增活动' }).click();
      await dialog.waitFor();
    };
    // Untouched: Esc, 关闭 and a click outside close at once.
    await open();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await open();
    await dialog.getByRole('button', { name: '关闭' }).click();
    await dialog.waitFor({ state: 'detached' });
    await open();
    await page.mouse.click(8, 300);
    await dialog.waitFor({ state: 'detached' });
    expect(await ask.count()).toBe(0);

    // Half-filled: each way of closing asks; 继续填写 (or Esc) keeps what was typed.
    await open();
    await dialog.getByLabel('活动名称').fill('填了一半的活动');
    await page.keyboard.press('Escape');
    await ask.waitFor();
    expect(await ask.textContent()).toContain('您填写的内容还没有保存');
    await screenshot(page, '15-discard-prompt');
    await ask.getByRole('button', { name: '继续填写' }).click();
    await ask.waitFor({ state: 'detached' });
    expect(await dialog.getByLabel('活动名称').inputValue()).toBe('填了一半的活动');
    await page.mouse.click(8, 300);
    await ask.waitFor();
    await page.keyboard.press('Escape');
    await ask.waitFor({ state: 'detached' });
    expect(await dialog.isVisible()).toBe(true);
    await dialog.getByRole('button', { name: '关闭' }).click();
    await ask.getByRole('button', { name: '继续填写' }).click();
    await dialog.getByRole('button', { name: '取消' }).click();
    await ask.getByRole('button', { name: '放弃' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.locator('table.list tbody').textContent()).not.toContain('填了一半的活动');

    // An activity opened for editing and left as it was closes at once too.
    await page.locator('table.list tbody tr').first().getByRole('button', { name: '编辑' }).click();
    const edit = page.getByRole('dialog', { name: '编辑活动' });
    await edit.getByRole('button', { name: '取消' }).click();
    await edit.waitFor({ state: 'detached' });
    expect(await ask.count()).toBe(0);
  });

  it('an activity dated outside the campaign is asked about on save and marked in 台账', async () => {
    const dialog = page.getByRole('dialog', { name: '新增活动' });
    const rows = page.locator('table.list tbody tr');
    await page.getByRole('button', { name: '＋ 新增活动' }).click();
    await dialog.getByLabel('日期').fill('2019-06-12');
    await dialog.getByLabel('活动名称').fill('消防安全演练');
    await dialog.getByLabel('地点').fill('镇政府礼堂');
    await dialog.getByLabel('协助单位').fill('县消防救援大队');
    await dialog.getByRole('button', { name: '添加活动' }).click();
    const warning = dialog.getByRole('alert').filter({ hasText: '不在本次活动期间' });
    await expect
      .poll(() => warning.textContent())
      .toContain('活动日期2019年6月12日不在本次活动期间（2020年6月1日至6月30日）');
    await screenshot(page, '15-date-outside-campaign');
    expect(await rows.count()).toBe(1);
    // 修改日期: back to the date; the corrected date saves without asking.
    await warning.getByRole('button', { name: '修改日期' }).click();
    expect(await dialog.getByLabel('日期').evaluate((el) => el === document.activeElement)).toBe(true);
    await dialog.getByLabel('日期').fill('2020-06-12');
    await dialog.getByRole('button', { name: '添加活动' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => rows.count()).toBe(2);

    // 仍然保存 keeps a date the person says is right; the row carries the mark.
    await page.getByRole('button', { name: '＋ 新增活动' }).click();
    await dialog.getByLabel('日期').fill('2020-07-03');
    await dialog.getByLabel('活动名称').fill('七月补办的宣讲');
    await dialog.getByRole('button', { name: '添加活动' }).click();
    await warning.getByRole('button', { name: '日期无误，仍然保存' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => rows.count()).toBe(3);
    const marked = rows.filter({ has: page.locator('.date-outside') });
    expect(await marked.count()).toBe(1);
    expect(await marked.textContent()).toContain('七月补办的宣讲');
    expect(await marked.locator('.date-outside').getAttribute('title')).toBe(
      '不在本次活动期间（2020年6月1日至6月30日），请核对日期',
    );
    await screenshot(page, '15-entries-outside-mark');
  });

  it('台账 search finds an activity by its place, organisers or content, not only its title', async () => {
    const search = page.getByRole('textbox', { name: '搜索活动' });
    const titles = () => page.locator('table.list tbody button.title').allTextContents();
    await search.fill('林业公司');
    await expect.poll(titles).toEqual(['安全宣传进企业']);
    await search.fill('礼堂');
    await expect.poll(titles).toEqual(['消防安全演练']);
    await search.fill('消防救援大队');
    await expect.poll(titles).toEqual(['消防安全演练']);
    await search.fill('演练 礼堂');
    await expect.poll(titles).toEqual(['消防安全演练']);
    await search.fill('宣讲');
    await expect.poll(titles).toEqual(['七月补办的宣讲']);
    await screenshot(page, '15-entries-search');
    await search.fill('');
    await expect.poll(() => titles().then((t) => t.length)).toBe(3);
  });

  it('复制为新活动 opens a new form from an activity: same words and blanks, no date or numbers, nothing saved until 添加', async () => {
    const rows = page.locator('table.list tbody tr');
    const source = rows.filter({ hasText: '安全宣传进企业' });
    const dialog = page.getByRole('dialog', { name: '复制为新活动' });
    // Opened and closed untouched: nothing is added.
    await source.getByRole('button', { name: '复制为新活动' }).click();
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await rows.count()).toBe(3);

    await source.getByRole('button', { name: '复制为新活动' }).click();
    expect(await dialog.getByLabel('活动名称').inputValue()).toBe('安全宣传进企业');
    expect(await dialog.getByLabel('活动类型').inputValue()).toBe('宣传进企业');
    expect(await dialog.getByLabel('活动内容').inputValue()).toContain('林业公司');
    expect(await dialog.getByLabel('日期').inputValue()).toBe('');
    const chosen = dialog.locator('.pick-chosen .pick-row');
    expect(await sentences(chosen)).toContain('开展安全宣传进企业活动（ ）场，参与（ ）人');
    const numbers = dialog.locator('.pick-chosen .pick-number');
    for (const n of await numbers.all()) expect(await n.inputValue()).toBe('');
    await screenshot(page, '15-entry-copy');
    await dialog.getByLabel('日期').fill('2020-06-18');
    await dialog.getByLabel('活动名称').fill('安全宣传进企业（第二场）');
    await numbers.nth(0).fill('1');
    await numbers.nth(1).fill('80');
    await dialog.getByRole('button', { name: '添加活动' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => rows.count()).toBe(4);
    // The copy is an activity of its own; the original keeps its numbers, the table adds both.
    await page.getByRole('link', { name: '统计表' }).click();
    const enterprise = T.slots.find((s) => s.before === '开展安全宣传进企业活动');
    await expect.poll(() => blankAt(page, (enterprise?.index ?? 0) + 1)).toBe('200');
    expect(await blankAt(page, enterprise?.index ?? 0)).toBe('2');
    await page.getByRole('link', { name: '活动台账' }).click();
  });

  it('联络员 身份证号: checked (18 characters, check digit), shown masked except while typing', async () => {
    await page.getByRole('link', { name: '联络员' }).click();
    const id = page.getByLabel('身份证号');
    await id.fill('230102199001011234');
    await page.getByRole('button', { name: '保存联络员信息' }).click();
    await expect
      .poll(() => page.locator('.field-error').filter({ hasText: '身份证号' }).textContent())
      .toContain('身份证号校验位不对');
    await id.fill('23010219900101123');
    await page.getByRole('button', { name: '保存联络员信息' }).click();
    await expect
      .poll(() => page.locator('.field-error').filter({ hasText: '身份证号' }).textContent())
      .toContain('身份证号应为18位');
    await id.fill('230102199001011230');
    // While typing it shows whole; anywhere else it is masked.
    expect(await id.inputValue()).toBe('230102199001011230');
    await page.getByRole('button', { name: '保存联络员信息' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: '已保存' }).isVisible()).toBe(true);
    expect(await id.inputValue()).toBe('2301**********1230');
    expect(await page.locator('body').textContent()).not.toContain('230102199001011230');
    await screenshot(page, '15-liaison-id-masked');
    await id.focus();
    expect(await id.inputValue()).toBe('230102199001011230');
  });

  it('numbers as a clerk types or pastes them: read exactly and shown back, or a Chinese message next to the blank', async () => {
    await page.getByRole('link', { name: '活动台账' }).click();
    const dialog = page.getByRole('dialog', { name: '新增活动' });
    await page.getByRole('button', { name: '＋ 新增活动' }).click();
    await dialog.getByLabel('日期').fill('2020-06-20');
    await dialog.getByLabel('活动名称').fill('安全宣传进企业（二）');
    await dialog.getByRole('searchbox', { name: '搜索统计项' }).fill('进企业 参与');
    // The 人 blank of 「开展安全宣传进企业活动（ ）场，参与（ ）人」, told apart from its 场 blank by its unit.
    await dialog
      .locator('.pick-results .pick-row')
      .filter({ has: page.locator('.pick-unit', { hasText: /^人$/u }) })
      .first()
      .getByRole('button', { name: '选择' })
      .click();
    const row = dialog.locator('.pick-chosen .pick-row');
    await expect.poll(() => row.count()).toBe(1);
    const input = row.locator('.pick-number');
    const read = row.locator('.pick-read');
    const message = row.locator('.field-message');

    // Accepted: the exact value, with what was read shown before saving.
    for (const [typed, shown] of [
      ['８００', '读作 800 人'],
      ['1,200', '读作 1200 人'],
      ['1，200', '读作 1200 人'],
      ['800人', '读作 800 人'],
      ['800 名', '读作 800 人'],
      ['一千二百', '读作 1200 人'],
    ] as const) {
      await input.fill(typed);
      await expect.poll(() => read.textContent()).toBe(shown);
    }
    // Plain digits need no read-back.
    await input.fill('800');
    await expect.poll(() => read.count()).toBe(0);

    // Asked about on save, next to the blank: never read as a nearby number, nothing saved.
    const add = dialog.getByRole('button', { name: '添加活动' });
    for (const [typed, zh] of [
      ['约800', '“约800”不是确切的数。统计表只能填确切的数，请核实后只填数字，例如 800'],
      ['800余', '“800余”不是确切的数。'],
      ['800多人', '“800多人”不是确切的数。'],
      ['12.5', '“12.5”不是整数，人数要填整数'],
      ['1,2', '“1,2”中的逗号位置不对，请只填数字，例如 12'],
      ['800份', '这一空的单位是“人”，“800份”写的是“份”。请核实后只填数字'],
      ['一千二', '“一千二”请用数字填写，例如 1200'],
      ['-5', '不能是负数（填的是“-5”）'],
    ] as const) {
      await input.fill(typed);
      await expect.poll(() => read.count()).toBe(0);
      await add.click();
      await expect.poll(() => message.textContent()).toContain(zh);
      if (typed === '约800') await screenshot(page, '15-entry-number-approximate');
      if (typed === '800份') {
        await page.setViewportSize({ width: 600, height: 900 });
        await screenshot(page, '15-entry-number-unit-600');
        await page.setViewportSize({ width: 1366, height: 768 });
      }
    }
    await input.fill('１，２００');
    await expect.poll(() => read.textContent()).toBe('读作 1200 人');
    // The last save's message goes once the blank holds a number that reads.
    expect(await message.count()).toBe(0);
    await screenshot(page, '15-entry-number-read');
    await page.setViewportSize({ width: 600, height: 900 });
    await screenshot(page, '15-entry-number-read-600');
    await page.setViewportSize({ width: 1366, height: 768 });
    await add.click();
    await dialog.waitFor({ state: 'detached' });
    // The table adds exactly 1200 to the 120 + 80 of the two 进企业 activities before.
    await page.getByRole('link', { name: '统计表' }).click();
    const enterprise = T.slots.find((s) => s.before === '开展安全宣传进企业活动');
    await expect.poll(() => blankAt(page, (enterprise?.index ?? 0) + 1)).toBe('1400');
  });

  it('the manual-value dialog reads numbers the same way', async () => {
    const enterprise = T.slots.find((s) => s.before === '开展安全宣传进企业活动');
    const idx = (enterprise?.index ?? 0) + 1;
    await page.locator('table.official .blank, .paper-header .blank').nth(idx).click();
    const dialog = page.getByRole('dialog', { name: '统计项详情' });
    const value = dialog.getByLabel('值');
    await value.fill('1,500');
    await expect.poll(() => dialog.locator('.field-hint').first().textContent()).toBe('读作 1500 人');
    await dialog.getByLabel('原因').fill('含下属单位上报数');
    // Number('0x10') is 16 and Number('1e3') 1000: before, the dialog saved those silently.
    for (const [typed, zh] of [
      ['0x10', '“0x10”不是数字，请只填数字，例如 800'],
      ['1e3', '“1e3”不是数字，请只填数字，例如 800'],
      ['1500余', '“1500余”不是确切的数。统计表只能填确切的数，请核实后只填数字，例如 1500'],
    ] as const) {
      await value.fill(typed);
      await dialog.getByRole('button', { name: '保存手工值' }).click();
      await expect
        .poll(() => dialog.locator('.field-error').filter({ hasText: '值' }).first().textContent())
        .toContain(zh);
    }
    expect(await blankAt(page, idx)).toBe('1400');
    await screenshot(page, '15-manual-value-number');
    // Typing again takes the value's message away; 原因 was never in question.
    await value.fill('1501');
    expect(await dialog.locator('.field-error').count()).toBe(0);
    await value.fill('１５００');
    await dialog.getByRole('button', { name: '保存手工值' }).click();
    await expect.poll(() => blankAt(page, idx)).toBe('1500');
  });
});
