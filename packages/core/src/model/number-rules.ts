/**
 * What a number in a statistics blank may be, for every way one gets in (a form, import-json, a
 * spreadsheet, a roll-up, a sync): a count is a whole number from 0 below 10^12, a percentage lies
 * within 0–100. The bound is far above any unit's real figures and keeps sums of many entries exact
 * (Number.MAX_SAFE_INTEGER is about 9×10^15), so a sum is never Infinity, NaN or rounded.
 */
export const MAX_COUNT = 999_999_999_999;

export type NumberProblem = 'not-a-number' | 'negative' | 'not-whole' | 'too-large' | 'over-100';

export const NUMBER_PROBLEM: Record<NumberProblem, { en: string; zh: string }> = {
  'not-a-number': { en: 'must be a number', zh: '必须是数字' },
  negative: { en: 'must not be negative', zh: '不能是负数' },
  'not-whole': { en: 'must be a whole number (a count)', zh: '必须是整数' },
  'too-large': { en: `must be at most ${MAX_COUNT}`, zh: `不能超过${MAX_COUNT}` },
  'over-100': { en: 'a percentage must be at most 100', zh: '百分比不能超过100' },
};

/** Why a value is not a count, or undefined when it is one. */
export function countProblem(v: unknown): NumberProblem | undefined {
  if (typeof v !== 'number' || !Number.isFinite(v)) return 'not-a-number';
  if (v < 0) return 'negative';
  if (v > MAX_COUNT) return 'too-large';
  if (!Number.isInteger(v)) return 'not-whole';
  return undefined;
}

/** Why a value is not a percentage (0–100, decimals allowed), or undefined when it is one. */
export function percentProblem(v: unknown): NumberProblem | undefined {
  if (typeof v !== 'number' || !Number.isFinite(v)) return 'not-a-number';
  if (v < 0) return 'negative';
  if (v > 100) return 'over-100';
  return undefined;
}

/** The rule of a blank of this kind (percent, else count). */
export const numberProblem = (v: unknown, kind?: string): NumberProblem | undefined =>
  kind === 'percent' ? percentProblem(v) : countProblem(v);
