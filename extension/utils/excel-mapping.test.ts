import { guessColumns } from '@tianbao/excel';
import { describe, expect, it } from 'vitest';
import { mappingNotes, mappingProblems, parseTarget, setColumnTarget, targetValue } from './excel-mapping';

const headers = ['序号', '日期', '活动名称', '地点', '参与人数', '备注说明'];

describe('column mapping of a hand-kept 台账', () => {
  it('starts from the guess: date and title found, the count column asks for a blank', () => {
    const m = guessColumns(headers);
    expect(mappingProblems(m)).toEqual([]);
    expect(mappingNotes(m)).toEqual([
      '“参与人数”一列是数字，请选择它计入统计表的哪一项；不选择则这一列不导入。',
    ]);
  });

  it('choosing a blank for the count column confirms it and clears the note', () => {
    const m = setColumnTarget(guessColumns(headers), 4, parseTarget('slot:daxinganling-2020/s7'));
    expect(m[4]).toMatchObject({ target: { slot: 'daxinganling-2020/s7' }, confidence: 'high' });
    expect(mappingNotes(m)).toEqual([]);
    // Deliberately not importing it is a choice too.
    expect(mappingNotes(setColumnTarget(guessColumns(headers), 4, parseTarget('ignore')))).toEqual([]);
  });

  it('a field moves: the column that had it is no longer imported, and a missing title is reported', () => {
    const m = setColumnTarget(guessColumns(headers), 5, { field: 'title' });
    expect(m[5]?.target).toEqual({ field: 'title' });
    expect(m[2]?.target).toEqual({ ignore: true });
    expect(mappingProblems(m)).toEqual([]);
    const noDate = setColumnTarget(m, 1, { ignore: true });
    expect(mappingProblems(noDate)).toEqual(['请指定哪一列是“日期”。']);
  });

  it('a guessed blank (low confidence) must be confirmed', () => {
    const m = guessColumns(['日期', '活动名称', '参与人次'], {
      id: 't',
      slots: [
        {
          id: 's1',
          index: 1,
          kind: 'number',
          section: 'table',
          group: '',
          item: '学习',
          before: '参与',
          after: '人次',
          unit: '',
        },
      ],
    } as Parameters<typeof guessColumns>[1]);
    expect(m[2]?.target).toEqual({ slot: 't/s1' });
    expect(mappingNotes(m)[0]).toContain('请确认');
  });

  it('select values round-trip', () => {
    for (const t of [{ field: 'date' as const }, { slot: 'a/b' }, { ignore: true as const }])
      expect(parseTarget(targetValue(t))).toEqual(t);
  });
});
