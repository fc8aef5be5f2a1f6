import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { exportXlsx } from './export-workbook.ts';
import { readExportedTable } from './read-exported.ts';
import type { SlotStat } from './records.ts';
import { incompleteNote, missingUnits, rollup, rollupExportInput } from './rollup.ts';
import { changchunTemplate, daxinganlingTemplate, meta, profile, sid, stat } from './test-support.ts';

const T = 'daxinganling-2020';
const DX = daxinganlingTemplate();
const k = (index: number) => `${T}/${sid(DX, index)}`;

async function subUnitFile(
  unitId: string,
  unitName: string,
  stats: SlotStat[],
  template = daxinganlingTemplate(),
) {
  return exportXlsx({
    template,
    meta: meta({ unitId, unitName }),
    profile: profile({ unitName }),
    entries: [],
    plans: [],
    stats,
    date: '2020-06-29',
  });
}

describe('roll-up of sub-units’ exported tables', async () => {
  const template = daxinganlingTemplate();
  const files = [
    {
      name: 'mohe.xlsx',
      bytes: await subUnitFile('u-mohe', '漠河市应急管理局', [
        stat(k(4), '线上直播'),
        stat(k(6), 3),
        stat(k(7), 120),
        stat(k(59), 1.5),
        stat(k(74), true),
      ]),
    },
    {
      name: 'tahe.xlsx',
      bytes: await subUnitFile('u-tahe', '塔河县应急管理局', [
        stat(k(4), '现场会议'),
        stat(k(6), 2),
        stat(k(7), 80),
        stat(k(74), false),
      ]),
    },
    {
      name: 'huma.xlsx',
      bytes: await subUnitFile('u-huma', '呼玛县应急管理局', [stat(k(6), 5), stat(k(74), true)]),
    },
    {
      name: 'mohe-again.xlsx',
      bytes: await subUnitFile('u-mohe', '漠河市应急管理局', [stat(k(6), 100)]),
    },
    {
      name: 'changchun.xlsx',
      bytes: await subUnitFile(
        'u-cc',
        '长春市工信局',
        [stat(`changchun-industry-2019/${sid(changchunTemplate(), 1)}`, 7)],
        changchunTemplate(),
      ),
    },
  ];
  const result = await rollup(files, template);

  it('sums numbers, counts 是/否 and lists text, per slot', () => {
    expect(result.perUnit.map((u) => u.unitName)).toEqual([
      '漠河市应急管理局',
      '塔河县应急管理局',
      '呼玛县应急管理局',
    ]);
    expect(result.values[sid(DX, 6)]).toBe(10);
    expect(result.values[sid(DX, 7)]).toBe(200);
    expect(result.values[sid(DX, 74)]).toBe('是 2 个，否 1 个');
    expect(result.values[sid(DX, 75)]).toBeNull();
    expect(result.values[sid(DX, 4)]).toBe('漠河市应急管理局：线上直播；塔河县应急管理局：现场会议');
    expect(result.values[sid(DX, 8)]).toBeNull();
    expect(result.explanations[sid(DX, 7)]).toBe(
      '漠河市应急管理局 120；塔河县应急管理局 80；呼玛县应急管理局 未填',
    );
  });

  it('reports another template and a duplicate sub-unit, and leaves them out', () => {
    const excluded = result.problems.filter((p) => p.excluded).map((p) => [p.code, p.file]);
    expect(excluded).toEqual([
      ['duplicate-unit', 'mohe-again.xlsx'],
      ['wrong-template', 'changchun.xlsx'],
    ]);
  });

  it('reports blanks a sub-unit left empty and percentages it cannot add', () => {
    const empty = result.problems.filter((p) => p.code === 'empty-blank');
    expect(empty.some((p) => p.unitName === '呼玛县应急管理局' && p.slotId === sid(DX, 7))).toBe(true);
    expect(empty.some((p) => p.unitName === '漠河市应急管理局' && p.slotId === sid(DX, 7))).toBe(false);
    expect(result.values[sid(DX, 59)]).toBeNull();
    expect(result.problems.find((p) => p.code === 'not-summable')?.slotId).toBe(sid(DX, 59));
  });

  it('writes the same workbook format, numbers as number cells, and a 来源 sheet side by side', async () => {
    const bytes = await exportXlsx(
      rollupExportInput(result, template, {
        meta: meta({ unitId: 'u-dxal', unitName: '大兴安岭地区应急管理局' }),
        profile: profile(),
        date: '2020-06-30',
      }),
    );
    const wb = XLSX.read(bytes, { type: 'array' });
    const ws = (name: string) => wb.Sheets[name] as XLSX.WorkSheet;
    expect(wb.SheetNames).toEqual([
      '统计表',
      '指标明细',
      '活动台账',
      '联络员',
      '重点活动计划',
      '来源',
      '_tianbao',
    ]);
    const detail = XLSX.utils.sheet_to_json<unknown[]>(ws('指标明细'), {
      header: 1,
    });
    const s6 = detail.findIndex((r) => r[7] === k(6)) + 1;
    expect(ws('指标明细')[`F${s6}`]).toMatchObject({ t: 'n', v: 10 });
    const sources = XLSX.utils.sheet_to_json<unknown[]>(ws('来源'), {
      header: 1,
      defval: null,
    });
    expect(sources[0]).toEqual([
      '序号',
      '统计项',
      '漠河市应急管理局',
      '塔河县应急管理局',
      '呼玛县应急管理局',
      '合计',
      '说明',
    ]);
    const row7 = sources.find((r) => r[0] === 7);
    expect(row7?.slice(2, 6)).toEqual([120, 80, null, 200]);
    expect(row7?.[6]).toBe('呼玛县应急管理局 未填');
    const files = sources.map((r) => r.join('|')).join('\n');
    expect(files).toContain('changchun.xlsx|长春市工信局|缺少：模板不同（changchun-industry-2019），未汇总');
    expect(files).toContain('mohe-again.xlsx|漠河市应急管理局|与 mohe.xlsx 为同一单位，重复，未汇总');
    const table = XLSX.utils.sheet_to_json<unknown[]>(ws('统计表'), { header: 1 });
    // changchun.xlsx was chosen as a sub-unit's table and could not be used: the sums lack one sub-unit.
    expect(table[0]?.[0]).toBe('不完整：缺少 1 个下级单位');
    expect(String(table[2]?.[0])).toContain('填报单位（盖章）：大兴安岭地区应急管理局');
    expect(table.map((r) => r[3]).join('\n')).toContain('纳入全年安全生产重点工作：是 2 个，否 1 个');

    // And it reads back as a table the next level up can roll up again.
    const back = await readExportedTable(bytes);
    expect(back).toMatchObject({ templateId: T, kind: 'rollup', unitName: '大兴安岭地区应急管理局' });
    expect(back.values[sid(DX, 6)]).toBe(10);
    expect(back.values[sid(DX, 7)]).toBe(200);
  });
});

describe('roll-up numbers follow core’s number rules (#18 finding 5)', async () => {
  const template = daxinganlingTemplate();
  const big = 600_000_000_000;
  const result = await rollup(
    [
      { name: 'a.xlsx', bytes: await subUnitFile('u-a', '甲单位', [stat(k(6), big), stat(k(7), 2.5)]) },
      { name: 'b.xlsx', bytes: await subUnitFile('u-b', '乙单位', [stat(k(6), big), stat(k(7), 3)]) },
      { name: 'c.xlsx', bytes: await subUnitFile('u-c', '丙单位', [stat(k(59), 140)]) },
    ],
    template,
  );

  it('a sum past 999999999999 is a problem and an empty blank, never a value', () => {
    expect(result.values[sid(DX, 6)]).toBeNull();
    const p = result.problems.find((x) => x.code === 'too-large');
    expect(p).toMatchObject({ slotId: sid(DX, 6), excluded: false });
    expect(p?.zh).toBe('合计 1200000000000 超过 999999999999，未填入，请核对各单位的数');
  });

  it('a fractional count or a percentage over 100 is a bad value, not counted', () => {
    expect(result.values[sid(DX, 7)]).toBe(3);
    const bad = result.problems.filter((x) => x.code === 'bad-value').map((x) => [x.unitName, x.slotId]);
    expect(bad).toEqual([
      ['甲单位', sid(DX, 7)],
      ['丙单位', sid(DX, 59)],
    ]);
    expect(result.problems.find((x) => x.code === 'bad-value')?.message).toContain('not a count');
  });
});

describe('a roll-up with a broken sub-unit file says it is incomplete', async () => {
  const template = daxinganlingTemplate();
  const good = { name: 'good.xlsx', bytes: await subUnitFile('u-tahe', '塔河县应急管理局', [stat(k(6), 2)]) };
  const broken = { name: 'broken.xlsx', bytes: good.bytes.slice(0, 2000) };
  const result = await rollup([broken, good], template);
  const unit = {
    meta: meta({ unitId: 'u-dxal', unitName: '大兴安岭地区应急管理局' }),
    profile: profile(),
    date: '2020-06-30',
  };

  it('counts the unreadable file as a missing sub-unit', () => {
    expect(result.perUnit.map((u) => u.file)).toEqual(['good.xlsx']);
    expect(missingUnits(result)).toBe(1);
    expect(incompleteNote(result)).toBe('不完整：缺少 1 个下级单位');
  });

  it('writes 「不完整：缺少 1 个下级单位」 at the top of 统计表 and the missing file in 来源 (read by SheetJS)', async () => {
    const bytes = await exportXlsx(rollupExportInput(result, template, unit));
    const wb = XLSX.read(bytes, { type: 'array' });
    const rows = (name: string) =>
      XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[name] as XLSX.WorkSheet, { header: 1, defval: null });
    const table = rows('统计表');
    expect(table[0]?.[0]).toBe('不完整：缺少 1 个下级单位');
    expect(table[1]?.[0]).toBe(template.title);
    expect(wb.Sheets['统计表']?.['!merges']?.some((m) => m.s.r === 0 && m.e.r === 0 && m.e.c > 0)).toBe(true);
    const sources = rows('来源').map((r) => r.join('|').replace(/\|+$/, ''));
    expect(sources).toContain('不完整：缺少 1 个下级单位（下列标明“缺少”的文件未计入合计）');
    expect(sources.find((r) => r.startsWith('broken.xlsx|'))).toMatch(
      /^broken\.xlsx\|\|缺少：无法读取（corrupt），未汇总$/,
    );
    expect(sources).toContain('good.xlsx|塔河县应急管理局|已汇总');
    const detail = rows('指标明细').find((r) => r[7] === k(6));
    expect(String(detail?.[6])).toContain('（不完整：缺少 1 个下级单位）');

    // The next level up is told, and its own roll-up is incomplete by the same count.
    const back = await readExportedTable(bytes);
    expect(back.incomplete).toBe('不完整：缺少 1 个下级单位');
    const other = {
      name: 'huma.xlsx',
      bytes: await subUnitFile('u-huma', '呼玛县应急管理局', [stat(k(6), 5)]),
    };
    const up = await rollup([{ name: 'dxal.xlsx', bytes }, other], template);
    expect(up.problems.find((p) => p.code === 'incomplete-source')).toMatchObject({
      file: 'dxal.xlsx',
      missing: 1,
    });
    expect(incompleteNote(up)).toBe('不完整：缺少 1 个下级单位');
  });

  it('a complete roll-up has no such line', async () => {
    const complete = await rollup([good], template);
    expect(incompleteNote(complete)).toBeNull();
    const wb = XLSX.read(await exportXlsx(rollupExportInput(complete, template, unit)), { type: 'array' });
    const table = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['统计表'] as XLSX.WorkSheet, { header: 1 });
    expect(table[0]?.[0]).toBe(template.title);
    expect(
      (await readExportedTable(await exportXlsx(rollupExportInput(complete, template, unit)))).incomplete,
    ).toBeUndefined();
  });
});
