import type { Template } from '@tianbao/templates';

type Manual = Record<string, { value: unknown; reason: string }>;

/** The reason a text blank typed in the activity form carries: which activity it was written in. */
export const textReason = (d: { title: string; date: string }) =>
  `填写于活动“${d.title.trim()}”（${d.date}）`;

/**
 * The text blanks (「以（ ）等形式启动」) typed in this activity's form: stored as the table's manual value
 * with the activity as reason, not as a contribution, so a count of contributions alone leaves them out.
 */
export function typedTextBlanks(
  template: Template | undefined,
  e: { title: string; date: string },
  manual: Manual,
): string[] {
  if (!template) return [];
  const reason = textReason(e);
  return template.slots
    .map((s) => `${template.id}/${s.id}`)
    .filter((key) => manual[key]?.reason === reason && typeof manual[key]?.value === 'string');
}

/** An activity's 统计项: the blanks it counts towards and the text blanks typed in its form, each once. */
export function entryBlanks(
  template: Template | undefined,
  e: { title: string; date: string; contributions: Record<string, unknown> },
  manual: Manual,
): { count: number; numbers: number; texts: number; words: string } {
  const numbers = Object.keys(e.contributions).length;
  const texts = typedTextBlanks(template, e, manual).filter((k) => !(k in e.contributions)).length;
  const count = numbers + texts;
  const words = texts ? `共 ${count} 项：计数 ${numbers} 项，文字 ${texts} 项` : `共 ${count} 项`;
  return { count, numbers, texts, words };
}
