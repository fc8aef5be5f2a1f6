import type { FillValue, MatchSlot } from '@tianbao/autofill';
import { templateValues, type UnitLog } from '@tianbao/core';
import type { Slot, Template } from '@tianbao/templates';

/** The value a template blank will get on a portal page, and where it comes from (for the side panel). */
export interface PanelValue {
  value: FillValue | null;
  /** 台账合计 / 手工 / 联络员 / 无数据 */
  source: string;
  explanation: string;
}

const SOURCE: Record<string, string> = {
  sum: '台账合计',
  manual: '手工',
  profile: '联络员',
  empty: '无数据',
};

/** Statistics blanks from the log (sums, manual values, header from the profile); liaison from the profile. */
export function panelValues(log: UnitLog, template: Template): Map<string, PanelValue> {
  if (template.kind === 'liaison') {
    const profile = log.getProfile() as unknown as Record<string, string>;
    return new Map(
      template.slots.map((s) => {
        const v = profile[s.id] ?? '';
        const value: PanelValue = v
          ? { value: v, source: '联络员', explanation: '取自联络员信息' }
          : { value: null, source: '无数据', explanation: '联络员信息中没有填写' };
        return [s.id, value];
      }),
    );
  }
  return new Map(
    templateValues(log, template).map((v) => [
      v.slotId,
      { value: v.value, source: SOURCE[v.source] ?? v.source, explanation: v.explanation },
    ]),
  );
}

/** A template blank in words: the header label, or row item with the phrase around the blank. */
export function slotTitle(slot: Slot): string {
  if (slot.section === 'header' || slot.labels?.length) return slot.before || slot.labels?.[0] || slot.id;
  const phrase = `${slot.before}（ ）${slot.after}`;
  return slot.item ? `${slot.item}：${phrase}` : phrase;
}

/** Only what the engine needs crosses to the page (no requirements text, no aliases). */
export function matchSlots(template: Template): MatchSlot[] {
  return template.slots.map((s) => ({
    id: s.id,
    index: s.index,
    kind: s.kind,
    unit: s.unit,
    section: s.section,
    group: s.group,
    item: s.item,
    before: s.before,
    after: s.after,
    ...(s.labels && { labels: s.labels }),
  }));
}

export function formatValue(v: FillValue | null): string {
  if (v === null || v === '') return '—';
  if (typeof v === 'boolean') return v ? '是' : '否';
  return String(v);
}
