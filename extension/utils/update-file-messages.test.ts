import { LogFileError } from '@tianbao/core';
import { describe, expect, it } from 'vitest';
import { updateFileRefusal } from './update-file-messages';

describe('updateFileRefusal', () => {
  it('a file with data past the rules gets its own wording: nothing changed, what is wrong, what to do', () => {
    // As core's importUpdateFile words it (update-file.ts).
    const err = new LogFileError(
      'invalid-data',
      'the file holds data Tianbao refuses; nothing was imported: entries.x.title: is longer than 200 characters',
      '文件中有不符合要求的数据（活动名称不能超过200个字），未导入任何内容',
    );
    expect(err).toBeInstanceOf(LogFileError);
    const r = updateFileRefusal(err, '张三-更新.tianbao');
    expect(r.invalidData).toBe(true);
    expect(r.text).toMatch(/^“张三-更新\.tianbao”没有导入：其中有不符合填报规则的数据（.*200.*）。/);
    expect(r.text).toContain('本台账没有任何改动');
    expect(r.text).toContain('活动台账');
  });

  it('other refusals keep the log’s own wording', () => {
    const r = updateFileRefusal(
      new LogFileError('corrupt', 'the file is damaged', '文件已损坏'),
      'x.tianbao',
    );
    expect(r).toEqual({ invalidData: false, text: '文件已损坏' });
  });
});
