// #19: the notice file a unit received, dropped on 开始使用 in the built extension: everything read from it
// on one review screen, a correction, and the log created with the notice's table and the reviewed schedule.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { seedNoticeDocx } from '../packages/templates/scripts/seed-notice-docx.ts';
import { SEED_SOURCES } from '../packages/templates/src/builtin/seed-sources.ts';
import { type ExtensionBrowser, launchExtension, screenshot } from './support/extension-browser.ts';
import { hasSoffice, officeToPdf } from './support/pdf.ts';

const shared = new URL('../../shared/', import.meta.url);
async function seedDocx(id: string): Promise<Buffer> {
  const source = SEED_SOURCES.find((s) => s.id === id);
  if (!source) throw new Error(id);
  const text = readFileSync(new URL(`seeds/${source.file}`, shared), 'utf8');
  return Buffer.from(await seedNoticeDocx(text, source));
}
/** A one-page PDF with a line drawn and no text at all, its cross-reference offsets computed. */
function drawingOnlyPdf(): Buffer {
  const stream = '0 0 m 300 300 l S';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets = objects.map((o, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe('开始使用 from the notice file', () => {
  let b: ExtensionBrowser;
  let page: Page;

  afterEach(async () => {
    await b?.close();
  });

  /** A fresh profile each time: 开始使用 shows only before a log exists. */
  const start = async () => {
    b = await launchExtension();
    page = await b.open('dashboard.html');
    await page.getByRole('heading', { name: '开始使用填报助手' }).waitFor();
    await page.getByLabel('姓名').fill('张三');
  };

  it('a .docx: review everything it holds, correct a deadline, create the log with the notice’s table', async () => {
    await start();
    await page.getByLabel('选择通知文件').setInputFiles({
      name: '关于印发2020年全区安全生产月活动方案的通知.docx',
      mimeType: DOCX,
      buffer: await seedDocx('daxinganling-2020'),
    });
    const review = page.getByRole('region', { name: '核对通知内容' });
    await review.waitFor({ timeout: 30_000 });
    await expect.poll(() => review.getByLabel('文号').inputValue()).toContain('大安办发〔2020〕26号');
    const text = (await review.textContent()) ?? '';
    expect(text).toContain('进展情况统计表（1 张）');
    expect(text).toContain('截止日期和报送要求');
    await screenshot(page, 'notice-01-review');

    // The person corrects the first deadline's date (e.g. the superior office extended it).
    const date = review.getByLabel(/截止日期$/).first();
    const was = await date.inputValue();
    expect(was).toMatch(/^2020-\d\d-\d\d$/);
    await date.fill('2020-07-03');
    await review.getByRole('textbox', { name: '单位名称', exact: true }).fill('漠河市应急管理局');
    await screenshot(page, 'notice-02-corrected');
    await review.getByRole('button', { name: '创建台账' }).click();
    await page.getByRole('heading', { name: /漠河市应急管理局/ }).waitFor({ timeout: 20_000 });

    // The log has the notice's table (the built-in one it equals) …
    await page.getByRole('link', { name: '统计表' }).click();
    await expect
      .poll(() => page.locator('main').textContent())
      .toContain('全区“安全生产月”和“安全生产兴安行”活动进展情况统计表');
    // … and the reviewed schedule, the corrected date marked as this unit's change.
    await page.getByRole('link', { name: '截止日期' }).click();
    await expect.poll(() => page.locator('main').textContent()).toContain('已修改');
    expect(await page.locator('main').textContent()).toMatch(/2020-07-03|2020年7月3日|7月3日/);
    await screenshot(page, 'notice-03-deadlines');

    // A supplementary notice later: 截止日期 takes the file too; its schedule is reviewed and applied,
    // the statistics table stays.
    await page.getByText('用通知文件更新截止日期').click();
    await page.getByLabel('选择通知文件').setInputFiles({
      name: '补充通知.docx',
      mimeType: DOCX,
      buffer: await seedDocx('daxinganling-2020'),
    });
    const update = page.getByRole('region', { name: '核对通知内容' });
    await update.waitFor({ timeout: 30_000 });
    expect(await update.getByRole('heading', { name: /^进展情况统计表/ }).count()).toBe(0);
    await update
      .getByLabel(/截止日期$/)
      .first()
      .fill('2020-07-05');
    await screenshot(page, 'notice-06-update-review');
    await update.getByRole('button', { name: '应用到本台账' }).click();
    await expect.poll(() => page.locator('main').textContent()).toContain('7月5日前');
    await page.getByText('已按“补充通知.docx”更新截止日期和报送要求。').waitFor();
    expect(await page.locator('main').textContent()).toContain('已修改');
  });

  it('a PDF of the same notice gives the same review', async () => {
    if (!hasSoffice()) throw new Error('LibreOffice (soffice) is missing; .ci/run installs it');
    const pdf = officeToPdf(new Uint8Array(await seedDocx('baodi-2021')), 'baodi-notice', 'docx');
    await start();
    await page.getByLabel('选择通知文件').setInputFiles({
      name: '宝坻区通知.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(pdf),
    });
    const review = page.getByRole('region', { name: '核对通知内容' });
    await review.waitFor({ timeout: 30_000 });
    expect((await review.textContent()) ?? '').toContain('进展情况统计表');
    await screenshot(page, 'notice-04-pdf-review');
  });

  it('a .doc or a scanned PDF: a Chinese message saying what to do instead, and the paste box stays', async () => {
    await start();
    await page.getByLabel('选择通知文件').setInputFiles({
      name: '通知.doc',
      mimeType: 'application/msword',
      buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
    });
    const alert = page.getByRole('region', { name: '通知文件' }).getByRole('alert');
    await expect.poll(() => alert.textContent()).toMatch(/另存为.*docx/u);
    await screenshot(page, 'notice-05-doc-refused');
    // A PDF without a text layer (drawing only, as a scanner's image page has no text either).
    await page.getByLabel('选择通知文件').setInputFiles({
      name: '扫描件.pdf',
      mimeType: 'application/pdf',
      buffer: drawingOnlyPdf(),
    });
    await expect.poll(() => alert.textContent()).toContain('扫描件或图片');
    await expect.poll(() => alert.textContent()).toContain('.docx');
  });
});
