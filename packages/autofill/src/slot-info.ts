// What the matcher compares on the template side, computed once per match() call.
import { slotUnit } from './same-unit.ts';
import { normalize } from './text.ts';
import type { MatchSlot } from './types.ts';

export interface SlotInfo {
  slot: MatchSlot;
  kind: NonNullable<MatchSlot['kind']>;
  unit: string;
  /** Phrases a page may show for this blank, best first: before, before with the previous blank's phrase, … */
  phrases: string[];
  /**
   * The phrases that name this blank by themselves: not a bare short verb another blank of the row has
   * too (参与: its blank is named by the phrase it continues), not the item's name when the item has
   * several blanks (the item names the activity, not which of its blanks).
   */
  specific: string[];
  /** After-text without the unit. */
  after: string;
  item: string;
  group: string;
  /** Matched by order (table blanks) or by label only (header fields, liaison). */
  ordered: boolean;
  /**
   * The item is all the template says about this blank (its one blank, no words of its own: a 是/否
   * question named by its row). A page row that names the item then names the blank.
   */
  itemIsWords: boolean;
}

/** Words that say "the people who took part" in the activity before, nothing more. */
const PARTICIPANTS = /^(线上|线下|现场|网上)?(参与|参加)(演练|活动|培训|学习)?$/;

export function slotInfos(slots: readonly MatchSlot[]): SlotInfo[] {
  const out: SlotInfo[] = [];
  const blanksOf = new Map<string, number>();
  for (const s of slots) if (s.item) blanksOf.set(s.item, (blanksOf.get(s.item) ?? 0) + 1);
  let prev: MatchSlot | undefined;
  // The last words the template gave within the current item: what a bare 参与 after a blank without
  // words ("创新开展（ ）活动（ ）场，参与（ ）人次") continues.
  let lastWords = '';
  for (const slot of slots) {
    const kind = slot.kind ?? 'text';
    const after = slot.after ?? '';
    const unit = slotUnit(slot);
    const before = slot.before ?? '';
    const item = slot.item ?? '';
    const phrases: string[] = [];
    const specific: string[] = [];
    if (before) phrases.push(before);
    const sameItem =
      !!item && prev?.item === item && (prev?.section ?? 'table') === (slot.section ?? 'table');
    // "组织观看（ ）场，（ ）人次": the second blank is still about 组织观看.
    // So do the people who took part in it (线上参与（ ）人次, 参与演练（ ）人次): a page's 人次 column
    // beside the activity's count names them by the activity's row alone.
    const short = normalize(before).length <= 3 || (unit === '人次' && PARTICIPANTS.test(normalize(before)));
    if (!sameItem) lastWords = '';
    if (short && sameItem && prev?.before) phrases.push(`${prev.before}${before}`);
    if (short && sameItem && lastWords) specific.push(`${lastWords}${before}`);
    else if (before) specific.push(before);
    if (before) lastWords = before;
    const itemIsWords = !before && !!item && blanksOf.get(item) === 1;
    if (!before && item) phrases.push(item);
    if (itemIsWords) specific.push(item);
    if (after && unit !== after) {
      phrases.push(`${before} ${after}`);
      specific.push(`${before} ${after}`);
    }
    for (const l of slot.labels ?? []) {
      phrases.push(l);
      specific.push(l);
    }
    out.push({
      slot,
      kind,
      unit,
      phrases: phrases.filter((p) => normalize(p)),
      specific: specific.filter((p) => normalize(p)),
      after: unit ? after.normalize('NFKC').trim().slice(unit.length) : after,
      item,
      group: slot.group ?? '',
      ordered: (slot.section ?? 'table') === 'table' && !slot.labels?.length,
      itemIsWords,
    });
    prev = slot;
  }
  return out;
}
