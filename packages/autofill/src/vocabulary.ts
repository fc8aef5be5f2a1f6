// The characters a template's table is written in. A page's heading or row using characters the table
// never does (辽沈 in a table of 兴安行, 答题 where the table has only 培训) names something of another
// notice, however alike the rest of its words.
import type { SlotInfo } from './slot-info.ts';

const CJK = /[\u4e00-\u9fff]/g;
/** What any portal adds to a heading or a name (开展情况, 其中, 总数 …): never a name by itself. */
const COMMON = new Set(
  '情况工作开展进展统计指标其他类别项目基本信息数据完成总体主要有关相关的等及和与其中各数量名称内容说明一二三四五六七八九十'.split(
    '',
  ),
);

export type Vocabulary = ReadonlySet<string>;

export function vocabularyOf(slots: readonly SlotInfo[]): Vocabulary {
  const out = new Set<string>();
  for (const s of slots) {
    if (!s.ordered) continue;
    for (const c of `${s.group}${s.item}${s.slot.before ?? ''}${s.slot.after ?? ''}`.match(CJK) ?? [])
      out.add(c);
  }
  return out;
}

/** The characters of `text` the table never uses (beyond COMMON ones), '' when there are none. */
export function foreignWords(text: string, vocabulary: Vocabulary): string {
  let out = '';
  for (const c of text.match(CJK) ?? []) if (!vocabulary.has(c) && !COMMON.has(c)) out += c;
  return out;
}
