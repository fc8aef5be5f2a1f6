// 填报日期 in the portal fill, in Chromium with the built extension on the demo portal (element-plus page):
// 一键填报 writes the log's one 填报日期 into the page's 填报日期 field; with none set yet, filling the portal
// is reporting, so today is recorded in the log and the 统计表 then shows the same day.
import { rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { localToday } from '@tianbao/core';
import { getTemplate, type Template } from '@tianbao/templates';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ExtensionSession,
  extensionWithAccess,
  fillLogFile,
  joinLogThroughUi,
  launchWithExtension,
  tabIdOf,
} from '../packages/cli/src/index.ts';
import { screenshot } from './support/extension-browser.ts';
import { type StaticServer, serveStatic } from './support/serve-static.ts';

const repo = resolve(import.meta.dirname, '..');
const T = getTemplate('daxinganling-2020') as Template;
const number = T.slots.find((s) => s.kind === 'number');

let demo: StaticServer;
let s: ExtensionSession;
let extensionDir: string;
let dashboard: Page;

/** The element-plus demo page in a new tab, its side panel, 一键填报; the page's 填报日期 afterwards. */
async function fillDemo(): Promise<string> {
  const page = await s.context.newPage();
  await page.goto(`${demo.url}element/index.html`);
  const panel = await s.context.newPage();
  await panel.setViewportSize({ width: 400, height: 860 });
  await panel.goto(s.url(`sidepanel.html?tab=${await tabIdOf(dashboard, page.url())}`));
  await panel.getByRole('button', { name: '一键填报' }).click();
  await panel.locator('.fill-summary').waitFor();
  const date = await page.locator('[name="header-date"]').inputValue();
  await panel.close();
  await page.close();
  return date;
}

beforeAll(async () => {
  demo = await serveStatic(join(repo, 'demo/portal'));
  extensionDir = extensionWithAccess([new URL(demo.url).origin]);
  s = await launchWithExtension(extensionDir);
  dashboard = await joinLogThroughUi(s, await fillLogFile(T, { [String(number?.index)]: 12 }), '张三');
});

afterAll(async () => {
  await s?.close();
  await demo?.close();
  if (extensionDir) rmSync(dirname(extensionDir), { recursive: true, force: true });
});

describe('填报日期 in the portal fill', () => {
  const dateBlank = () => dashboard.locator('.paper-header .blank').nth(3);

  it('with none set, 一键填报 fills today and records it as the log’s 填报日期', async () => {
    await dashboard.getByRole('link', { name: '统计表' }).click();
    expect((await dateBlank().textContent())?.trim()).toBe('');
    const today = localToday();
    expect(await fillDemo()).toBe(today);
    await expect.poll(() => dateBlank().textContent()).toContain(today);
  });

  it('fills the date chosen in 统计表, the same the table shows', async () => {
    await dateBlank().click();
    const dialog = dashboard.getByRole('dialog', { name: '填报日期' });
    await dialog.getByLabel('填报日期').fill('2026-06-29');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => dateBlank().textContent()).toContain('2026-06-29');
    expect(await fillDemo()).toBe('2026-06-29');
    await screenshot(dashboard, 'year-07-report-date-after-fill');
  });
});
