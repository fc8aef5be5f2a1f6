// How long an edit takes to show elsewhere: in another page of the same browser (BroadcastChannel), and
// in a colleague's browser through a relay process on 127.0.0.1. Both pages stamp time with
// performance.timeOrigin + performance.now(), one clock on one machine, so the two ends compare.
import type { Page } from 'playwright-core';

/** Starts watching `page` for a table cell with exactly `text`; resolves (in the page) to when it showed. */
export async function watchFor(page: Page, text: string): Promise<void> {
  // A string, not a function: tsx's name-keeping helpers do not exist inside the page.
  await page.evaluate(`(() => {
    const t = ${JSON.stringify(text)};
    window.__seenAt = new Promise((resolve) => {
      const seen = () => [...document.querySelectorAll('table.list tbody td button, table.list tbody td')].some((n) => n.textContent === t);
      new MutationObserver((_, obs) => {
        if (seen()) {
          obs.disconnect();
          resolve(performance.timeOrigin + performance.now());
        }
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
  })()`);
}

export const seenAt = (page: Page) => page.evaluate('window.__seenAt') as Promise<number>;

/**
 * Renames the first activity of `page`'s list through its form and returns when 保存修改 was pressed
 * (same clock as seenAt).
 */
export async function renameFirst(page: Page, title: string): Promise<number> {
  await page.locator('table.list tbody tr').first().locator('button.title').click();
  const dialog = page.getByRole('dialog', { name: '编辑活动' });
  await dialog.getByLabel('活动名称').fill(title);
  await page.evaluate(`(() => {
    const button = [...document.querySelectorAll('button')].find((x) => x.textContent === '保存修改');
    window.__savedAt = 0;
    button.addEventListener('click', () => { window.__savedAt = performance.timeOrigin + performance.now(); }, { capture: true, once: true });
  })()`);
  await dialog.getByRole('button', { name: '保存修改' }).click();
  await dialog.waitFor({ state: 'detached' });
  return (await page.evaluate('window.__savedAt')) as number;
}

/** Median over `runs` renames in `from` until each shows in `to`. */
export async function editLatency(from: Page, to: Page, runs: number, tag: string): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const title = `${tag}改名${i}`;
    await watchFor(to, title);
    const saved = await renameFirst(from, title);
    out.push((await seenAt(to)) - saved);
  }
  return out;
}
