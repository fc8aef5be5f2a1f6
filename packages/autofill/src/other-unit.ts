// Why a control stays 未匹配 when the template does have a blank in its words, counted in another unit:
// 「表中没有对应的空」 would send the person looking for a blank that is there, and the picker (which
// offers only blanks of the control's unit) would not show it either.
import { unitsDiffer } from './same-unit.ts';
import { compatible } from './score.ts';
import type { SlotInfo } from './slot-info.ts';
import type { Target } from './target.ts';
import { cut, similarity } from './text.ts';

/** Words this alike name the same blank (a rewording or a typo, not just a shared verb). */
const SAME_WORDS = 0.8;

/**
 * The reason for a control with a unit whose words name a blank of another unit; '' when none does. The
 * verdict first: a 400 px panel cuts the line after about twenty characters.
 */
export function otherUnitReason(t: Target, infos: readonly SlotInfo[]): string {
  if (!t.unit) return '';
  let best = 0;
  let named: { slot: SlotInfo; text: string } | undefined;
  for (const s of infos) {
    if (!unitsDiffer(t.unit, s.unit) || !compatible(t, s)) continue;
    // The phrases that name the blank by themselves: a bare 参与 is in blanks of every unit.
    for (const q of s.specific)
      for (const p of t.phrases) {
        const v = similarity(p, q);
        if (v > best) {
          best = v;
          named = { slot: s, text: q };
        }
      }
  }
  return named && best >= SAME_WORDS
    ? `单位不同，不填写：此处为“${t.unit}”，表中「${cut(named.text)}」以“${named.slot.unit}”计`
    : '';
}
