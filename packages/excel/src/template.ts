import { blankName, blankSentence, type Slot, sentenceSlots, type Template } from '@tianbao/templates';
/**
 * The part of a template the workbook needs. Structural on purpose: @tianbao/templates' Template and Slot
 * satisfy it, and tests can build one from the reference lists.
 */
export interface TemplateSlot {
  id: string;
  index: number;
  kind: 'number' | 'percent' | 'text' | 'boolean' | 'date' | 'phone';
  unit?: string;
  section: 'header' | 'table';
  group: string;
  item: string;
  requirement?: string;
  before: string;
  after: string;
}

/** One line of the official table: a group (merged over its rows), an item, its requirement and blanks. */
export interface TemplateRow {
  group: string;
  item: string;
  requirement?: string;
  /** The full original wording of 进展情况 with blanks as （ ） / ( ) and 是/否 boxes, when known. */
  text?: string;
  slotIds: string[];
}

export interface ExportTemplate {
  id: string;
  version?: string | number;
  title: string;
  /** Column titles as printed (活动项目 / 内容要求 / 进展情况, or 项目 / 标准 / 落实情况), when known. */
  columns?: string[];
  slots: TemplateSlot[];
  rows?: TemplateRow[];
}

export const slotKey = (templateId: string, slotId: string) => `${templateId}/${slotId}`;

/** The template's rows, or (when it has none) its table slots grouped by consecutive (group, item). */
export function tableRows(template: ExportTemplate): TemplateRow[] {
  if (template.rows?.length) return template.rows;
  const rows: TemplateRow[] = [];
  const slots = template.slots.filter((s) => s.section === 'table').sort((a, b) => a.index - b.index);
  for (const s of slots) {
    const last = rows.at(-1);
    if (last && last.group === s.group && last.item === s.item) last.slotIds.push(s.id);
    else rows.push({ group: s.group, item: s.item, requirement: s.requirement ?? '', slotIds: [s.id] });
  }
  return rows;
}

export const headerSlots = (template: ExportTemplate) =>
  template.slots.filter((s) => s.section === 'header').sort((a, b) => a.index - b.index);

/** 是/否 as the paper form shows it. */
export function checkboxText(value: boolean | null): string {
  if (value === true) return '☑是 □否';
  if (value === false) return '□是 ☑否';
  return '□是 □否';
}

export type BlankValue = number | string | boolean | null;

/** What goes inside one blank's brackets; an empty blank stays visibly empty. */
export function blankText(value: BlankValue): string {
  if (value === null || value === '') return '　　';
  if (typeof value === 'boolean') return value ? '是' : '否';
  return String(value);
}

/** The blank with its surrounding phrase: 参与（240）人次, or 参与（　　）人次 when empty. */
export function slotPhrase(slot: TemplateSlot, value: BlankValue | undefined): string {
  if (slot.kind === 'boolean') {
    // A string here is a roll-up's count (是 3 个，否 1 个), shown instead of the boxes.
    const shown =
      typeof value === 'string' && value ? value : checkboxText(typeof value === 'boolean' ? value : null);
    return `${slot.before ? `${slot.before}：` : ''}${shown}${slot.after}`;
  }
  return `${slot.before}（${blankText(value ?? null)}）${slot.after}`;
}

const BLANK = /（\s*）|\(\s*\)|_{2,}/g;
const BOXES = /[□☐]\s*是\s*[□☐]\s*否/g;

/**
 * The row's 进展情况 sentence with every blank filled. With the original wording, blanks are filled in
 * place; otherwise (or when the wording's blanks do not line up with the slots) the phrases are joined.
 */
export function rowSentence(
  row: TemplateRow,
  slots: TemplateSlot[],
  values: Map<string, BlankValue>,
): string {
  const bySlot = new Map(slots.map((s) => [s.id, s]));
  const rowSlots = row.slotIds.map((id) => bySlot.get(id)).filter((s): s is TemplateSlot => !!s);
  if (row.text) {
    const blanks = row.text.match(BLANK)?.length ?? 0;
    const boxes = row.text.match(BOXES)?.length ?? 0;
    const nonBool = rowSlots.filter((s) => s.kind !== 'boolean');
    const bools = rowSlots.filter((s) => s.kind === 'boolean');
    if (blanks === nonBool.length && boxes === bools.length) {
      let i = 0;
      let j = 0;
      return row.text
        .replace(BLANK, () => `（${blankText(values.get((nonBool[i++] as TemplateSlot).id) ?? null)}）`)
        .replace(BOXES, () => {
          const v = values.get((bools[j++] as TemplateSlot).id);
          return typeof v === 'string' && v ? v : checkboxText(typeof v === 'boolean' ? v : null);
        });
    }
  }
  let out = '';
  for (const s of rowSlots) {
    const phrase = slotPhrase(s, values.get(s.id));
    if (!out) out = phrase;
    else if (s.kind === 'boolean' || /[。；]$/.test(out)) out += `\n${phrase}`;
    else if (/[，、：,]$/.test(out) || /^[，。；、]/.test(phrase)) out += phrase;
    else out += `，${phrase}`;
  }
  return out;
}

/**
 * A blank's one-line name as people read it (templates' blankName: activity item and sentence, this blank
 * as 【 】). The structural slots here carry every field blankName reads.
 */
export function blankTitle(template: ExportTemplate, slot: TemplateSlot): string {
  return blankName(template as unknown as Pick<Template, 'slots'>, slot as unknown as Slot);
}

/**
 * A blank's words within its activity item, for 指标明细's 统计项 next to the item's own column: the
 * notice's phrase, 参与（　　）人次; a blank whose phrase does not tell it from another of its item (two
 * 参与（ ）人次 under one item) with the clauses before it, 开展线上“公众开放日”（ ）场次，参与【 】人次.
 */
export function itemBlankPhrase(template: ExportTemplate, slot: TemplateSlot): string {
  const t = template as unknown as Pick<Template, 'slots'>;
  const s = slot as unknown as Slot;
  return sentenceSlots(t, s).length > 1 ? blankSentence(t, s) : slotPhrase(slot, null);
}
