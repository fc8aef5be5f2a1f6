// The documents a unit hands in, made in the dashboard as a clerk makes them: the 总结初稿 (.docx), the
// 统计表 printed for the seal (PDF through Chromium's own print), the 重点活动计划安排表 (.docx, .xlsx)
// and the 联络员推荐表 (.docx). Each file is read back by a second reader.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { exportUpdateFile, templateValues } from '@tianbao/core';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { docxText } from '../packages/reports/src/docx-text.ts';
import { SAMPLE_PROFILE, SAMPLE_TEMPLATE, sampleLog } from '../packages/reports/src/sample-log.ts';
import { type ExtensionBrowser, launchExtension, screenshot } from './support/extension-browser.ts';
import { hasSoffice, officeToPdf, officeToPdfs, type PdfFile, readPdf, squeeze } from './support/pdf.ts';

/** Each row's 进展情况 as the print view writes it: the notice's words with the log's figures in the （）. */
function expectedSentences(): string[] {
  const values = new Map(templateValues(sampleLog(), SAMPLE_TEMPLATE).map((v) => [v.slotId, v.value]));
  const slots = new Map(SAMPLE_TEMPLATE.slots.map((s) => [s.id, s]));
  return SAMPLE_TEMPLATE.rows.map((r) =>
    r.slotIds
      .map((id) => {
        const s = slots.get(id);
        const v = values.get(id);
        if (!s) throw new Error(id);
        if (s.kind === 'boolean') return `${s.before}${v === null ? '' : v ? '☑是□否' : '□是☑否'}${s.after}`;
        return `${s.before}（${v ?? ''}）${s.after}`;
      })
      .join('，'),
  );
}

async function download(
  page: Page,
  click: () => Promise<void>,
): Promise<{ name: string; bytes: Uint8Array }> {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: d.suggestedFilename(), bytes: new Uint8Array(readFileSync(await d.path())) };
}

/** Every word of page n with its box (points), as poppler places it. */
function words(pdf: PdfFile, n: number): { text: string; xMin: number; xMax: number }[] {
  const xml = execFileSync('pdftotext', ['-bbox', '-f', `${n}`, '-l', `${n}`, pdf.path, '-'], {
    encoding: 'utf8',
  });
  return [
    ...xml.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/gu),
  ].map((m) => ({ xMin: Number(m[1]), xMax: Number(m[2]), text: m[3] as string }));
}

describe('documents: 总结初稿, the sealed table, the plan and the liaison form', () => {
  let b: ExtensionBrowser;
  let page: Page;
  const files: Record<string, Uint8Array> = {};

  beforeAll(async () => {
    b = await launchExtension();
    page = await b.open('dashboard.html');
    // A colleague's log, joined from the update file they sent: the realistic sample every document test uses.
    await page.getByLabel('姓名').fill('李四');
    await page.getByLabel('更新文件').setInputFiles({
      name: '大兴安岭.tianbao',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(exportUpdateFile(sampleLog())),
    });
    await page.getByRole('heading', { name: /大兴安岭地区应急管理局/ }).waitFor();
  });
  afterAll(async () => {
    await b?.close();
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail')
      await screenshot(page, `failed-documents-${ctx.task.name.slice(0, 30)}`).catch(() => undefined);
  });

  it('marks an activity 重点 and drafts the 总结 with it, its figures those of the table', async () => {
    await page.getByRole('link', { name: '活动台账' }).click();
    await page.getByRole('button', { name: '理论学习中心组专题学习' }).click();
    const dialog = page.getByRole('dialog', { name: '编辑活动' });
    await dialog.getByLabel(/重点活动/).check();
    await dialog.getByRole('button', { name: '保存修改' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect
      .poll(() =>
        page.locator('table.list tbody tr').filter({ hasText: '理论学习中心组专题学习' }).innerText(),
      )
      .toContain('重点');
    await screenshot(page, 'documents-01-key-activity');

    await page.getByRole('link', { name: '统计表' }).click();
    const summary = await download(page, () => page.getByRole('button', { name: '生成总结初稿' }).click());
    expect(summary.name).toMatch(/^大兴安岭地区应急管理局-活动总结初稿-\d{4}-\d{2}-\d{2}\.docx$/);
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: '活动总结初稿' }).innerText())
      .toContain('写入统计表中的 7 个数');
    await screenshot(page, 'documents-02-summary-made');
    const text = await docxText(summary.bytes);
    expect(text).toContain('大兴安岭地区应急管理局2020年“安全生产月”和“安全生产兴安行”活动总结');
    expect(text).toContain('共安排理论学习中心组专题学习2次，参与46人次');
    expect(text).toContain('共开展安全宣传进企业活动3场，参与320人');
    const highlights = text.slice(text.indexOf('三、特色亮点'), text.indexOf('四、'));
    expect(highlights).toContain('理论学习中心组专题学习');
    expect(highlights).toContain('安全宣传进企业');
    files.summary = summary.bytes;
  });

  it('exports the 重点活动计划安排表 as Word and Excel and the 联络员推荐表 as Word, ready to seal', async () => {
    await page.getByRole('link', { name: '重点活动计划' }).click();
    const word = await download(page, () => page.getByRole('button', { name: '导出计划表（Word）' }).click());
    expect(word.name).toMatch(/^大兴安岭地区应急管理局-重点活动计划安排表-.*\.docx$/);
    const planText = await docxText(word.bytes);
    expect(planText).toContain('大兴安岭地区应急管理局“安全生产月”重点活动计划安排表');
    expect(planText).toContain('网上“全国安全宣传咨询日”活动');
    const excel = await download(page, () =>
      page.getByRole('button', { name: '导出计划表（Excel）' }).click(),
    );
    expect(excel.name).toMatch(/\.xlsx$/);
    const rows = XLSX.utils.sheet_to_json<unknown[]>(
      XLSX.read(excel.bytes).Sheets['重点活动计划安排表'] as XLSX.WorkSheet,
      { header: 1, defval: null },
    );
    expect(rows[2]).toEqual([
      '序号',
      '时间',
      '地点',
      '主要内容',
      '主办单位',
      '协助单位',
      '工作分工',
      '成果形式',
    ]);
    expect(rows[3]?.slice(0, 5)).toEqual([
      1,
      '6月16日',
      '线上',
      '网上“全国安全宣传咨询日”活动',
      '地区安委办',
    ]);
    await screenshot(page, 'documents-03-plans');
    files.plan = word.bytes;
    files.planXlsx = excel.bytes;

    await page.getByRole('link', { name: '联络员' }).click();
    // Unsaved edits are not in the form yet: the button waits for 保存.
    await page.getByLabel('职务').fill('副科长');
    await expect
      .poll(() => page.getByRole('button', { name: '导出联络员推荐表（Word）' }).isDisabled())
      .toBe(true);
    await page.getByRole('button', { name: '保存联络员信息' }).click();
    const liaison = await download(page, () =>
      page.getByRole('button', { name: '导出联络员推荐表（Word）' }).click(),
    );
    const liaisonText = await docxText(liaison.bytes);
    expect(liaisonText).toContain('“安全生产月”活动联络员推荐表');
    expect(liaisonText.split('\n').slice(1, 7)).toEqual(['姓名', '张三丰', '性别', '男', '职务', '副科长']);
    await screenshot(page, 'documents-04-liaison');
    files.liaison = liaison.bytes;
  });

  it('prints the 统计表 for the seal: A4, the column titles on every page, every value in the PDF', async () => {
    await page.getByRole('link', { name: '统计表' }).click();
    await page.getByRole('button', { name: '打印 / 导出PDF' }).click();
    const sheet = page.getByRole('article', { name: '打印预览' });
    await sheet.waitFor();
    await page.getByLabel('填报日期').fill('2020-06-30');
    await expect.poll(() => sheet.locator('.sheet-seal').innerText()).toContain('2020年6月30日');
    await screenshot(page, 'documents-05-print-preview');
    // What Chrome's 另存为 PDF writes: print media, the page's own @page size and margins.
    const pdf = readPdf(await page.pdf({ preferCSSPageSize: true }), 'statistics-table-print');
    const pictures = pdf.pictures('documents-06-print-page');
    expect(pictures).toHaveLength(pdf.pages);
    expect(pdf.pageSize).toMatch(/\(A4\)/);
    expect(pdf.pages).toBe(4);
    const all = squeeze(pdf.text());
    expect(all).toContain(
      squeeze(
        '填报单位（盖章）：大兴安岭地区应急管理局联系人：张三丰电话：0457-2712884填报日期：2020年6月30日',
      ),
    );
    // Every row's 进展情况, read from its column alone (the paper's margin is the sheet's padding on screen).
    const column = await sheet.evaluate((el) => {
      const th = el.querySelector('th.col-progress') as HTMLElement;
      return th.getBoundingClientRect().left - el.getBoundingClientRect().left;
    });
    const progress = Array.from({ length: pdf.pages }, (_, i) =>
      squeeze(pdf.textRightOf(i + 1, column * 0.75 + 2)).replace(/^进展情况/u, ''),
    ).join('');
    for (const sentence of expectedSentences()) expect(progress).toContain(squeeze(sentence));
    for (let n = 1; n <= pdf.pages; n++) {
      const text = squeeze(pdf.text(n));
      // The column titles repeat at the top of every page (thead); every page is numbered.
      for (const title of ['类别', '活动项目', '内容要求', '进展情况']) expect(text).toContain(title);
      expect(text).toContain(`第${n}页共${pdf.pages}页`);
    }
    // The unit and the date sit under the table on the last page, where the seal goes.
    expect(squeeze(pdf.text(pdf.pages))).toContain('大兴安岭地区应急管理局（盖章）2020年6月30日');

    await page.getByRole('link', { name: '← 返回统计表' }).click();
    await page.getByRole('button', { name: '生成总结初稿' }).waitFor();
  });
  it('the exported Excel 统计表 prints as the notice in LibreOffice: landscape, one page wide, titles on every page, nothing cut', async () => {
    if (!hasSoffice()) throw new Error('LibreOffice (soffice) is missing; .ci/run installs it');
    await page.getByRole('link', { name: 'Excel导入导出' }).click();
    await page.getByRole('tab', { name: '导出Excel' }).click();
    const book = await download(page, () => page.getByRole('button', { name: '导出Excel' }).click());
    const pdf = readPdf(officeToPdf(book.bytes, 'statistics-table-excel', 'xlsx'), 'statistics-table-excel');
    pdf.pictures('documents-07-excel-page');
    // The workbook prints all its sheets; the 统计表's pages are those with its column titles.
    const tablePages = Array.from({ length: pdf.pages }, (_, i) => i + 1).filter((n) =>
      squeeze(pdf.text(n)).includes('进展情况'),
    );
    expect(tablePages.length).toBeGreaterThanOrEqual(2);
    expect(tablePages[0]).toBe(1);
    // Landscape A4: 841.89 x 595.28 points.
    const [width, height] = (/([\d.]+) x ([\d.]+)/u.exec(pdf.pageSize) ?? [])
      .slice(1)
      .map(Number) as number[];
    expect(width).toBeGreaterThan(height as number);
    const text = tablePages.map((n) => squeeze(pdf.text(n))).join('');
    for (const n of tablePages)
      for (const title of ['类别', '活动项目', '内容要求', '进展情况'])
        expect(squeeze(pdf.text(n))).toContain(title);
    // Nothing outside the page's margins (1.5 cm = 42.5 pt): one page wide, no text cut at the edge, and each
    // group's name whole in its column (the column was too narrow and its text ran to the border).
    const placed = tablePages.flatMap((n) => words(pdf, n));
    for (const w of placed) {
      expect(w.xMin, w.text).toBeGreaterThanOrEqual(42);
      expect(w.xMax, w.text).toBeLessThanOrEqual((width as number) - 42);
    }
    for (const group of new Set(SAMPLE_TEMPLATE.rows.map((r) => r.group).filter(Boolean)))
      expect(placed.map((w) => w.text)).toContain(group);
    // Every figure of the table, in its sentence.
    const values = new Map(templateValues(sampleLog(), SAMPLE_TEMPLATE).map((v) => [v.slotId, v.value]));
    for (const slot of SAMPLE_TEMPLATE.slots) {
      const v = values.get(slot.id);
      if (typeof v === 'number' && slot.section !== 'header')
        expect(text).toContain(squeeze(`${slot.before}（${v}）`));
    }
  });

  it('the 总结初稿, the plan (Word and Excel) and the liaison form open in LibreOffice and read as written', () => {
    if (!hasSoffice()) throw new Error('LibreOffice (soffice) is missing; .ci/run installs it');
    // One soffice run for the four files.
    const [summaryPdf, planPdf, planXlsxPdf, liaisonPdf] = officeToPdfs([
      { bytes: files.summary as Uint8Array, name: 'summary', ext: 'docx' },
      { bytes: files.plan as Uint8Array, name: 'plan', ext: 'docx' },
      { bytes: files.planXlsx as Uint8Array, name: 'plan-xlsx', ext: 'xlsx' },
      { bytes: files.liaison as Uint8Array, name: 'liaison', ext: 'docx' },
    ]) as Uint8Array[];
    const summary = readPdf(summaryPdf as Uint8Array, 'summary-lo');
    summary.pictures('documents-08-summary-page');
    expect(summary.pages).toBeGreaterThanOrEqual(1);
    expect(summary.pages).toBeLessThanOrEqual(6);
    const summaryText = squeeze(summary.text());
    for (const heading of ['一、', '二、', '三、', '四、']) expect(summaryText).toContain(heading);
    expect(summaryText).toContain('大兴安岭地区应急管理局');

    const plan = readPdf(planPdf as Uint8Array, 'plan-lo');
    plan.pictures('documents-09-plan-page');
    expect(plan.pages).toBe(1);
    expect(squeeze(plan.text())).toContain(squeeze('大兴安岭地区应急管理局“安全生产月”重点活动计划安排表'));
    expect(squeeze(plan.text())).toContain(squeeze('网上“全国安全宣传咨询日”活动'));

    const planXlsx = readPdf(planXlsxPdf as Uint8Array, 'plan-xlsx-lo');
    planXlsx.pictures('documents-10-plan-excel-page');
    expect(planXlsx.pages).toBe(1);
    for (const title of ['序号', '时间', '地点', '主要内容', '主办单位', '协助单位', '工作分工', '成果形式'])
      expect(squeeze(planXlsx.text())).toContain(title);
    expect(squeeze(planXlsx.text())).toContain(squeeze('网上“全国安全宣传咨询日”活动'));

    const liaison = readPdf(liaisonPdf as Uint8Array, 'liaison-lo');
    liaison.pictures('documents-11-liaison-page');
    expect(liaison.pages).toBe(1);
    expect(squeeze(liaison.text())).toContain(squeeze('“安全生产月”活动联络员推荐表'));
    for (const v of ['张三丰', '副科长']) expect(squeeze(liaison.text())).toContain(v);
    // Phones, numbers and the e-mail each whole on one line of its cell (they wrapped in 30 mm cells).
    const p = SAMPLE_PROFILE;
    for (const v of [p.officePhone, p.mobile, p.fax, p.qq, p.wechat, p.email])
      expect(liaison.text().split('\n'), v).toContain(v);
  });
});
