import { type FieldKind, slotUnit, unitsDiffer } from '@tianbao/autofill';
import type { Slot } from '@tianbao/templates';

/**
 * The blanks a page control counted in `unit` can be (更正 / 指定对应项): those counted in the same unit;
 * of the blanks without a unit, counts that name none and — for a 是/否 box, which reads its column's
 * unit (数量 | 参与人次) without counting in it — the 是/否 questions. Never a blank of another unit: the
 * autofill engine never pairs those (@tianbao/autofill same-unit.ts), and the picker does not offer
 * what the engine would refuse. A control without a unit can be any blank.
 */
export function blanksForUnit(slots: readonly Slot[], unit: string, kind: FieldKind): readonly Slot[] {
  if (!unit) return slots;
  return slots.filter((s) => {
    const own = slotUnit(s);
    if (own) return !unitsDiffer(unit, own);
    if (s.kind === 'boolean') return kind === 'choice' || kind === 'select';
    return s.kind === 'number';
  });
}

/**
 * The rest (「显示其他单位的空」): what blanksForUnit holds back, for the person who knows the engine
 * misread the page's unit. Choosing one is asked once more and saved with both units.
 */
export function blanksOfOtherUnits(slots: readonly Slot[], unit: string, kind: FieldKind): readonly Slot[] {
  if (!unit) return [];
  const same = new Set(blanksForUnit(slots, unit, kind));
  return slots.filter((s) => !same.has(s));
}

const KIND_WORDS: Partial<Record<Slot['kind'], string>> = {
  text: '文字',
  date: '日期',
  phone: '电话号码',
  boolean: '是/否',
};

/** How the picker marks a blank of the rest: 以“场”计, or what it takes when it counts in no unit. */
export function otherUnitWords(slot: Slot): string {
  const unit = slotUnit(slot);
  return unit ? `以“${unit}”计` : `填${KIND_WORDS[slot.kind] ?? '数字'}`;
}
