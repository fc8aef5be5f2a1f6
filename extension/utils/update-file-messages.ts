import { LogFileError } from '@tianbao/core';
import { userMessage } from './input-errors';

/**
 * What 文件交换 says when a colleague's update file is refused. A file holding data past the rules
 * (`invalid-data`, #18 finding 6) is refused whole, so the message says that nothing here changed,
 * what is wrong, and what the sender should do; other refusals keep the log's own wording.
 */
export function updateFileRefusal(err: unknown, fileName: string): { text: string; invalidData: boolean } {
  if (err instanceof LogFileError && err.code === 'invalid-data') {
    const details = /（(.*)），未导入任何内容$/.exec(err.messageZh)?.[1] ?? err.messageZh;
    return {
      invalidData: true,
      text:
        `“${fileName}”没有导入：其中有不符合填报规则的数据（${details}）。` +
        '为避免把错误的数字算进统计表，整个文件都没有合并，本台账没有任何改动。' +
        '请发来文件的同事在其“活动台账”中改正（页面上方会列出有误的数据），再重新导出更新文件发给您。',
    };
  }
  return { invalidData: false, text: userMessage(err) };
}
