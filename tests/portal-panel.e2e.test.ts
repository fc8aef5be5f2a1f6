// The side panel on a whole statistics-table page (shared/portals daxinganling-2020-table, 94 controls)
// for a unit that has entered only a few activities, in Chromium with the built extension: rows grouped by
// what will happen to them (未填, no figure yet, folded with its count), each row one or two lines, no Latin words, 把握
// said in words, and after 一键填报 the controls that already held another value listed with 覆盖 / 保留.
import { join, resolve } from 'node:path';
import { getTemplate } from '@tianbao/templates';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { tabIdOf } from '../packages/cli/src/index.ts';
import { SCREENSHOTS } from './support/extension-browser.ts';
import { portalSession } from './support/portal-session.ts';

const repo = resolve(import.meta.dirname, '..');
const T = getTemplate('daxinganling-2020');
if (!T) throw new Error('template missing');

// Four activities' worth of figures: the header and nine blanks; the other 74 blanks have no data yet.
const values: Record<string, unknown> = {
  0: '加格达奇区应急管理局',
  1: '王芳',
  2: '0457-2345678',
  5: 2,
  6: 3,
  7: 120,
  8: 1,
  9: 45,
  15: 4,
  16: 310,
  18: 27,
};

const portal = portalSession({
  sites: { portals: join(repo, '../shared/portals'), demo: join(repo, 'demo/portal') },
  template: T,
  values,
  user: '王芳',
  name: 'portal-panel',
});
/** A page of ../shared/portals (or of the demo portal) in a new tab, with its side panel. */
const portalAndPanel = (path: string, site: 'portals' | 'demo' = 'portals') =>
  portal.open(`${portal.sites[site].url}${path}`);

const panelHeight = (panel: Page) => panel.evaluate(() => document.documentElement.scrollHeight);

/** Every word the panel shows or says on hover, with the folded groups opened. */
async function panelWords(panel: Page): Promise<string> {
  await panel.evaluate(() => {
    for (const d of Array.from(document.querySelectorAll('details'))) d.open = true;
  });
  return panel.evaluate(() =>
    [
      document.body.innerText,
      ...Array.from(document.querySelectorAll('[title], [aria-label], [placeholder]')).flatMap((el) =>
        ['title', 'aria-label', 'placeholder'].map((a) => el.getAttribute(a) ?? ''),
      ),
      ...Array.from(document.querySelectorAll('option')).map((o) => o.textContent ?? ''),
    ].join('\n'),
  );
}

/**
 * Latin words in a text, apart from units a table may count in, 'QQ' (the notices' own word) and 'Excel' (what
 * an office calls its spreadsheets: 填报日期's explanation names the Excel file it appears in). The
 * portal's address (已在 http://… 启用) and the names the scripted log was made with (unit and person
 * 'tianbao fill', fillLogFile's) are the person's data, not the panel's wording.
 */
const latinWords = (text: string) =>
  (
    text
      .replace(/https?:\/\/\S+/g, '')
      .replaceAll('tianbao fill', '')
      .match(/[A-Za-z][A-Za-z0-9_.:-]*/g) ?? []
  ).filter((w) => !/^(QQ|Excel|km|kg|cm|mm|m|h)$/.test(w));

describe('side panel on a 94-control table page with few figures', () => {
  it('groups rows by what 一键填报 does, folds 未填 (no figure yet) with its count, keeps every row to two lines', async () => {
    const { panel } = await portalAndPanel('daxinganling-2020-table/index.html');
    const willFill = panel.getByRole('region', { name: '将填写' });
    await willFill.locator('.field-row').first().waitFor();
    // The header (填报单位, 联系人, 电话, and 填报日期, recorded as today by 一键填报) and eight blanks.
    await expect.poll(() => willFill.locator('.field-row').count()).toBe(12);
    expect(
      await willFill
        .locator('.field-row')
        .filter({ hasText: '填报日期' })
        .locator('.source-tag')
        .textContent(),
    ).toBe('填报当天');
    const noData = panel.locator('details.group-no-data');
    expect(await noData.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    const folded = Number(await noData.locator('summary .count').textContent());
    expect(folded).toBeGreaterThanOrEqual(70);
    expect(await noData.locator('summary').textContent()).toContain('未填');
    expect(await noData.locator('.field-row').first().isVisible()).toBe(false);
    const height = await panelHeight(panel);
    console.log(`panel height at 400 px: ${height} px (${folded} rows folded under 未填)`);
    expect(height).toBeLessThan(2000);
    await panel.screenshot({ path: join(SCREENSHOTS, 'portal-panel-01-grouped-400.png') });

    // Opened, 未填 rows are still one or two lines each, long names cut with … and whole on hover.
    await noData.locator('summary').click();
    const heights = await panel
      .locator('.field-row')
      .evaluateAll((rows) => rows.map((r) => r.getBoundingClientRect().height));
    expect(Math.max(...heights)).toBeLessThanOrEqual(2 * 20 + 12);
    const long = noData.locator('.field-slot').filter({ hasText: '安全生产“公开课”' }).first();
    expect(await long.getAttribute('title')).toContain('安全生产“公开课”“微课堂”“公益讲座”等线上直播活动');
    expect(await long.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await panel.screenshot({ path: join(SCREENSHOTS, 'portal-panel-02-no-data-open-400.png') });

    await panel.setViewportSize({ width: 1366, height: 768 });
    await noData.locator('summary').click();
    console.log(`panel height at 1366 px: ${await panelHeight(panel)} px`);
    expect(await panelHeight(panel)).toBeLessThan(2000);
    await panel.screenshot({ path: join(SCREENSHOTS, 'portal-panel-03-grouped-1366.png') });
  });

  it('says nothing in English: no frame names, keys or kit names, on a page in frames too', async () => {
    for (const path of ['daxinganling-2020-table/index.html', 'daxinganling-2020-iframe/index.html']) {
      const { panel } = await portalAndPanel(path);
      await panel.locator('.field-row').first().waitFor();
      await expect.poll(() => panel.locator('.field-groups .field-row').count()).toBeGreaterThan(80);
      const words = await panelWords(panel);
      expect(words).toContain('未填');
      expect(latinWords(words), path).toEqual([]);
    }
  });

  it('says 把握 in words, with what it means and what to do on hover, never as a percentage', async () => {
    // The demo portal's terse labels (启动仪式, 中心组学习 …) leave the engine unsure of some rows.
    const { panel } = await portalAndPanel('quick/index.html', 'demo');
    await panel.locator('.field-row').first().waitFor();
    await panel.evaluate(() => {
      for (const d of Array.from(document.querySelectorAll('details'))) d.open = true;
    });
    const words = panel.locator('.field-row.status-unsure .confidence');
    await expect.poll(() => words.count()).toBeGreaterThanOrEqual(1);
    for (const w of await words.all()) {
      expect(['有疑点', '把握一般', '把握较低']).toContain(await w.textContent());
      expect(await w.getAttribute('title')).toMatch(/请核对.*(确认填写|更正)/s);
    }
    expect(await panel.locator('.field-groups').textContent()).not.toMatch(/\d\s*%|把握 \d/);
    await words.first().hover();
    await panel.screenshot({ path: join(SCREENSHOTS, 'portal-panel-04-confidence-400.png') });
  });

  it('at 400 px, a short answer on the page stays whole beside a long one from the log in the 覆盖 / 保留 list', async () => {
    const { page, panel } = await portalAndPanel('element/index.html', 'demo');
    await panel.locator('.field-row').first().waitFor();
    await page.locator('[name="header-unit"]').fill('999');
    // The panel compares the page with the log when it fills: the difference is listed after 一键填报.
    await panel.getByRole('button', { name: '一键填报' }).click();
    const item = panel.locator('.fill-summary .difference');
    await item.waitFor();
    const cut = (side: string) => item.locator(side).evaluate((el) => el.scrollWidth > el.clientWidth + 1);
    expect(await item.locator('.page-side').textContent()).toBe('网页上 999');
    expect(await cut('.page-side')).toBe(false);
    // The log's unit name may be cut with …, and is whole on hover.
    expect(await item.locator('.log-side').getAttribute('title')).toBe('台账：加格达奇区应急管理局');
    await panel.evaluate(() => scrollTo(0, 0));
    await panel.screenshot({ path: join(SCREENSHOTS, 'portal-panel-07-difference-narrow-400.png') });
  });

  it('after 一键填报, other answers already on the page are listed with both values and 覆盖 / 保留; not green until decided', async () => {
    // Someone typed into the portal before the panel was opened: 联系人 another name, 启动仪式 5 场次 (the
    // log: 2), 中心组学习 3 (the log's own 3, no difference). Typing changes no control, so a panel already
    // open would show it only at 一键填报: the panel opens after the typing, as its first scan must see it.
    const page = await portal.tab();
    await page.goto(`${portal.sites.portals.url}daxinganling-2020-table/index.html?typed=1`);
    await page.locator('[name="t0_2"]').fill('李明');
    await page.locator('[name="t1_2"]').fill('5');
    await page.locator('[name="t2_1"]').fill('3');
    const panel = await portal.panel(await tabIdOf(portal.dashboard, page.url()), {
      width: 400,
      height: 860,
    });
    const differsGroup = panel.getByRole('region', { name: '网页上已有不同内容' });
    await expect.poll(() => differsGroup.locator('.field-row').count()).toBe(2);
    expect(await differsGroup.locator('.page-value').allTextContents()).toEqual([
      '网页上：李明',
      '网页上：5',
    ]);
    expect(await panel.locator('details.group-same .field-row').count()).toBe(1);

    await panel.getByRole('button', { name: '一键填报' }).click();
    const summary = panel.locator('.fill-summary');
    await expect.poll(() => summary.getAttribute('data-differences')).toBe('2');
    expect(await summary.getAttribute('class')).toContain('pending');
    const background = () => summary.evaluate((el) => getComputedStyle(el).backgroundColor);
    const green = 'rgb(232, 245, 236)'; // --ok-bg
    expect(await background()).not.toBe(green);
    const items = summary.locator('.difference');
    expect(await items.nth(0).locator('.difference-name').textContent()).toBe('联系人');
    expect(await items.nth(0).locator('.page-side').textContent()).toBe('网页上 李明');
    expect(await items.nth(0).locator('.log-side').textContent()).toBe('台账 王芳');
    expect(await items.nth(1).locator('.difference-name').textContent()).toContain(
      '举办“安全生产月”活动启动仪式',
    );
    expect(await items.nth(1).locator('.page-side').textContent()).toBe('网页上 5');
    expect(await items.nth(1).locator('.log-side').textContent()).toBe('台账 2');
    // Nothing the person typed was changed; the rest was filled.
    expect(await page.locator('[name="t0_2"]').inputValue()).toBe('李明');
    expect(await page.locator('[name="t1_2"]').inputValue()).toBe('5');
    expect(await page.locator('[name="t2_2"]').inputValue()).toBe('120');
    await panel.evaluate(() => scrollTo(0, 0));
    await panel.screenshot({ path: join(SCREENSHOTS, 'portal-panel-05-differences-400.png') });

    await items.nth(0).getByRole('button', { name: /^覆盖/ }).click();
    await expect.poll(() => page.locator('[name="t0_2"]').inputValue()).toBe('王芳');
    await expect.poll(() => summary.getAttribute('data-differences')).toBe('1');
    expect(await summary.getAttribute('class')).toContain('pending');
    await summary.locator('.difference').getByRole('button', { name: /^保留/ }).click();
    await expect.poll(() => summary.getAttribute('data-differences')).toBe('0');
    expect(await summary.getAttribute('class')).toContain('settled');
    expect(await background()).toBe(green);
    expect(await page.locator('[name="t1_2"]').inputValue()).toBe('5');
    await panel.setViewportSize({ width: 1366, height: 768 });
    await panel.evaluate(() => scrollTo(0, 0));
    await panel.screenshot({ path: join(SCREENSHOTS, 'portal-panel-06-decided-1366.png') });
    // 撤销 puts back what the page had before: the person's 李明 too.
    await summary.getByRole('button', { name: '撤销' }).click();
    await expect.poll(() => page.locator('[name="t0_2"]').inputValue()).toBe('李明');
    expect(await page.locator('[name="t2_2"]').inputValue()).toBe('');
  });
});

// The walkthrough's rough edges, looked at: the panel at 400 px and 1366×768 on the demo portal and two shared
// portal pages, through 一键填报, 更正 a filled row, and 撤销. Every state is screenshotted; each must say
// nothing in English or in internal codes, and nothing may be wider than the panel.
describe('side panel walkthrough: fill, correct, undo at 400 px and 1366×768', () => {
  const pages = [
    ['demo-jsp', 'jsp/index.html', 'demo'],
    ['labelled', 'daxinganling-2020-labelled/index.html', 'portals'],
    ['controlled', 'daxinganling-2020-controlled/index.html', 'portals'],
  ] as const;
  for (const [name, path, site] of pages)
    for (const [width, height] of [
      [400, 860],
      [1366, 768],
    ] as const)
      it(`${name} at ${width} px`, async () => {
        const { panel } = await portalAndPanel(path, site);
        await panel.setViewportSize({ width, height });
        await panel.locator('.field-row').first().waitFor();
        const look = async (state: string) => {
          const words = await panelWords(panel);
          expect(latinWords(words), `${name} ${state}`).toEqual([]);
          // Nothing wider than the panel: the whole page scrolls only downwards.
          expect(
            await panel.evaluate(() => document.documentElement.scrollWidth - innerWidth),
            `${name} ${state}`,
          ).toBeLessThanOrEqual(0);
          // Dates read as people write them (填报日期 2026年12月4日), not 2026-12-04.
          for (const v of await panel.locator('.field-value').allTextContents())
            expect(v, `${name} ${state}`).not.toMatch(/^\d{4}-\d{2}-\d{2}$/);
          // In a wide window the rows stay narrow enough to read across (name … value).
          expect(await panel.locator('.field-groups').evaluate((el) => el.clientWidth)).toBeLessThanOrEqual(
            760,
          );
          await panel.evaluate(() => scrollTo(0, 0));
          await panel.screenshot({ path: join(SCREENSHOTS, `walk-${name}-${width}-${state}.png`) });
        };
        await look('1-open');
        expect(
          await panel
            .locator('.field-row')
            .filter({ hasText: '填报日期' })
            .first()
            .locator('.field-value')
            .textContent(),
        ).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
        // The table's long title, cut in the closed box at 400 px, is whole on hover.
        expect(await panel.getByLabel('对照的表').getAttribute('title')).toBe(`自动选择（${T.title}）`);
        await panel.getByRole('button', { name: '一键填报' }).click();
        const summary = panel.locator('.fill-summary');
        await summary.waitFor();
        await look('2-filled');
        // 更正 a row the fill just wrote: 不填写此项.
        const filledRow = panel.locator('.field-row.state-filled').first();
        const key = (await filledRow.getAttribute('data-key')) ?? '';
        await filledRow.getByRole('button', { name: '更正' }).click();
        await filledRow.locator('.slot-picker').waitFor();
        await filledRow.scrollIntoViewIfNeeded();
        await panel.screenshot({ path: join(SCREENSHOTS, `walk-${name}-${width}-3-picker.png`) });
        await filledRow.getByRole('button', { name: '不填写此项' }).click();
        const corrected = panel.locator(`.field-row[data-key="${key}"]`);
        await expect.poll(() => corrected.getByText('已校正').count()).toBe(1);
        // What the fill wrote there stays until 撤销, and the notice says so.
        await panel.getByText('网页上这一项刚才已填写，内容仍在；要清除请点“撤销”。').waitFor();
        await look('4-corrected');
        // 撤销 is still at hand after the correction (the summary is gone), and puts the page back.
        expect(await summary.count()).toBe(0);
        await panel.locator('.undo-line').getByRole('button', { name: '撤销' }).click();
        await panel.getByText(/已撤销/).waitFor();
        await look('5-undone');
        // The correction is the unit's: withdrawn again so the other tests see the page as before.
        await panel.evaluate(() => {
          for (const d of Array.from(document.querySelectorAll('details'))) d.open = true;
        });
        await corrected.getByRole('button', { name: '恢复自动匹配' }).click();
        await expect.poll(() => corrected.getByText('已校正').count()).toBe(0);
      });
});
