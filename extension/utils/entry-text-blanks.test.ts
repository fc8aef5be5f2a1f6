import { builtinTemplates } from '@tianbao/templates';
import { describe, expect, it } from 'vitest';
import { entryBlanks, textReason, typedTextBlanks } from './entry-text-blanks';

const T = builtinTemplates()[0];
if (!T) throw new Error('no builtin template');
const text = T.slots.find((s) => s.kind === 'text' && s.section === 'table');
const numbers = T.slots.filter((s) => s.kind === 'number').slice(0, 2);
if (!text || numbers.length < 2) throw new Error('template without the blanks this test needs');
const key = (id: string) => `${T.id}/${id}`;
const entry = {
  title: '安全宣传进企业',
  date: '2026-06-08',
  contributions: Object.fromEntries(numbers.map((s) => [key(s.id), 1])),
};

describe('an activity’s 统计项', () => {
  it('counts the text blank typed in its form (a manual value with the activity as reason)', () => {
    const manual = { [key(text.id)]: { value: '线上直播', reason: textReason(entry) } };
    expect(typedTextBlanks(T, entry, manual)).toEqual([key(text.id)]);
    expect(entryBlanks(T, entry, manual)).toEqual({
      count: 3,
      numbers: 2,
      texts: 1,
      words: '共 3 项：计数 2 项，文字 1 项',
    });
  });

  it('leaves out a text value typed elsewhere: another activity, a roll-up, a correction', () => {
    const manual = {
      [key(text.id)]: { value: '线上直播', reason: textReason({ title: '另一项活动', date: '2026-06-08' }) },
    };
    expect(entryBlanks(T, entry, manual)).toMatchObject({ count: 2, texts: 0, words: '共 2 项' });
    expect(
      entryBlanks(T, entry, { [key(text.id)]: { value: '线上直播', reason: '汇总 3 个单位' } }).count,
    ).toBe(2);
  });
});
