// When a pair the scores call sure still waits for a person: the page's row names another activity,
// or the page words the blank differently. What keeps a table from another notice (or the wrong table
// picked) from filling look-alike blanks.
import type { PairScore } from './score.ts';
import { ROW_GROUP, ROW_ITEM } from './score-pairs.ts';
import type { SlotInfo } from './slot-info.ts';
import type { Target } from './target.ts';
import { cut, grams, normalize, shared, similarity } from './text.ts';

/** What the page's row texts say as a whole. */
export interface PageRows {
  /** Row texts differ from blank to blank, so they name the rows (an item column, item headings). */
  vary: boolean;
  /** Bigrams every row has (the page's title above everything): not the name of any one row. */
  everywhere: ReadonlySet<number>;
}

export function pageRows(targets: readonly Target[]): PageRows {
  const rows = targets.map((t) => t.row.trim()).filter(Boolean);
  const everywhere = new Set<number>(rows.length ? grams(rows[0] as string) : []);
  for (const r of rows) {
    const own = grams(r);
    for (const g of everywhere) if (!own.includes(g)) everywhere.delete(g);
  }
  return { vary: new Set(rows).size >= 3, everywhere };
}

/** Words that join two activities in one blank: 和, 、, 及 (also in 以及), but not 及时, 普及, 涉及, 和谐. */
const JOIN = /和(?!谐)|、|(?<![普涉危])及(?![时早])/;

/**
 * The activity a blank's words add at the end, next to the blank (开展区域行和专题行（ ）次 → 专题行),
 * when none of `elsewhere` mentions it: not one bigram of it appears there. Only the last part counts:
 * that is what the blank counts, while parts further left are often a list of where or how (在报刊、
 * 广播、网络等平台开设专栏) that a page shortens.
 */
export function extraActivity(text: string, elsewhere: readonly string[]): string {
  const parts = normalize(text).split(JOIN);
  const last = parts.length > 1 ? (parts[parts.length - 1] as string) : '';
  if (last.length < 2) return '';
  const own = grams(last);
  return elsewhere.every((e) => shared(own, grams(e)) === 0) ? last : '';
}

/** Below this the page's words for a blank and the template's are not the same words. */
const WORDS_MIN = 0.45;

/** Bigrams of the row text beyond what every row on the page says (its title) and the slot's group. */
function rowBeyondGroup(t: Target, slot: SlotInfo, everywhere: ReadonlySet<number>): number {
  const group = grams(slot.group);
  let n = 0;
  for (const g of grams(t.row)) if (!everywhere.has(g) && !group.includes(g)) n++;
  return n;
}

/**
 * The page names each row (rows differ from blank to blank) and this row names another activity than
 * the slot's: neither its item nor, on a page with group headings only, just its group.
 */
export function rowRefutes(t: Target, slot: SlotInfo, row: number, rows: PageRows): boolean {
  if (!rows.vary || !slot.item || !t.row.trim() || row & ROW_ITEM) return false;
  return !(row & ROW_GROUP && rowBeyondGroup(t, slot, rows.everywhere) < 3);
}

/**
 * Order, unit and neighbours can line up a table from another notice (or the wrong table picked) with
 * the page: "参与（ ）人次" is in many rows. A table blank is filled unasked only when the page's words
 * for it agree with the template's and, where the page names each row (rows differ from blank to blank),
 * the row names the slot's activity; a row that names only the slot's group (a page with group headings
 * and no activity names) is enough.
 */
export function doubtOf(
  t: Target,
  slot: SlotInfo,
  detail: PairScore,
  row: number,
  rows: PageRows,
): string | undefined {
  if (!slot.ordered) return undefined;
  if (rowRefutes(t, slot, row, rows)) return `页面此行写的活动与模板「${cut(slot.item, 16)}」不同`;
  const own = slot.slot.before ?? '';
  if (
    t.phrases.length &&
    own &&
    (!detail.pageText || similarity(detail.pageText, detail.slotText) < WORDS_MIN)
  )
    return '页面上的说法与模板不同';
  // Similar words can still count different things: a blank for 区域行和专题行 is not one for 区域行.
  if (detail.pageText && detail.slotText) {
    // The blank's own words, not its row: a row may name both activities and the blank only one.
    const onlyTemplate = extraActivity(detail.slotText, t.phrases);
    if (onlyTemplate) return `模板此空还包括「${cut(onlyTemplate, 12)}」，页面此空没有`;
    const onlyPage = extraActivity(detail.pageText, [...slot.phrases, slot.item]);
    if (onlyPage) return `页面此空还包括「${cut(onlyPage, 12)}」，模板此空没有`;
  }
  return undefined;
}
