import type { Deadline } from './schema.ts';

const WEEKDAYS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7 };
const CN_NUMBERS: Record<string, number> = {
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
};

// Submission verbs: a date without one (活动于6月16日举行, 确保7月1日前隐患清零) is not a deadline.
const SUBMIT = /报送|上报|提交|发送|送至|送交|确定|扫描至|填报|反馈|报告|前报|交至/u;
const MATERIALS = ['视频', '图片', '照片', '文字', '总结', '统计表', '方案', '计划', '联络员'] as const;

// 6月30日前, 2021年6月5日17时前, 6月30日（星期二）下午5点前, 6月30日17:00前, 6月底前.
const TIME =
  '(?:\\s*(?<half>上午|下午|晚上|中午)?\\s*(?<hour>\\d{1,2})(?:[:：]\\d{2}|[时点](?:\\d{1,2}分|整|半)?))?';
const ONE_OFF = new RegExp(
  `(?:(?<year>\\d{4})年)?(?<month>\\d{1,2})月(?:(?<day>\\d{1,2})[日号]|底|末)` +
    `(?:\\s*[（(](?:星期|周)[一二三四五六日天][）)])?${TIME}\\s*(?:前|之前|以前|止)`,
  'gu',
);
const WEEKLY = new RegExp(`每周(?<weekday>[一二三四五六日天])${TIME}(?:前|之前)?`, 'gu');

interface Event {
  at: number;
  end: number;
  make: (clause: string) => Omit<Deadline, 'id' | 'title' | 'source' | 'kind'> & { kind?: string };
}

/**
 * Reads the deadlines a notice states (`5月27日前确定1名联络员`, `6月份每周四17时前报送`,
 * `每月28号前`, `活动完成后3天内`) so the user can confirm them. Each carries the sentence it came from.
 */
export function extractDeadlines(noticeText: string, year: number): Deadline[] {
  const found: Deadline[] = [];
  for (const sentence of sentences(noticeText)) {
    const events: Event[] = [];
    for (const m of sentence.matchAll(ONE_OFF)) {
      const g = m.groups ?? {};
      const y = g.year ? Number(g.year) : year;
      const month = Number(g.month);
      const day = g.day ? Number(g.day) : lastDayOf(y, month);
      const date = `${y}-${pad(month)}-${pad(day)}`;
      const hour = hourOf(g.half, g.hour);
      events.push({
        at: m.index,
        end: m.index + m[0].length,
        make: () => ({ date, ...(hour !== undefined ? { hour } : {}) }),
      });
    }
    for (const m of sentence.matchAll(WEEKLY)) {
      const range = monthRangeBefore(sentence, m.index);
      const months = range?.months;
      const hour = hourOf(m.groups?.half, m.groups?.hour);
      events.push({
        // The month prefix (6月份每周四) belongs to this rule, not to the clause before it.
        at: range?.start ?? m.index,
        end: m.index + m[0].length,
        make: () => ({
          kind: 'weekly',
          weekday: WEEKDAYS[m.groups?.weekday ?? ''] ?? 1,
          ...(hour !== undefined ? { hour } : {}),
          ...(months ? { months } : {}),
        }),
      });
    }
    for (const m of sentence.matchAll(/每月(\d{1,2})[日号](?:前|之前)?/gu)) {
      const range = monthRangeBefore(sentence, m.index);
      const months = range?.months;
      events.push({
        at: range?.start ?? m.index,
        end: m.index + m[0].length,
        make: () => ({ kind: 'monthly', dayOfMonth: Number(m[1]), ...(months ? { months } : {}) }),
      });
    }
    for (const m of sentence.matchAll(
      /(?:完成|结束)后(\d{1,2}|[一二两三四五六七八九十])(?:个工作日|天|日)内/gu,
    )) {
      const n = /^\d+$/u.test(m[1] ?? '') ? Number(m[1]) : (CN_NUMBERS[m[1] ?? ''] ?? 1);
      events.push({
        at: m.index,
        end: m.index + m[0].length,
        make: () => ({ kind: 'after-activity', withinDays: n }),
      });
    }
    events.sort((a, b) => a.at - b.at);
    events.forEach((event, i) => {
      const next = events[i + 1]?.at ?? sentence.length;
      let clause = sentence.slice(event.end, next);
      const semi = clause.search(/[；;]/u);
      if (semi !== -1) clause = clause.slice(0, semi);
      if (!SUBMIT.test(clause)) return;
      const base = event.make(clause);
      const materials = MATERIALS.filter((w) => clause.includes(w));
      const title = clause.replace(/^[，,、\s]+|[，,、\s]+$/gu, '');
      const kinds = base.kind ? [base.kind] : kindsOf(clause);
      for (const kind of kinds) {
        const { kind: _ignored, ...rest } = base;
        found.push({
          id: '',
          kind,
          title,
          ...rest,
          ...(materials.length > 0 ? { materials: [...materials] } : {}),
          ...formOf(clause),
          source: sentence,
        });
      }
    });
    // `方案、总结和统计表均需报正式纸质文件和电子版`: a sentence of its own about earlier deadlines.
    if (events.length === 0 && /纸质|公章|盖章/u.test(sentence)) {
      const kinds = kindsOf(sentence);
      for (const d of found)
        if (kinds.includes(d.kind) || (d.kind === 'later-summary' && kinds.includes('summary')))
          Object.assign(d, formOf(sentence));
    }
  }
  return finish(found);
}

/** 纸质文件, 加盖公章, 电子版/电子文本 as the clause asks. */
function formOf(clause: string): Pick<Deadline, 'paper' | 'seal' | 'electronic'> {
  return {
    ...(/纸质/u.test(clause) ? { paper: true } : {}),
    ...(/公章|盖章/u.test(clause) ? { seal: true } : {}),
    ...(/电子(版|文本|文档|稿)/u.test(clause) ? { electronic: true } : {}),
  };
}

function kindsOf(clause: string): string[] {
  const kinds: string[] = [];
  if (/联络员/u.test(clause)) kinds.push('liaison');
  if (/方案|计划/u.test(clause)) kinds.push('plan');
  if (/总结/u.test(clause)) kinds.push('summary');
  if (/统计表|情况表/u.test(clause)) kinds.push('table');
  return kinds.length > 0 ? kinds : ['other'];
}

/** Orders, names later summaries, drops repeats (a form's own 注 repeating the notice's date). */
function finish(found: Deadline[]): Deadline[] {
  const firstSummary = found
    .filter((d) => d.kind === 'summary' && d.date)
    .map((d) => d.date as string)
    .sort()[0];
  const out: Deadline[] = [];
  for (const d of found) {
    if (d.kind === 'summary' && d.date && firstSummary && d.date > firstSummary) d.kind = 'later-summary';
  }
  for (const d of found) {
    // A later summary (e.g. the 辽沈行 one in December) carries its own table with it.
    if (d.kind === 'table' && found.some((e) => e.kind === 'later-summary' && e.date === d.date)) continue;
    if (d.kind === 'other' && found.some((e) => e.kind !== 'other' && e.date === d.date)) continue;
    if (
      out.some(
        (e) =>
          e.kind === d.kind && e.date === d.date && e.weekday === d.weekday && e.dayOfMonth === d.dayOfMonth,
      )
    )
      continue;
    out.push(d);
  }
  for (const d of out) d.id = deadlineId(d);
  return out;
}

function deadlineId(d: Deadline): string {
  if (d.date) return `${d.kind}-${d.date}`;
  if (d.weekday) return `${d.kind}-w${d.weekday}${d.hour !== undefined ? `-${d.hour}h` : ''}`;
  if (d.dayOfMonth) return `${d.kind}-d${d.dayOfMonth}`;
  if (d.withinDays) return `${d.kind}-${d.withinDays}d`;
  return d.kind;
}

/** `6月份每周四`, `6月至7月，每周四`, `7月至12月，每月28号` → the months the rule applies to. */
function monthRangeBefore(sentence: string, at: number): { months: number[]; start: number } | undefined {
  const offset = Math.max(0, at - 16);
  const head = sentence.slice(offset, at);
  const m = /(\d{1,2})月份?(?:(?:至|到|—|-|~|～)(\d{1,2})月份?)?[，,、\s]*(?:的)?$/u.exec(head);
  if (!m) return undefined;
  const from = Number(m[1]);
  const to = m[2] ? Number(m[2]) : from;
  if (from < 1 || to > 12 || to < from) return undefined;
  return { months: Array.from({ length: to - from + 1 }, (_, i) => from + i), start: offset + m.index };
}

/** Sentences of the notice with the spaces Word puts around numbers removed (`6 月份每周四 17 时前`). */
export function sentences(text: string): string[] {
  return text
    .replace(/\r\n?/gu, '\n')
    .split(/[。\n]/u)
    .map((s) =>
      s
        .replace(/[\s\u3000]+/gu, ' ')
        .replace(/(\d) (?=[\u4E00-\u9FFF])/gu, '$1')
        .replace(/([\u4E00-\u9FFF（）]) (?=\d)/gu, '$1')
        .trim(),
    )
    .filter((s) => s !== '');
}

/** 下午5点 → 17; 17时 → 17. */
function hourOf(half: string | undefined, hour: string | undefined): number | undefined {
  if (hour === undefined) return undefined;
  const h = Number(hour);
  const pm = (half === '下午' || half === '晚上') && h < 12;
  const value = pm ? h + 12 : h;
  return value >= 0 && value <= 23 ? value : undefined;
}

function lastDayOf(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
