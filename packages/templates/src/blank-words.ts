import type { Slot } from './schema.ts';
import type { Template } from './template.ts';

/**
 * A blank of the statistics table as a person tells it apart from the others: its activity item and the
 * words of its sentence up to it. 「参与（ ）人」 is in five rows of one item, so a blank whose own words
 * say little (参与, 参与总人数, none at all) takes the clauses before it in its cell:
 * 「开展安全宣传进企业活动（ ）场，参与【 】人」. The chosen blank is the last one of the sentence.
 */

/** One piece of a blank's sentence: words, another blank of the sentence, or the chosen blank. */
export type BlankPart = { text: string } | { blank: 'other' | 'chosen' };

export interface BlankWords {
  group: string;
  item: string;
  unit: string;
  /** The sentence up to and including the chosen blank. */
  parts: BlankPart[];
}

/** Words that only say who took part or how many: they continue the clause before them. */
const DEPENDENT = /^(参与|参加|受教育|线上参与|现场参观|奖励|其中|覆盖|共计|累计|合计)/u;

const len = (s: string) => [...s.trim()].length;
/** after holds more than the unit: 等形式启动“安全生产月”活动, 个企业开展…等活动. */
const extended = (s: Slot) => len(s.after) > len(s.unit);

/**
 * A blank whose own words do not name it: none (unless the words after it do), a bare short verb,
 * 参与总人数 after the clause it counts, or words another blank of its row has too (刊发新闻报道 twice).
 */
function weak(slots: readonly Slot[], slot: Slot): boolean {
  const before = slot.before.trim();
  if (!before) return !(extended(slot) && len(slot.after) - len(slot.unit) >= 8);
  if (len(before) <= 3) return true;
  if (len(before) <= 6 && DEPENDENT.test(before)) return true;
  return slots.some(
    (s) => s !== slot && s.item === slot.item && s.before.trim() === before && s.after === slot.after,
  );
}

/** The slots of a blank's sentence, first to last (the blank itself last). */
export function sentenceSlots(template: Pick<Template, 'slots'>, slot: Slot): Slot[] {
  if (slot.section !== 'table') return [slot];
  const at = template.slots.findIndex((s) => s.id === slot.id);
  if (at < 0) return [slot];
  const out: Slot[] = [slot];
  let cur = slot;
  for (let i = at - 1; i >= 0 && weak(template.slots, cur) && out.length < 4; i--) {
    const prev = template.slots[i];
    if (!prev || prev.section !== 'table' || prev.item !== slot.item || prev.group !== slot.group) break;
    if (prev.kind === 'boolean') break;
    out.unshift(prev);
    cur = prev;
  }
  return out;
}

export function blankWords(template: Pick<Template, 'slots'>, slot: Slot): BlankWords {
  if (slot.section === 'header')
    return { group: '', item: '', unit: slot.unit, parts: [{ text: slot.before }] };
  const parts: BlankPart[] = [];
  const chain = sentenceSlots(template, slot);
  chain.forEach((s, i) => {
    const before = s.before.trim();
    // 以（ ）等形式启动…活动（ ）场次: a blank without words of its own follows on without a comma,
    // unless the blank before ended its clause (组织观看（ ）场，（ ）人次).
    const prev = chain[i - 1];
    if (prev && (before || !extended(prev))) parts.push({ text: '，' });
    if (before) parts.push({ text: before });
    parts.push({ blank: s === slot ? 'chosen' : 'other' });
    if (s.after) parts.push({ text: s.after });
  });
  return { group: slot.group, item: slot.item, unit: slot.unit, parts };
}

/** The sentence as plain text, the chosen blank as 【 】 and the others as （ ）. */
export function blankSentence(template: Pick<Template, 'slots'>, slot: Slot): string {
  return blankWords(template, slot)
    .parts.map((p) => ('text' in p ? p.text : p.blank === 'chosen' ? '【 】' : '（ ）'))
    .join('');
}

/**
 * A blank's name where one line must say it all (history, Excel columns, messages):
 * 「扎实推进安全宣传“五进”工作：开展安全宣传进企业活动（ ）场，参与【 】人」; a header field by its label.
 */
export function blankName(template: Pick<Template, 'slots'>, slot: Slot): string {
  if (slot.section === 'header') return slot.before || slot.labels?.[0] || '';
  const sentence = blankSentence(template, slot);
  return slot.item ? `${slot.item}：${sentence}` : sentence;
}

/** Words a search for this blank may hit: group, item, sentence, and 参与人数 for 参与（ ）人. */
export function blankSearchText(template: Pick<Template, 'slots'>, slot: Slot): string {
  const words = blankWords(template, slot);
  const plain = words.parts.map((p) => ('text' in p ? p.text : '')).join('');
  const own = `${slot.before}${slot.unit}数 ${slot.before}${slot.after}`;
  return `${slot.group} ${slot.item} ${plain} ${own} ${slot.unit}`;
}
