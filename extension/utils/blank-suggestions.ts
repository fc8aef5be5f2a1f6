import { blankSearchText, type Slot, sentenceSlots, type Template, UNITS } from '@tianbao/templates';

/**
 * Blanks an activity probably counts towards, read from the activity itself: its 类型 (宣传进企业 → the
 * 进企业 blanks) and the numbers in its words (「发放宣传资料800份」 → the 份 blank, 800). Only offered:
 * the form applies a suggestion when the person clicks it. A number is never offered to a blank of
 * another unit (120人 never becomes 120人次), and a guess that shares no words with the activity is
 * not made at all.
 */
export interface BlankSuggestion {
  slot: Slot;
  /** The number to put in, when the activity's words give one. */
  value?: number;
  /** Why, in the person's words: 活动内容“发放宣传资料800份” / 活动类型“宣传进企业”. */
  why: string;
}

/** Words of a 类型 that name it in the notices' sentences. */
const KIND_WORDS: Record<string, string[]> = {
  启动仪式: ['启动'],
  专题学习: ['学习'],
  宣传咨询日: ['咨询'],
  应急演练: ['演练'],
  安全培训: ['培训'],
  隐患排查: ['隐患', '排查'],
  媒体报道: ['报道', '稿件'],
  警示教育: ['警示'],
};

/** Units that count occasions: an activity of a 类型 is one of them. */
const OCCASIONS = new Set(['场', '场次', '次', '期']);

const kindWords = (kind: string) => {
  const k = kind.trim();
  if (!k || k === '其他') return [];
  return KIND_WORDS[k] ?? [k.replace(/^宣传/u, '')];
};

/**
 * Words nearly every sentence of a notice has: sharing them says nothing about which blank an activity
 * counts towards (组织演练1次 matched 组织记者采访报道（ ）次 on 组织 alone, 参与120人 any 参与（ ）人).
 */
const GENERIC = new Set(['组织', '开展', '活动', '安全', '生产', '工作', '举办', '进行', '参与', '同步']);

const bigrams = (s: string) => {
  const chars = [...s.replace(/[\s\d（）()“”"'，,、。；;：:【】]/gu, '')];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = `${chars[i]}${chars[i + 1]}`;
    if (!GENERIC.has(g)) out.add(g);
  }
  return out;
};
const overlap = (a: Set<string>, b: Set<string>) => {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
};

const NUMBER = new RegExp(`(\\d+(?:\\.\\d+)?)\\s*(${UNITS.map((u) => u.replace('%', '%')).join('|')})`, 'gu');

/** 「发放宣传资料800份」 → { n: 800, unit: 份, clause: 发放宣传资料 } for each number with a unit. */
export function numbersIn(text: string): { n: number; unit: string; clause: string; said: string }[] {
  const out: { n: number; unit: string; clause: string; said: string }[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const at = m.index ?? 0;
    const lead = text.slice(Math.max(0, at - 24), at);
    const clause = lead.split(/[，,。；;！!？?\n]/u).pop() ?? '';
    const unit = m[2] === '％' ? '%' : (m[2] ?? '');
    out.push({ n: Number(m[1]), unit, clause: clause.trim(), said: `${clause.trim()}${m[0]}` });
  }
  return out;
}

export function suggestBlanks(
  template: Template | undefined,
  activity: { kind: string; title: string; description: string },
  chosen: ReadonlySet<string>,
): BlankSuggestion[] {
  if (!template) return [];
  const key = (s: Slot) => `${template.id}/${s.id}`;
  const open = template.slots.filter(
    (s) => s.section === 'table' && (s.kind === 'number' || s.kind === 'percent') && !chosen.has(key(s)),
  );
  const text = new Map(open.map((s) => [s.id, blankSearchText(template, s)]));
  const words = kindWords(activity.kind);
  // The 类型 must be named by the blank's own sentence: an item's title names a theme, not what each of
  // its blanks counts (隐患排查 is not 组织观看（ ）场 under 开展“排查整治进行时”专题活动).
  const sentence = (s: Slot) =>
    sentenceSlots(template, s)
      .map((x) => `${x.before}${x.after}`)
      .join('');
  const ofKind = (s: Slot) => words.some((w) => sentence(s).includes(w));
  const out: BlankSuggestion[] = [];
  const taken = new Set<string>();

  // Numbers with their unit: the blank of that unit whose words the number's clause shares most.
  const said = `${activity.title}。${activity.description}`;
  for (const num of numbersIn(said)) {
    const clause = bigrams(num.clause);
    const context = bigrams(`${num.clause}${activity.title}`);
    let best: { slot: Slot; score: number } | undefined;
    for (const s of open) {
      if (s.unit !== num.unit || taken.has(s.id)) continue;
      // The number's own clause against the blank's own words counts most, then the activity's
      // title against the blank's sentence and item, then the 类型.
      const score =
        overlap(clause, bigrams(s.before)) * 2 +
        overlap(context, bigrams(text.get(s.id) ?? '')) +
        (ofKind(s) ? 6 : 0);
      if (score > 0 && (!best || score > best.score)) best = { slot: s, score };
    }
    if (best && best.score >= 2) {
      taken.add(best.slot.id);
      out.push({ slot: best.slot, value: num.n, why: `活动内容“${num.said}”` });
    }
  }

  // The 类型: the occasions blank of each sentence that names it, as one more occasion.
  if (words.length) {
    const occasions = open
      .filter((s) => !taken.has(s.id) && OCCASIONS.has(s.unit) && ofKind(s))
      // The first blank of its sentence counts the occasions; 参与（ ）人 after it counts people.
      .filter((s) => sentenceSlots(template, s)[0] === s)
      .slice(0, 3);
    for (const s of occasions) out.push({ slot: s, value: 1, why: `活动类型“${activity.kind.trim()}”` });
  }
  return out;
}
