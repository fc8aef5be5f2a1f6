import { describe, expect, it } from 'vitest';
import { extractBlanks } from './blanks.ts';
import { stripInlineHtml } from './text-normalize.ts';

const read = (text: string) =>
  extractBlanks(stripInlineHtml(text).split('\n')).map((b) => [b.kind, b.unit, b.before, b.after]);

describe('extractBlanks', () => {
  it('splits the phrases around blanks at punctuation, keeping 、 inside a phrase', () => {
    expect(read('在报刊、广播等平台开设专栏（ ）个；（ ）个社区（村）、物业公司开展活动（ ）场次')).toEqual([
      ['number', '个', '在报刊、广播等平台开设专栏', '个'],
      ['number', '个', '', '个社区（村）'],
      ['number', '场次', '物业公司开展活动', '场次'],
    ]);
  });

  it('reads every blank style: half/full width, ideographic spaces, underscores', () => {
    expect(read('开展()场，参与（　）人次，发放____份，其中＿＿＿件')).toEqual([
      ['number', '场', '开展', '场'],
      ['number', '人次', '参与', '人次'],
      ['number', '份', '发放', '份'],
      ['number', '件', '其中', '件'],
    ]);
  });

  it('tells counts, percents, text, dates and phones apart', () => {
    expect(read('以（ ）等形式启动，覆盖率（ ）%，比例（ ），完成日期（ ），联系电话（ ）')).toEqual([
      ['text', '', '以', '等形式启动'],
      ['percent', '%', '覆盖率', '%'],
      ['percent', '%', '比例', ''],
      ['date', '', '完成日期', ''],
      ['phone', '', '联系电话', ''],
    ]);
  });

  it('reads 是/否 in its usual forms as one boolean with its whole question', () => {
    expect(
      read(
        [
          '是否与A相结合，突出B：□是 □否',
          '是否评估 ☐是☐否',
          '是否备案：是□ 否□',
          '是否公开（是/否）',
          '是否上报：<input type="checkbox"/>是 <input type="checkbox"/>否',
          '是否通报：\uF0A8是 \uF0A8否',
        ].join('\n'),
      ),
    ).toEqual([
      ['boolean', '', '是否与A相结合，突出B', ''],
      ['boolean', '', '是否评估', ''],
      ['boolean', '', '是否备案', ''],
      ['boolean', '', '是否公开', ''],
      ['boolean', '', '是否上报', ''],
      ['boolean', '', '是否通报', ''],
    ]);
  });

  it('does not take text in parentheses or the word 是否 for blanks', () => {
    expect(read('各县（市）区是否已部署')).toEqual([]);
  });
});
