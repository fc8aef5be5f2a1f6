import { type FillValue, type MatchSlot, valueKey } from '@tianbao/autofill';
import {
  dayText,
  maskIdNumber,
  type ReportingPeriod,
  reportDateSlotId,
  templateValues,
  type UnitLog,
} from '@tianbao/core';
import { blankName, blankSentence, type Slot, SOURCE_LABEL, TERM, type Template } from '@tianbao/templates';

/** The value a template blank will get on a portal page, and where it comes from (for the side panel). */
export interface PanelValue {
  value: FillValue | null;
  /** Where the value comes from (SlotStat.source); `source` says it in words. */
  from: SourceKind;
  /** SOURCE_LABEL: 台账合计 / 手工填写 / 联络员信息 / 未填 */
  source: string;
  explanation: string;
  /** What the panel shows instead of the value (身份证号 masked); the value itself is what gets filled. */
  shown?: string;
}

type SourceKind = keyof typeof SOURCE_LABEL;

/**
 * Statistics blanks from the log (sums, manual values, header from the profile); liaison from the profile.
 * With a reporting period, also each blank's figure for that period (`<slot>@period`) and its 累计
 * (`<slot>@cumulative`), for pages that ask 本周 | 累计 side by side; manual values never go into those.
 */
export function panelValues(
  log: UnitLog,
  template: Template,
  period?: ReportingPeriod,
): Map<string, PanelValue> {
  if (template.kind === 'liaison') {
    const profile = log.getProfile() as unknown as Record<string, string>;
    return new Map(
      template.slots.map((s) => {
        const v = profile[s.id] ?? '';
        const value: PanelValue = v
          ? {
              value: v,
              from: 'profile',
              source: SOURCE_LABEL.profile,
              explanation: '取自联络员信息',
              ...(s.id === 'idNumber' && { shown: maskIdNumber(v) }),
            }
          : { value: null, from: 'empty', source: SOURCE_LABEL.empty, explanation: '联络员信息中没有填写' };
        return [s.id, value];
      }),
    );
  }
  // The log's recorded 填报日期 is nobody's typed figure: tagged 手工填写 it read as a manual value.
  const dateSlot = log.reportDate() ? reportDateSlotId(template) : undefined;
  const out = new Map<string, PanelValue>(
    templateValues(log, template).map((v) => [
      v.slotId,
      {
        value: v.value,
        from: v.source,
        source: v.slotId === dateSlot ? TERM.reportDate : SOURCE_LABEL[v.source],
        explanation: v.explanation,
      },
    ]),
  );
  if (period) {
    const slots = template.slots.filter((s) => s.section === 'table');
    const keys = slots.map((s) => `${template.id}/${s.id}`);
    const ranges = [
      ['period', { from: period.from, to: period.to }, `${period.name}合计`],
      ['cumulative', period.cumulative, `累计至${dayText(period.to)}`],
    ] as const;
    for (const [measure, range, source] of ranges) {
      log.statistics(keys, range).forEach((s, i) => {
        const slot = slots[i];
        if (slot)
          out.set(valueKey(slot.id, measure), {
            value: s.value,
            from: s.source,
            source,
            explanation: s.explanation,
          });
      });
    }
  }
  return out;
}

/** A template blank in words: the header label, or row item with the phrase around the blank. */
export function slotTitle(slot: Slot): string {
  if (slot.section === 'header' || slot.labels?.length) return slot.before || slot.labels?.[0] || slot.id;
  const phrase = `${slot.before}（ ）${slot.after}`;
  return slot.item ? `${slot.item}：${phrase}` : phrase;
}

/**
 * A blank named as the rest of the product names it (blankName: its item and its sentence, the blank
 * marked) and the short form for a narrow line: the sentence first, the item after it. A header or
 * liaison field is its label.
 */
export function blankTitles(slots: readonly Slot[], slot: Slot): { name: string; line: string } {
  if (slot.section === 'header' || slot.labels?.length) {
    const label = slotTitle(slot);
    return { name: label, line: label };
  }
  const table = { slots: slots as Slot[] };
  const name = blankName(table, slot);
  return { name, line: slot.item ? `${blankSentence(table, slot)} · ${slot.item}` : name };
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
