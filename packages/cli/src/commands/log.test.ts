import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getTemplate } from '@tianbao/templates';
import { describe, expect, it } from 'vitest';
import { tianbao } from '../test-cli.ts';
import { logFromJson } from './log.ts';

const T = 'baodi-2021';
const slots = getTemplate(T)?.slots ?? [];
const numberSlots = slots.filter((s) => s.kind === 'number');
const [n0, n1] = numberSlots.map((s) => `${T}/${s.id}`);
const textSlot = `${T}/${slots.find((s) => s.kind === 'text')?.id}`;

const sample = {
  unit: '宝坻区应急管理局',
  campaign: '2021 安全生产月',
  templates: [T],
  profile: { name: '张三丰', mobile: '13900001234', email: 'zsf@example.cn' },
  entries: [
    {
      date: '2021-06-02',
      title: '理论学习中心组学习',
      contributions: { [n0 as string]: 1, [n1 as string]: 25 },
    },
    {
      date: '2021-06-09',
      title: '第二次学习',
      contributions: { [n0 as string]: 1, [n1 as string]: 30 },
      createdBy: '李四',
    },
    {
      date: '2021-06-10',
      title: '已删除的活动',
      contributions: { [n0 as string]: 9 },
      deletedAt: 1623300000000,
      deletedBy: '王五',
    },
  ],
  plans: [{ time: '6月16日', place: '宝坻区', content: '安全宣传咨询日' }],
  values: { [textSlot]: { value: '视频会议', by: '张三', reason: '启动仪式形式' } },
};

describe('tianbao log / stats (real CLI process)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tianbao-cli-'));
  const json = join(dir, 'log.json');
  const file = join(dir, 'unit.tianbao');
  writeFileSync(json, JSON.stringify(sample));

  it('imports JSON, prints statistics with explanations, exports the same JSON back', async () => {
    const r = await tianbao('log', 'import-json', json, '--out', file);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const stats = JSON.parse((await tianbao('stats', file, '--json')).stdout) as {
      key: string;
      value: unknown;
      explanation: string;
    }[];
    expect(stats).toHaveLength(slots.length);
    const by = Object.fromEntries(stats.map((s) => [s.key, s]));
    expect(by[n0 as string]).toMatchObject({ value: 2, explanation: '2 条活动合计' });
    expect(by[n1 as string]?.value).toBe(55);
    expect(by[textSlot]).toMatchObject({ value: '视频会议' });
    expect(by[textSlot]?.explanation).toContain('张三');
    expect(stats.filter((s) => s.value === null).length).toBe(slots.length - 3);
    const back = JSON.parse((await tianbao('log', 'export-json', file)).stdout);
    expect(back.entries).toHaveLength(3);
    expect(back.entries.find((e: { title: string }) => e.title === '已删除的活动')).toMatchObject({
      deletedBy: '王五',
    });
    expect(back.profile.name).toBe('张三丰');
    // The printed JSON is itself importable: same statistics.
    writeFileSync(join(dir, 'back.json'), JSON.stringify(back));
    expect(
      (await tianbao('log', 'import-json', join(dir, 'back.json'), '--out', join(dir, 'back.tianbao')))
        .status,
    ).toBe(0);
    expect(JSON.parse((await tianbao('stats', join(dir, 'back.tianbao'), '--json')).stdout)).toEqual(stats);
  });

  it('stats prints what a clerk reads: 序号, activity item, the blank in the notice’s words, value, unit, 来源', async () => {
    const r = await tianbao('stats', file);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('序号\t活动项目\t统计项\t数值\t单位\t来源');
    expect(lines).toHaveLength(slots.length + 1);
    // No slot key or slot id anywhere: people read 序号 and words.
    expect(r.stdout).not.toContain(`${T}/`);
    for (const s of slots) expect(r.stdout).not.toContain(s.id);
    const rows = lines.slice(1).map((l) => l.split('\t'));
    expect(rows.map((x) => Number(x[0]))).toEqual(slots.map((_, i) => i + 1));
    const at = (key: string) => {
      const slot = slots.find((s) => `${T}/${s.id}` === key);
      return rows.find((x) => Number(x[0]) === (slot?.index ?? -2) + 1) ?? [];
    };
    const first = slots.find((s) => `${T}/${s.id}` === n0);
    expect(at(n0 as string)).toEqual([
      String((first?.index ?? 0) + 1),
      first?.item,
      expect.stringContaining('（'),
      '2',
      first?.unit || first?.after.trim().slice(0, 3),
      '2 条活动合计',
    ]);
    expect(at(textSlot).slice(3)).toEqual(['视频会议', '文本', '张三 手工填写：启动仪式形式']);
    expect(rows.filter((x) => x[3] === '（空）')).toHaveLength(slots.length - 3);
  });

  it('merges two copies of one log and refuses another unit', async () => {
    const back = JSON.parse((await tianbao('log', 'export-json', file)).stdout);
    back.entries.push({
      date: '2021-06-20',
      title: '另一台电脑上记录的',
      contributions: { [n0 as string]: 4 },
    });
    writeFileSync(join(dir, 'b.json'), JSON.stringify(back));
    expect(
      (await tianbao('log', 'import-json', join(dir, 'b.json'), '--out', join(dir, 'b.tianbao'))).status,
    ).toBe(0);
    const m = await tianbao('log', 'merge', file, join(dir, 'b.tianbao'), '--out', join(dir, 'm.tianbao'));
    expect(m.status).toBe(0);
    const stats = JSON.parse((await tianbao('stats', join(dir, 'm.tianbao'), '--json')).stdout);
    expect(stats.find((s: { key: string }) => s.key === n0).value).toBe(6);
    writeFileSync(join(dir, 'other.json'), JSON.stringify({ ...sample, unit: '别的单位' }));
    await tianbao('log', 'import-json', join(dir, 'other.json'), '--out', join(dir, 'other.tianbao'));
    const refused = await tianbao(
      'log',
      'merge',
      file,
      join(dir, 'other.tianbao'),
      '--out',
      join(dir, 'x.tianbao'),
    );
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/belongs to "别的单位"/);
    expect(existsSync(join(dir, 'x.tianbao'))).toBe(false);
  });

  it('refuses invalid records naming record and field, writing no file', async () => {
    const cases: [object, RegExp][] = [
      [
        {
          entries: [
            sample.entries[0],
            { date: '2021-06-03', title: 'x', contributions: { [n0 as string]: -1 } },
          ],
        },
        /entries\[1\]\.contributions\.baodi-2021\/\w+: must not be negative/,
      ],
      [
        { entries: [{ date: '2021-06-03', title: 'x', contributions: { [n0 as string]: '3' } }] },
        /entries\[0\]\.contributions.*must be a number/,
      ],
      [
        { entries: [{ date: '2021-06-03', title: 'x', color: 'red' }] },
        /entries\[0\]\.color: is not a known field/,
      ],
      [
        { entries: [{ date: '2021-06-03', title: 'x', contributions: { [`${T}/nope`]: 1 } }] },
        /no slot "nope"/,
      ],
      [{ values: { [n0 as string]: { value: 'abc' } } }, /values.*must be a number/],
      [{ profile: { mobile: '123' } }, /profile\.mobile/],
      [{ templates: ['no-such-template'] }, /unknown template/],
    ];
    for (const [patch, message] of cases) {
      await expect(logFromJson({ ...sample, ...patch } as never), JSON.stringify(patch)).rejects.toThrow(
        message,
      );
    }
    // And once through the real command: non-zero exit, the message on stderr, no file.
    const bad = join(dir, 'bad.json');
    const out = join(dir, 'bad.tianbao');
    writeFileSync(bad, JSON.stringify({ ...sample, ...cases[0]?.[0] }));
    const failed = await tianbao('log', 'import-json', bad, '--out', out);
    expect(failed.status).not.toBe(0);
    expect(failed.stderr).toMatch(cases[0]?.[1] as RegExp);
    expect(existsSync(out)).toBe(false);
    const r = await tianbao('stats', join(dir, 'missing.tianbao'));
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/no such file/);
    writeFileSync(join(dir, 'junk.tianbao'), 'not a log');
    expect((await tianbao('stats', join(dir, 'junk.tianbao'))).stderr).toMatch(/not a Tianbao log/);
  });
});

describe('tianbao stats for a date range (real CLI process)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tianbao-cli-range-'));
  const file = join(dir, 'unit.tianbao');
  writeFileSync(join(dir, 'log.json'), JSON.stringify(sample));
  const json = async (...args: string[]) => {
    const r = await tianbao('stats', file, '--json', ...args);
    expect(r.stderr).toBe('');
    return Object.fromEntries(
      (JSON.parse(r.stdout) as { key: string; value: unknown; explanation: string }[]).map((s) => [s.key, s]),
    );
  };

  it('--from/--to counts the entries dated inside (both ends), --cumulative-to from the campaign start', async () => {
    expect((await tianbao('log', 'import-json', join(dir, 'log.json'), '--out', file)).status).toBe(0);
    const [week, day, cumulative, text] = await Promise.all([
      json('--from', '2021-06-07', '--to', '2021-06-13'),
      json('--from', '2021-06-02', '--to', '2021-06-02'),
      json('--cumulative-to', '2021-06-08'),
      tianbao('stats', file, '--from', '2021-06-07', '--to', '2021-06-13'),
    ]);
    expect(Object.keys(week)).toHaveLength(slots.length);
    expect(week[n0 as string]).toMatchObject({ value: 1, explanation: '6月7日—6月13日 1 条活动合计' });
    expect(week[n1 as string]?.value).toBe(30);
    // The manual value is a campaign total: set aside, and the explanation says so.
    expect(week[textSlot]?.value).toBeNull();
    expect(week[textSlot]?.explanation).toContain('手工填写的 视频会议 是整个活动的数');
    expect(day[n1 as string]?.value).toBe(25);
    expect(cumulative[n1 as string]).toMatchObject({ value: 25, explanation: '6月1日—6月8日 1 条活动合计' });
    expect(text.stdout.split('\n')[0]).toBe('# 6月7日—6月13日');
  });

  it('refuses bad dates and contradictory options', async () => {
    const [bad, reversed, both] = await Promise.all([
      tianbao('stats', file, '--from', '2021-06-31'),
      tianbao('stats', file, '--from', '2021-06-20', '--to', '2021-06-10'),
      tianbao('stats', file, '--from', '2021-06-01', '--cumulative-to', '2021-06-10'),
    ]);
    expect(bad.stderr).toMatch(/--from: not a date/);
    expect(reversed.stderr).toMatch(/is after/);
    expect(both.stderr).toMatch(/cannot be combined/);
    expect(both.status).not.toBe(0);
  });

  it('log deadlines: a past year’s table counts with its dates in the campaign’s year', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tianbao-deadlines-'));
    const json = join(dir, 'log.json');
    const file = join(dir, 'unit.tianbao');
    writeFileSync(
      json,
      JSON.stringify({
        unit: '漠河市应急管理局',
        campaign: '2026年安全生产月',
        templates: ['daxinganling-2020'],
      }),
    );
    expect((await tianbao('log', 'import-json', json, '--out', file)).status).toBe(0);
    const text = await tianbao('log', 'deadlines', file);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain('活动时间：2026年6月1日—6月30日（通知是 2020 年的，日期已换成 2026 年）');
    expect(text.stdout).toContain('填报日期：尚未确定');
    expect(text.stdout).toMatch(/ 统计表[　 ]+6月30日前[　 ]+报送/u);
    expect(text.stdout).toMatch(/ 联络员[　 ]+5月27日前[　 ]+确定1名联络员/u);
    // Words a clerk reads: no ISO dates, no kind codes.
    expect(text.stdout).not.toMatch(/\d{4}-\d{2}-\d{2}|\b(table|liaison|summary)\b/u);
    const out = JSON.parse((await tianbao('log', 'deadlines', file, '--json')).stdout);
    expect(out).toMatchObject({ year: 2026, noticeYear: 2020 });
    expect(out.deadlines.map((d: { date: string }) => d.date)).toEqual([
      '2026-05-27',
      '2026-06-30',
      '2026-06-30',
    ]);
  }, 60_000);
});
