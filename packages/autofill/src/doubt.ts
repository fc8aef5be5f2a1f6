// When a pair the scores call sure still waits for a person: the page's row names another activity,
// or the page words the blank differently. What keeps a table from another notice (or the wrong table
// picked) from filling look-alike blanks.
import type { PairScore } from './score.ts';
import { ROW_NAMES } from './score.ts';
import { ROW_GROUP, ROW_ITEM } from './score-pairs.ts';
import type { SlotInfo } from './slot-info.ts';
import type { Target } from './target.ts';
import { containment, cut, grams, normalize, shared, similarity } from './text.ts';
import { foreignWords, type Vocabulary, vocabularyOf } from './vocabulary.ts';

/** What the page's row texts say as a whole. */
export interface PageRows {
  /** Row texts differ from blank to blank, so they name the rows (an item column, item headings). */
  vary: boolean;
  /** Bigrams every row has (the page's title above everything): not the name of any one row. */
  everywhere: ReadonlySet<number>;
  /**
   * Table section headings (Target.section), when the page has more than one, and the template groups
   * (items, for a table without groups) each of them names.
   */
  sections: ReadonlyMap<string, SectionNames>;
  /** The characters the template's table is written in. */
  vocabulary: Vocabulary;
}

/** A heading names a group when it says all of its words, or is clearly closer to it than to any other. */
const HEADING_NAMES = 0.5;
const HEADING_MARGIN = 0.15;
/** What a section heading says about the template's groups (items, for a table without groups). */
export interface SectionNames {
  /** The groups its levels clearly name (each level at most one). */
  names: Set<string>;
  /**
   * A level names none, but is near two alike (安全生产辽沈行活动 between 安全生产兴安行活动 and 安全生产月活动)
   * or has words the template never uses (辽沈): another notice's part. A heading merely worded otherwise
   * (组织保障 for 加强组织落实) is neither.
   */
  foreign: boolean;
}

function sectionNames(section: string, names: readonly string[], vocabulary: Vocabulary): SectionNames {
  const out: SectionNames = { names: new Set(), foreign: false };
  for (const level of section.split(' ')) {
    let best = '';
    let first = 0;
    let second = 0;
    for (const name of names) {
      const v = containment(name, level) >= ROW_NAMES ? 1 : similarity(level, name);
      if (v > first) {
        [second, first, best] = [first, v, name];
      } else if (v > second) second = v;
    }
    if (first >= HEADING_NAMES && (first === 1 || first - second >= HEADING_MARGIN)) out.names.add(best);
    else if (first >= HEADING_NAMES) out.foreign = true;
    else if (foreignWords(level, vocabulary)) out.foreign = true;
  }
  return out;
}

/** The level of the template a section heading is compared with: its groups, or items without groups. */
const levelOf = (slot: SlotInfo): string => slot.group || slot.item;

export function pageRows(targets: readonly Target[], slots: readonly SlotInfo[] = []): PageRows {
  const rows = targets.map((t) => t.row.trim()).filter(Boolean);
  const everywhere = new Set<number>(rows.length ? grams(rows[0] as string) : []);
  for (const r of rows) {
    const own = grams(r);
    for (const g of everywhere) if (!own.includes(g)) everywhere.delete(g);
  }
  const sections = new Map<string, SectionNames>();
  const vocabulary = vocabularyOf(slots);
  const headings = new Set(targets.map((t) => t.section).filter(Boolean));
  // One heading over the whole table is its title, not a section.
  if (headings.size > 1) {
    const ordered = slots.filter((s) => s.ordered);
    const names = [...new Set(ordered.map(levelOf).filter(Boolean))];
    for (const h of headings) sections.set(h, sectionNames(h, names, vocabulary));
  }
  return { vary: new Set(rows).size >= 3, everywhere, sections, vocabulary };
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
  // A list closed by 等 gives examples (进展情况、工作成效等), not one more thing counted.
  if (last.length < 2 || last.endsWith('等')) return '';
  const own = grams(last);
  return elsewhere.every((e) => shared(own, grams(e)) === 0) ? last : '';
}

/** Below this the page's words for a blank and the template's are not the same words. */
const WORDS_MIN = 0.45;

/** How well the page's words for a blank agree with the template's words that name it (0..1). */
export function wordsOf(t: Target, slot: SlotInfo): number {
  let best = 0;
  for (const p of t.phrases) for (const q of slot.specific) best = Math.max(best, similarity(p, q));
  return best;
}

/**
 * Bigrams of the row's other words (not the blank's own name, see Target.rowOther) beyond what every row
 * on the page says (its title) and the slot's group.
 */
const beyondMemo = new WeakMap<Target, Map<string, number>>();
function rowBeyondGroup(t: Target, slot: SlotInfo, everywhere: ReadonlySet<number>): number {
  // Asked for every competitor of every pair: once per row and group.
  let memo = beyondMemo.get(t);
  const known = memo?.get(slot.group);
  if (known !== undefined) return known;
  const group = grams(slot.group);
  const beyond = new Set<number>();
  for (const part of t.rowOther)
    for (const g of grams(part)) if (!everywhere.has(g) && !group.includes(g)) beyond.add(g);
  if (!memo) {
    memo = new Map();
    beyondMemo.set(t, memo);
  }
  memo.set(slot.group, beyond.size);
  return beyond.size;
}

/**
 * The page names each row (rows differ from blank to blank) and this row names another activity than
 * the slot's: neither its item nor, on a page with group headings only, just its group. A row whose
 * only words are the blank's own name (an indicator grid: 序号 | 指标名称 | 计量单位 | 数值) names no
 * activity beside it: its name is judged as the blank's words, not as a row.
 */
export function rowRefutes(t: Target, slot: SlotInfo, row: number, rows: PageRows): boolean {
  if (!rows.vary || !slot.item || row & ROW_ITEM) return false;
  // Under a section heading that does not name the slot's group: another part of the table (or of
  // another notice's table: 安全生产辽沈行活动 is not 安全生产兴安行活动).
  const named = t.section ? rows.sections.get(t.section) : undefined;
  if (named && (named.names.size ? !named.names.has(levelOf(slot)) : named.foreign)) return true;
  const beyond = rowBeyondGroup(t, slot, rows.everywhere);
  return beyond > 0 && !(row & ROW_GROUP && beyond < 3);
}

/**
 * Order, unit and neighbours can line up a table from another notice (or the wrong table picked) with
 * the page: "参与（ ）人次" is in many rows. A table blank is filled unasked only when the page's words
 * for it agree with the template's and, where the page names each row (rows differ from blank to blank),
 * the row names the slot's activity; a row that names only the slot's group (a page with group headings
 * and no activity names) is enough.
 */
/**
 * Why a pair waits for a person. `words`: the page words the blank otherwise, which agreement of the
 * whole table's structure may outweigh (structure.ts); `row` and `extra` say the page is about another
 * activity, which nothing outweighs.
 */
export interface Doubt {
  kind: 'row' | 'words' | 'extra' | 'page';
  text: string;
}

const WORDS_DIFFER: Doubt = { kind: 'words', text: '页面上的说法与表中不同' };

export function doubtOf(
  t: Target,
  slot: SlotInfo,
  detail: PairScore,
  row: number,
  rows: PageRows,
): Doubt | undefined {
  if (!slot.ordered) return undefined;
  if (rowRefutes(t, slot, row, rows))
    return { kind: 'row', text: `页面此行写的活动与表中「${cut(slot.item, 16)}」不同` };
  // In a row that names the blank's activity, the page's words need only tell the row's blanks apart
  // (参与 after 开展网络课堂培训); a blank without words of its own there is placed by its order. Anywhere
  // else they must agree with the words that name this blank by themselves, not merely with a verb many
  // blanks share or with the name of its activity.
  const own = slot.slot.before ?? '';
  if (row & ROW_ITEM) {
    if (
      t.phrases.length &&
      own &&
      (!detail.pageText || similarity(detail.pageText, detail.slotText) < WORDS_MIN)
    )
      return WORDS_DIFFER;
  } else if (t.phrases.length && wordsOf(t, slot) < WORDS_MIN) return WORDS_DIFFER;
  // Similar words can still count different things: a blank for 区域行和专题行 is not one for 区域行.
  // (A 是/否 question or a text blank counts nothing: a portal's shorter question is the same question.)
  if (detail.pageText && detail.slotText && (slot.kind === 'number' || slot.kind === 'percent')) {
    // The blank's own words, not its row: a row may name both activities and the blank only one.
    // A page that closes its list with 等 (科普短视频等) sums up the template's longer one.
    const onlyTemplate = normalize(detail.pageText).endsWith('等')
      ? ''
      : extraActivity(detail.slotText, t.phrases);
    if (onlyTemplate)
      return { kind: 'extra', text: `表中此空还包括「${cut(onlyTemplate, 12)}」，页面此空没有` };
    const onlyPage = extraActivity(detail.pageText, [...slot.phrases, slot.item]);
    if (onlyPage) return { kind: 'extra', text: `页面此空还包括「${cut(onlyPage, 12)}」，表中此空没有` };
  }
  return undefined;
}
