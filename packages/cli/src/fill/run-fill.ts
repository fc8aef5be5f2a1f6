import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Dump } from '@tianbao/autofill';
import { engineBundle } from '@tianbao/autofill/bundle';
import { getTemplate, listTemplates, type Template } from '@tianbao/templates';
import type { Page } from 'playwright-core';
import { CliError } from '../run-cli.ts';
import { BUILT_EXTENSION, extensionWithAccess } from './extension-copy.ts';
import { type FillValues, fillLogFile } from './fill-log.ts';
import { type ExtensionSession, joinLogThroughUi, launchWithExtension, tabIdOf } from './launch-browser.ts';
import { waitForPanel } from './panel-settle.ts';

export interface RunFillOptions {
  url: string;
  template: string;
  /** Values to fill (a fresh log is made of them), or `log`: an update file of a real log, joined as it is. */
  values?: FillValues;
  log?: Uint8Array;
  /** `<from>..<to>`: the reporting period for the page's 本周/累计 columns (default: the current one). */
  period?: string;
  /** Built extension (default .output/chrome-mv3). */
  extensionDir?: string;
  /** Wait after the fill before reading the page (at least 500 ms, so a framework reverting a value shows). */
  afterMs?: number;
  /** Accept a portal's self-signed or expired certificate (off by default). */
  ignoreHttpsErrors?: boolean;
  /**
   * Tick 确认填写 on every 需确认 row before 一键填报, as a person who trusts every suggestion would: measures
   * the suggestions themselves (each one is a claim about the page).
   */
  confirmUnsure?: boolean;
  /**
   * A form shown step by step (下一步) or page by page (分页): the person's part is done here, as a person
   * would: after 一键填报 on the first step, `next` (a CSS selector) is clicked count − 1 times, each step
   * left to the panel to fill, then `back` as often, and the controls of every step seen are dumped (the
   * last look at each step wins, so what going back shows is what is scored).
   */
  steps?: FillSteps;
  /**
   * Looks at the page and the panel once the fill has settled, before the dump (tests: what is shown);
   * on a stepped form after each step: `at` is 'step <n>' going forward and 'back <n>' going back.
   */
  inspect?: (page: Page, panel: Page, at: string) => Promise<void>;
}

export interface FillSteps {
  next: string;
  back: string;
  count: number;
}

export interface RunFillResult extends Dump {
  /** Controls the panel filled. */
  filled: number;
  /** Unsure matches the panel showed and left for a person to confirm. */
  unsure: number;
  /** 需确认 rows ticked before 一键填报 (--confirm-unsure; 0 otherwise). */
  confirmed: number;
  /** Blanks with a value that no control of the page matched. */
  notFound: number;
  /** From opening the URL to the panel's first fill summary (page load, settle, scan, match, fill). */
  elapsedMs: number;
  timings: { loadMs: number; scanMs: number; fillMs: number };
}

export function fillTemplate(id: string): Template {
  const t = getTemplate(id);
  if (!t || (t.kind !== 'statistics' && t.kind !== 'liaison')) {
    const known = listTemplates()
      .filter((x) => x.kind === 'statistics' || x.kind === 'liaison')
      .map((x) => x.id);
    throw new CliError(`unknown template "${id}" (known: ${known.join(', ')})`);
  }
  return t;
}

export function portalUrl(url: string): URL {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new CliError(`not a URL: ${url}`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new CliError(`not an http(s) URL: ${url}`);
  return u;
}

/** Opens the URL in its own tab; a page that does not load is the caller's error, said plainly. */
export async function openPortal(s: ExtensionSession, url: string): Promise<Page> {
  const page = await s.context.newPage();
  try {
    const response = await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    if (response && !response.ok()) throw new Error(`HTTP ${response.status()} ${response.statusText()}`);
  } catch (err) {
    await page.close().catch(() => undefined);
    const why = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new CliError(`cannot load ${url}: ${why}`);
  }
  return page;
}

/** The side panel as a page for one tab (sidepanel.html?tab=…), ready once the page's fields are listed. */
export async function openPanelFor(
  s: ExtensionSession,
  tabId: number,
  templateId?: string,
  period?: string,
): Promise<Page> {
  const panel = await s.context.newPage();
  await panel.setViewportSize({ width: 400, height: 900 });
  const q = new URLSearchParams({
    tab: String(tabId),
    ...(templateId && { template: templateId }),
    ...(period && { period }),
  });
  await panel.goto(s.url(`sidepanel.html?${q}`));
  await panel.locator('.field-groups, .companion .empty, .error-banner').first().waitFor({ timeout: 30_000 });
  const error = panel.locator('.error-banner');
  if (await error.count()) throw new CliError(`side panel: ${await error.first().textContent()}`);
  return panel;
}

/** What the panel shows: rows, summary counts and what it is doing (changes while it works). */
const panelState = (panel: Page) =>
  panel.evaluate(() => {
    const s = document.querySelector('.fill-summary');
    const work = document.querySelector('.companion')?.getAttribute('data-work');
    const rows = document.querySelectorAll('.field-row').length;
    return `${rows} ${s?.getAttribute('data-filled')} ${s?.getAttribute('data-unsure')} ${work}`;
  });

/**
 * Whether the panel has read the page as it is now and has nothing left to do: the portal agent in the tab
 * has no control change unread by a scan or fill (asked first, through the panel page's chrome.tabs), and
 * then the panel is neither scanning nor filling nor about to fill (its data-work).
 */
async function caughtUp(panel: Page, tabId: number): Promise<boolean> {
  const unread = await panel.evaluate(async (id) => {
    const c = (
      globalThis as unknown as {
        chrome: { tabs: { sendMessage(id: number, m: object, o: object): Promise<{ unread?: boolean }> } };
      }
    ).chrome;
    const reply = await c.tabs.sendMessage(id, { type: 'to-content:ping' }, { frameId: 0 }).catch(() => null);
    return reply?.unread ?? true;
  }, tabId);
  if (unread) return false;
  return (await panel.locator('.companion').getAttribute('data-work')) === 'idle';
}
/** Ticks 确认填写 on every row of the 需确认 group, one by one as a person would; returns how many. */
export async function confirmAllUnsure(panel: Page): Promise<number> {
  const group = panel.getByRole('region', { name: '需确认' });
  if (!(await group.count())) return 0;
  const boxes = group.getByRole('checkbox', { name: /^确认填写/ });
  const n = await boxes.count();
  for (let i = 0; i < n; i++) await boxes.nth(i).check();
  return n;
}

/** Presses 一键填报 (no unsure match confirmed, nothing overwritten); resolves when the summary shows. */
export async function pressFill(panel: Page): Promise<number> {
  await panel.getByRole('button', { name: '一键填报' }).click();
  const summary = panel.locator('.fill-summary');
  await summary.or(panel.locator('.error-banner')).first().waitFor({ timeout: 30_000 });
  if (!(await summary.count()))
    throw new CliError(`side panel: ${await panel.locator('.error-banner').textContent()}`);
  return performance.now();
}

/**
 * Waits until the page and the panel are both done: controls that appear after the fill are filled by
 * the panel itself (a late form), so the page settling can start another round of the panel's work. A
 * panel that never catches up (a page that never stops changing) is read as it is after a minute.
 */
async function settle(page: Page, panel: Page, tabId: number): Promise<void> {
  await page.evaluate(await engineBundle());
  await waitForPanel(
    {
      state: () => panelState(panel),
      caughtUp: () => caughtUp(panel, tabId),
      pageQuiet: () =>
        page.evaluate(async () => {
          const api = (globalThis as unknown as { tianbaoAutofill: typeof import('@tianbao/autofill') })
            .tianbaoAutofill;
          await api.waitForSettle(document, { quietMs: 300, timeoutMs: 3000 });
        }),
    },
    { now: () => Date.now(), sleep: (ms) => panel.waitForTimeout(ms) },
  );
}

async function readSummary(panel: Page): Promise<{ filled: number; unsure: number; notFound: number }> {
  const summary = panel.locator('.fill-summary');
  const n = async (attr: string) => Number(await summary.getAttribute(attr));
  return {
    filled: await n('data-filled'),
    unsure: await n('data-unsure'),
    notFound: await n('data-not-found'),
  };
}

/**
 * The controls of several looks at one page (a stepped form's steps), each control once: the latest look
 * at it wins. Controls without a name or id cannot be told apart across looks and are kept as seen.
 */
export function mergeDumps(looks: readonly Dump[]): Dump {
  const byControl = new Map<string, Dump['fields'][number]>();
  const unnamed: Dump['fields'] = [];
  for (const look of looks)
    for (const f of look.fields) {
      if (!f.name && !f.id) unnamed.push(f);
      else {
        const box = f.type === 'radio' || f.type === 'checkbox';
        byControl.set([f.frame, f.name, f.id, f.type, box ? f.value : ''].join('\u0000'), f);
      }
    }
  return { fields: [...byControl.values(), ...unnamed] };
}

/** Every control of every frame and shadow root, read from the live DOM. */
export async function dumpPage(page: Page): Promise<Dump> {
  await page.evaluate(await engineBundle());
  return page.evaluate(() =>
    (globalThis as unknown as { tianbaoAutofill: typeof import('@tianbao/autofill') }).tianbaoAutofill.dump(
      document,
    ),
  );
}

/**
 * `tianbao fill`: a fresh browser profile with the built extension (portal access already granted),
 * the values joined as a unit log through the first-run page, the URL opened, the side panel's 一键填报
 * pressed, and the page dumped after it settled.
 */
export async function runFill(opts: RunFillOptions): Promise<RunFillResult> {
  const template = fillTemplate(opts.template);
  const url = portalUrl(opts.url);
  const logFile = opts.log ?? (await fillLogFile(template, opts.values ?? {}));
  const extensionDir = extensionWithAccess([url.origin], opts.extensionDir ?? BUILT_EXTENSION);
  let s: ExtensionSession | undefined;
  try {
    s = await launchWithExtension(extensionDir, { ignoreHttpsErrors: opts.ignoreHttpsErrors ?? false });
    const dashboard = await joinLogThroughUi(s, logFile);
    const t0 = performance.now();
    const page = await openPortal(s, url.href);
    const t1 = performance.now();
    const tabId = await tabIdOf(dashboard, page.url());
    const panel = await openPanelFor(s, tabId, template.id, opts.period);
    let confirmed = opts.confirmUnsure ? await confirmAllUnsure(panel) : 0;
    const t2 = performance.now();
    const t3 = await pressFill(panel);
    await page.waitForTimeout(Math.max(500, opts.afterMs ?? 500));
    await settle(page, panel, tabId);
    let dumped: Dump;
    if (opts.steps) {
      const seen: Dump[] = [];
      const look = async (at: string) => {
        await opts.inspect?.(page, panel, at);
        seen.push(await dumpPage(page));
      };
      for (let n = 1; n < opts.steps.count; n++) {
        await look(`step ${n}`);
        await page.locator(opts.steps.next).first().click();
        await settle(page, panel, tabId); // the panel fills the new step's sure matches itself
        // Each step's 需确认 rows, ticked and filled like the first step's.
        const more = opts.confirmUnsure ? await confirmAllUnsure(panel) : 0;
        if (more) {
          confirmed += more;
          await pressFill(panel);
          await settle(page, panel, tabId);
        }
      }
      await look(`step ${opts.steps.count}`);
      for (let n = opts.steps.count - 1; n >= 1; n--) {
        await page.locator(opts.steps.back).first().click();
        await settle(page, panel, tabId);
        await look(`back ${n}`);
      }
      dumped = mergeDumps(seen);
    } else {
      await opts.inspect?.(page, panel, '');
      dumped = await dumpPage(page);
    }
    const counts = await readSummary(panel);
    return {
      ...dumped,
      ...counts,
      confirmed,
      elapsedMs: Math.round(t3 - t0),
      timings: { loadMs: Math.round(t1 - t0), scanMs: Math.round(t2 - t1), fillMs: Math.round(t3 - t2) },
    };
  } finally {
    await s?.close().catch(() => undefined);
    rmSync(dirname(extensionDir), { recursive: true, force: true });
  }
}
