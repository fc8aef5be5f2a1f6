import type { SlotValue } from '@tianbao/core';
import type { Slot, TemplateRow } from '@tianbao/templates';

/**
 * A row's figures written as sentences in the notice's own words: each blank's phrase (before, value,
 * after) becomes a clause — 「安排理论学习中心组专题学习2次，参与46人次」. Blanks without a value are left
 * out (never written as 0), and the words a left-out blank shared with its neighbour are kept where the
 * neighbour needs them. Nothing is added that the notice or the log does not say.
 */

export type FigureValue = SlotValue | null | undefined;

export interface RowFigures {
  /** The clauses, in the row's order; join with '，'. */
  clauses: string[];
  /** Slots whose value was written into a clause. */
  written: string[];
  /** 是/否 blanks answered 否: the caller may ask the person about them (四、存在问题). */
  answeredNo: Slot[];
}

/** A value worth a sentence: not empty, not 0, not a 是/否 answer. */
export function hasFigure(value: FigureValue): value is number | string {
  if (value === null || value === undefined || typeof value === 'boolean') return false;
  if (typeof value === 'number') return Number.isFinite(value) && value !== 0;
  return value.trim() !== '';
}

const shown = (v: number | string) => (typeof v === 'number' ? String(Math.round(v * 1e6) / 1e6) : v.trim());

/** after holds more than the unit: 等形式启动“安全生产月”活动, 个企业开展…等活动. */
const extended = (s: Slot) => s.after.length > s.unit.length;
/** Words that only say who took part, after the clause that says in what: 参与（ ）人次, 奖励（ ）人. */
const dependent = (s: Slot) =>
  s.before.length <= 5 && /^(参与|参加|受教育|线上参与|现场参观|奖励)/u.test(s.before);
/** 以（ ）等形式启动…: the part of the words that belonged to the left-out value. */
const withoutLead = (text: string) => text.replace(/^(等形式|等方式|等)/u, '');

/** 是否已将…纳入… → 已将…纳入…; a question without 是否 is its own statement; a bare box takes its row's words. */
export function yesStatement(slot: Slot, row: Pick<TemplateRow, 'item' | 'requirement'>): string {
  const before = slot.before.trim();
  if (before.startsWith('是否')) {
    const rest = before.slice(2);
    return /^[与和同]/u.test(rest) ? `各项活动${rest}` : rest;
  }
  if (before) return before;
  if (/开展|举办|制定|建立|组织|使用/u.test(row.item)) return row.item;
  return (row.requirement.split(/[。；]/u)[0] ?? '').trim() || row.item;
}

/** The figures of one row of the table (or of one entry's contributions to it). */
export function rowFigures(
  row: Pick<TemplateRow, 'item' | 'requirement'>,
  slots: readonly Slot[],
  valueFor: (slot: Slot) => FigureValue,
): RowFigures {
  const clauses: string[] = [];
  const written: string[] = [];
  const answeredNo: Slot[] = [];
  let prev: { slot: Slot; present: boolean } | undefined;
  for (const slot of slots) {
    const value = valueFor(slot);
    if (slot.kind === 'boolean') {
      if (value === true) clauses.push(yesStatement(slot, row));
      if (value === false) answeredNo.push(slot);
      if (value === true) written.push(slot.id);
      prev = undefined;
      continue;
    }
    const present = hasFigure(value);
    if (present) {
      const v = shown(value);
      const p = prev?.slot;
      if (!slot.before && p && extended(p)) {
        // 以（线上直播）等形式启动“安全生产月”活动（3）场次: one clause over two blanks.
        if (prev?.present) clauses[clauses.length - 1] += `${v}${slot.after}`;
        else clauses.push(`${withoutLead(p.after)}${v}${slot.after}`);
      } else if (!slot.before && !extended(slot) && p && !prev?.present) {
        // 组织观看（ ）场，（380）人次: the count needs the words of the blank before it.
        clauses.push(`${p.before}${v}${slot.after}`);
      } else if (slot.before && dependent(slot) && p?.before && !prev?.present) {
        // 开展安全宣传进企业活动（ ）场，参与（320）人: say what was taken part in.
        clauses.push(`${p.before}，${slot.before}${v}${slot.after}`);
      } else clauses.push(`${slot.before}${v}${slot.after}`);
      written.push(slot.id);
    }
    prev = { slot, present };
  }
  return { clauses, written, answeredNo };
}

const COUNT_VERB = /^(开展|举办|安排|组织|制作|征集|接收|接受|发放|召开|刊发|宣传|曝光|在)/u;

/** Clauses as one sentence: 「共安排理论学习中心组专题学习2次，参与46人次」 (共 where the verb allows it). */
export function figureSentence(clauses: readonly string[]): string {
  if (!clauses.length) return '';
  const [first, ...rest] = clauses as [string, ...string[]];
  const lead = COUNT_VERB.test(first) && /\d/.test(first) ? `共${first}` : first;
  return [lead, ...rest].join('，');
}
