import type { ColumnMapping, ColumnTarget, EntryField } from '@tianbao/excel';
import { ENTRY_LABEL } from '@tianbao/templates';

export const ENTRY_FIELD_ZH: Record<EntryField, string> = {
  date: ENTRY_LABEL.date,
  title: ENTRY_LABEL.title,
  kind: ENTRY_LABEL.kind,
  location: ENTRY_LABEL.location,
  organizer: ENTRY_LABEL.organizer,
  partners: ENTRY_LABEL.partners,
  description: ENTRY_LABEL.description,
};
export const ENTRY_FIELD_ORDER = Object.keys(ENTRY_FIELD_ZH) as EntryField[];

/** A target as the value of a <select>: `field:date`, `slot:<templateId>/<slotId>` or `ignore`. */
export function targetValue(t: ColumnTarget): string {
  if ('field' in t) return `field:${t.field}`;
  if ('slot' in t) return `slot:${t.slot}`;
  return 'ignore';
}

export function parseTarget(value: string): ColumnTarget {
  if (value.startsWith('field:')) return { field: value.slice(6) as EntryField };
  if (value.startsWith('slot:')) return { slot: value.slice(5) };
  return { ignore: true };
}

/**
 * The person's choice for one column, which counts as confirmed. An entry field goes to one column only, so
 * a field taken from another column leaves that column unimported.
 */
export function setColumnTarget(
  mapping: ColumnMapping[],
  column: number,
  target: ColumnTarget,
): ColumnMapping[] {
  return mapping.map((m) => {
    if (m.column === column) return { ...m, target, confidence: 'high' as const };
    if ('field' in target && 'field' in m.target && m.target.field === target.field)
      return { ...m, target: { ignore: true as const }, confidence: 'high' as const };
    return m;
  });
}

/** What must be fixed before rows can be read: the date and title columns. */
export function mappingProblems(mapping: ColumnMapping[]): string[] {
  const fields = new Set(mapping.flatMap((m) => ('field' in m.target ? [m.target.field] : [])));
  const out: string[] = [];
  if (!fields.has('date')) out.push('请指定哪一列是“日期”。');
  if (!fields.has('title')) out.push('请指定哪一列是“活动名称”。');
  return out;
}

/** What the person should look at: guesses to confirm, and count columns that will not be imported. */
export function mappingNotes(mapping: ColumnMapping[]): string[] {
  const out: string[] = [];
  for (const m of mapping) {
    if (m.confidence === 'high') continue;
    const name = m.header || `第 ${m.column + 1} 列`;
    if ('slot' in m.target) out.push(`“${name}”一列按表头猜测计入了统计表中的一项，请确认是否正确。`);
    else if ('ignore' in m.target && m.target.numeric)
      out.push(`“${name}”一列是数字，请选择它计入统计表的哪一项；不选择则这一列不导入。`);
  }
  return out;
}
