// #15: numbers as office staff type and paste them. Each reads as the one exact value it says, or is refused
// with a Chinese sentence saying what to type — never a nearby number.
import { describe, expect, it } from 'vitest';
import { chineseNumeral, type NumberInputProblem, readNumberInput } from './number-input.ts';

const count = (s: unknown, unit = '人') => readNumberInput(s, { kind: 'number', unit });
const percent = (s: unknown) => readNumberInput(s, { kind: 'percent', unit: '%' });
const value = (r: ReturnType<typeof readNumberInput>) => (r?.ok ? r.value : r ? r.problem : null);

describe('readNumberInput: what is accepted, and as what', () => {
  it.each([
    ['800', 800, false],
    ['８００', 800, true],
    ['1,200', 1200, true],
    ['1，200', 1200, true],
    ['１，２００', 1200, true],
    ['1,234,567', 1234567, true],
    ['1 200', 1200, true],
    [' 800 ', 800, false],
    ['800人', 800, true],
    ['800 人', 800, true],
    ['800名', 800, true],
    ['800人次', 800, true],
    ['0', 0, false],
    ['+5', 5, true],
    ['4.0', 4, true],
    ['三', 3, true],
    ['三人', 3, true],
    ['十二', 12, true],
    ['二十', 20, true],
    ['一千二百', 1200, true],
    ['一百零五', 105, true],
    ['两千', 2000, true],
    ['三万五千', 35000, true],
  ])('%s in a 人 blank → %d', (typed, n, reformatted) => {
    expect(count(typed)).toEqual({ ok: true, value: n, reformatted });
  });

  it('三场 in a 场次 blank is 3, 30人 in a 人次 blank 30 (one activity); a number cell is taken as it is', () => {
    expect(value(count('三场', '场次'))).toBe(3);
    expect(value(count('3次', '场次'))).toBe(3);
    expect(value(count('30人', '人次'))).toBe(30);
    expect(count('30人', '个')).toMatchObject({ ok: false, problem: 'unit' });
    expect(count(1200)).toEqual({ ok: true, value: 1200, reformatted: false });
  });

  it('percentages with % or ％, decimals allowed; 0.95 is 0.95% with a note saying how to write 95%', () => {
    expect(value(percent('95%'))).toBe(95);
    expect(value(percent('９５％'))).toBe(95);
    expect(value(percent('87.5'))).toBe(87.5);
    expect(value(percent('100'))).toBe(100);
    const r = percent('0.95');
    expect(r).toMatchObject({ ok: true, value: 0.95, note: '按 0.95% 计；如果是 95%，请填 95' });
  });

  it('empty is nothing typed, not 0', () => {
    expect(count('')).toBeNull();
    expect(count('   ')).toBeNull();
    expect(count(null)).toBeNull();
  });
});

describe('readNumberInput: what is asked about, in Chinese, never read as a nearby number', () => {
  it.each<[string, NumberInputProblem, string]>([
    ['约800', 'approximate', '“约800”不是确切的数。统计表只能填确切的数，请核实后只填数字，例如 800'],
    ['800余', 'approximate', '“800余”不是确切的数'],
    ['800余人', 'approximate', '不是确切的数'],
    ['800多', 'approximate', '不是确切的数'],
    ['800多人', 'approximate', '不是确切的数'],
    ['800左右', 'approximate', '不是确切的数'],
    ['近800', 'approximate', '不是确切的数'],
    ['一百多', 'approximate', '不是确切的数'],
    ['几百', 'approximate', '不是确切的数'],
    ['数十', 'approximate', '不是确切的数'],
    ['12.5', 'not-whole', '“12.5”不是整数，人数要填整数'],
    ['-5', 'negative', '不能是负数（填的是“-5”）'],
    ['－5', 'negative', '不能是负数'],
    ['负5', 'negative', '不能是负数'],
    ['1,2', 'separator', '“1,2”中的逗号位置不对，请只填数字，例如 12'],
    ['12,00', 'separator', '逗号位置不对'],
    ['12,5', 'separator', '逗号位置不对'],
    ['1.200', 'not-whole', '不是整数'],
    ['800份', 'unit', '这一空的单位是“人”，“800份”写的是“份”。请核实后只填数字'],
    ['3场', 'unit', '这一空的单位是“人”，“3场”写的是“场”'],
    ['1.2万', 'use-digits', '“1.2万”请核实确切的数后写成完整的数字，例如 12000'],
    ['1.2万人', 'use-digits', '例如 12000'],
    ['三万', 'use-digits', '例如 30000'],
    ['一千二', 'use-digits', '“一千二”请用数字填写，例如 1200'],
    ['一百二', 'use-digits', '请用数字填写'],
    ['3千', 'use-digits', '请用数字填写'],
    ['95%', 'percent-in-count', '这一空要填人数，不是百分比，请只填数字'],
    ['八百abc', 'use-digits', '请用数字填写'],
    ['abc', 'not-a-number', '“abc”不是数字，请只填数字，例如 800'],
    ['800-1000', 'not-a-number', '不是数字'],
    ['1e5', 'not-a-number', '不是数字'],
    ['1000000000000', 'too-large', '太大，不能超过 999999999999'],
  ])('%s → %s', (typed, problem, zh) => {
    const r = count(typed);
    expect(r).toMatchObject({ ok: false, problem });
    expect(r?.ok === false && r.zh).toContain(zh);
  });

  it('a percentage over 100 or with a count unit is refused; a number cell with decimals in a count too', () => {
    expect(percent('120%')).toMatchObject({ ok: false, problem: 'over-100' });
    expect(percent('95人')).toMatchObject({ ok: false, problem: 'unit' });
    expect(count(12.5)).toMatchObject({ ok: false, problem: 'not-whole' });
    expect(count(Number.NaN)).toMatchObject({ ok: false, problem: 'not-a-number' });
    expect(count(true)).toMatchObject({ ok: false, problem: 'not-a-number' });
  });

  it('every message is Chinese and names what was typed', () => {
    for (const typed of ['约800', '12.5', '1,2', '800份', '一千二', 'abc', '-5']) {
      const r = count(typed);
      if (r?.ok !== false) throw new Error(`${typed} was accepted`);
      expect(r.zh).toContain(`“${typed}”`);
      expect(r.zh.replace(typed, '')).not.toMatch(/[A-Za-z]/);
    }
  });
});

describe('chineseNumeral', () => {
  it.each([
    ['零', 0],
    ['十', 10],
    ['十五', 15],
    ['一百', 100],
    ['一百一十', 110],
    ['一千零一', 1001],
    ['一万零五百', 10500],
    ['一亿二千万', 120000000],
    ['贰佰叁拾', 230],
  ])('%s → %d', (s, n) => expect(chineseNumeral(s)).toBe(n));

  it.each(['一千二', '一万二', '二二', '百', '千百', '二十十', '一百二十一百', 'abc', ''])(
    '%s is not read',
    (s) => expect(chineseNumeral(s)).toBeUndefined(),
  );
});
