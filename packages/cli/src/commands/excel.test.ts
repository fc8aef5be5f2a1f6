import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportXlsx } from '@tianbao/excel';
import { getTemplate } from '@tianbao/templates';
import { beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { tianbao } from '../test-cli.ts';

const T = 'daxinganling-2020';
const template = getTemplate(T);
if (!template) throw new Error(`no template ${T}`);
const key = (index: number) => `${T}/${template.slots.find((s) => s.index === index)?.id}`;

const rowsOf = (wb: XLSX.WorkBook, name: string) =>
  XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[name] as XLSX.WorkSheet, { header: 1, defval: null });
const detailValue = (wb: XLSX.WorkBook, index: number) =>
  rowsOf(wb, '指标明细').find((r) => r[7] === key(index))?.[5];

describe('tianbao export / rollup', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tianbao-cli-excel-'));
  const log = join(dir, 'mohe.tianbao');
  const exported = join(dir, 'mohe.xlsx');

  beforeAll(async () => {
    writeFileSync(
      join(dir, 'mohe.json'),
      JSON.stringify({
        unit: '漠河市应急管理局',
        campaign: '2020 安全生产月',
        templates: [T],
        profile: { name: '张三丰', officePhone: '0457-2712884', unitName: '漠河市应急管理局' },
        entries: [
          { date: '2020-06-02', title: '理论学习中心组学习', contributions: { [key(6)]: 1, [key(7)]: 25 } },
          { date: '2020-06-09', title: '第二次学习', contributions: { [key(6)]: 1, [key(7)]: 30 } },
        ],
        values: { [key(74)]: { value: true, by: '张三', reason: '已纳入' } },
      }),
    );
    const made = await tianbao('log', 'import-json', join(dir, 'mohe.json'), '--out', log);
    expect(made.status, made.stderr).toBe(0);
    const r = await tianbao('export', log, '--template', T, '--out', exported, '--date', '2020-06-30');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/：.+，2 条活动，\d+ 个统计项中 \d+ 个有数/u);
  }, 60_000);

  it('export writes the log as the official workbook', async () => {
    const wb = XLSX.read(readFileSync(exported), { type: 'buffer' });
    expect(wb.SheetNames).toEqual(['统计表', '指标明细', '活动台账', '联络员', '重点活动计划', '_tianbao']);
    expect(detailValue(wb, 6)).toBe(2);
    expect(detailValue(wb, 7)).toBe(55);
    expect(detailValue(wb, 74)).toBe('是');
    expect(rowsOf(wb, '活动台账').length).toBe(3);
    expect(String(rowsOf(wb, '统计表')[1]?.[0])).toBe(
      '填报单位（盖章）：漠河市应急管理局　　联系人：张三丰　　电话：0457-2712884　　填报日期：2020年6月30日',
    );
  });

  it('rollup sums sub-units, leaves out a duplicate and a broken file, and says so', async () => {
    const tahe = join(dir, 'tahe.xlsx');
    const stat = (index: number, value: number | boolean) => ({
      key: key(index),
      value,
      source: 'manual' as const,
      entryCount: 0,
      explanation: '',
    });
    writeFileSync(
      tahe,
      await exportXlsx({
        template,
        meta: {
          logId: 'l',
          unitId: 'u-tahe',
          unitName: '塔河县应急管理局',
          campaign: '',
          templateIds: [T],
          schemaVersion: 1,
        },
        profile: null,
        entries: [],
        plans: [],
        stats: [stat(6, 3), stat(7, 80), stat(74, false)],
      }),
    );
    copyFileSync(exported, join(dir, 'mohe-again.xlsx'));
    writeFileSync(join(dir, 'broken.xlsx'), 'PK\u0003\u0004 not really a zip');
    const out = join(dir, 'sum.xlsx');
    const args = [
      'rollup',
      exported,
      tahe,
      join(dir, 'mohe-again.xlsx'),
      join(dir, 'broken.xlsx'),
      '--template',
      T,
      '--unit',
      '大兴安岭地区应急管理局',
      '--out',
      out,
    ];
    // By default a broken sub-unit file stops the roll-up: a sum without it would look complete.
    const refused = await tianbao(...args);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('left out: broken.xlsx');
    expect(refused.stderr).toMatch(
      /error: 1 sub-unit\(s\) missing from the sums \(see above\); nothing written\. .*--allow-missing .*「不完整：缺少 1 个下级单位」/,
    );
    expect(existsSync(out)).toBe(false);

    const r = await tianbao(...args, '--allow-missing');
    expect(r.status).toBe(1); // the duplicate is still left out
    expect(r.stdout).toContain('不完整，缺少 1 个下级单位');
    expect(r.stderr).toContain('left out: mohe-again.xlsx');
    expect(r.stderr).toContain('left out: broken.xlsx');
    expect(r.stderr).toMatch(/warning: 塔河县应急管理局 left \d+ blank\(s\) empty \(序号 [1-9]/);
    const wb = XLSX.read(readFileSync(out), { type: 'buffer' });
    expect(rowsOf(wb, '统计表')[0]?.[0]).toBe('不完整：缺少 1 个下级单位');
    expect(rowsOf(wb, '来源').map((row) => row.slice(0, 3).join('|'))).toContainEqual(
      expect.stringMatching(/^broken\.xlsx\|\|缺少：无法读取（[a-z-]+），未汇总$/),
    );
    expect(wb.SheetNames).toContain('来源');
    expect(detailValue(wb, 6)).toBe(5);
    expect(detailValue(wb, 7)).toBe(135);
    expect(detailValue(wb, 74)).toBe('是 1 个，否 1 个');
    expect(rowsOf(wb, '来源')[0]).toEqual([
      '序号',
      '统计项',
      '漠河市应急管理局',
      '塔河县应急管理局',
      '合计',
      '说明',
    ]);
  }, 60_000);

  it('rollup broken.xlsx good.xlsx: refused, nothing written; with --allow-missing marked incomplete', async () => {
    const out = join(dir, 'sum2.xlsx');
    writeFileSync(join(dir, 'broken2.xlsx'), readFileSync(exported).subarray(0, 3000));
    const args = ['rollup', join(dir, 'broken2.xlsx'), exported, '--template', T, '--out', out];
    const refused = await tianbao(...args);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
    const r = await tianbao(...args, '--allow-missing');
    expect(r.status).toBe(0);
    const wb = XLSX.read(readFileSync(out), { type: 'buffer' });
    expect(rowsOf(wb, '统计表')[0]?.[0]).toBe('不完整：缺少 1 个下级单位');
    expect(detailValue(wb, 6)).toBe(2);
  }, 60_000);

  it('rollup without --template sums the table the files name; files of two tables are refused', async () => {
    const out = join(dir, 'sum3.xlsx');
    const r = await tianbao('rollup', exported, '--out', out);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('汇总了 1 个下级单位的统计表');
    expect(detailValue(XLSX.read(readFileSync(out), { type: 'buffer' }), 7)).toBe(55);

    const baodi = join(dir, 'baodi.xlsx');
    const other = getTemplate('baodi-2021');
    if (!other) throw new Error('no template baodi-2021');
    const meta = { logId: 'l', unitId: 'u-bd', unitName: '宝坻区', campaign: '', schemaVersion: 1 };
    writeFileSync(
      baodi,
      await exportXlsx({
        template: other,
        meta: { ...meta, templateIds: [other.id] },
        profile: null,
        entries: [],
        plans: [],
        stats: [],
      }),
    );
    const mixed = await tianbao('rollup', exported, baodi, '--out', join(dir, 'sum4.xlsx'));
    expect(mixed.status).toBe(1);
    expect(mixed.stderr.trim()).toBe(
      'error: the files are of different tables: daxinganling-2020 (mohe.xlsx); baodi-2021 (baodi.xlsx). ' +
        'Choose the table to sum with --template <id>; files of another table are then left out and listed.',
    );
    expect(existsSync(join(dir, 'sum4.xlsx'))).toBe(false);
  }, 60_000);

  it('unknown template, missing log, non-statistics template: a one-line error, nothing written', async () => {
    const out = join(dir, 'none.xlsx');
    const a = await tianbao('export', log, '--template', 'nope', '--out', out);
    expect([a.status, a.stderr.trim()]).toEqual([
      1,
      'error: unknown template "nope" (see `tianbao templates list`)',
    ]);
    const b = await tianbao('export', join(dir, 'missing.tianbao'), '--template', T, '--out', out);
    expect(b.stderr).toContain('no such file');
    const c = await tianbao('export', log, '--template', 'liaison', '--out', out);
    expect(c.stderr.trim()).toBe('error: template "liaison" is a liaison form, not a statistics table');
    expect(existsSync(out)).toBe(false);
  }, 30_000);
});
