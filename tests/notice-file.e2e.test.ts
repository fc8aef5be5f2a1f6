// #19: the notice file a unit received, dropped on 开始使用 in the built extension: everything read from it
// on one review screen, a correction, and the log created with the notice's table and the reviewed schedule.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { seedNoticeDocx } from '../packages/templates/scripts/seed-notice-docx.ts';
import { SEED_SOURCES } from '../packages/templates/src/builtin/seed-sources.ts';
import {
  type ExtensionBrowser,
  installTab,
  launchExtension,
  screenshot,
} from './support/extension-browser.ts';
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
    await installTab(b);
    // 20 May 2026: the seed notices are from 2020 and 2021, so each is a past year's notice.
    await b.context.clock.setFixedTime(new Date(2026, 4, 20, 9, 0));
    page = await b.open('dashboard.html');
    await page.getByRole('heading', { name: '开始使用填报助手' }).waitFor();
    await page.getByLabel('姓名').fill('张三');
  };

  it('a .docx from 2020: review everything it holds, its dates moved to 2026, correct a deadline, create the log', async () => {
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
    // Each deadline's 报送内容 shows the notice's whole sentence, none of it scrolled out of sight.
    expect(await review.getByLabel(/ 报送内容$/).count()).toBe(3);
    const hidden = await review
      .getByLabel(/ 报送内容$/)
      .evaluateAll(
        (boxes) =>
          boxes.filter((b) => b.scrollWidth > b.clientWidth + 1 || b.scrollHeight > b.clientHeight + 1)
            .length,
      );
    expect(hidden).toBe(0);
    // An hour box the notice left empty looks empty (no grey 17 that reads as a value) and says what empty means.
    const hours = review.getByLabel(/ 几点前$/);
    expect(await hours.count()).toBeGreaterThan(0);
    for (const p of await hours.evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).placeholder)))
      expect(p).not.toMatch(/\d/);
    const hour = hours.first();
    const notices = await hour.inputValue();
    await hour.fill('');
    const row = hour.locator('xpath=ancestor::tr[1]');
    await expect.poll(() => row.textContent()).toContain('时前（不填按17时）');
    await hour.fill('16');
    await expect.poll(() => row.textContent()).not.toContain('不填按17时');
    await hour.fill(notices);
    await screenshot(page, 'notice-01-review');
    // A narrow side panel: the deadlines are cards, nothing runs past the window's right edge.
    await page.setViewportSize({ width: 600, height: 900 });
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth))
      .toBeLessThanOrEqual(600);
    await screenshot(page, 'notice-01-review-narrow');
    await page.setViewportSize({ width: 1366, height: 900 });

    // A 2020 notice used in 2026, as a built-in table is: this year's campaign, the dates moved to 2026.
    const campaign = review.getByLabel('专项活动');
    expect(await campaign.inputValue()).toBe('2026年“安全生产月”');
    const moved = review.getByRole('note');
    await expect.poll(() => moved.textContent()).toMatch(/通知是 2020 年的.*2020 年换成 2026 年/);
    const date = review.getByLabel(/截止日期$/).first();
    expect(await date.inputValue()).toBe('2026-05-27');
    expect(await review.getByLabel('活动开始日期').inputValue()).toBe('2026-06-01');
    expect(await review.getByLabel('活动结束日期').inputValue()).toBe('2026-06-30');
    // Naming the notice's own year keeps its dates as they were; naming this year again moves them back.
    await campaign.fill('2020年“安全生产月”');
    await expect.poll(() => date.inputValue()).toBe('2020-05-27');
    expect(await moved.count()).toBe(0);
    await campaign.fill('2026年“安全生产月”');
    await expect.poll(() => date.inputValue()).toBe('2026-05-27');
    await screenshot(page, 'notice-01b-year-moved');

    // The person corrects the first deadline's date (e.g. the superior office extended it).
    await date.fill('2026-06-03');
    await review.getByRole('textbox', { name: '单位名称', exact: true }).fill('漠河市应急管理局');
    await screenshot(page, 'notice-02-corrected');
    await review.getByRole('button', { name: '创建台账' }).click();
    await page.getByRole('heading', { name: /漠河市应急管理局/ }).waitFor({ timeout: 20_000 });

    // The log has the notice's table (the built-in one it equals) …
    await page.getByRole('link', { name: '统计表' }).click();
    await expect
      .poll(() => page.locator('main').textContent())
      .toContain('全区“安全生产月”和“安全生产兴安行”活动进展情况统计表');
    // … and the reviewed schedule in 2026: only the corrected date is marked as this unit's change.
    await page.getByRole('link', { name: '截止日期' }).click();
    const rows = page.locator('table.list tbody tr');
    await expect.poll(() => rows.count()).toBe(3);
    const changed = rows.filter({ hasText: '已修改' });
    await expect.poll(() => changed.count()).toBe(1);
    await expect.poll(() => changed.innerText()).toMatch(/6月3日前[\s\S]*下次 2026-06-03，还有 15 天/);
    expect(await page.getByText('统计表来自 2020 年的通知，其中的日期已换成 2026 年').isVisible()).toBe(true);
    expect(await page.locator('main').textContent()).not.toMatch(/已于 2020/);
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
    // The 2020 notice is read into the log's year.
    await expect.poll(() => update.getByRole('note').textContent()).toMatch(/2020 年换成本台账的 2026 年/);
    const first = update.getByLabel(/截止日期$/).first();
    expect(await first.inputValue()).toBe('2026-05-27');
    await first.fill('2026-07-05');
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
