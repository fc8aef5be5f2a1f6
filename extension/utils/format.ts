import { FIELD_ZH, localToday } from '@tianbao/core';
import { blankName, type Slot, TERM, type Template } from '@tianbao/templates';

/** The log's own field names, plus the history-only keys the UI shows. */
export const FIELD_NAMES: Record<string, string> = { ...FIELD_ZH, deleted: '删除/恢复', entryId: '完成记录' };

/**
 * A field's name for people: a blank an activity counts towards (`c:<template>/<slot>`) by the notice's own
 * words with its activity item (blankName), never by its internal key.
 */
export function fieldName(key: string, template?: Template): string {
  if (!key.startsWith('c:')) return FIELD_NAMES[key] ?? key;
  const [templateId, slotId] = key.slice(2).split('/');
  const slot =
    template && template.id === templateId ? template.slots.find((s) => s.id === slotId) : undefined;
  return slot && template
    ? `${TERM.contributions}“${blankName(template, slot)}”`
    : `${TERM.contributions}（另一张统计表的空）`;
}

export function formatTime(ms: number): string {
  if (!ms) return '';
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function formatValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return '（空）';
  if (v === true) return '是';
  if (v === false) return '否';
  if (Array.isArray(v))
    return v.length === 2 && typeof v[1] === 'number' ? `${v[0]} ${formatTime(v[1])}` : `${v.length} 项`;
  if (typeof v === 'object')
    return 'value' in (v as object) ? formatValue((v as { value: unknown }).value) : '…';
  return String(v);
}

/** "安排理论学习中心组专题学习（ ）次" — how the notice words one blank. */
export const slotPhrase = (s: Slot) => `${s.before}（ ）${s.after}`.trim();

export const slotLabel = (s: Slot) => (s.section === 'header' ? s.before : `${s.item}：${slotPhrase(s)}`);

/** Today as the person's calendar shows it (core's localToday: one definition of "today"). */
export const today = () => localToday();

/** What kind of value a blank takes, in the UI's words. */
export const SLOT_KIND_NAMES: Record<string, string> = {
  number: '数量',
  percent: '百分比',
  text: '文字',
  boolean: '是/否',
  date: '日期',
  phone: '电话',
};
