// Forms over shared records while a colleague saves the same record: what this person typed stays, the
// colleague's other fields show at once, a field both changed is named beside it, and saving writes both.
// The colleague is a second page of the same log (pages stay live with each other over BroadcastChannel,
// as two computers do through the relay). Each case opens its own two pages, so one failing leaves no open
// dialog in the way of the next.
import { getTemplate } from '@tianbao/templates';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createLogThroughUi,
  type ExtensionBrowser,
  launchExtension,
  screenshot,
} from './support/extension-browser.ts';

// 安排理论学习中心组专题学习（ ）次: a number blank of the table the log is created with.
const study = getTemplate('daxinganling-2020')?.slots.find((s) => s.before.includes('理论学习中心组'));
const blank = (p: Page) => p.locator('table.official .blank, .paper-header .blank').nth(study?.index ?? 0);

describe('extension: forms keep what is typed while a colleague saves', () => {
  let b: ExtensionBrowser;
  let open: Page[] = [];
  /** This person's page and the colleague's, both on `tab`. */
  const twoPages = async (tab: string) => {
    open = [await b.open(`dashboard.html#${tab}`), await b.open(`dashboard.html#${tab}`)];
    for (const p of open) await p.getByRole('heading', { name: /松岭区应急管理局/ }).waitFor();
    return open as [Page, Page];
  };
  beforeAll(async () => {
    b = await launchExtension();
    const first = await b.open('dashboard.html');
    await createLogThroughUi(first, '张三', '松岭区应急管理局');
    await first.close();
  });
  afterAll(async () => {
    await b?.close();
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && open[0])
      await screenshot(open[0], `failed-drafts-${ctx.task.name.slice(0, 30)}`).catch(() => undefined);
    for (const p of open) await p.close();
    open = [];
  });

  it('编辑计划: the colleague’s 主办单位 shows, the typed 地点 stays, and saving keeps both', async () => {
    const [page, other] = await twoPages('plans');
    await page.getByRole('button', { name: '＋ 新增计划' }).click();
    const added = page.getByRole('dialog', { name: '新增计划' });
    await added.getByLabel('主要内容').fill('安全宣传咨询日');
    await added.getByLabel('地点').fill('松岭区文化广场');
    await added.getByRole('button', { name: '保存' }).click();
    await added.waitFor({ state: 'detached' });
    const edit = async (p: Page) => {
      await p
        .locator('table.list tbody tr')
        .filter({ hasText: '安全宣传咨询日' })
        .getByRole('button', { name: '编辑' })
        .click();
      return p.getByRole('dialog', { name: '编辑计划' });
    };
    const mine = await edit(page);
    await mine.getByLabel('地点').fill('松岭区文化广场东侧');
    const theirs = await edit(other);
    await theirs.getByLabel('主办单位').fill('区应急管理局');
    await theirs.getByLabel('地点').fill('区政府礼堂');
    await theirs.getByRole('button', { name: '保存' }).click();
    await theirs.waitFor({ state: 'detached' });
    await expect.poll(() => mine.getByLabel('主办单位').inputValue()).toBe('区应急管理局');
    expect(await mine.getByLabel('地点').inputValue()).toBe('松岭区文化广场东侧');
    await expect.poll(() => mine.getByText('同事已改为“区政府礼堂”').isVisible()).toBe(true);
    await screenshot(page, 'drafts-plan-colleague');
    await mine.getByRole('button', { name: '保存' }).click();
    await mine.waitFor({ state: 'detached' });
    const row = other.locator('table.list tbody tr').filter({ hasText: '安全宣传咨询日' });
    await expect.poll(() => row.textContent()).toContain('松岭区文化广场东侧');
    expect(await row.textContent()).toContain('区应急管理局');
  });

  it('照片和视频的格式要求: a colleague’s saved 视频宽 shows in the open form, the typed 照片宽 stays', async () => {
    const [page, other] = await twoPages('deadlines');
    const media = page.locator('.media-settings');
    await media.getByRole('button', { name: '修改' }).click();
    await media.getByLabel('照片宽').fill('1280');
    await media.getByLabel('视频高').fill('720');
    const theirs = other.locator('.media-settings');
    await theirs.getByRole('button', { name: '修改' }).click();
    await theirs.getByLabel('视频宽').fill('3840');
    await theirs.getByLabel('视频高').fill('2160');
    await theirs.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => theirs.textContent()).toContain('视频：MP4，分辨率3840×2160');
    await expect.poll(() => media.getByLabel('视频宽').inputValue()).toBe('3840');
    expect(await media.getByLabel('照片宽').inputValue()).toBe('1280');
    expect(await media.getByLabel('视频高').inputValue()).toBe('720');
    await expect.poll(() => media.getByText('同事已改为视频高 2160').isVisible()).toBe(true);
    await screenshot(page, 'drafts-media-colleague');
    await media.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => theirs.textContent()).toContain('照片：JPG，分辨率不低于1280×1080');
    expect(await theirs.textContent()).toContain('视频：MP4，分辨率3840×720');
  });

  it('修改报送要求: a colleague’s new date shows in the open form, the typed 报送内容 stays', async () => {
    const [page, other] = await twoPages('deadlines');
    const row = (p: Page, text: string) =>
      p.locator('table.deadline-list tbody tr').filter({ hasText: text });
    await row(page, '5月27日').getByRole('button', { name: '修改' }).click();
    const mine = page.getByRole('dialog', { name: '修改报送要求' });
    const title = await mine.getByLabel('报送内容').inputValue();
    const date = await mine.getByLabel('截止日期').inputValue();
    expect(date).toMatch(/^\d{4}-05-27$/);
    await mine.getByLabel('报送内容').fill(`${title}（加盖公章）`);
    await row(other, '5月27日').getByRole('button', { name: '修改' }).click();
    const theirs = other.getByRole('dialog', { name: '修改报送要求' });
    await theirs.getByLabel('截止日期').fill(date.replace('-05-27', '-05-29'));
    await theirs.getByRole('button', { name: '保存' }).click();
    await theirs.waitFor({ state: 'detached' });
    await expect.poll(() => mine.getByLabel('截止日期').inputValue()).toBe(date.replace('-05-27', '-05-29'));
    expect(await mine.getByLabel('报送内容').inputValue()).toBe(`${title}（加盖公章）`);
    await mine.getByRole('button', { name: '保存' }).click();
    await mine.waitFor({ state: 'detached' });
    await expect.poll(() => row(other, '（加盖公章）').textContent()).toContain('5月29日');
  });

  it('统计项详情: a colleague’s manual value shows in the untouched 值, the typed 原因 stays and is saved', async () => {
    const [page, other] = await twoPages('stats');
    await blank(page).click();
    const mine = page.getByRole('dialog', { name: '统计项详情' });
    await mine.getByLabel('原因').fill('含下属单位上报数');
    await blank(other).click();
    const theirs = other.getByRole('dialog', { name: '统计项详情' });
    await theirs.getByLabel('值').fill('7');
    await theirs.getByLabel('原因').fill('按区里的通知');
    await theirs.getByRole('button', { name: '保存手工值' }).click();
    await theirs.waitFor({ state: 'detached' });
    await expect.poll(() => mine.getByLabel('值').inputValue()).toBe('7');
    expect(await mine.getByLabel('原因').inputValue()).toBe('含下属单位上报数');
    await expect.poll(() => mine.getByText('同事已改为“按区里的通知”').isVisible()).toBe(true);
    await screenshot(page, 'drafts-manual-value-colleague');
    await page.setViewportSize({ width: 600, height: 768 });
    await screenshot(page, 'drafts-manual-value-colleague-narrow');
    await page.setViewportSize({ width: 1366, height: 768 });
    await mine.getByRole('button', { name: '保存手工值' }).click();
    await mine.waitFor({ state: 'detached' });
    await expect.poll(() => blank(other).innerText()).toBe('7');
    await blank(other).click();
    await expect
      .poll(() => other.getByRole('dialog', { name: '统计项详情' }).textContent())
      .toContain('原因：含下属单位上报数');
  });
});
