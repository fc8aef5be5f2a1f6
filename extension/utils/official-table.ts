import type { templateValues } from '@tianbao/core';
import type { Slot, Template, TemplateRow } from '@tianbao/templates';
import { createElement, type ReactNode } from 'react';
import { formatValue } from './format';

// How the notice's 统计表 is laid out, shared by the 统计表 tab (blanks as buttons) and its print view (text).

export type SlotValue = ReturnType<typeof templateValues>[number];

/** What a filled blank shows ('' when empty): 是/否 items as the paper's tick boxes. */
export function blankText(slot: Slot, v: SlotValue): string {
  // A sum past the number rules has no value: say so in the blank, the explanation says which entries.
  if (v.error) return '有误';
  if (v.value === null) return '';
  if (slot.kind === 'boolean') return v.value ? '☑是 □否' : '□是 ☑否';
  return formatValue(v.value);
}

/** A row's sentence in the notice's words, each blank drawn by `blank` inside its （ ）. */
export function rowSentence(
  slotIds: string[],
  slotById: Map<string, Slot>,
  blank: (slot: Slot) => ReactNode,
): ReactNode[] {
  const parts: ReactNode[] = [];
  slotIds.forEach((id, i) => {
    const s = slotById.get(id);
    if (!s) return;
    if (i > 0) parts.push('，');
    const bracket = s.kind !== 'boolean';
    parts.push(s.before, bracket ? '（' : '', blank(s), bracket ? '）' : '', s.after);
  });
  return parts;
}

/** The group column is merged over the rows that share it, as on paper: the span at a group's first row, else 0. */
export function groupSpans(rows: TemplateRow[]): number[] {
  return rows.map((r, i) => {
    if (i > 0 && rows[i - 1]?.group === r.group) return 0;
    let n = 1;
    while (rows[i + n]?.group === r.group) n++;
    return n;
  });
}

/** The columns as printed (类别 / 活动项目 / 内容要求 / 进展情况) with their CSS class (their widths). */
export function tableColumns(template: Template): {
  hasGroups: boolean;
  columns: { title: string; className: string }[];
} {
  const hasGroups = template.rows.some((r) => r.group);
  const cols = template.columns.filter(Boolean);
  const columns = [
    { title: cols[0] ?? '活动项目', className: 'col-item' },
    { title: cols[1] ?? '内容要求', className: 'col-req' },
    { title: cols[2] ?? '进展情况', className: 'col-progress' },
  ];
  if (hasGroups) columns.unshift({ title: template.columns[0] || '类别', className: 'col-group' });
  return { hasGroups, columns };
}

/** The table's header line (填报单位、联系人、电话、填报日期), each field's blank drawn by `blank`. */
export function headerFields(
  template: Template,
  slotById: Map<string, Slot>,
  blank: (slot: Slot) => ReactNode,
  className: string,
): ReactNode[] {
  return template.headerFields.map((h) => {
    const s = slotById.get(h.slotId);
    return s ? createElement('span', { key: h.slotId, className }, `${h.label}：`, blank(s)) : null;
  });
}
