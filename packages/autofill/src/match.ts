// match(fields, slots) → Match[]: learned mappings first, then labelled slots (header, liaison) by best
// label, then table blanks by an order-preserving alignment so repeated phrases ("参与（ ）人次") fall
// into place. Every match carries a confidence; only confident ones are 'matched'.
import { type PairScore, scorePair } from './score.ts';
import { type SlotInfo, slotInfos } from './slot-info.ts';
import { type Target, targetsOf } from './target.ts';
import type { Field, Match, MatchOptions, MatchSlot } from './types.ts';

/** Pairs below this never match; the alignment pays this much per pair so weak pairs do not crowd in. */
const MIN_SCORE = 0.25;
const PAIR_COST = 0.2;
const LABEL_MIN = 0.45;

interface Assignment {
  slot: SlotInfo;
  detail: PairScore;
  confidence: number;
  reason: string;
}

const cut = (s: string, n = 24) => (s.length > n ? `${s.slice(0, n)}…` : s);

const confidenceOf = (score: number, margin: number) =>
  score < MIN_SCORE ? 0 : Math.min(1, 0.3 + 0.35 * score + 0.7 * Math.max(0, margin));

function reasonOf(d: PairScore, s: SlotInfo, byOrder: boolean): string {
  const parts: string[] = [];
  if (d.pageText && d.slotText) parts.push(`页面「${cut(d.pageText)}」对应模板「${cut(d.slotText)}」`);
  if (d.unit) parts.push(`单位「${s.unit}」一致`);
  if (d.row && s.item) parts.push(`同在「${cut(s.item, 16)}」一行`);
  if (byOrder) parts.push('前后顺序一致');
  return parts.join('，') || '位置与类型相符';
}

export function match(
  fields: readonly Field[],
  slots: readonly MatchSlot[],
  options: MatchOptions = {},
): Match[] {
  const matchedAt = options.matchedAt ?? 0.7;
  const unsureAt = options.unsureAt ?? 0.35;
  const targets = targetsOf(fields);
  const infos = slotInfos(slots);
  const byId = new Map(infos.map((s) => [s.slot.id, s]));
  const result = new Map<Target, Assignment | null>();
  const usedSlots = new Set<SlotInfo>();

  // 1. Learned corrections win: the user said so.
  const learned = new Map((options.learned ?? []).map((l) => [l.fieldKey, l.slotId]));
  for (const t of targets) {
    const hit = t.fields.find((f) => learned.has(f.key));
    if (!hit) continue;
    const slotId = learned.get(hit.key);
    const slot = slotId ? byId.get(slotId) : undefined;
    if (!slot || usedSlots.has(slot)) {
      result.set(t, null);
      continue;
    }
    usedSlots.add(slot);
    const detail = scorePair(t, slot);
    result.set(t, { slot, detail, confidence: 1, reason: '同事校正过的对应关系' });
  }

  const free = targets.filter((t) => !result.has(t));
  const scores = free.map((t) => infos.map((s) => (usedSlots.has(s) ? -1 : scorePair(t, s).score)));
  const at = (i: number, j: number) => scores[i]?.[j] ?? -1;

  // 2. Labelled slots (header fields, liaison) go to the best label anywhere on the page.
  const labelled = infos.map((s, j) => [s, j] as const).filter(([s]) => !s.ordered && !usedSlots.has(s));
  const pairs: [number, number, number][] = [];
  for (let i = 0; i < free.length; i++) {
    for (const [, j] of labelled) if (at(i, j) >= LABEL_MIN) pairs.push([at(i, j), i, j]);
  }
  pairs.sort((a, b) => b[0] - a[0]);
  const takenTargets = new Set<number>();
  for (const [score, i, j] of pairs) {
    const slot = infos[j] as SlotInfo;
    if (takenTargets.has(i) || usedSlots.has(slot)) continue;
    let alt = 0;
    for (const [, j2] of labelled) if (j2 !== j) alt = Math.max(alt, at(i, j2));
    for (let i2 = 0; i2 < free.length; i2++)
      if (i2 !== i && !takenTargets.has(i2)) alt = Math.max(alt, at(i2, j));
    takenTargets.add(i);
    usedSlots.add(slot);
    const t = free[i] as Target;
    const detail = scorePair(t, slot);
    result.set(t, {
      slot,
      detail,
      confidence: confidenceOf(score, score - alt),
      reason: reasonOf(detail, slot, false),
    });
  }

  // 3. Table blanks: the order-preserving alignment with the highest total score.
  const rows = free.map((_, i) => i).filter((i) => !takenTargets.has(i));
  const cols = infos
    .map((_, j) => j)
    .filter((j) => (infos[j] as SlotInfo).ordered && !usedSlots.has(infos[j] as SlotInfo));
  const n = rows.length;
  const m = cols.length;
  const best = new Float64Array((n + 1) * (m + 1));
  const move = new Uint8Array((n + 1) * (m + 1)); // 0 skip target, 1 skip slot, 2 pair
  for (let a = 1; a <= n; a++) {
    for (let b = 1; b <= m; b++) {
      const k = a * (m + 1) + b;
      let v = best[k - (m + 1)] as number;
      let mv = 0;
      const left = best[k - 1] as number;
      if (left > v) {
        v = left;
        mv = 1;
      }
      const s = at(rows[a - 1] as number, cols[b - 1] as number);
      if (s >= MIN_SCORE) {
        const diag = (best[k - (m + 1) - 1] as number) + s - PAIR_COST;
        if (diag > v) {
          v = diag;
          mv = 2;
        }
      }
      best[k] = v;
      move[k] = mv;
    }
  }
  const aligned: [number, number][] = [];
  for (let a = n, b = m; a > 0 && b > 0; ) {
    const mv = move[a * (m + 1) + b];
    if (mv === 2) {
      aligned.unshift([rows[a - 1] as number, cols[b - 1] as number]);
      a--;
      b--;
    } else if (mv === 1) b--;
    else a--;
  }
  for (let p = 0; p < aligned.length; p++) {
    const [i, j] = aligned[p] as [number, number];
    const [iPrev, jPrev] = aligned[p - 1] ?? [-1, -1];
    const [iNext, jNext] = aligned[p + 1] ?? [free.length, infos.length];
    const score = at(i, j);
    // Competitors are only those the order leaves possible: between the neighbouring pairs.
    let alt = 0;
    for (const j2 of cols) if (j2 > jPrev && j2 < jNext && j2 !== j) alt = Math.max(alt, at(i, j2));
    for (const i2 of rows) if (i2 > iPrev && i2 < iNext && i2 !== i) alt = Math.max(alt, at(i2, j));
    const slot = infos[j] as SlotInfo;
    const t = free[i] as Target;
    const detail = scorePair(t, slot);
    const margin = score - alt;
    result.set(t, {
      slot,
      detail,
      confidence: confidenceOf(score, margin),
      reason: reasonOf(detail, slot, margin < 0.2 || !detail.pageText),
    });
  }

  const out: Match[] = [];
  for (const t of targets) {
    const a = result.get(t);
    for (const field of t.fields) {
      if (!a) {
        out.push({
          field,
          slotId: null,
          confidence: 0,
          reason: result.has(t) ? '同事校正：此处不填' : '模板中没有对应的空',
          status: 'unmatched',
        });
        continue;
      }
      const status =
        a.confidence >= matchedAt ? 'matched' : a.confidence >= unsureAt ? 'unsure' : 'unmatched';
      out.push({
        field,
        slotId: status === 'unmatched' ? null : a.slot.slot.id,
        confidence: Math.round(a.confidence * 100) / 100,
        reason: status === 'unsure' ? `${a.reason}（把握不大，请确认）` : a.reason,
        status,
      });
    }
  }
  return out.sort((x, y) => x.field.order - y.field.order);
}
