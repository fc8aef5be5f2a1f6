import { describe, expect, test } from 'vitest';
import {
  headerUnit,
  leadingUnit,
  normalize,
  similarity,
  stripMeasure,
  stripUnit,
  trailingUnit,
} from './text.ts';

describe('synonyms', () => {
  test.each([
    ['填报人', '联系人'],
    ['座机', '办公电话'],
    ['移动电话', '手机'],
    ['E-mail', '电子邮箱'],
    ['Email：', '电子邮箱'],
    ['填报时间', '填报日期'],
    ['通信地址', '通讯地址'],
    ['报送单位（盖章）', '填报单位（盖章）'],
  ])('%s reads as %s', (variant, canonical) => {
    expect(normalize(variant)).toBe(normalize(canonical));
    expect(similarity(variant, canonical)).toBe(1);
  });

  test('different words stay different', () => {
    expect(similarity('传真', '手机')).toBe(0);
    expect(normalize('办公电话')).not.toBe(normalize('电话'));
  });
});

describe('units', () => {
  test('the unit a blank is followed by, longest first', () => {
    expect(leadingUnit('人次，开展网络课堂培训')).toBe('人次');
    expect(leadingUnit('  次')).toBe('次');
    expect(leadingUnit('个企业开展“安全生产啄木鸟”')).toBe('个');
    expect(leadingUnit('％')).toBe('%');
    expect(leadingUnit('等形式启动')).toBe('');
  });

  test('a unit stated at the end of a label', () => {
    expect(trailingUnit('组织观看（人次）')).toBe('人次');
    expect(trailingUnit('参与人数(单位：人)')).toBe('人');
    expect(trailingUnit('场次')).toBe('场次');
    expect(trailingUnit('县（市）')).toBe('');
    expect(stripUnit('组织观看（人次）')).toBe('组织观看');
    expect(stripUnit('县（市）')).toBe('县(市)');
    expect(stripUnit('以____等形式启动')).toBe('以 等形式启动');
  });

  test('a column header naming its unit', () => {
    expect(headerUnit('参与人次')).toBe('人次');
    expect(headerUnit('活动场次')).toBe('场次');
    expect(headerUnit('参与人数（人）')).toBe('人');
    expect(headerUnit('企业个数')).toBe('');
    expect(headerUnit('完成情况')).toBe('');
  });
});

describe('stripMeasure', () => {
  test.each([
    ['理论学习中心组专题学习次数', '理论学习中心组专题学习'],
    ['网络课堂培训参与人次', '网络课堂培训参与'],
    ['开设专栏专题数', '开设专栏专题'],
    ['参与人次', '参与'],
    ['人数', '人数'],
    ['今日头条粉丝', '今日头条粉丝'],
  ])('%s → %s', (name, words) => expect(stripMeasure(name)).toBe(words));
});
