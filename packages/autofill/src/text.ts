// Text normalisation shared by scan and match: one place for synonyms, units and similarity.
import { UNITS } from '@tianbao/templates';

/** Words portals use for the same thing; every variant is rewritten to the first entry before comparing. */
export const SYNONYMS: readonly (readonly string[])[] = [
  ['联系人', '填报人', '报送人', '填表人'],
  ['办公电话', '座机', '办公室电话', '固定电话', '固话'],
  ['手机', '移动电话', '手机号码', '手机号'],
  ['电子邮箱', '电子邮件', 'e-mail', 'email', '邮箱', '邮件地址'],
  ['填报日期', '填报时间', '填表日期', '报送日期', '填表时间'],
  ['通讯地址', '通信地址', '联系地址'],
  ['qq', 'qq号码', 'qq号'],
  ['微信', '微信号'],
  ['填报单位', '报送单位', '填表单位', '上报单位', '报告单位'],
  ['单位', '工作单位', '单位名称', '所在单位'],
  ['职务', '职称', '职务职称'],
  ['电话', '联系电话', '电话号码'],
];

// Canonical words are in the pattern too (mapping to themselves), so the longest match wins at each
// position: '电子邮箱' stays itself instead of having its '邮箱' rewritten.
const canonical = new Map(
  SYNONYMS.flatMap((group) => group.map((word) => [word, group[0] as string] as const)),
);
const synonymPattern = new RegExp(
  [...canonical.keys()]
    .sort((a, b) => b.length - a.length)
    .map((word) => word.replace(/[-.]/g, '\\$&'))
    .join('|'),
  'g',
);

const unitSet = new Set(UNITS);

/** A text cut to n characters with an ellipsis, for reasons shown to the user. */
export const cut = (s: string, n = 24): string => (s.length > n ? `${s.slice(0, n)}…` : s);

/** A cell or text that says "no figure here" (— or ／ where a row has nothing for that column): names nothing. */
export const saysNothing = (s: string): boolean => /^[—–\-－/／\\×]+$/.test(s);

/** Collapses whitespace and trims; safe for display. */
export const clean = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

/** Comparable form: NFKC, lower case, no spaces, quotes, underscores or brackets, synonyms rewritten. */
const normalized = new Map<string, string>();
export function normalize(s: string): string {
  // A page repeats its row and column texts for every blank: each is normalised once.
  const known = normalized.get(s);
  if (known !== undefined) return known;
  const n = s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_＿“”‘’"'`《》〈〉「」『』【】[\]()（）<>:：*＊·•…]+/g, '')
    .replace(synonymPattern, (m) => canonical.get(m) ?? m);
  if (normalized.size > 20_000) normalized.clear();
  normalized.set(s, n);
  return n;
}

// Bigrams are interned as small integers and kept as sorted, duplicate-free Int32Arrays: counting the
// shared ones is then a merge of two arrays. The engine runs once on a cold page, where iterating Sets
// allocates an iterator result per element (5.6 MB for a 300-blank page, several scavenges).
const gramIds = new Map<string, number>();
const gramCache = new Map<string, Int32Array>();
const EMPTY = new Int32Array(0);

/** Character bigrams of the normalised text (a single character stands for itself), as sorted ids. */
export function grams(s: string): Int32Array {
  let g = gramCache.get(s);
  if (g) return g;
  const n = normalize(s);
  if (!n) g = EMPTY;
  else {
    const count = n.length === 1 ? 1 : n.length - 1;
    const ids = new Int32Array(count);
    for (let i = 0; i < count; i++) {
      const key = n.length === 1 ? n : n.slice(i, i + 2);
      let id = gramIds.get(key);
      if (id === undefined) {
        id = gramIds.size;
        gramIds.set(key, id);
      }
      ids[i] = id;
    }
    ids.sort();
    let w = 0;
    for (let i = 0; i < count; i++) if (i === 0 || ids[i] !== ids[w - 1]) ids[w++] = ids[i] as number;
    g = w === count ? ids : ids.slice(0, w);
  }
  if (gramCache.size > 20_000) gramCache.clear();
  gramCache.set(s, g);
  // Ids are only compared within one cache generation: start both afresh on a page with huge text.
  if (gramIds.size > 200_000) {
    gramIds.clear();
    gramCache.clear();
  }
  return g;
}

/** How many bigrams two gram arrays have in common. */
export function shared(a: Int32Array, b: Int32Array): number {
  let n = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}

/** Share of `part`'s bigrams found in `whole` (0 when part is empty). */
export function containment(part: string, whole: string): number {
  const p = grams(part);
  if (!p.length) return 0;
  return shared(p, grams(whole)) / p.length;
}

/** Symmetric similarity: half overlap coefficient, half Jaccard-like ratio to the larger side. */
export const similarity = (a: string, b: string): number => gramSimilarity(grams(a), grams(b));

/** similarity() on gram arrays already at hand (the pair table's inner loop). */
export function gramSimilarity(ga: Int32Array, gb: Int32Array): number {
  if (!ga.length || !gb.length) return 0;
  const n = shared(ga, gb);
  return 0.5 * (n / Math.min(ga.length, gb.length)) + 0.5 * (n / Math.max(ga.length, gb.length));
}

export const isUnit = (s: string): boolean => unitSet.has(s.normalize('NFKC').trim());

/** A text that is nothing but a unit, bare or in brackets ('场', '（人次）'): the unit, else ''. */
export function unitOnly(text: string): string {
  const bare = text.replace(/^[(（]|[)）]$/g, '');
  return isUnit(bare) ? bare : '';
}

/** The unit the text starts with (spaces ignored), e.g. '人次，参与' → '人次'. */
const unitStarts = new Set(UNITS.map((u) => u[0]));
export function leadingUnit(text: string): string {
  if (!text) return '';
  const t = text.normalize('NFKC').replace(/^[\s_]+/, '');
  if (!unitStarts.has(t[0])) return '';
  for (const u of UNITS) if (t.startsWith(u)) return u === '％' ? '%' : u;
  return '';
}

/** A unit stated at the end of a label or header: '组织观看（人次）', '场次', '人数(单位：人)'. */
export function trailingUnit(label: string): string {
  if (!label) return '';
  const t = label
    .normalize('NFKC')
    .trim()
    .replace(/[:：\s]+$/, '');
  if (isUnit(t)) return t === '％' ? '%' : t;
  const m = /[(（]\s*(?:单位\s*[:：]\s*)?([^()（）]{1,4}?)\s*(?:数)?[)）]$/.exec(t);
  const u = m?.[1]?.trim() ?? '';
  return isUnit(u) ? u.replace('％', '%') : '';
}

/** A column header naming its unit: '参与人次', '活动场次', '人数（人）', '%'. Single-character endings
 * (数, 个) are too common in plain words to count. */
export function headerUnit(header: string): string {
  if (!header) return '';
  const t = trailingUnit(header);
  if (t) return t;
  const h = header.normalize('NFKC').trim();
  for (const u of UNITS) if (u.length >= 2 && h.endsWith(u)) return u;
  return '';
}

/** The label without a trailing unit in parentheses or blank markers, for comparing the phrase itself. */
export function stripUnit(label: string): string {
  if (!label) return '';
  return label
    .normalize('NFKC')
    .replace(/[(（]\s*(?:单位\s*[:：]\s*)?[^()（）]{1,4}?\s*[)）]\s*[:：]?\s*$/, (m) => {
      const inner = m.replace(/[()（）:：\s]|单位/g, '');
      return isUnit(inner) ? '' : m;
    })
    .replace(/_{2,}|＿{2,}|…+/g, ' ')
    .trim();
}

/**
 * An indicator's name without the measure word it ends with (理论学习中心组专题学习次数 → …专题学习,
 * 观看人次 → 观看): grids name a number by what is counted plus 次数, 人次, 场数 …, where the notice's
 * sentence puts the unit after the blank. Only when words remain.
 */
const MEASURE = /(?:次数|人次|场数|场次|人数|个数|篇数|条数|条次|部数|份数|家数|期数|数量|总数|数)$/;
export function stripMeasure(text: string): string {
  const t = text.trim();
  const m = MEASURE.exec(t);
  return m && m.index >= 2 ? t.slice(0, m.index) : t;
}

/** Punctuation that ends one blank's phrase and starts the next one's. */
export const SEPARATOR = /[，,；;。！!？?]/;
