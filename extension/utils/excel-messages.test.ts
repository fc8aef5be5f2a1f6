import { LogInputError } from '@tianbao/core';
import { ExcelImportError, type InvalidRow, type RollupProblem } from '@tianbao/excel';
import { describe, expect, it } from 'vitest';
import {
  EXCEL_ERROR_ZH,
  excelErrorZh,
  exportErrorZh,
  invalidRowZh,
  rollupProblemZh,
  WORKER_START_ZH,
} from './excel-messages';

const hasLatin = (s: string) => /[A-Za-z]{3,}/.test(s.replace(/Excel|WPS|xlsx|xls/g, ''));

describe('Chinese messages for workbook errors', () => {
  it('every ExcelImportError code has its own Chinese message, with the file name', () => {
    const codes = Object.keys(EXCEL_ERROR_ZH) as (keyof typeof EXCEL_ERROR_ZH)[];
    expect(new Set(codes.map((c) => EXCEL_ERROR_ZH[c])).size).toBe(codes.length);
    for (const code of codes) {
      const msg = excelErrorZh(new ExcelImportError(code, 'English detail'), '台账.xlsx');
      expect(msg.startsWith('“台账.xlsx”：')).toBe(true);
      expect(msg).not.toContain('English');
      expect(hasLatin(msg)).toBe(false);
    }
    expect(excelErrorZh(new ExcelImportError('xls-legacy', 'x'))).toContain('另存为');
    expect(excelErrorZh(new ExcelImportError('encrypted', 'x'))).toContain('密码');
  });

  it('log errors keep their Chinese text; anything else gets a plain Chinese sentence', () => {
    expect(excelErrorZh(new LogInputError('rows[1].date', 'bad', '日期格式应为 2020-06-01'))).toBe(
      '日期格式应为 2020-06-01',
    );
    const other = excelErrorZh(new TypeError("Cannot read properties of undefined (reading 'x')"));
    expect(hasLatin(other)).toBe(false);
    expect(other).toContain('没有导入任何内容');
  });

  it('a worker that did not start, and any other export failure, are worded in Chinese', () => {
    const start = Object.assign(new Error('x'), { name: 'WorkerStartError' });
    expect(exportErrorZh(start)).toBe(WORKER_START_ZH);
    expect(excelErrorZh(start, 'a.xlsx')).toBe(WORKER_START_ZH);
    const other = exportErrorZh(new RangeError('Invalid array length'));
    expect(hasLatin(other)).toBe(false);
    expect(other).toContain('没有生成文件');
  });

  it('invalid rows: the reason in Chinese with the offending text', () => {
    const r = (code: InvalidRow['code'], reason: string): InvalidRow => ({ row: 5, code, reason });
    expect(
      invalidRowZh({
        row: 5,
        code: 'invalid-field',
        reason: 'Row 5: title: is longer than 200 characters.',
        zh: '活动名称不能超过200个字',
      }),
    ).toBe('活动名称不能超过200个字');
    expect(
      invalidRowZh(r('bad-date', 'Row 5: the date "下周" is not a date this importer understands.')),
    ).toBe('日期“下周”无法识别，请写成 2020-06-01 或 2020年6月1日');
    expect(invalidRowZh(r('bad-number', 'Row 5: "约一百" in column "参与人数" is not a count.'))).toBe(
      '“参与人数”一列的“约一百”不是有效的数（应为 0 到 999999999999 的整数）',
    );
    expect(
      invalidRowZh(r('bad-number', 'Row 5: "2.5" in column "场次" is not a count (a whole number).')),
    ).toBe('“场次”一列的“2.5”不是有效的数（应为 0 到 999999999999 的整数）');
    expect(
      invalidRowZh(r('bad-number', 'Row 5: the columns that go to the same blank add up to 1000000000001.')),
    ).toBe('计入同一统计项的几列相加超过 999999999999');
    expect(invalidRowZh(r('missing-title', 'Row 5 has no activity title.'))).toBe('没有填写活动名称');
    expect(invalidRowZh(r('total-row', 'Row 5 is a total row (合计), not an activity.'))).toContain('合计行');
  });

  it('roll-up problems name the file and unit, the other table by its title, the unreadable reason in words', () => {
    const p = (code: RollupProblem['code'], zh: string): RollupProblem => ({
      code,
      excluded: true,
      file: 'b.xlsx',
      unitName: '塔河县',
      message: '',
      zh,
    });
    const titles = (id: string) => (id === 'baodi-2021' ? '宝坻区安全生产月统计表' : undefined);
    expect(rollupProblemZh(p('wrong-template', '模板不同（baodi-2021），未汇总'), titles)).toBe(
      '“b.xlsx”（塔河县）：是另一张统计表（宝坻区安全生产月统计表）的文件，未汇总',
    );
    expect(rollupProblemZh(p('wrong-template', '模板不同（x-1），未汇总'), titles)).toBe(
      '“b.xlsx”（塔河县）：是另一张统计表的文件，未汇总',
    );
    const unreadable = rollupProblemZh({
      ...p('unreadable', '无法读取（encrypted），未汇总'),
      unitName: undefined,
    });
    expect(unreadable).toBe(`“b.xlsx”：未汇总。${EXCEL_ERROR_ZH.encrypted}`);
    expect(rollupProblemZh(p('duplicate-unit', '与 a.xlsx 为同一单位，重复，未汇总'))).toBe(
      '“b.xlsx”（塔河县）：与 a.xlsx 为同一单位，重复，未汇总',
    );
  });
});
