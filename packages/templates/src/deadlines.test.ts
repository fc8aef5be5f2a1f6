import { describe, expect, it } from 'vitest';
import { getTemplate } from './builtins.ts';
import { extractDeadlines } from './deadlines.ts';
import type { Deadline } from './schema.ts';

/** What each seed notice states, read by hand from ../shared/seeds; the built-ins must carry exactly this. */
const EXPECTED: Record<string, Partial<Deadline>[]> = {
  'daxinganling-2020': [
    { kind: 'liaison', date: '2020-05-27' },
    { kind: 'summary', date: '2020-06-30' },
    { kind: 'table', date: '2020-06-30' },
  ],
  'baodi-2021': [
    { kind: 'liaison', date: '2021-06-05' },
    { kind: 'plan', date: '2021-06-05' },
    { kind: 'summary', date: '2021-06-25' },
    { kind: 'table', date: '2021-06-25' },
    { kind: 'after-activity', withinDays: 3, materials: ['视频', '图片'] },
  ],
  'liaoning-market-2020': [
    { kind: 'weekly', weekday: 4, hour: 17, months: [6], materials: ['视频', '图片', '文字'] },
    { kind: 'summary', date: '2020-07-06' },
    { kind: 'table', date: '2020-07-06' },
    { kind: 'later-summary', date: '2020-12-20' },
  ],
  'jiexi-2020': [
    { kind: 'liaison', date: '2020-06-05' },
    { kind: 'plan', date: '2020-06-05' },
    { kind: 'weekly', weekday: 4, months: [6, 7] },
    { kind: 'monthly', dayOfMonth: 28, months: [7, 8, 9, 10, 11, 12] },
    { kind: 'summary', date: '2020-07-10' },
  ],
  'changchun-industry-2019': [
    { kind: 'liaison', date: '2019-06-02' },
    { kind: 'plan', date: '2019-06-02' },
    { kind: 'weekly', weekday: 4, hour: 10, months: [6] },
    { kind: 'summary', date: '2019-07-02' },
    { kind: 'table', date: '2019-07-02' },
  ],
};

describe("each seed's schedule", () => {
  for (const [id, expected] of Object.entries(EXPECTED)) {
    it(id, () => {
      const deadlines = getTemplate(id)?.deadlines ?? [];
      expect(deadlines.map((d) => d.kind)).toEqual(expected.map((e) => e.kind));
      deadlines.forEach((d, i) => {
        expect(d).toMatchObject(expected[i] as object);
        if (!expected[i]?.hour) expect(d.hour).toBeUndefined();
        // The sentence it came from is kept for the user to check, and names the date.
        const day = d.date
          ? `${Number(d.date.slice(5, 7))}月${Number(d.date.slice(8))}`
          : ({ weekly: '每周', monthly: '每月' }[d.kind] ?? '完成后');
        expect(d.source.replace(/\s/gu, '')).toContain(day);
      });
      expect(new Set(deadlines.map((d) => d.id)).size).toBe(deadlines.length);
    });
  }

  it('the later summary is the 辽沈行 one in December', () => {
    const later = getTemplate('liaoning-market-2020')?.deadlines.find((d) => d.kind === 'later-summary');
    expect(later?.title).toContain('辽沈行');
    expect(later?.materials).toEqual(['总结', '统计表']);
  });

  it('jiexi-2020 carries its media requirements', () => {
    expect(getTemplate('jiexi-2020')?.media.map(({ source: _s, ...m }) => m)).toEqual([
      { kind: 'video', formats: ['MP4'], width: 1920, height: 1080 },
      { kind: 'image', formats: ['JPG'], width: 1920, height: 1080, minimum: true },
    ]);
  });
});

describe('extractDeadlines', () => {
  it('ignores dates that are not submissions', () => {
    expect(
      extractDeadlines('确保7月1日前事故隐患“清零”“销号”；组织群众积极举报身边风险隐患。', 2021),
    ).toEqual([]);
    expect(extractDeadlines('6月16日，区安委会办公室组织开展集中宣传咨询活动。', 2021)).toEqual([]);
    expect(extractDeadlines('5月31日前部署全区安全生产月活动。', 2020)).toEqual([]);
  });

  it('reads Word-spaced numbers, explicit years and hours', () => {
    const [d] = extractDeadlines('请于 2021 年 6 月 5 日 17 时前报送联络员推荐表。', 2020);
    expect(d).toMatchObject({ kind: 'liaison', date: '2021-06-05', hour: 17, id: 'liaison-2021-06-05' });
  });

  it("drops a form's own note repeating the notice's date", () => {
    const text = '请于5月27日前确定1名联络员。\n注：请于 5 月 27 日前将此表扫描至 a@b.cn';
    expect(extractDeadlines(text, 2020).map((d) => d.id)).toEqual(['liaison-2020-05-27']);
  });

  it('keeps an unknown submission as other, for the user to name', () => {
    expect(extractDeadlines('请于8月1日前报送隐患排查台账。', 2020)).toEqual([
      expect.objectContaining({ kind: 'other', date: '2020-08-01', title: '报送隐患排查台账' }),
    ]);
  });
});

describe('extractDeadlines: other ways notices write dates', () => {
  it('reads weekdays in parentheses, 下午5点, 17:00 and 月底', () => {
    const text =
      '请于6月30日（星期二）下午5点前报送活动总结。7月3日17:00前报送统计表。6月底前报送联络员推荐表。每周一上午10时前报送活动图片。';
    expect(
      extractDeadlines(text, 2020).map(({ id, kind, date, hour, weekday }) => ({
        id,
        kind,
        date,
        hour,
        weekday,
      })),
    ).toEqual([
      { id: 'summary-2020-06-30', kind: 'summary', date: '2020-06-30', hour: 17, weekday: undefined },
      { id: 'table-2020-07-03', kind: 'table', date: '2020-07-03', hour: 17, weekday: undefined },
      { id: 'liaison-2020-06-30', kind: 'liaison', date: '2020-06-30', hour: undefined, weekday: undefined },
      { id: 'weekly-w1-10h', kind: 'weekly', date: undefined, hour: 10, weekday: 1 },
    ]);
  });

  it('gives February its last day', () => {
    expect(extractDeadlines('2024年2月底前上报方案。', 2020)[0]?.date).toBe('2024-02-29');
  });
});
