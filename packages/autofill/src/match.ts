// match(fields, slots) → Match[]: learned mappings first, then labelled slots (header, liaison) by best
// label, then table blanks by an order-preserving alignment so repeated phrases ("参与（ ）人次") fall
// into place. Every match carries a confidence; only confident ones are 'matched'.

import { bestChain } from './best-chain.ts';
import { type Doubt, doubtOf, pageRows, rowRefutes, wordsOf } from './doubt.ts';
import { otherUnitReason } from './other-unit.ts';
import { slotUnit, unitKey, unitsAgree, unitsDiffer } from './same-unit.ts';
import { type PairScore, scorePair } from './score.ts';
import { ROW_ITEM, scorePairs } from './score-pairs.ts';
import { type SlotInfo, slotInfos } from './slot-info.ts';
import { agreement, type Link, SOME_WORDS, STRUCTURE_DISAGREES, vouched, WORDS_ALONE } from './structure.ts';
import { type Target, targetsOf } from './target.ts';
import { cut, similarity } from './text.ts';
import type { Field, LearnedMapping, Match, MatchOptions, MatchSlot } from './types.ts';
import { foreignWords } from './vocabulary.ts';
import { widgetDoubt } from './widget.ts';

/** Pairs below this never match; the alignment pays this much per pair so weak pairs do not crowd in. */
const MIN_SCORE = 0.25;
const PAIR_COST = 0.2;
const LABEL_MIN = 0.45;
/** Out-of-order pairs need this much evidence on their own. */
const REPAIR_MIN = 0.6;

interface Assignment {
  slot: SlotInfo;
  detail: PairScore;
  confidence: number;
  reason: string;
  /** Why a confident pair still waits for the person: another activity in the row, other words. */
  doubt?: Doubt;
}

const confidenceOf = (score: number, margin: number) =>
  score < MIN_SCORE ? 0 : Math.min(1, 0.3 + 0.35 * score + 0.7 * Math.max(0, margin));

/** A learned choice of another unit's blank, confirmed for the units the page and the blank count in now. */
const confirmedAcross = (l: LearnedMapping, page: string | undefined, blank: string | undefined) =>
  !!l.units && unitKey(l.units.page) === unitKey(page) && unitKey(l.units.blank) === unitKey(blank);

function reasonOf(d: PairScore, s: SlotInfo, byOrder: boolean): string {
  const parts: string[] = [];
  if (d.pageText && d.slotText) parts.push(`页面「${cut(d.pageText)}」对应表中「${cut(d.slotText)}」`);
  if (d.unit) parts.push(`单位「${s.unit}」一致`);
  if (d.row && s.item) parts.push(`同在「${cut(s.item, 16)}」一行`);
  if (byOrder) parts.push('前后顺序一致');
  return parts.join('，') || '位置与类型相符';
}

/**
 * On a page with period columns (本周 | 累计 side by side), each column is matched on its own, as if it
 * were the page's only one, so a blank can be found in both; every control then says which figure it takes
 * (`measure`). Other pages are matched as they always were.
 */
export function match(
  fields: readonly Field[],
  slots: readonly MatchSlot[],
  options: MatchOptions = {},
): Match[] {
  const matches = matchAll(fields, slots, options);
  // A combobox found to offer more than one option that fits waits for the person, whatever the words say.
  for (const m of matches) {
    const doubt =
      (m.field.widget || m.field.kind === 'select') && m.slotId && m.status !== 'unmatched'
        ? widgetDoubt(m.field.control)
        : undefined;
    if (doubt) Object.assign(m, { status: 'unsure', reason: doubt });
  }
  return matches;
}

function matchAll(fields: readonly Field[], slots: readonly MatchSlot[], options: MatchOptions): Match[] {
  const periodFields = fields.filter((f) => f.period);
  if (!periodFields.length) return matchColumn(fields, slots, options);
  const plain = periodFields.map(({ period: _, ...f }) => f as Field);
  const original = new Map(plain.map((f, i) => [f, periodFields[i] as Field]));
  const forPeriod = matchColumn(plain, slots, options).map(
    (m): Match => ({ ...m, field: original.get(m.field) ?? m.field, measure: 'period' }),
  );
  // A 累计 control in the same table row as a period control is the same blank (组织观看（场）| 本周 | 累计):
  // the k-th of each in a row pair up when a row has as many of both. The others are matched on their own.
  const byRow = <T>(items: readonly T[], fieldOf: (x: T) => Field) => {
    const rows = new Map<Element, T[]>();
    for (const x of items) {
      const row = fieldOf(x).control.closest('tr');
      if (row) rows.set(row, [...(rows.get(row) ?? []), x]);
    }
    return rows;
  };
  const cumulative = fields.filter((f) => f.cumulative);
  const periodRows = byRow(forPeriod, (m) => m.field);
  const mates = new Map<Field, Match>();
  const orphans: Field[] = [];
  // A 累计 column that states its own unit (本周 | 累计（人次）) can count another thing than the row's blank.
  const blankUnit = new Map(slots.map((s) => [s.id, slotUnit(s)]));
  const otherUnit: Match[] = [];
  for (const [row, list] of byRow(cumulative, (f) => f)) {
    const inRow = periodRows.get(row);
    if (!inRow) continue;
    // Same words around the control in both cells (none, usually): the same blank.
    const open = [...inRow];
    for (const f of list) {
      const k = open.findIndex((m) => m.field.before === f.before && m.field.after === f.after);
      if (k === -1) {
        orphans.push(f);
        continue;
      }
      const mate = open.splice(k, 1)[0] as Match;
      const unit = mate.slotId ? (blankUnit.get(mate.slotId) ?? '') : '';
      if (!unitsDiffer(f.unit, unit)) mates.set(f, mate);
      else
        otherUnit.push({
          field: f,
          slotId: null,
          confidence: 0,
          reason: `单位不同，不填写：此处为“${f.unit}”，本行「${mate.field.period}」栏的空以“${unit}”计`,
          status: 'unmatched',
          measure: 'cumulative',
        });
    }
  }
  const forCumulative = [
    ...[...mates].map(
      ([field, mate]): Match => ({
        ...mate,
        field,
        reason: mate.slotId ? `与本行「${mate.field.period}」栏是同一空；${mate.reason}` : mate.reason,
        measure: 'cumulative',
      }),
    ),
    // A 累计 control of a row whose period controls it does not pair with: left to the person.
    ...orphans.map(
      (field): Match => ({
        field,
        slotId: null,
        confidence: 0,
        reason: '本行的本期栏没有与它对应的空，不自动填写',
        status: 'unmatched',
        measure: 'cumulative',
      }),
    ),
    ...otherUnit,
    ...matchColumn(
      cumulative.filter(
        (f) => !mates.has(f) && !orphans.includes(f) && !otherUnit.some((m) => m.field === f),
      ),
      slots,
      options,
    ).map((m): Match => ({ ...m, measure: 'cumulative' })),
  ];
  // Other columns of such a table (备注, 完成情况) are neither figure: never filled by the engine. Controls
  // outside the table (填报单位, 联系人) are matched as always.
  const rest = fields.filter((f) => !f.period && !f.cumulative);
  const inTable = rest.filter((f) => f.colHeaders.length > 0);
  const forRest = [
    ...matchColumn(
      rest.filter((f) => f.colHeaders.length === 0),
      slots,
      options,
    ),
    ...inTable.map(
      (field): Match => ({
        field,
        slotId: null,
        confidence: 0,
        reason: '这一栏既不是本期的数也不是累计数，不自动填写',
        status: 'unmatched',
      }),
    ),
  ];
  return [...forPeriod, ...forCumulative, ...forRest].sort((x, y) => x.field.order - y.field.order);
}

function matchColumn(
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
  const learned = new Map((options.learned ?? []).map((l) => [l.fieldKey, l]));
  for (const t of targets) {
    const hit = t.fields.find((f) => learned.has(f.key));
    if (!hit) continue;
    const l = learned.get(hit.key) as LearnedMapping;
    if (l.slotId === null) {
      result.set(t, null); // "never fill this control"
      continue;
    }
    // A slot the template no longer has (or one already taken): the correction is stale, match normally.
    const slot = byId.get(l.slotId);
    if (!slot || usedSlots.has(slot)) continue;
    // Another unit's blank only by a choice confirmed for exactly these two units. A plain correction to
    // one was saved when the panel still offered such pairs (a ticked 需确认 row), not chosen as such;
    // and a page that now counts in a third unit asks a question nobody has answered.
    const across = unitsDiffer(t.unit, slot.unit);
    if (across && !confirmedAcross(l, t.unit, slot.unit)) continue;
    usedSlots.add(slot);
    const detail = scorePair(t, slot);
    const reason = across
      ? `已确认的对应关系：此处为“${t.unit}”，所填的空以“${slot.unit}”计`
      : '同事校正过的对应关系';
    result.set(t, { slot, detail, confidence: 1, reason });
  }

  const rows = pageRows(targets, infos);

  // A week's (month's …) number is not the log's total: match() gives period controls a pass of their own.
  for (const t of targets) if (!result.has(t) && t.first.period) result.set(t, null);

  const free = targets.filter((t) => !result.has(t));
  const n = free.length;
  const m = infos.length;
  const table = scorePairs(free, infos);
  const K = table.count;
  const { i: pi, j: pj, s: ps } = table;
  // Pairs are in target order: target i owns pairs targetStart[i] .. targetStart[i + 1] - 1.
  const targetStart = new Int32Array(n + 1);
  for (let k = 0; k < K; k++)
    targetStart[(pi[k] as number) + 1] = (targetStart[(pi[k] as number) + 1] as number) + 1;
  for (let i = 0; i < n; i++)
    targetStart[i + 1] = (targetStart[i + 1] as number) + (targetStart[i] as number);
  // And by slot: the pair indices of slot j are bySlot[slotStart[j] .. slotStart[j + 1] - 1].
  const slotStart = new Int32Array(m + 1);
  for (let k = 0; k < K; k++)
    slotStart[(pj[k] as number) + 1] = (slotStart[(pj[k] as number) + 1] as number) + 1;
  for (let j = 0; j < m; j++) slotStart[j + 1] = (slotStart[j + 1] as number) + (slotStart[j] as number);
  const bySlot = new Int32Array(K);
  const fillAt = slotStart.slice(0, m);
  for (let k = 0; k < K; k++) {
    const j = pj[k] as number;
    bySlot[fillAt[j] as number] = k;
    fillAt[j] = (fillAt[j] as number) + 1;
  }
  const slotUsed = new Uint8Array(m);
  infos.forEach((s, j) => {
    if (usedSlots.has(s)) slotUsed[j] = 1;
  });
  const ordered = new Uint8Array(m);
  infos.forEach((s, j) => {
    if (s.ordered) ordered[j] = 1;
  });
  const taken = new Uint8Array(n);
  const refuted = (q: number) =>
    rowRefutes(
      free[pi[q] as number] as Target,
      infos[pj[q] as number] as SlotInfo,
      table.row[q] as number,
      rows,
    );
  const assign = (k: number, margin: number, byOrder: boolean) => {
    const slot = infos[pj[k] as number] as SlotInfo;
    const t = free[pi[k] as number] as Target;
    taken[pi[k] as number] = 1;
    slotUsed[pj[k] as number] = 1;
    usedSlots.add(slot);
    // The table already knows which phrases agreed: no second scoring for the reason text.
    const best = table.phrase[k] as number;
    const detail: PairScore = {
      score: ps[k] as number,
      pageText: best === 0xffff ? '' : (t.phrases[best >> 8] ?? ''),
      slotText: best === 0xffff ? '' : (slot.phrases[best & 0xff] ?? ''),
      unit: unitsAgree(t.unit, slot.unit),
      row: ((table.row[k] as number) & ROW_ITEM) !== 0,
    };
    result.set(t, {
      slot,
      detail,
      doubt: doubtOf(t, slot, detail, table.row[k] as number, rows),
      confidence: confidenceOf(ps[k] as number, margin),
      reason: reasonOf(detail, slot, byOrder && (margin < 0.2 || !detail.pageText)),
    });
  };

  // 2. Labelled slots (header fields, liaison) go to the best label anywhere on the page.
  const labelled: number[] = [];
  for (let k = 0; k < K; k++) {
    if (!ordered[pj[k] as number] && !slotUsed[pj[k] as number] && (ps[k] as number) >= LABEL_MIN)
      labelled.push(k);
  }
  labelled.sort((a, b) => (ps[b] as number) - (ps[a] as number));
  for (const k of labelled) {
    const i = pi[k] as number;
    const j = pj[k] as number;
    if (taken[i] || slotUsed[j]) continue;
    let alt = 0;
    for (let q = targetStart[i] as number; q < (targetStart[i + 1] as number); q++) {
      if (pj[q] !== j && !ordered[pj[q] as number]) alt = Math.max(alt, ps[q] as number);
    }
    for (let x = slotStart[j] as number; x < (slotStart[j + 1] as number); x++) {
      const q = bySlot[x] as number;
      if (pi[q] !== i && !taken[pi[q] as number]) alt = Math.max(alt, ps[q] as number);
    }
    assign(k, (ps[k] as number) - alt, false);
  }

  // On a page that mostly disagrees with the table, words alone must be close (see structure.ts).
  let agrees = 1;
  const alone = (k: number) => {
    const t = free[pi[k] as number] as Target;
    const a = result.get(t);
    if (!a || a.doubt || !a.slot.ordered || agrees >= STRUCTURE_DISAGREES) return;
    if ((table.row[k] as number) & ROW_ITEM || wordsOf(t, a.slot) >= WORDS_ALONE) return;
    a.doubt = { kind: 'page', text: '页面上多数栏目与此表对不上，此项说法与表中也不完全相同' };
  };
  let labelledTaken = 0;
  for (let i = 0; i < n; i++) labelledTaken += taken[i] as number;

  // 3. Table blanks: the order-preserving alignment with the highest total score.
  const openTarget = taken.map((x) => (x ? 0 : 1));
  const openSlot = ordered.map((o, j) => (o && !slotUsed[j] ? 1 : 0));
  const ci = new Int32Array(K);
  const cj = new Int32Array(K);
  const cw = new Float64Array(K);
  const ck = new Int32Array(K);
  let c = 0;
  for (let k = 0; k < K; k++) {
    if ((ps[k] as number) < MIN_SCORE || !openTarget[pi[k] as number] || !openSlot[pj[k] as number]) continue;
    ci[c] = pi[k] as number;
    cj[c] = pj[k] as number;
    cw[c] = (ps[k] as number) - PAIR_COST;
    ck[c] = k;
    c++;
  }
  const chain = bestChain(ci, cj, cw, c, m).map((x) => ck[x] as number);
  for (let x = 0; x < chain.length; x++) {
    const k = chain[x] as number;
    const i = pi[k] as number;
    const j = pj[k] as number;
    const before = chain[x - 1];
    const after = chain[x + 1];
    const iPrev = before === undefined ? -1 : (pi[before] as number);
    const jPrev = before === undefined ? -1 : (pj[before] as number);
    const iNext = after === undefined ? n : (pi[after] as number);
    const jNext = after === undefined ? m : (pj[after] as number);
    // Competitors are only those the order leaves possible: between the neighbouring pairs, and not
    // about another activity than the page's row names ("参与（ ）人次" is in many rows).
    let alt = 0;
    for (let q = targetStart[i] as number; q < (targetStart[i + 1] as number); q++) {
      const j2 = pj[q] as number;
      if (q !== k && j2 > jPrev && j2 < jNext && openSlot[j2] && !refuted(q))
        alt = Math.max(alt, ps[q] as number);
    }
    for (let y = slotStart[j] as number; y < (slotStart[j + 1] as number); y++) {
      const q = bySlot[y] as number;
      const i2 = pi[q] as number;
      if (q !== k && i2 > iPrev && i2 < iNext && openTarget[i2] && !refuted(q))
        alt = Math.max(alt, ps[q] as number);
    }
    assign(k, (ps[k] as number) - alt, true);
  }

  // The table as a whole: rows the template's order vouches for between rows matched with certainty.
  const links: Link[] = chain.map((k) => {
    const t = free[pi[k] as number] as Target;
    const s = infos[pj[k] as number] as SlotInfo;
    const a = result.get(t) as Assignment;
    const kindAgrees =
      s.kind === 'boolean'
        ? t.boolean
        : s.unit
          ? unitsAgree(t.unit, s.unit)
          : !t.unit && s.kind === 'text' && !t.boolean;
    return {
      i: pi[k] as number,
      j: pj[k] as number,
      sure: a.confidence >= matchedAt && !a.doubt,
      // Some word of the page's must be the template's too: a row asking something else entirely
      // (印发宣传册 where the template has 组织观看警示片) is another question in that place.
      // Nor one that names something the table never speaks of (网络答题 where it has 网络课堂培训).
      rescuable:
        kindAgrees &&
        (!a.doubt || a.doubt.kind === 'words') &&
        !foreignWords(a.detail.pageText || (t.phrases[0] ?? ''), rows.vocabulary) &&
        Math.max(a.detail.pageText ? similarity(a.detail.pageText, a.detail.slotText) : 0, wordsOf(t, s)) >=
          SOME_WORDS,
    };
  });
  let firstSlot = -1;
  let lastSlot = -1;
  for (let j = 0; j < m; j++) {
    if (!ordered[j]) continue;
    if (firstSlot < 0) firstSlot = j;
    lastSlot = j;
  }
  const tableRows = taken.length - labelledTaken;
  agrees = agreement(links, tableRows);
  for (const k of chain) alone(k);
  for (const x of vouched(links, tableRows, firstSlot, lastSlot)) {
    const t = free[pi[chain[x] as number] as number] as Target;
    const a = result.get(t) as Assignment;
    result.set(t, {
      ...a,
      doubt: undefined,
      confidence: Math.max(a.confidence, matchedAt),
      reason: `${a.reason}，与前后已确定的各行顺序、单位一致`,
    });
  }

  // 4. Strong pairs the order left out (a portal that shows sections in another order): best first,
  // judged against every competitor still open since order no longer narrows them down.
  const rest: number[] = [];
  for (let k = 0; k < K; k++) {
    if ((ps[k] as number) >= REPAIR_MIN && !taken[pi[k] as number] && !slotUsed[pj[k] as number])
      rest.push(k);
  }
  rest.sort((a, b) => (ps[b] as number) - (ps[a] as number));
  for (const k of rest) {
    const i = pi[k] as number;
    const j = pj[k] as number;
    if (taken[i] || slotUsed[j]) continue;
    let alt = 0;
    for (let q = targetStart[i] as number; q < (targetStart[i + 1] as number); q++) {
      if (q !== k && !slotUsed[pj[q] as number]) alt = Math.max(alt, ps[q] as number);
    }
    for (let y = slotStart[j] as number; y < (slotStart[j + 1] as number); y++) {
      const q = bySlot[y] as number;
      if (q !== k && !taken[pi[q] as number]) alt = Math.max(alt, ps[q] as number);
    }
    assign(k, (ps[k] as number) - alt, false);
    alone(k);
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
          reason: field.period
            ? `这一栏要的是「${field.period}」的数，台账给出的是累计数，不自动填写`
            : result.has(t)
              ? '同事校正：此处不填'
              : otherUnitReason(t, infos) || '表中没有对应的空',
          status: 'unmatched',
        });
        continue;
      }
      const sure = a.confidence >= matchedAt;
      const status = sure && !a.doubt ? 'matched' : a.confidence >= unsureAt ? 'unsure' : 'unmatched';
      out.push({
        field,
        slotId: status === 'unmatched' ? null : a.slot.slot.id,
        confidence: Math.round(a.confidence * 100) / 100,
        reason:
          status !== 'unsure'
            ? a.reason
            : `${a.reason}（${sure && a.doubt ? a.doubt.text : '把握不大'}，请确认）`,
        status,
      });
    }
  }
  return out.sort((x, y) => x.field.order - y.field.order);
}
