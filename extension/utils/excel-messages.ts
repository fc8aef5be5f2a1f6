import { LogFileError, LogInputError, MAX_COUNT } from '@tianbao/core';
import type { ExcelImportErrorCode, InvalidRow, RollupProblem } from '@tianbao/excel';

/** What a person can do about each unreadable file, in words an office worker uses. */
export const EXCEL_ERROR_ZH: Record<ExcelImportErrorCode, string> = {
  'not-excel': '这不是 Excel 文件（.xlsx）。请选择用 Excel 或 WPS 保存的 .xlsx 文件。',
  'xls-legacy': '这是旧版 Excel 文件（.xls）。请在 Excel 或 WPS 中打开，“另存为” .xlsx 格式后再导入。',
  encrypted: '这个文件设置了打开密码。请在 Excel 或 WPS 中打开，取消密码并保存后再导入。',
  corrupt: '文件已损坏或内容不完整，无法读取。请重新保存，或请发送人重新发送。',
  empty: '文件里没有找到带表头的数据（例如“日期”“活动名称”一行）。',
  'not-tianbao-export': '这不是填报助手导出的统计表（缺少模板信息），不能用于汇总。',
  'wrong-template': '这个文件属于另一张统计表，不能与本表一起汇总。',
  'duplicate-unit': '同一个单位的统计表选了两次。',
  'bad-mapping': '请先指定哪一列是“日期”、哪一列是“活动名称”。',
  'too-large':
    '文件太大，为防止电脑卡死，没有读取：解压后每个部分不能超过 50 MB、整个文件不能超过 100 MB，所有工作表合计不能超过 10 万行、200 万个单元格。请把表格拆成几个文件分别导入。',
};

const codeOf = (err: unknown): string | undefined =>
  err instanceof Error && err.name === 'ExcelImportError' ? (err as { code?: string }).code : undefined;

export const WORKER_START_ZH = '填报助手处理 Excel 的程序没有启动。请关闭本页，重新打开后再试。';

/** Why an export did not finish, in Chinese (the English detail is only for a bug report). */
export function exportErrorZh(err: unknown): string {
  if (err instanceof Error && err.name === 'WorkerStartError') return WORKER_START_ZH;
  return '生成文件时出错，没有生成文件。请重试；如果仍然出错，请把本页截图发给技术支持。';
}

/** A Chinese message for any error of reading, importing or rolling up a workbook; never English. */
export function excelErrorZh(err: unknown, fileName?: string): string {
  const code = codeOf(err);
  const prefix = fileName ? `“${fileName}”：` : '';
  if (err instanceof Error && err.name === 'WorkerStartError') return WORKER_START_ZH;
  if (code && code in EXCEL_ERROR_ZH) return prefix + EXCEL_ERROR_ZH[code as ExcelImportErrorCode];
  if (err instanceof LogInputError || err instanceof LogFileError) return prefix + err.messageZh;
  return `${prefix}无法读取这个文件，没有导入任何内容。请确认它是用 Excel 或 WPS 保存的 .xlsx 文件。`;
}

/** The English reason names the bad cell; its quoted text and column are shown in Chinese. */
const QUOTED = /"([^"]*)"(?: in column "([^"]*)")?/;

export function invalidRowZh(row: InvalidRow): string {
  const m = QUOTED.exec(row.reason);
  switch (row.code) {
    case 'bad-date':
      return `日期“${m?.[1] ?? ''}”无法识别，请写成 2020-06-01 或 2020年6月1日`;
    case 'date-without-year':
      return `日期“${m?.[1] ?? ''}”没有年份`;
    case 'missing-title':
      return '没有填写活动名称';
    case 'bad-number':
      if (/add up to/.test(row.reason)) return `计入同一统计项的几列相加超过 ${MAX_COUNT}`;
      if (row.zh) return row.zh;
      return m?.[2]
        ? `“${m[2]}”一列的“${m[1]}”不是有效的数（应为 0 到 ${MAX_COUNT} 的整数）`
        : '数字列中有不是数字的内容';
    case 'total-row':
      return '这是合计行，不是一项活动';
    case 'invalid-field':
      return row.zh ?? '内容不符合台账的要求';
  }
}

/**
 * A roll-up problem as a line of the problems list. The package's Chinese names a template by its id and an
 * unreadable file by an error code; here they become the table's title and the reason in words.
 */
export function rollupProblemZh(
  p: RollupProblem,
  titleOf: (templateId: string) => string | undefined = () => undefined,
): string {
  const who = p.file ? `“${p.file}”${p.unitName ? `（${p.unitName}）` : ''}` : (p.unitName ?? '');
  let text = p.zh;
  const inner = /（([^）]*)）/.exec(p.zh)?.[1] ?? '';
  if (p.code === 'wrong-template') {
    const title = titleOf(inner);
    text = `是另一张统计表${title ? `（${title}）` : ''}的文件，未汇总`;
  } else if (p.code === 'unreadable') {
    const reason = EXCEL_ERROR_ZH[inner as ExcelImportErrorCode] ?? '文件无法读取。';
    text = `未汇总。${reason}`;
  }
  return who ? `${who}：${text}` : text;
}
