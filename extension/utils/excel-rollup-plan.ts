import type { SlotStat, SlotValue } from '@tianbao/core';
import type { RollupResult } from '@tianbao/excel';
import type { Template } from '@tianbao/templates';

export type ApplyStatus = 'new' | 'over-sum' | 'over-manual' | 'same' | 'skip';

/** What putting one summed blank into this log would do. */
export interface ApplyRow {
  slotId: string;
  key: string;
  index: number;
  phrase: string;
  current: SlotValue | null;
  next: SlotValue | null;
  status: ApplyStatus;
  /** Ticked at first: new values and values replacing the ledger's own sum; never a manual value. */
  checked: boolean;
  /** Chinese: why it is skipped or what it replaces. */
  note: string;
}

const MAX_TEXT = 500;

/**
 * Every table blank of the roll-up against this log's current values. A manual value someone typed is never
 * replaced unless the person ticks it; 是/否 counts and percentages cannot be a blank's value, so they are
 * listed as skipped with the reason.
 */
export function applyPlan(
  template: Template,
  result: RollupResult,
  current: Map<string, Pick<SlotStat, 'value' | 'source'>>,
): ApplyRow[] {
  const slots = template.slots.filter((s) => s.section === 'table').sort((a, b) => a.index - b.index);
  return slots.map((s) => {
    const now = current.get(s.id);
    const base = {
      slotId: s.id,
      key: `${template.id}/${s.id}`,
      index: s.index,
      phrase: `${s.item}：${s.before}${s.kind === 'boolean' ? '' : '（\u3000）'}${s.after}`,
      current: now?.value ?? null,
      next: result.values[s.id] ?? null,
    };
    const skip = (note: string): ApplyRow => ({ ...base, status: 'skip', checked: false, note });
    const tooLarge = result.problems.find((p) => p.slotId === s.id && p.code === 'too-large');
    if (base.next === null && tooLarge) return skip(tooLarge.zh);
    if (base.next === null)
      return skip(s.kind === 'percent' ? '百分比不能相加，请自行填写' : '下级单位都未填写');
    if (s.kind === 'boolean') return skip(`“是/否”项汇总为计数（${base.next}），请自行判断后填写`);
    if (s.kind === 'date' || s.kind === 'phone') return skip('日期、电话不汇总，请自行填写');
    if ((s.kind === 'number' || s.kind === 'percent') && (typeof base.next !== 'number' || base.next < 0))
      return skip('汇总结果不是有效的数字，请自行填写');
    if (typeof base.next === 'string' && base.next.length > MAX_TEXT)
      return skip(`汇总的文字超过 ${MAX_TEXT} 字，请自行填写`);
    if (now?.source === 'manual') {
      if (now.value === base.next)
        return { ...base, status: 'same', checked: false, note: '与现有手工值相同' };
      return {
        ...base,
        status: 'over-manual',
        checked: false,
        note: `已有手工填写的值“${now.value}”，勾选才会改为汇总值`,
      };
    }
    if (now?.source === 'sum')
      return {
        ...base,
        status: 'over-sum',
        checked: true,
        note: `本单位台账合计为 ${now.value}，填入后以汇总值为准`,
      };
    return { ...base, status: 'new', checked: true, note: '' };
  });
}

/** The manual values' reason; an incomplete roll-up says so in every value it fills. */
export const rollupReason = (units: number, incomplete?: string | null) =>
  `汇总自 ${units} 个下级单位${incomplete ? `（${incomplete}）` : ''}`;
