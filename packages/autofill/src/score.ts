// How well one target fits one slot: 0..1, or -1 when the control cannot hold the slot's kind or counts
// in another unit.
import { kindsDiffer, unitsAgree, unitsDiffer } from './same-unit.ts';
import type { SlotInfo } from './slot-info.ts';
import type { Target } from './target.ts';
import { containment, similarity } from './text.ts';

export interface PairScore {
  score: number;
  /** Best matching page text and template text, for the reason shown to the user. */
  pageText: string;
  slotText: string;
  unit: boolean;
  row: boolean;
}

export const IMPOSSIBLE: PairScore = { score: -1, pageText: '', slotText: '', unit: false, row: false };

export function compatible(t: Target, s: SlotInfo): boolean {
  const f = t.first;
  if (s.kind === 'boolean') return t.boolean || t.openOptions;
  if (f.kind === 'choice') return s.kind === 'text' && f.type === 'radio' && !t.boolean;
  switch (f.kind) {
    case 'number':
      return s.kind === 'number' || s.kind === 'percent';
    case 'date':
      return s.kind === 'date';
    case 'tel':
      return s.kind === 'phone' || s.kind === 'number';
    case 'email':
    case 'select':
      return s.kind === 'text' && !t.boolean;
    case 'textarea':
      return s.kind === 'text';
    default:
      return true;
  }
}

/** Text similarity of the page's phrases for the target and the template's phrases for the slot. */
export function phraseOf(t: Target, s: SlotInfo): { phrase: number; pageText: string; slotText: string } {
  let phrase = 0;
  let pageText = '';
  let slotText = '';
  for (const p of t.phrases) {
    for (const q of s.phrases) {
      const v = similarity(p, q);
      if (v > phrase) {
        phrase = v;
        pageText = p;
        slotText = q;
      }
    }
  }
  return { phrase, pageText, slotText };
}

/** The words after the blank agree too ("（ ）个企业开展…"). */
export const withAfter = (t: Target, s: SlotInfo, phrase: number): number =>
  t.after && s.after ? Math.max(phrase, 0.5 * phrase + 0.5 * similarity(t.after, s.after)) : phrase;

/**
 * Phrase similarity (0..1) weighted with unit agreement, the row's item and group, and the control type.
 * `row` and `group` are containment of the slot's item and group in the target's row text.
 */
export function combine(t: Target, s: SlotInfo, phrase: number, row: number, group: number): number {
  let score = 0.75 * phrase;
  // Units that differ never get here (scorePair): known on both sides, they agree.
  if (t.unit && s.unit) score += 0.2;
  else if (t.unit && (s.kind === 'text' || s.kind === 'date' || s.kind === 'phone')) score -= 0.3;
  score += 0.15 * row + 0.05 * group;
  const k = t.first.kind;
  if ((k === 'date' && s.kind === 'date') || (k === 'tel' && s.kind === 'phone')) score += 0.1;
  if (k === 'number' && (s.kind === 'number' || s.kind === 'percent')) score += 0.05;
  if (t.boolean && s.kind === 'boolean') score += 0.05;
  return Math.max(0, Math.min(1, score));
}

/** Above this share of an item's (group's) bigrams in a row's text, the row names that item (group). */
export const ROW_NAMES = 0.8;

/** A row that names an item whose only words are its name says as much as a label would. */
export const rowAsWords = (s: SlotInfo, phrase: number, row: number): number =>
  s.itemIsWords && row > ROW_NAMES ? Math.max(phrase, row) : phrase;

export const rowContainment = (t: Target, s: SlotInfo): [number, number] =>
  t.row && s.item ? [containment(s.item, t.row), s.group ? containment(s.group, t.row) : 0] : [0, 0];

export function scorePair(t: Target, s: SlotInfo): PairScore {
  if (!compatible(t, s) || unitsDiffer(t.unit, s.unit) || kindsDiffer(t.measure, s.unit)) return IMPOSSIBLE;
  const { phrase, pageText, slotText } = phraseOf(t, s);
  const [row, group] = rowContainment(t, s);
  return {
    score: combine(t, s, rowAsWords(s, withAfter(t, s, phrase), row), row, group),
    pageText,
    slotText,
    unit: unitsAgree(t.unit, s.unit),
    row: row > ROW_NAMES,
  };
}
