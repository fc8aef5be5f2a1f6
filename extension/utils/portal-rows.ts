import { type Field, type Match, type MatchStatus, shownChoice } from '@tianbao/autofill';

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
  /** What the control holds now ('是'/'否' style text for boxes is not derived: checked boxes say 'checked'). */
  current: string;
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
  // 参与（ ）人次 reads as a blank in a sentence; a lone 填报单位： needs no blank drawn after it.
  const before = f.before.replace(/[：:]\s*$/, '');
  const around = f.after ? `${before}（ ）${f.after}`.trim() : before;
  const headers = [...f.rowHeaders, ...f.colHeaders].filter(Boolean).join(' · ');
  let text: string;
  if (own) text = own;
  else if (f.before || f.after) text = headers && !f.before ? `${headers}：${around}` : around;
  else if (f.leading) text = f.leading;
  else if (headers) text = headers;
  else text = f.legend || f.heading || f.key;
  if (f.option) text = `${text}（${f.option}）`;
  return clip(text.replace(/\s+/g, ' '));
}

function currentValue(f: Field): string {
  const el = f.control;
  // A kit's combobox shows its choice outside the input.
  if (f.widget === 'listbox') return shownChoice(el);
  if (el.localName === 'input' && (el.type === 'checkbox' || el.type === 'radio'))
    return (el as HTMLInputElement).checked ? 'checked' : '';
  if (el.localName === 'select') {
    const s = el as HTMLSelectElement;
    return s.options[s.selectedIndex]?.text.trim() ?? '';
  }
  return el.value;
}

export function toRow(m: Match): PortalRow {
  return {
    key: m.field.key,
    label: displayLabel(m.field),
    framePath: m.field.framePath,
    current: currentValue(m.field),
    kind: m.field.kind,
    slotId: m.slotId,
    confidence: Math.round(m.confidence * 100) / 100,
    reason: m.reason,
    status: m.status,
    ...(m.measure && { measure: m.measure }),
    ...(m.field.period && { periodWord: m.field.period }),
  };
}
