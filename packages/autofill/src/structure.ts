// The page's table as a whole agrees with the template: most of its rows are matched with certainty, in
// the template's order. Then a row between two certain rows, one for one with the template's blanks in
// between (no row or blank skipped on either side), with the blank's unit, is the blank the order says
// it is, however the portal worded it (「理论学习中心组专题学习次数」 for 安排理论学习中心组专题学习（ ）次).
// Rows that break the structure keep waiting for a person: another unit, a row or section naming another
// activity, a blank that counts more or fewer activities, a page that mostly disagrees with the table.

/** Share of the page's table rows that must be matched with certainty before order may decide the rest. */
export const STRUCTURE_AGREES = 0.6;
/** At most this many rows in a row may be decided by order between two certain ones. */
export const MAX_RUN = 3;
/**
 * Below this share the page mostly disagrees with the table (another notice's, or the wrong table
 * picked): a row whose activity the page does not name is filled only on words close to the template's.
 */
export const STRUCTURE_DISAGREES = 0.5;
export const WORDS_ALONE = 0.7;
/** Order vouches only for a row that shares some words with the blank (similarity of its best phrases). */
export const SOME_WORDS = 0.2;

/** Share of the page's table rows matched with certainty on their own. */
export const agreement = (links: readonly Link[], rows: number): number =>
  rows ? links.filter((l) => l.sure).length / rows : 0;

/** One pair of the order-preserving alignment: target index i (page order), slot index j (template order). */
export interface Link {
  i: number;
  j: number;
  /** Matched with certainty on its own. */
  sure: boolean;
  /** Its only doubt is wording (or a small margin), and its unit or kind is the blank's own. */
  rescuable: boolean;
}

/**
 * Indices into `links` (the alignment, in order) of the pairs the table's structure vouches for.
 * `rows`: the page's table rows (targets not taken by a labelled field); `first` / `last`: the template's
 * first and last table blank, where a run may have a certain row on one side only.
 */
export function vouched(links: readonly Link[], rows: number, first: number, last: number): number[] {
  if (agreement(links, rows) < STRUCTURE_AGREES) return [];
  const out: number[] = [];
  const step = (a: Link, b: Link) => b.i === a.i + 1 && b.j === a.j + 1;
  for (let x = 0; x < links.length; ) {
    if ((links[x] as Link).sure) {
      x++;
      continue;
    }
    let y = x;
    while (y < links.length && !(links[y] as Link).sure) y++;
    const run = links.slice(x, y);
    const prev = links[x - 1];
    const next = links[y];
    const head = run[0] as Link;
    const tail = run[run.length - 1] as Link;
    const lockstep =
      run.every((l, k) => k === 0 || step(run[k - 1] as Link, l)) &&
      (prev ? step(prev, head) : head.j === first) &&
      (next ? step(tail, next) : tail.j === last);
    if ((prev || next) && lockstep && run.length <= MAX_RUN && run.every((l) => l.rescuable))
      for (let k = x; k < y; k++) out.push(k);
    x = y;
  }
  return out;
}
