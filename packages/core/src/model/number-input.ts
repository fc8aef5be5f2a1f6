import { UNITS } from '@tianbao/templates';
import { MAX_COUNT, numberProblem } from './number-rules.ts';

/**
 * Reading a number the way office staff type or paste it (the activity form, the manual-value dialog,
 * a hand-kept 台账 cell): the one exact value it plainly says, or a problem with a Chinese sentence saying
 * what to type. Never a nearby number: 1,200 is 1200 or asked about (never 1 or 1.2), 800余 is asked
 * about (never 800), 12.5 in a count is refused (never 12 or 13).
 */
export type NumberInputProblem =
  | 'not-a-number'
  | 'approximate'
  | 'separator'
  | 'unit'
  | 'percent-in-count'
  | 'use-digits'
  | 'negative'
  | 'not-whole'
  | 'too-large'
  | 'over-100';

export type NumberReading =
  | {
      ok: true;
      value: number;
      /** The text differed from the plain number (８００, 1,200, 800人, 三): the form shows what it read. */
      reformatted: boolean;
      /** A remark worth showing beside the value (0.95 in a percentage may mean 95%). */
      note?: string;
    }
  | { ok: false; problem: NumberInputProblem; zh: string; en: string };

export interface NumberInputOptions {
  /** The blank's kind: 'percent', else a count. */
  kind?: string | undefined;
  /** The blank's unit (人, 人次, 场次…), to accept 800人 in a 人 blank and ask about 800份. */
  unit?: string | undefined;
}

/** Words that make a number approximate: 约800, 800余, 800多, 近800, 800左右, 几百, 数十. */
const APPROX =
  /^(大约|约|近|将近|接近|超过|逾|不到|不足|不少于|至少|达|共约)|余|多|左右|上下|以上|以下|开外|来人|许|几|数[十百千万]/u;

/**
 * Units that count the same thing for one activity: 30人 who took part are 30人次 of it, 3次 are 3场次.
 * A unit of another family (800份 in a 人 blank, 3场 in a 人次 blank) is asked about.
 */
const UNIT_FAMILY: Record<string, string> = {
  人: '人',
  人次: '人',
  名: '人',
  位: '人',
  场: '场',
  场次: '场',
  次: '场',
  期: '场',
  期次: '场',
  轮: '场',
};

const CN_DIGIT: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  壹: 1,
  二: 2,
  贰: 2,
  两: 2,
  三: 3,
  叁: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};
const CN_SMALL: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const CN_BIG: Record<string, number> = { 万: 10_000, 亿: 100_000_000 };
const CN_CHAR = /[零〇一壹二贰两三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万亿]/u;

/**
 * A Chinese numeral written out in full (三, 十二, 一千二百, 一百零五, 三万五千): its value. Undefined when it
 * is not one, or when it leaves a digit's place to be guessed: 一千二 is said for 1200 but written 1200 or
 * 一千二百, so it is asked about rather than read as 1002 or 1200.
 */
export function chineseNumeral(s: string): number | undefined {
  if (!s || [...s].some((c) => !(c in CN_DIGIT || c in CN_SMALL || c in CN_BIG))) return undefined;
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  let lastSmall = Number.POSITIVE_INFINITY;
  let lastBig = Number.POSITIVE_INFINITY;
  let zero = false;
  for (const c of s) {
    if (c in CN_DIGIT) {
      const d = CN_DIGIT[c] as number;
      if (d === 0) {
        if (digit !== undefined) return undefined;
        zero = true;
        continue;
      }
      if (digit !== undefined) return undefined; // 二二: digits side by side are not a numeral of a count
      digit = d;
    } else if (c in CN_SMALL) {
      const u = CN_SMALL[c] as number;
      if (u >= lastSmall) return undefined;
      // 十二 starts with 十 alone; elsewhere a unit follows its digit.
      if (digit === undefined && !(u === 10 && section === 0 && total === 0 && !zero)) return undefined;
      section += (digit ?? 1) * u;
      digit = undefined;
      lastSmall = u;
      zero = false;
    } else {
      const u = CN_BIG[c] as number;
      if (u >= lastBig) return undefined;
      if (digit !== undefined) {
        if (lastSmall <= 10 || zero || lastSmall === Number.POSITIVE_INFINITY) section += digit;
        else return undefined; // 一千二万
      }
      if (section === 0) return undefined;
      total += section * u;
      section = 0;
      digit = undefined;
      lastSmall = Number.POSITIVE_INFINITY;
      lastBig = u;
      zero = false;
    }
  }
  if (digit !== undefined) {
    // A last digit is a 1 only after 十 or 零 or on its own (一百零二, 二十三, 三); after 百/千/万 it is shorthand.
    const placed = lastSmall === 10 || zero || (lastSmall === Number.POSITIVE_INFINITY && total === 0);
    if (!placed) return undefined;
    section += digit;
  }
  return total + section;
}

const fail = (problem: NumberInputProblem, zh: string, en: string): NumberReading => ({
  ok: false,
  problem,
  zh,
  en,
});

/** Digits the person can type instead: 1,200 → 1200; used in the messages as the example. */
const example = (s: string) => {
  const d = s.replace(/[^\d.]/g, '').replace(/^\.+|\.+$/g, '');
  return /^\d+(\.\d+)?$/.test(d) ? d : '800';
};

/** 1.2 (万) → 12000 as the example of the whole number. */
const tenThousands = (s: string) => {
  const n = (/^\d/.test(s) ? Number(s) : (chineseNumeral(s) ?? Number.NaN)) * 10_000;
  return Number.isFinite(n) && Number.isSafeInteger(Math.round(n)) ? String(Math.round(n)) : '12000';
};

/** Reads one value typed, pasted or found in a spreadsheet cell; null when it is empty. */
export function readNumberInput(raw: unknown, opts: NumberInputOptions = {}): NumberReading | null {
  const percent = opts.kind === 'percent';
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'number') return checked(raw, String(raw), false, percent, opts.unit);
  if (typeof raw !== 'string') return fail('not-a-number', '这里要填数字', 'is not a number');
  // Full-width digits, commas, percent and minus signs (８００, １，２００, ９５％, －５) as their ASCII twins.
  const typed = raw.trim();
  if (!typed) return null;
  let s = typed.normalize('NFKC').replace(/[\u2212\u2013\u2014]/g, '-');
  // A space between digits is a thousands separator (1 200); any other space goes.
  s = s.replace(/(\d)\s+(?=\d)/g, '$1,').replace(/\s+/g, '');
  const shown = `“${typed}”`;
  if (APPROX.test(s))
    return fail(
      'approximate',
      `${shown}不是确切的数。统计表只能填确切的数，请核实后只填数字，例如 ${example(s)}`,
      `"${typed}" is not an exact number; give the exact figure`,
    );
  if (/^(-|负)/u.test(s)) return fail('negative', `不能是负数（填的是${shown}）`, `"${typed}" is negative`);
  s = s.replace(/^\+/, '');
  // The unit after the number: accepted when it is the blank's own (800人 in a 人 blank).
  let written = '';
  if (s.endsWith('%')) {
    if (!percent)
      return fail(
        'percent-in-count',
        `这一空要填${opts.unit || '数量'}数，不是百分比，请只填数字`,
        `"${typed}" is a percentage, but this blank is a count`,
      );
    s = s.slice(0, -1);
  } else {
    const unit = UNITS.find((u) => u !== '%' && u !== '％' && s.endsWith(u) && s.length > u.length);
    if (unit) {
      written = unit;
      s = s.slice(0, -unit.length);
    }
  }
  if (written) {
    const want = percent ? '%' : (opts.unit ?? '');
    const same = (u: string) => UNIT_FAMILY[u] ?? u;
    if (/万|亿/u.test(written) && !/万|亿/u.test(want))
      return fail(
        'use-digits',
        `${shown}请核实确切的数后写成完整的数字，例如 ${tenThousands(s)}`,
        `"${typed}": write the whole number without 万`,
      );
    if (want && same(written) !== same(want))
      return fail(
        'unit',
        `这一空的单位是“${want}”，${shown}写的是“${written}”。请核实后只填数字`,
        `"${typed}" is in ${written}, but this blank's unit is ${want}`,
      );
  }
  if (CN_CHAR.test(s)) {
    const n = /^\d/.test(s) ? undefined : chineseNumeral(s);
    if (n === undefined)
      return fail(
        'use-digits',
        `${shown}请用数字填写，例如 ${/^\d/.test(s) ? '12000' : '1200'}`,
        `"${typed}": write the number in digits`,
      );
    return checked(n, typed, true, percent, opts.unit);
  }
  if (s.includes(',')) {
    // 1,200 and 1,234,567 only: a comma anywhere else (1,2 / 12,00 / 12,5) may be a decimal comma or a typo.
    if (!/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s))
      return fail(
        'separator',
        `${shown}中的逗号位置不对，请只填数字，例如 ${example(s)}`,
        `"${typed}" has a comma where a thousands separator cannot be`,
      );
    s = s.replace(/,/g, '');
  }
  if (!/^\d+(\.\d+)?$/.test(s))
    return fail('not-a-number', `${shown}不是数字，请只填数字，例如 800`, `"${typed}" is not a number`);
  return checked(Number(s), typed, String(Number(s)) !== typed, percent, opts.unit);
}

function checked(
  n: number,
  typed: string,
  reformatted: boolean,
  percent: boolean,
  unit?: string,
): NumberReading {
  const problem = numberProblem(n, percent ? 'percent' : 'number');
  const shown = `“${typed}”`;
  if (problem === 'not-whole')
    return fail(
      'not-whole',
      `${shown}不是整数，${unit ? `${unit}数` : '这一空'}要填整数`,
      `"${typed}" is not a whole number`,
    );
  if (problem === 'too-large')
    return fail('too-large', `${shown}太大，不能超过 ${MAX_COUNT}`, `"${typed}" is more than ${MAX_COUNT}`);
  if (problem === 'over-100')
    return fail('over-100', `${shown}超过了 100%，百分比要在 0 到 100 之间`, `"${typed}" is more than 100%`);
  if (problem === 'negative')
    return fail('negative', `不能是负数（填的是${shown}）`, `"${typed}" is negative`);
  if (problem)
    return fail('not-a-number', `${shown}不是数字，请只填数字，例如 800`, `"${typed}" is not a number`);
  const note =
    percent && n > 0 && n < 1
      ? `按 ${n}% 计；如果是 ${+(n * 100).toFixed(6)}%，请填 ${+(n * 100).toFixed(6)}`
      : undefined;
  return { ok: true, value: n, reformatted, ...(note && { note }) };
}
