import type { Field } from '@tianbao/autofill';
import { describe, expect, it } from 'vitest';
import { displayLabel } from './portal-rows';

const field = (f: Partial<Field>): Field =>
  ({
    key: 'name:x',
    label: '',
    placeholder: '',
    title: '',
    before: '',
    after: '',
    leading: '',
    rowHeaders: [],
    colHeaders: [],
    section: '',
    legend: '',
    heading: '',
    ...f,
  }) as Field;

describe('displayLabel: what the panel calls a page control', () => {
  it('prefers the control’s own label, then placeholder', () => {
    expect(displayLabel(field({ label: '联系电话', before: '电话：' }))).toBe('联系电话');
    expect(displayLabel(field({ placeholder: '请输入联系人' }))).toBe('请输入联系人');
  });

  it('shows a blank in a sentence as （ ）, a lone label without one', () => {
    expect(displayLabel(field({ before: '安排理论学习中心组专题学习', after: '次' }))).toBe(
      '安排理论学习中心组专题学习（ ）次',
    );
    expect(displayLabel(field({ before: '填报单位（盖章）：' }))).toBe('填报单位（盖章）');
  });

  it('uses headers when the cell has only a unit, and marks 是/否 options', () => {
    expect(displayLabel(field({ after: '人次', rowHeaders: ['宣传进企业'], colHeaders: ['参与'] }))).toBe(
      '宣传进企业 · 参与：（ ）人次',
    );
    expect(displayLabel(field({ label: '是否制定路线图', option: '否' }))).toBe('是否制定路线图（否）');
  });

  it('names a 是/否 box whose only words are its option by the question before it (element-style radios)', () => {
    const question = '是否已做好人力、物力和相关经费等保障';
    expect(displayLabel(field({ after: '否', option: '否', leading: question }))).toBe(`${question}（否）`);
    expect(displayLabel(field({ before: '是', option: '是', leading: question }))).toBe(`${question}（是）`);
    // Words of its own beside the option still name it, the option said once.
    expect(displayLabel(field({ before: '已开展', after: '是', option: '是', leading: question }))).toBe(
      '已开展（是）',
    );
  });

  it('clips long page text and falls back to the control’s place, never its key', () => {
    expect(displayLabel(field({ label: '很'.repeat(100) })).length).toBe(60);
    expect(displayLabel(field({ order: 6 }))).toBe('页面上第 7 个输入框');
  });
});
