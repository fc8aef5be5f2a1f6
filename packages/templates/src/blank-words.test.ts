import { describe, expect, it } from 'vitest';
import { blankName, blankSearchText, blankSentence, blankWords } from './blank-words.ts';
import { builtinTemplates, getTemplate } from './builtins.ts';

const T = getTemplate('daxinganling-2020');
if (!T) throw new Error('template missing');
const slotOf = (before: string, after?: string) => {
  const s = T.slots.find((x) => x.before === before && (after === undefined || x.after === after));
  if (!s) throw new Error(`no slot ${before}`);
  return s;
};
const next = (s: { index: number }) => {
  const n = T.slots[s.index + 1];
  if (!n) throw new Error('no next slot');
  return n;
};

describe('blank words: every blank told apart from the others', () => {
  it('a blank whose own words say little takes the clause before it, the chosen blank marked', () => {
    const enterprise = slotOf('开展安全宣传进企业活动');
    const people = next(enterprise);
    expect(people.before).toBe('参与');
    expect(blankSentence(T, people)).toBe('开展安全宣传进企业活动（ ）场，参与【 】人');
    expect(blankName(T, people)).toBe(
      '扎实推进安全宣传“五进”工作：开展安全宣传进企业活动（ ）场，参与【 】人',
    );
    expect(blankWords(T, people).parts.filter((p) => 'blank' in p)).toEqual([
      { blank: 'other' },
      { blank: 'chosen' },
    ]);
    expect(blankSentence(T, enterprise)).toBe('开展安全宣传进企业活动【 】场');
  });

  it('a blank without words follows its clause: 以（ ）等形式启动…（ ）场次, 组织观看（ ）场，（ ）人次', () => {
    const how = slotOf('以');
    expect(blankSentence(T, next(how))).toBe('以（ ）等形式启动“安全生产月”活动【 】场次');
    expect(blankSentence(T, how)).toBe('以【 】等形式启动“安全生产月”活动');
    expect(blankSentence(T, next(slotOf('组织观看')))).toBe('组织观看（ ）场，【 】人次');
  });

  it('no two blanks of any built-in table have the same name', () => {
    for (const t of builtinTemplates()) {
      const names = t.slots.map((s) => blankName(t, s));
      expect(new Set(names).size, t.id).toBe(names.length);
    }
  });

  it('search text has the item, the group and the sentence (进企业 finds its 参与人数)', () => {
    const people = next(slotOf('开展安全宣传进企业活动'));
    const text = blankSearchText(T, people);
    for (const w of ['进企业', '五进', '安全生产月活动', '参与人数']) expect(text).toContain(w);
  });
});
