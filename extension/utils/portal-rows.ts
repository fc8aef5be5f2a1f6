import {
  type Field,
  holdsAnswer,
  type Match,
  type MatchStatus,
  shownChoice,
  shownText,
} from '@tianbao/autofill';

/**
 * One control of a portal page as the side panel sees it: plain data (it crosses from the content script
 * to the panel), page text kept as strings that the panel renders only as React text.
 */
export interface PortalRow {
  /** Field key: the learned-mapping key of the control. */
  key: string;
  /** What the page calls this control (label, text around it, headers), shortened for a narrow panel. */
  label: string;
  /** Frame path from the top document ('' for the top frame). */
  framePath: string;
  /** What the control shows now: its value, a select's or combobox's choice ('' for 请选择), 'checked' for a box. */
  current: string;
  /** Someone put an answer there (typed, chosen, ticked); a page's own starting 0 is no answer. */
  answered: boolean;
  /** For a box: the answer it stands for (是, 否, 男 …). */
  option?: string;
  /** The unit the page counts this control in (次, 人次, 场 …), '' when it names none. */
  unit: string;
  kind: Field['kind'];
  slotId: string | null;
  confidence: number;
  reason: string;
  status: MatchStatus;
  /** On a page with period columns: which figure the control takes (本周 → 'period', 累计 → 'cumulative'). */
  measure?: 'period' | 'cumulative';
  /** The page's own word for the period (本周, 本月, 第3周 …), to show beside the value. */
  periodWord?: string;
}

const MAX_LABEL = 60;

const clip = (s: string) => (s.length > MAX_LABEL ? `${s.slice(0, MAX_LABEL - 1)}…` : s);

/** The shortest page text that tells a person which control this is. */
export function displayLabel(f: Field): string {
  const own = f.label || f.placeholder || f.title;
  // A box whose only words are its option (<label><input> 是</label>) is named by the question before it
  // (leading), the option added once at the end: 「（ ）是（是）」 told seven questions of a page apart by nothing.
  const option = (s: string) => !!f.option && s.trim() === f.option;
  const beforeText = option(f.before) ? '' : f.before;
  const afterText = option(f.after) ? '' : f.after;
  // 参与（ ）人次 reads as a blank in a sentence; a lone 填报单位： needs no blank drawn after it.
  const before = beforeText.replace(/[：:]\s*$/, '');
  const around = afterText ? `${before}（ ）${afterText}`.trim() : before;
  const headers = [...f.rowHeaders, ...f.colHeaders].filter(Boolean).join(' · ');
  let text: string;
  if (own) text = own;
  else if (beforeText || afterText) text = headers && !beforeText ? `${headers}：${around}` : around;
  else if (f.leading) text = f.leading;
  else if (headers) text = headers;
  // Nothing on the page names it: its place, never the internal key.
  else text = f.legend || f.heading || `页面上第 ${f.order + 1} 个输入框`;
  if (f.option) text = `${text}（${f.option}）`;
  return clip(text.replace(/\s+/g, ' '));
}

/** What the control shows now; a kit's combobox shows its choice outside the input. */
const currentValue = (f: Field): string =>
  f.widget === 'listbox' ? shownChoice(f.control) : shownText(f.control);

const boxOption = (f: Field): string =>
  f.option || (f.choice === 'yes' ? '是' : f.choice === 'no' ? '否' : '');

export function toRow(m: Match): PortalRow {
  return {
    key: m.field.key,
    label: displayLabel(m.field),
    framePath: m.field.framePath,
    current: currentValue(m.field),
    answered: m.field.widget ? currentValue(m.field).trim() !== '' : holdsAnswer(m.field.control),
    unit: m.field.unit,
    ...(boxOption(m.field) && { option: boxOption(m.field) }),
    kind: m.field.kind,
    slotId: m.slotId,
    confidence: Math.round(m.confidence * 100) / 100,
    reason: m.reason,
    status: m.status,
    ...(m.measure && { measure: m.measure }),
    ...(m.field.period && { periodWord: m.field.period }),
  };
}
