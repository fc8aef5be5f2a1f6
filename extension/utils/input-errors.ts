import { LogFileError, LogInputError } from '@tianbao/core';

/** Field → Chinese message from a refused input; the last path segment names the form field. */
export function fieldErrors(err: unknown): Record<string, string> {
  if (err instanceof LogInputError) {
    const field = err.field.replace(/^profile\./, '').split(/[.[]/)[0] ?? err.field;
    return { [field]: err.messageZh, [err.field]: err.messageZh };
  }
  return { _: userMessage(err) };
}

/** What an error we cannot name tells the person; the browser's English goes under 详情. */
export const UNKNOWN_ERROR = '操作失败，请重试；若仍失败，请把“详情”发给管理员';
/** Separates the Chinese sentence from the English detail inside one message string (see ErrorText). */
export const DETAIL_MARK = '\n详情：';

/**
 * Errors a clerk can actually run into, by DOMException name or by the browser's message (an error thrown in
 * the background page reaches the dashboard as a plain Error whose message is all that is left of it).
 */
const KNOWN: readonly { names: readonly string[]; text: RegExp; zh: string }[] = [
  {
    names: ['QuotaExceededError'],
    text: /quota/i,
    zh: '浏览器的存储空间已满，没有保存。请删除不用的附件，或在浏览器设置中清理其他网站的数据后重试。',
  },
  {
    names: ['VersionError'],
    text: /database connection is closing|IDBDatabase|indexedDB|upgrade.*blocked|blocked.*upgrade/i,
    zh: '本地数据库暂时打不开（可能另一个填报助手页面正在使用或升级它）。请关闭其他填报助手页面，再刷新本页重试。',
  },
  {
    names: ['NetworkError'],
    text: /failed to fetch|networkerror|network error|load failed|net::ERR_/i,
    zh: '连不上同步服务器。请检查网络连接和服务器地址，稍后重试。',
  },
  {
    names: ['NotAllowedError', 'SecurityError'],
    text: /permission denied|not allowed by the user agent|permission/i,
    zh: '浏览器没有允许这项操作。请在浏览器的提示中点“允许”（或在扩展设置中打开权限）后重试。',
  },
  {
    names: ['NotReadableError', 'NotFoundError'],
    text: /could not be read|not readable|file.*not found/i,
    zh: '文件读不出来（可能已被移动、删除，或正被其他程序占用）。请关闭占用它的程序，重新选择文件。',
  },
  {
    names: [],
    text: /JSON|unexpected token|unexpected end of (input|data)/i,
    zh: '文件内容不是填报助手能读的格式（可能已损坏，或不是填报助手导出的文件）。请确认选对了文件。',
  },
];

/** The Chinese sentence a person reads for an error; an unknown one carries its English after DETAIL_MARK. */
export function userMessage(err: unknown): string {
  if (err instanceof LogInputError || err instanceof LogFileError) return err.messageZh;
  const zh = (err as { messageZh?: string })?.messageZh;
  if (zh) return zh;
  const name = err instanceof Error || err instanceof DOMException ? err.name : '';
  const message = err instanceof Error || err instanceof DOMException ? err.message : String(err);
  const known = KNOWN.find((k) => k.names.includes(name) || k.text.test(`${name} ${message}`));
  if (known) return known.zh;
  return `${UNKNOWN_ERROR}${DETAIL_MARK}${name && name !== 'Error' ? `${name}: ` : ''}${message}`;
}

/** A message from userMessage split into what is shown and the collapsed 详情 (empty when there is none). */
export function splitDetail(message: string): { text: string; detail: string } {
  const at = message.indexOf(DETAIL_MARK);
  if (at < 0) return { text: message, detail: '' };
  return { text: message.slice(0, at), detail: message.slice(at + DETAIL_MARK.length) };
}
