import { LogInputError } from '@tianbao/core';
import { describe, expect, it } from 'vitest';
import { splitDetail, UNKNOWN_ERROR, userMessage } from './input-errors';

const dom = (message: string, name: string) => new DOMException(message, name);

describe('userMessage', () => {
  it.each([
    ['storage quota full', dom('The quota has been exceeded.', 'QuotaExceededError'), '存储空间已满'],
    [
      'quota, message only (from the background page)',
      new Error('QuotaExceededError: quota exceeded'),
      '存储空间已满',
    ],
    [
      'IndexedDB closing',
      dom('The database connection is closing.', 'InvalidStateError'),
      '本地数据库暂时打不开',
    ],
    ['IndexedDB upgrade blocked', dom('Version change blocked', 'VersionError'), '本地数据库暂时打不开'],
    ['relay unreachable', new TypeError('Failed to fetch'), '连不上同步服务器'],
    [
      'relay unreachable (Firefox wording)',
      new TypeError('NetworkError when attempting to fetch resource.'),
      '连不上同步服务器',
    ],
    ['permission denied', dom('Permission denied', 'NotAllowedError'), '没有允许这项操作'],
    ['file unreadable', dom('The requested file could not be read', 'NotReadableError'), '文件读不出来'],
    [
      'JSON of a file',
      (() => {
        try {
          JSON.parse('{"a":');
        } catch (e) {
          return e;
        }
      })(),
      '不是填报助手能读的格式',
    ],
  ])('%s → a Chinese sentence saying what to do, no English', (_, err, zh) => {
    const m = userMessage(err);
    expect(m).toContain(zh);
    expect(m).toMatch(/重试|重新选择|确认/);
    expect(m).not.toMatch(/[A-Za-z]/);
    expect(splitDetail(m).detail).toBe('');
  });

  it('an unknown error: the general sentence, the English only as 详情', () => {
    const m = userMessage(new RangeError('Invalid array length'));
    const { text, detail } = splitDetail(m);
    expect(text).toBe(UNKNOWN_ERROR);
    expect(detail).toBe('RangeError: Invalid array length');
    expect(text).not.toContain('操作失败：');
  });

  it('a thrown string is unknown too; a refused input keeps its own message', () => {
    expect(splitDetail(userMessage('boom'))).toEqual({ text: UNKNOWN_ERROR, detail: 'boom' });
    expect(userMessage(new LogInputError('title', 'x', '请填写标题'))).toBe('请填写标题');
    expect(userMessage(Object.assign(new Error('x'), { messageZh: '邀请已过期' }))).toBe('邀请已过期');
  });
});
