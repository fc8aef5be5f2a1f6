// How well one target fits one slot: 0..1, or -1 when the control cannot hold the slot's kind.
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
  if (s.kind === 'boolean') return t.boolean;
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

export function scorePair(t: Target, s: SlotInfo): PairScore {
  if (!compatible(t, s)) return IMPOSSIBLE;
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
  if (t.after && s.after) phrase = Math.max(phrase, 0.5 * phrase + 0.5 * similarity(t.after, s.after));
  let score = 0.75 * phrase;
  const unit = !!t.unit && t.unit === s.unit;
  if (t.unit && s.unit) score += unit ? 0.2 : -0.6;
  else if (t.unit && (s.kind === 'text' || s.kind === 'date' || s.kind === 'phone')) score -= 0.3;
  let row = false;
  if (t.row && s.item) {
    const c = containment(s.item, t.row);
    row = c > 0.8;
    score += 0.15 * c + (s.group ? 0.05 * containment(s.group, t.row) : 0);
  }
  const k = t.first.kind;
  if ((k === 'date' && s.kind === 'date') || (k === 'tel' && s.kind === 'phone')) score += 0.1;
  if (k === 'number' && (s.kind === 'number' || s.kind === 'percent')) score += 0.05;
  if (t.boolean && s.kind === 'boolean') score += 0.05;
  return { score: Math.max(0, Math.min(1, score)), pageText, slotText, unit, row };
}
