import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { docxText } from '@tianbao/reports/docx-text';
import { getTemplate } from '@tianbao/templates';
import { beforeAll, describe, expect, it } from 'vitest';
import { jpegBytes, mp4Bytes } from '../../../reports/src/test-media.ts';
import { tianbao } from '../test-cli.ts';

const T = 'liaoning-market-2020';
const template = getTemplate(T);
if (!template) throw new Error(`no template ${T}`);
const key = (before: string) => `${T}/${template.slots.find((s) => s.before === before)?.id}`;
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('tianbao report week / month (real CLI process)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tianbao-cli-week-'));
  const log = join(dir, 'unit.tianbao');
  const photos = join(dir, '手机相册');
  const big = jpegBytes(4000, 3000);
  const small = jpegBytes(800, 600);
  const video = mp4Bytes(1920, 1080);

  beforeAll(async () => {
    mkdirSync(join(photos, '6月'), { recursive: true });
    writeFileSync(join(photos, 'IMG_0001.JPG'), big);
    writeFileSync(join(photos, '6月', 'IMG_0002.JPG'), small);
    const att = (name: string, type: string, b: Uint8Array) => ({ hash: sha(b), name, type, size: b.length });
    writeFileSync(
      join(dir, 'unit.json'),
      JSON.stringify({
        unit: '某市市场监督管理局',
        campaign: '2020 安全生产月',
        templates: [T],
        entries: [
          { date: '2020-06-03', title: '第一周', contributions: { [key('组织观看')]: 1 } },
          {
            date: '2020-06-09',
            title: '警示教育片观看',
            location: '局会议室',
            contributions: { [key('组织观看')]: 2 },
            attachments: [att('IMG_0001.JPG', 'image/jpeg', big), att('IMG_0002.JPG', 'image/jpeg', small)],
          },
          {
            date: '2020-06-14',
            title: '网络课堂培训',
            contributions: { [key('开展网络课堂培训')]: 1 },
            attachments: [att('VID.mp4', 'video/mp4', video)],
          },
        ],
      }),
    );
    expect((await tianbao('log', 'import-json', join(dir, 'unit.json'), '--out', log)).status).toBe(0);
  });

  it('writes the week’s .docx and the media it finds, named 日期-活动名称-序号; says what is missing', async () => {
    const out = join(dir, 'week2');
    const r = await tianbao(
      'report',
      'week',
      log,
      '--from',
      '2020-06-08',
      '--to',
      '2020-06-14',
      '--out',
      out,
      '--media',
      photos,
    );
    expect(r.stderr).toBe('');
    const title = '某市市场监督管理局“安全生产月”活动开展情况（6月8日—6月14日）';
    expect(readdirSync(out).sort()).toEqual([
      '2020-06-09-警示教育片观看-1.jpg',
      '2020-06-09-警示教育片观看-2.jpg',
      `${title}.docx`,
    ]);
    expect(r.stdout).toContain('第2周（6月8日—6月14日）；累计 6月1日—6月14日）');
    expect(r.stdout).toContain('和 2 个照片、视频文件；1 个未找到（在 ');
    // The summary line names the period in words (file names below it keep their 日期- prefix).
    expect(r.stdout.split('\n')[0]).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    const text = await docxText(readFileSync(join(out, `${title}.docx`)));
    expect(text.split('\n')[0]).toBe(title);
    expect(text).toContain('（一）6月9日　警示教育片观看');
    expect(text).not.toContain('第一周');
    expect(readFileSync(join(out, '2020-06-09-警示教育片观看-2.jpg'))).toEqual(Buffer.from(small));
  });

  it('a month; bad options are refused in plain words', async () => {
    const out = join(dir, 'june');
    const r = await tianbao(
      'report',
      'month',
      log,
      '--from',
      '2020-06-01',
      '--to',
      '2020-06-30',
      '--out',
      out,
    );
    expect(r.stdout).toContain('6月（6月1日—6月30日）');
    expect(r.stdout).toContain('（请用 --media <文件夹> 指明照片所在的文件夹）');
    const [half, bad, noFolder] = await Promise.all([
      tianbao('report', 'week', log, '--from', '2020-06-01', '--out', out),
      tianbao('report', 'week', log, '--from', '2020-06-01', '--to', '2020-06-32', '--out', out),
      tianbao('report', 'week', log, '--out', out, '--media', join(dir, 'nope')),
    ]);
    expect(half.stderr).toMatch(/both --from and --to/);
    expect(bad.stderr).toMatch(/--to: not a date/);
    expect(noFolder.stderr).toMatch(/--media .*no such folder/);
  });
});
