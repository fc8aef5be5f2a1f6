import { createHash } from 'node:crypto';
import { logPeriods, logSchedule, UnitLog } from '@tianbao/core';
import { getTemplate } from '@tianbao/templates';
import { unzipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { docxText } from './docx-text.ts';
import { buildPeriodPack, periodReportTitle } from './period-report.ts';
import { jpegBytes, mp4Bytes, pngBytes } from './test-media.ts';

const liaoning = getTemplate('liaoning-market-2020');
if (!liaoning) throw new Error('no template');
const t = liaoning;
const slot = (before: string, item?: string) => {
  const s = t.slots.find((x) => x.before === before && (!item || x.item.startsWith(item)));
  if (!s) throw new Error(before);
  return `${t.id}/${s.id}`;
};
const study = slot('安排理论学习中心组专题学习');
const studyPeople = slot('参与', '深入学习');
const watch = slot('组织观看');
// The item's second 参与（ ）人次, after 开展网络课堂培训（ ）场.
const training = slot('开展网络课堂培训');
const trainingPeople = `${t.id}/${t.slots.filter((x) => x.before === '参与' && x.item.startsWith('深入学习'))[1]?.id}`;

function sampleLog() {
  const log = UnitLog.create({
    unitName: '某市市场监督管理局',
    campaign: '2020 安全生产月',
    templateIds: [t.id],
    user: '张三',
    shards: 2,
  });
  const files = new Map<string, Uint8Array>();
  const ref = (name: string, type: string, bytes: Uint8Array, onThisComputer = true) => {
    const hash = createHash('sha256').update(bytes).update(name).digest('hex');
    if (onThisComputer) files.set(hash, bytes);
    return { hash, name, type, size: bytes.length };
  };
  log.addEntry({ date: '2020-06-05', title: '上周的学习', contributions: { [study]: 1, [studyPeople]: 20 } });
  log.addEntry({
    date: '2020-06-08',
    title: '理论学习中心组专题学习',
    location: '局三楼会议室',
    organizer: '局办公室',
    description: '集中学习习近平总书记关于安全生产重要论述。',
    contributions: { [study]: 1, [studyPeople]: 35, [training]: 1, [trainingPeople]: 12 },
    attachments: [
      ref('IMG_0001.JPG', 'image/jpeg', jpegBytes(4000, 3000)),
      ref('会场.png', 'image/png', pngBytes(1280, 720)),
    ],
  });
  log.addEntry({
    date: '2020-06-14',
    title: '组织观看警示教育片',
    organizer: '局安委办',
    partners: '各科室',
    contributions: { [watch]: 2 },
    attachments: [
      ref('VID_1.mp4', 'video/mp4', mp4Bytes(1280, 720)),
      ref('同事的照片.jpg', 'image/jpeg', jpegBytes(1, 1), false),
    ],
  });
  const deleted = log.addEntry({ date: '2020-06-10', title: '已删除的活动', contributions: { [watch]: 9 } });
  log.deleteEntry(deleted);
  log.addEntry({ date: '2020-06-15', title: '下周的活动', contributions: { [watch]: 5 } });
  log.setManualValue(slot('参与总人数'), 500, '含线上');
  return { log, files };
}

describe('the weekly report pack', () => {
  test('Word document: title, activities with figures in words, the week’s blanks beside 累计, the appendix', async () => {
    const { log, files } = sampleLog();
    const week = logPeriods(log, t).find((p) => p.kind === 'week' && p.from === '2020-06-08');
    if (!week) throw new Error('no week');
    const pack = await buildPeriodPack({
      log,
      template: t,
      period: week,
      hints: [
        { kind: 'video', formats: ['MP4'], width: 1920, height: 1080, source: '' },
        { kind: 'image', formats: ['JPG'], width: 1920, height: 1080, minimum: true, source: '' },
      ],
      read: async (r) => files.get(r.hash),
      now: new Date(2020, 5, 11, 9),
    });
    expect(pack.title).toBe('某市市场监督管理局“安全生产月”活动开展情况（6月8日—6月14日）');
    const text = await docxText(pack.docx);
    const lines = text.split('\n');
    expect(lines[0]).toBe(pack.title);
    expect(lines.slice(1, 4)).toEqual([
      '报送单位：某市市场监督管理局',
      '统计区间：6月8日—6月14日（第2周）',
      '报送日期：2020年6月11日',
    ]);
    expect(text).toContain('（一）6月8日　理论学习中心组专题学习');
    expect(text).toContain('时间：6月8日；地点：局三楼会议室；主办单位：局办公室。');
    expect(text).toContain(
      '主要数据：安排理论学习中心组专题学习1次，参与35人次，开展网络课堂培训1场，参与12人次。',
    );
    expect(text).toContain('（二）6月14日　组织观看警示教育片');
    expect(text).toContain(
      '照片和视频：2020-06-08-理论学习中心组专题学习-1.jpg、2020-06-08-理论学习中心组专题学习-2.png。',
    );
    expect(text).not.toContain('上周的学习');
    expect(text).not.toContain('已删除的活动');
    expect(text).not.toContain('下周的活动');
    // The period table: the week's figure, then 累计 from June 1 to June 14.
    const row = lines.findIndex((l) => l.endsWith('：安排理论学习中心组专题学习【 】次'));
    expect(lines.slice(row + 1, row + 3)).toEqual(['1', '2']);
    // Two 参与（ ）人次 of one item, each named by the clause before it.
    const people = lines.findIndex((l) => l.endsWith('：安排理论学习中心组专题学习（ ）次，参与【 】人次'));
    expect(lines.slice(people + 1, people + 3)).toEqual(['35', '55']);
    const trained = lines.findIndex((l) => l.endsWith('：开展网络课堂培训（ ）场，参与【 】人次'));
    expect(lines.slice(trained + 1, trained + 3)).toEqual(['12', '12']);
    expect(text).toContain('累计为6月1日—6月14日的合计');
    expect(text).toContain('另有1项是手工填写的整个活动的数');
    // Appendix: each file that does not meet the notice, with the reason in Chinese.
    expect(text).toContain('附：不符合格式要求的照片和视频（3个）');
    expect(text).toContain('格式为PNG，通知要求JPG；分辨率为1280×720，通知要求不低于1920×1080');
    expect(text).toContain('分辨率为1280×720，通知要求1920×1080');
    expect(text).toContain('文件不在本机');
  });

  test('the zip holds the document and the media it has, named 日期-活动名称-序号', async () => {
    const { log, files } = sampleLog();
    const week = logPeriods(log, t).find((p) => p.kind === 'week' && p.from === '2020-06-08');
    if (!week) throw new Error('no week');
    const pack = await buildPeriodPack({
      log,
      template: t,
      period: week,
      hints: [],
      read: async (r) => files.get(r.hash),
    });
    const zip = unzipSync(pack.zip);
    expect(Object.keys(zip).sort()).toEqual([
      '2020-06-08-理论学习中心组专题学习-1.jpg',
      '2020-06-08-理论学习中心组专题学习-2.png',
      '2020-06-14-组织观看警示教育片-1.mp4',
      `${pack.title}.docx`,
    ]);
    expect(zip['2020-06-14-组织观看警示教育片-1.mp4']).toEqual(mp4Bytes(1280, 720));
    expect(pack.media.map((m) => m.problems.length > 0)).toEqual([false, false, false, true]);
  });

  test('a month of a monthly rule: the campaign named in its deadline; an empty period says so', async () => {
    const log = UnitLog.create({
      unitName: '揭西县应急管理局',
      campaign: '2020',
      templateIds: [],
      user: '张三',
      shards: 2,
    });
    const jiexi = getTemplate('jiexi-2020');
    const schedule = logSchedule(log, jiexi);
    const july = logPeriods(log, jiexi).find((p) => p.kind === 'month' && p.name === '7月');
    if (!july) throw new Error('no July');
    expect(july.due).toBe('2020-07-28');
    const pack = await buildPeriodPack({
      log,
      template: jiexi,
      period: july,
      hints: schedule.media,
      deadlines: schedule.deadlines,
      read: async () => undefined,
    });
    expect(pack.title).toBe(periodReportTitle('揭西县应急管理局', '安全生产南粤行', july));
    const text = await docxText(pack.docx);
    expect(text).toContain('7月1日—7月31日没有记录活动。');
    expect(text).toContain('本期没有计入统计表的数。');
  });
});
