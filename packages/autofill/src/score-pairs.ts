// All target × slot scores at once, fast enough for 300 blanks on a cold page (no JIT warm-up: the
// content script runs once per page). Only pairs with some textual evidence are scored: those whose
// phrases share a bigram (found through an inverted index, not by comparing every phrase with every
// phrase) and those whose row names the slot's item. Every other pair scores 0, below any match, and is
// not listed: the result is sparse.
// The arithmetic mirrors combine() in score.ts, on precomputed numbers instead of objects.
import { kindsDiffer, unitKey } from './same-unit.ts';
import { compatible, ROW_NAMES, rowAsWords } from './score.ts';
import type { SlotInfo } from './slot-info.ts';
import type { Target } from './target.ts';
import { gramSimilarity, grams, similarity } from './text.ts';

const KINDS = ['number', 'percent', 'text', 'boolean', 'date', 'phone'] as const;

/**
 * Another person than the one a labelled slot asks about: 审核人电话 or 单位负责人 beside 联系人 and 电话.
 * Their words contain the slot's (电话, 单位), so a page without the real box would get the contact's
 * number in its reviewer's; a labelled slot only takes a label that names the same role, or none.
 */
const ROLE = /负责人|审核人|审批人|签发人|签批人|领导|法定代表人|法人代表/;
export const roleOf = (texts: readonly string[]): string => {
  for (const x of texts) {
    const m = ROLE.exec(x);
    if (m) return m[0];
  }
  return '';
};

function interner() {
  const map = new Map<string, number>();
  return (key: string) => {
    let id = map.get(key);
    if (id === undefined) {
      id = map.size;
      map.set(key, id);
    }
    return id;
  };
}

/**
 * Scored target/slot pairs as parallel typed arrays (no object per pair: a 300-blank page has ~15,000),
 * sorted by target index. Entries past `count` are unused capacity.
 */
export const ROW_ITEM = 1;
export const ROW_GROUP = 2;

export interface PairTable {
  count: number;
  i: Int32Array;
  j: Int32Array;
  s: Float32Array;
  /** For the reason shown to the user: which page phrase and template phrase agreed best (p << 8 | q,
   * 0xffff for none). */
  phrase: Uint16Array;
  /** What the target's row names (ROW_* bits): the slot's item, the slot's group. */
  row: Uint8Array;
}

/** A typed array twice as long, starting with the same values. */
function doubled<T extends Int32Array | Float32Array | Uint16Array | Uint8Array>(a: T): T {
  const b = new (a.constructor as new (length: number) => T)(a.length * 2);
  b.set(a as ArrayLike<number>);
  return b;
}

/** Every compatible pair with a score above 0, in target order. */
export function scorePairs(targets: readonly Target[], infos: readonly SlotInfo[]): PairTable {
  const n = targets.length;
  const m = infos.length;
  const out: PairTable = {
    count: 0,
    i: new Int32Array(64),
    j: new Int32Array(64),
    s: new Float32Array(64),
    phrase: new Uint16Array(64),
    row: new Uint8Array(64),
  };
  const push = (i: number, j: number, s: number, phrase: number, row: number) => {
    if (out.count === out.i.length) {
      out.i = doubled(out.i);
      out.j = doubled(out.j);
      out.s = doubled(out.s);
      out.phrase = doubled(out.phrase);
      out.row = doubled(out.row);
    }
    out.i[out.count] = i;
    out.j[out.count] = j;
    out.s[out.count] = s;
    out.phrase[out.count] = phrase;
    out.row[out.count] = row;
    out.count++;
  };

  // Template side, once.
  const unitId = interner();
  const itemId = interner();
  const slotKind = new Uint8Array(m);
  const slotUnit = new Int32Array(m);
  const slotItem = new Int32Array(m);
  const itemSlots: number[][] = [];
  const itemOf: SlotInfo[] = [];
  const owner: number[] = [];
  const postings: number[][] = [];
  for (let j = 0; j < m; j++) {
    const s = infos[j] as SlotInfo;
    slotKind[j] = KINDS.indexOf(s.kind);
    slotUnit[j] = unitKey(s.unit) ? unitId(unitKey(s.unit)) : -1;
    const it = s.item ? itemId(`${s.item}\u0001${s.group}`) : -1;
    slotItem[j] = it;
    if (it >= 0) {
      if (!itemSlots[it]) {
        itemSlots[it] = [];
        itemOf[it] = s;
      }
      itemSlots[it]?.push(j);
    }
    for (const q of s.phrases) {
      const id = owner.length;
      const g = grams(q);
      owner.push(j);
      for (let a = 0; a < g.length; a++) {
        const x = g[a] as number;
        const list = postings[x];
        if (list) list.push(id);
        else postings[x] = [id];
      }
    }
  }
  const items = itemOf.length;
  // Item and group bigrams → items, so a row's containment of every item costs one pass over its bigrams.
  const itemPost: number[][] = [];
  const groupPost: number[][] = [];
  const itemSize = new Int32Array(items);
  const groupSize = new Int32Array(items);
  const index = (post: number[][], g: Int32Array, it: number) => {
    for (let a = 0; a < g.length; a++) {
      const x = g[a] as number;
      const list = post[x];
      if (list) list.push(it);
      else post[x] = [it];
    }
  };
  for (let it = 0; it < items; it++) {
    const s = itemOf[it] as SlotInfo;
    const gi = grams(s.item);
    const gg = s.group ? grams(s.group) : new Int32Array(0);
    itemSize[it] = gi.length;
    groupSize[it] = gg.length;
    index(itemPost, gi, it);
    index(groupPost, gg, it);
  }
  // compatible() reads only the slot's kind: one probe per kind, built once.
  const probes = infos.length ? KINDS.map((kind) => ({ ...(infos[0] as SlotInfo), kind })) : [];
  const itemHits = new Int32Array(items);
  const compat = new Uint8Array(KINDS.length);
  const groupHits = new Int32Array(items);

  // Per distinct row text: containment of each item (and its group) in it, computed once.
  const rowId = interner();
  const rowCache: Float32Array[] = [];
  // Bigrams most template phrases share (开展, 参与, 活动) only find everything; candidates come from the
  // rarer ones, and every candidate's similarity is then computed on all bigrams.
  const common = Math.max(8, Math.ceil(owner.length / 10));
  const seen = new Uint8Array(m);
  const candidates: number[] = [];
  const add = (j: number) => {
    if (!seen[j]) {
      seen[j] = 1;
      candidates.push(j);
    }
  };
  const slotGrams = infos.map((s) => s.phrases.map(grams));
  // Blanks with at most a short verb of their own (参与, or nothing): found through their neighbours.
  const few = infos.map((s) => grams(s.slot.before ?? '').length <= 2);
  const slotRoles = infos.map((s) => (s.ordered ? '' : s.phrases.join(' ')));

  for (let i = 0; i < n; i++) {
    const t = targets[i] as Target;
    // Which slot kinds this control can hold.
    for (let k = 0; k < probes.length; k++) compat[k] = compatible(t, probes[k] as SlotInfo) ? 1 : 0;
    const tUnit = unitKey(t.unit) ? unitId(unitKey(t.unit)) : -1;
    const tKind = t.first.kind;
    const tGrams = t.phrases.map(grams);
    const tRole = roleOf(t.phrases);

    for (let p = 0; p < tGrams.length; p++) {
      const gp = tGrams[p] as Int32Array;
      let rare = false;
      for (let a = 0; a < gp.length; a++) {
        const list = postings[gp[a] as number];
        if (!list || list.length > common) continue;
        rare = true;
        for (let b = 0; b < list.length; b++) add(owner[list[b] as number] as number);
      }
      if (rare) continue;
      for (let a = 0; a < gp.length; a++) {
        const list = postings[gp[a] as number];
        if (list) for (let b = 0; b < list.length; b++) add(owner[list[b] as number] as number);
      }
    }
    // A blank of few words beside a found one in its item is a candidate too: "创新活动参与人次" finds
    // 创新开展（ ） by its rare words, and the 参与（ ）人次 after it only by the common ones.
    for (let c = 0, found = candidates.length; c < found; c++) {
      const j = candidates[c] as number;
      const it = slotItem[j] as number;
      if (it < 0) continue;
      for (let near = j - 1; near <= j + 2; near++)
        if (near >= 0 && near < m && few[near] && slotItem[near] === it) add(near);
    }

    let rows: Float32Array | undefined;
    if (t.row && items) {
      const r = rowId(t.row);
      rows = rowCache[r];
      if (!rows) {
        rows = new Float32Array(items * 2);
        itemHits.fill(0);
        groupHits.fill(0);
        const gr = grams(t.row);
        for (let a = 0; a < gr.length; a++) {
          const x = gr[a] as number;
          const il = itemPost[x];
          if (il)
            for (let b = 0; b < il.length; b++)
              itemHits[il[b] as number] = (itemHits[il[b] as number] as number) + 1;
          const gl = groupPost[x];
          if (gl)
            for (let b = 0; b < gl.length; b++)
              groupHits[gl[b] as number] = (groupHits[gl[b] as number] as number) + 1;
        }
        // Same numbers as rowContainment() in score.ts: share of the item's (group's) bigrams in the row.
        for (let it = 0; it < items; it++) {
          rows[it * 2] = itemSize[it] ? (itemHits[it] as number) / (itemSize[it] as number) : 0;
          rows[it * 2 + 1] = groupSize[it] ? (groupHits[it] as number) / (groupSize[it] as number) : 0;
        }
        rowCache[r] = rows;
      }
      for (let it = 0; it < items; it++) {
        if ((rows[it * 2] as number) <= ROW_NAMES) continue;
        const list = itemSlots[it];
        if (!list) continue;
        for (let b = 0; b < list.length; b++) {
          const j = list[b] as number;
          if (!seen[j]) {
            seen[j] = 1;
            candidates.push(j);
          }
        }
      }
    }

    for (let c = 0; c < candidates.length; c++) {
      const j = candidates[c] as number;
      seen[j] = 0;
      const sk = slotKind[j] as number;
      if (!compat[sk]) continue;
      const su = slotUnit[j] as number;
      // Another unit counts another thing: not a candidate at all, whatever the words (scorePair).
      if (tUnit >= 0 && su >= 0 && tUnit !== su) continue;
      const s = infos[j] as SlotInfo;
      // Nor a name whose measure word counts the other kind (网络课堂培训人次 against a 场 blank).
      if (t.measure && kindsDiffer(t.measure, s.unit)) continue;
      if (tRole && !s.ordered && !(slotRoles[j] as string).includes(tRole)) continue;
      let ph = 0;
      let best = 0xffff;
      const sGrams = slotGrams[j] as Int32Array[];
      for (let p = 0; p < tGrams.length; p++) {
        const gp = tGrams[p] as Int32Array;
        if (!gp.length) continue;
        for (let q = 0; q < sGrams.length; q++) {
          const v = gramSimilarity(gp, sGrams[q] as Int32Array);
          if (v > ph) {
            ph = v;
            best = p < 255 && q < 256 ? (p << 8) | q : 0xffff;
          }
        }
      }
      if (t.after && s.after) ph = Math.max(ph, 0.5 * ph + 0.5 * similarity(t.after, s.after));
      const it = slotItem[j] as number;
      if (rows && it >= 0) ph = rowAsWords(s, ph, rows[it * 2] as number);
      let score = 0.75 * ph;
      if (tUnit >= 0 && su >= 0) score += 0.2;
      else if (tUnit >= 0 && (sk === 2 || sk === 4 || sk === 5)) score -= 0.3;
      if (rows && it >= 0) score += 0.15 * (rows[it * 2] as number) + 0.05 * (rows[it * 2 + 1] as number);
      if ((tKind === 'date' && sk === 4) || (tKind === 'tel' && sk === 5)) score += 0.1;
      if (tKind === 'number' && (sk === 0 || sk === 1)) score += 0.05;
      if (t.boolean && sk === 3) score += 0.05;
      if (score > 0) {
        let row = 0;
        if (rows && it >= 0) {
          if ((rows[it * 2] as number) > ROW_NAMES) row |= ROW_ITEM;
          if ((rows[it * 2 + 1] as number) > ROW_NAMES) row |= ROW_GROUP;
        }
        push(i, j, Math.min(1, score), best, row);
      }
    }
    candidates.length = 0;
  }
  return out;
}
