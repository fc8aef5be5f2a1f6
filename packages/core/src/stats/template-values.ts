import type { Template } from '@tianbao/templates';
import type { UnitLog } from '../model/unit-log.ts';
import { isValidDate } from '../model/validate.ts';
import type { SlotStat } from '../types.ts';

/** The header blank that takes 填报日期 (填报日期, 填表日期, 报送日期 …: the header's date field). */
export function reportDateSlotId(template: Template): string | undefined {
  return template.headerFields.find((h) => h.kind === 'date')?.slotId;
}

/**
 * 填报日期 as every place shows it: the log's one date, else a date typed into the table's 填报日期 blank
 * (a log from before the one date, or `tianbao fill --values`), else undefined (not reported yet).
 */
export function reportDateOf(log: UnitLog, template: Template | undefined): string | undefined {
  const set = log.reportDate();
  if (set || !template) return set;
  const slot = reportDateSlotId(template);
  const typed = slot ? log.manualValues()[`${template.id}/${slot}`]?.value : undefined;
  return typeof typed === 'string' && isValidDate(typed) ? typed : undefined;
}

/**
 * Every blank of a template in document order, as the table shows it: the log's statistics, and for
 * the header line (填报单位, 联系人, 电话) the liaison profile when nobody typed a value. 填报日期 is the
 * log's one report date (UnitLog.reportDate), empty until the unit reports or chooses it.
 */
export function templateValues(log: UnitLog, template: Template): (SlotStat & { slotId: string })[] {
  const keys = template.slots.map((s) => `${template.id}/${s.id}`);
  const stats = log.statistics(keys);
  const profile = log.getProfile();
  const fromProfile: Record<string, [string, string]> = {
    'header-unit': [
      profile.unitName || log.meta().unitName,
      profile.unitName ? '联络员信息中的单位名称' : '台账的单位名称',
    ],
    'header-contact': [profile.name, '联络员信息中的姓名'],
    'header-phone': [
      profile.officePhone || profile.mobile,
      profile.officePhone ? '联络员信息中的办公电话' : '联络员信息中的手机',
    ],
  };
  const dateSlot = reportDateSlotId(template);
  const reportDate = log.reportDate();
  return template.slots.map((slot, i) => {
    const stat = stats[i] as SlotStat;
    if (slot.id === dateSlot && reportDate)
      return {
        ...stat,
        slotId: slot.id,
        value: reportDate,
        source: 'manual',
        explanation: '本台账的填报日期（统计表、打印、Excel、文档和网页填报都用这一天）',
      };
    const p = fromProfile[slot.id];
    if (stat.source === 'empty' && p?.[0])
      return { ...stat, slotId: slot.id, value: p[0], source: 'profile', explanation: `取自${p[1]}` };
    return { ...stat, slotId: slot.id };
  });
}
