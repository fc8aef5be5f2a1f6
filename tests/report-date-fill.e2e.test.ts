// 填报日期 in the portal fill, in Chromium with the built extension on the demo portal (element-plus page):
// 一键填报 writes the log's one 填报日期 into the page's 填报日期 field; with none set yet, filling the portal
// is reporting, so today is recorded in the log and the 统计表 then shows the same day.
import { join, resolve } from 'node:path';
import { localToday } from '@tianbao/core';
import { getTemplate, type Template } from '@tianbao/templates';
import { describe, expect, it } from 'vitest';
import { screenshot } from './support/extension-browser.ts';
import { portalSession } from './support/portal-session.ts';

const repo = resolve(import.meta.dirname, '..');
const T = getTemplate('daxinganling-2020') as Template;
const number = T.slots.find((s) => s.kind === 'number');

const portal = portalSession({
  sites: { demo: join(repo, 'demo/portal') },
  template: T,
  values: { [String(number?.index)]: 12 },
  user: '张三',
  name: 'report-date',
});

/** The element-plus demo page in a new tab, its side panel, 一键填报; the page's 填报日期 afterwards. */
async function fillDemo(): Promise<string> {
  const { page, panel } = await portal.open(`${portal.sites.demo.url}element/index.html`);
  await panel.getByRole('button', { name: '一键填报' }).click();
  await panel.locator('.fill-summary').waitFor();
  const date = await page.locator('[name="header-date"]').inputValue();
  await panel.close();
  await page.close();
  return date;
}

describe('填报日期 in the portal fill', () => {
  const dateBlank = () => portal.dashboard.locator('.paper-header .blank').nth(3);

  it('with none set, 一键填报 fills today and records it as the log’s 填报日期', async () => {
    await portal.dashboard.getByRole('link', { name: '统计表' }).click();
    expect((await dateBlank().textContent())?.trim()).toBe('');
    const today = localToday();
    expect(await fillDemo()).toBe(today);
    // The table reads as a document is dated; the portal's own field gets what the portal wants.
    const [y, m, d] = today.split('-').map(Number);
    await expect.poll(() => dateBlank().textContent()).toContain(`${y}年${m}月${d}日`);
    expect(await dateBlank().textContent()).not.toContain(today);
  });

  it('fills the date chosen in 统计表, the same the table shows', async () => {
    await dateBlank().click();
    const dialog = portal.dashboard.getByRole('dialog', { name: '填报日期' });
    await dialog.getByLabel('填报日期').fill('2026-06-29');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => dateBlank().textContent()).toContain('2026年6月29日');
    expect(await fillDemo()).toBe('2026-06-29');
    await screenshot(portal.dashboard, 'year-07-report-date-after-fill');
  });
});
