import type { Template } from '@tianbao/templates';
import type { UnitLog } from '../model/unit-log.ts';
import type { SlotStat } from '../types.ts';

/**
 * Every blank of a template in document order, as the table shows it: the log's statistics, and for
 * the header line (填报单位, 联系人, 电话) the liaison profile when nobody typed a value. 填报日期 is left
 * to the person filing, since the day it is filed is not known in advance.
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
  return template.slots.map((slot, i) => {
    const stat = stats[i] as SlotStat;
    const p = fromProfile[slot.id];
    if (stat.source === 'empty' && p?.[0])
      return { ...stat, slotId: slot.id, value: p[0], source: 'profile', explanation: `取自${p[1]}` };
    return { ...stat, slotId: slot.id };
  });
}
