import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

/** Debian's Chromium, never a downloaded browser; flags that keep a scripted run quiet and offline. */
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--lang=zh-CN',
];

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  url(path: string): string;
  close(): Promise<void>;
}

/** A fresh profile with the given extension loaded; close() removes the profile. */
export async function launchWithExtension(
  extensionDir: string,
  opts: { ignoreHttpsErrors?: boolean } = {},
): Promise<ExtensionSession> {
  const profileDir = mkdtempSync(join(tmpdir(), 'tianbao-fill-profile-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'zh-CN',
    viewport: { width: 1366, height: 900 },
    ignoreHTTPSErrors: opts.ignoreHttpsErrors ?? false,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...CHROMIUM_ARGS,
    ],
  });
  const worker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    url: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    async close() {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/** Joins the unit log from an update file through the dashboard's first-run page, as a colleague does. */
export async function joinLogThroughUi(
  s: ExtensionSession,
  file: Uint8Array,
  user = 'tianbao fill',
): Promise<Page> {
  const page = await s.context.newPage();
  await page.goto(s.url('dashboard.html'));
  await page.getByRole('heading', { name: '开始使用填报助手' }).waitFor();
  await page.getByLabel('姓名').fill(user);
  const dir = mkdtempSync(join(tmpdir(), 'tianbao-fill-log-'));
  const path = join(dir, 'log.tianbao');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path, file);
  try {
    await page.getByLabel('更新文件').setInputFiles(path);
    await page
      .getByRole('heading', { name: '开始使用填报助手' })
      .waitFor({ state: 'detached', timeout: 30_000 })
      .catch(async () => {
        const why = await page.locator('.field-message').allInnerTexts();
        throw new Error(
          `the extension did not take the log: ${why.join(' ') || 'first-run page still shown'}`,
        );
      });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return page;
}

/** The extension's id for a tab, read from an extension page (Playwright pages do not expose it). */
export async function tabIdOf(extensionPage: Page, url: string): Promise<number> {
  const id = await extensionPage.evaluate(async (u) => {
    const c = (
      globalThis as unknown as {
        chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };
      }
    ).chrome;
    // The newest tab showing it, should an older one show the same page.
    return (await c.tabs.query({})).filter((t) => t.url === u).at(-1)?.id;
  }, url);
  if (id === undefined) throw new Error(`no tab shows ${url}`);
  return id;
}
