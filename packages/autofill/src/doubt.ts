// When a pair the scores call sure still waits for a person: the page's row names another activity,
// or the page words the blank differently. What keeps a table from another notice (or the wrong table
// picked) from filling look-alike blanks.
import type { PairScore } from './score.ts';
import { ROW_GROUP, ROW_ITEM } from './score-pairs.ts';
import type { SlotInfo } from './slot-info.ts';
import type { Target } from './target.ts';
import { cut, grams, similarity } from './text.ts';

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
  if (rows.vary && t.row.trim() && slot.item && !(row & ROW_ITEM)) {
    const onlyGroup = row & ROW_GROUP && rowBeyondGroup(t, slot, rows.everywhere) < 3;
    if (!onlyGroup) return `页面此行写的活动与模板「${cut(slot.item, 16)}」不同`;
  }
  const own = slot.slot.before ?? '';
  if (
    t.phrases.length &&
    own &&
    (!detail.pageText || similarity(detail.pageText, detail.slotText) < WORDS_MIN)
  )
    return '页面上的说法与模板不同';
  return undefined;
}
