// Forms that show their blanks step by step (el-steps, 下一步 / 上一步) or page by page (antd Table 分页),
// filled through `tianbao fill` (the built extension's side panel in Chromium): 一键填报 on the first step,
// then the person presses 下一步 (or turns the page) and the panel fills each new step itself; at the end
// the person goes back through every step. Scored from what each step shows when gone back to, with the
// panel's 分步填写 box read at every step. The extension never presses 下一步, a page number or 提交.
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { type FillSteps, runFill } from '../packages/cli/src/index.ts';
import { FIXTURE_DIR, fixtureSite, testValuesFor } from './support/fixture-site.ts';

const repo = resolve(import.meta.dirname, '..');
const shots = join(repo, 'tests/screenshots');

const site = fixtureSite([
  ['element-steps', 'app.ts'],
  ['antd-pages', 'app.tsx'],
]);
beforeAll(() => mkdirSync(shots, { recursive: true }));

/** The panel's 分步填写 / 分页填写 box: the step it says is shown, each step's line, the remaining line. */
const progressOf = (panel: Page) =>
  panel.locator('.step-progress').evaluate((box) => ({
    current: Number(box.getAttribute('data-current')),
    remaining: Number(box.getAttribute('data-remaining')),
    lines: [...box.querySelectorAll('li')].map((li) => li.textContent ?? ''),
    text: box.textContent ?? '',
  }));

describe('forms shown step by step', () => {
  test('el-steps: each step filled as the person moves on, the panel says what is filled and what remains, step 1 intact after going back, 提交 never pressed', async () => {
    const truth = JSON.parse(readFileSync(join(FIXTURE_DIR, 'element-steps/truth.json'), 'utf8')) as {
      steps: FillSteps;
    };
    const steps = JSON.parse(readFileSync(join(FIXTURE_DIR, 'element-steps/rows.json'), 'utf8')) as {
      title: string;
      rows: unknown[];
    }[];
    const sizes = steps.map((s) => s.rows.length);
    const values = await testValuesFor('daxinganling-2020');
    const seen: Record<string, Awaited<ReturnType<typeof progressOf>>> = {};
    let submitted = -1;
    let backOnStep1: string[] = [];
    const result = await runFill({
      url: `${site.url}element-steps/index.html`,
      template: 'daxinganling-2020',
      values,
      extensionDir: site.extensionDir,
      steps: truth.steps,
      inspect: async (page, panel, at) => {
        seen[at] = await progressOf(panel);
        if (at === 'step 2') {
          await page.screenshot({ path: join(shots, 'element-steps-step2.png'), fullPage: true });
          await panel.screenshot({ path: join(shots, 'element-steps-panel-step2.png'), fullPage: true });
        }
        if (at === 'back 1')
          backOnStep1 = await page.evaluate(() =>
            ['f0', 'f1', 'f2', 'f5', 'f6'].map(
              (n) => (document.querySelector(`[name=${n}]`) as HTMLInputElement | null)?.value ?? 'missing',
            ),
          );
        submitted = (await page.evaluate('window.submitted')) as number;
      },
    });
    const out = site.score('element-steps', result);
    expect(out).toMatch(/accuracy 1 precision 1 correct 87\/87 wrong 0 missed 0 decoys-touched 0/);
    expect(submitted).toBe(0);
    // What step 1 shows after going back: the values filled there, untouched by the later steps.
    expect(backOnStep1).toEqual(['文本0', '文本1', '13900000002', '1005', '1006']);
    // The panel at each step: where the person is, what each step seen got, what is still ahead.
    expect(seen['step 1']).toMatchObject({ current: 1, remaining: 87 - (sizes[0] as number) });
    expect(seen['step 1']?.lines).toEqual([
      `第 1 步「基本情况」：已填 ${sizes[0]} 项`,
      '第 2 步「宣传教育」：还没打开',
      '第 3 步「组织落实」：还没打开',
    ]);
    expect(seen['step 1']?.text).toContain('请核对本步填写的内容，然后自己在网页上点击「下一步」');
    expect(seen['step 2']).toMatchObject({ current: 2, remaining: sizes[2] });
    expect(seen['step 2']?.lines.slice(0, 2)).toEqual([
      `第 1 步「基本情况」：已填 ${sizes[0]} 项`,
      `第 2 步「宣传教育」：已填 ${sizes[1]} 项`,
    ]);
    expect(seen['step 3']).toMatchObject({ current: 3, remaining: 0 });
    expect(seen['step 3']?.text).toContain('有数据的空都已在打开过的步中出现');
    // Going back fills nothing again: the counts stay as they were.
    expect(seen['back 1']?.lines).toEqual(seen['step 3']?.lines);
    expect(result.filled).toBe(sizes.reduce((a, b) => a + b, 0));
  });

  test('antd 分页: every page filled as the person turns it, rows drawn anew per page, page 1 intact after paging back', async () => {
    const truth = JSON.parse(readFileSync(join(FIXTURE_DIR, 'antd-pages/truth.json'), 'utf8')) as {
      steps: FillSteps;
    };
    const values = await testValuesFor('baodi-2021');
    const seen: Record<string, Awaited<ReturnType<typeof progressOf>>> = {};
    let firstRow = '';
    const result = await runFill({
      url: `${site.url}antd-pages/index.html`,
      template: 'baodi-2021',
      values,
      extensionDir: site.extensionDir,
      steps: truth.steps,
      inspect: async (page, panel, at) => {
        seen[at] = await progressOf(panel);
        if (at === 'step 2') {
          await page.screenshot({ path: join(shots, 'antd-pages-page2.png'), fullPage: true });
          await panel.screenshot({ path: join(shots, 'antd-pages-panel-page2.png'), fullPage: true });
        }
        if (at === 'back 1')
          firstRow = await page.evaluate(
            () => (document.querySelector('[name=v4]') as HTMLInputElement | null)?.value ?? 'missing',
          );
      },
    });
    const out = site.score('antd-pages', result);
    expect(out).toMatch(/accuracy 1 precision 1 correct 42\/42 wrong 0 missed 0 decoys-touched 0/);
    expect(firstRow).toBe('1004');
    // 4 header fields on every page (filled once) and 38 rows, 10 a page.
    expect(seen['step 1']).toMatchObject({ current: 1, remaining: 42 - 14 });
    expect(seen['step 1']?.lines).toEqual([
      '第 1 页：已填 14 项',
      '第 2 页：还没打开',
      '第 3 页：还没打开',
      '第 4 页：还没打开',
    ]);
    expect(seen['step 1']?.text).toContain('分页表格：当前第 1 页（共 4 页）');
    expect(seen['step 4']?.lines).toEqual([
      '第 1 页：已填 14 项',
      '第 2 页：已填 10 项',
      '第 3 页：已填 10 项',
      '第 4 页：已填 8 项',
    ]);
    expect(seen['step 4']).toMatchObject({ current: 4, remaining: 0 });
    expect(seen['back 1']?.lines).toEqual(seen['step 4']?.lines);
    expect(result.filled).toBe(42);
  });
});
