import type { SlotKind } from './schema.ts';
import { normalizeInline } from './text-normalize.ts';
import { UNITS } from './units.ts';

/** A blank found in a progress cell, before it is given an id, an index and its row. */
export interface BlankDraft {
  kind: SlotKind;
  unit: string;
  before: string;
  after: string;
}

// One regex for every kind of blank, the 是/否 choices first so `□是□否` is not read as two blanks.
const BOOLEAN_SOURCE = [
  '[□☐]\\s*是\\s*[□☐]\\s*否',
  '是\\s*[□☐]\\s*否\\s*[□☐]',
  '[（(]\\s*是\\s*[/／]\\s*否\\s*[）)]',
  '(?<![\\u4E00-\\u9FFF])是\\s*[/／]\\s*否(?![\\u4E00-\\u9FFF])',
].join('|');
const BLANK_SOURCE = '[（(][\\s\\u3000_]*[）)]|_{3,}|＿{2,}';
const TOKEN = new RegExp(`(${BOOLEAN_SOURCE})|(${BLANK_SOURCE})`, 'gu');

/** Text after a blank up to here is its unit phrase (`人次`, `个社区（村）`). */
const AFTER_STOP = /[，,；;、。：:！？!?]/u;
/** The phrase before a blank starts after the last of these (an enumeration comma 、 stays inside it). */
const BEFORE_STOP = /[，,；;。：:！？!?]/gu;
const LEADING_PUNCT = /^[\s，,；;、。：:！？!?]+/u;
const TRAILING_PUNCT = /[\s：:]+$/u;

export function hasBlank(text: string): boolean {
  TOKEN.lastIndex = 0;
  return TOKEN.test(text);
}

/** Reads the blanks of one cell, paragraph by paragraph, with the phrases around each blank. */
export function extractBlanks(paragraphs: readonly string[]): BlankDraft[] {
  const out: BlankDraft[] = [];
  for (const paragraph of paragraphs) {
    let pos = 0;
    let open: BlankDraft | undefined; // the previous non-boolean blank, still waiting for its `after`
    for (const match of paragraph.matchAll(TOKEN)) {
      let between = paragraph.slice(pos, match.index);
      if (open) between = closeAfter(open, between);
      const isBoolean = match[1] !== undefined;
      if (isBoolean) {
        // A 是/否 question keeps its whole sentence (it may hold commas); it has no unit after it.
        const before = clean(between);
        out.push({ kind: 'boolean', unit: '', before, after: '' });
        open = undefined;
      } else {
        const draft: BlankDraft = { kind: 'text', unit: '', before: lastPhrase(between), after: '' };
        out.push(draft);
        open = draft;
      }
      pos = match.index + match[0].length;
    }
    if (open) closeAfter(open, paragraph.slice(pos));
  }
  for (const draft of out) if (draft.kind !== 'boolean') classify(draft);
  return out;
}

/** Gives `draft` the text up to the first stop as its `after`; returns the rest. */
function closeAfter(draft: BlankDraft, text: string): string {
  const stop = text.search(AFTER_STOP);
  const cut = stop === -1 ? text.length : stop;
  draft.after = normalizeInline(text.slice(0, cut));
  return text.slice(cut);
}

function lastPhrase(text: string): string {
  // `主要做法：（ ）` — the colon right before the blank ends the label, it does not start a new phrase.
  const body = text.replace(TRAILING_PUNCT, '');
  let start = 0;
  for (const m of body.matchAll(BEFORE_STOP)) start = m.index + m[0].length;
  return clean(body.slice(start));
}

function clean(text: string): string {
  return normalizeInline(text).replace(LEADING_PUNCT, '').replace(TRAILING_PUNCT, '');
}

function classify(draft: BlankDraft): void {
  const after = draft.after;
  if (/^[%％]/u.test(after)) {
    draft.kind = 'percent';
    draft.unit = '%';
    return;
  }
  const unit = UNITS.find((u) => after.startsWith(u));
  if (unit) {
    draft.kind = 'number';
    draft.unit = unit;
    return;
  }
  if (/(日期|时间)$/u.test(draft.before)) draft.kind = 'date';
  else if (/(电话|手机|传真)(号码)?$/u.test(draft.before)) draft.kind = 'phone';
  else if (/(比例|占比|百分比|率)$/u.test(draft.before) && after === '') {
    draft.kind = 'percent';
    draft.unit = '%';
  } else draft.kind = 'text';
}
