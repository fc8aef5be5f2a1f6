import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { docxText } from './docx-text.ts';
import { docxBytes, heading, officialDocument, paragraph, table, title } from './official-document.ts';

describe('officialDocument', () => {
  it('writes a .docx whose text, tables and properties a second reader sees', async () => {
    const doc = officialDocument(
      {
        title: '某县应急管理局“安全生产月”活动总结',
        creator: '某县应急管理局',
        custom: { generatedAt: '2020-06-30T08:00:00.000Z', logState: 'abc123' },
      },
      [
        title('某县应急管理局“安全生产月”活动总结'),
        heading('一、基本情况'),
        paragraph('共举办启动仪式3场次，参与1200人次。'),
        table([
          ['指标', '本期', '累计'],
          ['启动仪式（场次）', '1', '3'],
        ]),
      ],
    );
    const bytes = await docxBytes(doc);
    expect(bytes[0]).toBe(0x50); // PK: a zip
    const text = await docxText(bytes);
    expect(text).toContain('某县应急管理局“安全生产月”活动总结');
    expect(text).toContain('共举办启动仪式3场次，参与1200人次。');
    expect(text).toContain('启动仪式（场次）');
    const zip = await JSZip.loadAsync(bytes);
    const custom = await zip.file('docProps/custom.xml')?.async('string');
    expect(custom).toContain('2020-06-30T08:00:00.000Z');
    expect(custom).toContain('abc123');
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('<w:tblHeader'); // the header row repeats across pages
  });
});
