import { LogFileError, LogInputError } from '@tianbao/core';

/** Field → Chinese message from a refused input; the last path segment names the form field. */
export function fieldErrors(err: unknown): Record<string, string> {
  if (err instanceof LogInputError) {
    const field = err.field.replace(/^profile\./, '').split(/[.[]/)[0] ?? err.field;
    return { [field]: err.messageZh, [err.field]: err.messageZh };
  }
  return { _: userMessage(err) };
}

export function userMessage(err: unknown): string {
  if (err instanceof LogInputError || err instanceof LogFileError) return err.messageZh;
  const zh = (err as { messageZh?: string })?.messageZh;
  if (zh) return zh;
  return `操作失败：${err instanceof Error ? err.message : String(err)}`;
}
