import { describe, expect, test } from 'vitest';
import { slotInfos } from './slot-info.ts';
import { foreignWords, vocabularyOf } from './vocabulary.ts';

describe('vocabulary', () => {
  const slots = slotInfos([
    {
      id: 'a',
      kind: 'number',
      section: 'table',
      group: '安全生产兴安行活动',
      item: '接收举报',
      before: '接收各类举报',
      after: '条次',
    },
    { id: 'h', kind: 'text', section: 'header', before: '填报单位' },
  ]);
  const v = vocabularyOf(slots);

  test('characters the table never uses are another notice’s words; headings’ common words are not', () => {
    expect(foreignWords('安全生产辽沈行活动', v)).toBe('辽沈');
    expect(foreignWords('二、“安全生产兴安行”活动开展情况', v)).toBe('');
    expect(foreignWords('举报奖励人数', v)).toBe('奖励人');
  });

  test('header fields are not the table’s words', () => {
    expect(foreignWords('填报', v)).toBe('填');
  });
});
