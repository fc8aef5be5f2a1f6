// Debian's Chromium with the built extension (.output/chrome-mv3) in a persistent profile, as a user
// has it: the profile directory survives close(), so a relaunch is a browser restart.
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../../packages/cli/src/index.ts';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');
export const SCREENSHOTS = resolve(import.meta.dirname, '../screenshots');

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  profileDir: string;
  downloadsDir: string;
  /** chrome-extension://<id>/<path> */
  url(path: string): string;
  open(path: string, viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

export async function launchExtension(
  profileDir = mkdtempSync(join(tmpdir(), 'tianbao-profile-')),
): Promise<ExtensionBrowser> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json')))
    throw new Error(`the extension is not built: run \`pnpm build\` first (${EXTENSION_DIR})`);
  const downloadsDir = join(profileDir, 'downloads');
  mkdirSync(downloadsDir, { recursive: true });
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    downloadsPath: downloadsDir,
    locale: 'zh-CN',
    viewport: { width: 1366, height: 900 },
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      ...CHROMIUM_ARGS,
    ],
  });
  const worker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  const url = (path: string) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`;
  return {
    context,
    extensionId,
    profileDir,
    downloadsDir,
    url,
    async open(path, viewport) {
      const page = await context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      await page.goto(url(path));
      return page;
    },
    close: () => context.close(),
  };
}

/**
 * The dashboard tab the extension opens by itself on install (a fresh profile). Context-wide set-up such as
 * clock.setFixedTime must wait for it: a page that appears while the clock is being put into every page
 * misses it, and the call throws (seen on a loaded machine, where the tab comes up to 0.5 s after launch).
 */
export async function installTab(b: ExtensionBrowser): Promise<Page> {
  const isDashboard = (p: Page) => p.url().startsWith(b.url('dashboard.html'));
  const page =
    b.context.pages().find(isDashboard) ?? (await b.context.waitForEvent('page', { timeout: 30_000 }));
  await page.waitForURL((u) => u.href.startsWith(b.url('dashboard.html')));
  return page;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * 开始使用 → 新建台账 with the 兴安行 table, as a new user does; waits for the dashboard. `campaign` names
 * the campaign (and so its year): a suite whose activities are dated in June 2020 runs the 2020 campaign,
 * so saving them asks nothing about dates outside the campaign.
 */
export async function createLogThroughUi(page: Page, user: string, unit: string, campaign?: string) {
  await page.getByLabel('姓名').fill(user);
  await page.getByLabel('单位名称').fill(unit);
  if (campaign) await page.getByLabel('专项活动').fill(campaign);
  await page.getByRole('radio', { name: /兴安行/ }).check();
  await page.getByRole('button', { name: '创建台账' }).click();
  await page.getByRole('heading', { name: new RegExp(unit) }).waitFor();
}
