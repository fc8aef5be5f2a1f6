/** A control the engine may fill: input, select or textarea, possibly in a frame or an open shadow root. */
export type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** What a control can hold, as far as matching is concerned. */
export type FieldKind = 'text' | 'number' | 'date' | 'tel' | 'email' | 'textarea' | 'select' | 'choice';

/** One fillable control with the text around it (all strings trimmed, possibly empty). */
export interface Field {
  control: Control;
  /** Stable per-control fingerprint (frame path + name/id, or a structural path): key for learned mappings. */
  key: string;
  kind: FieldKind;
  /** input type, 'select-one' or 'textarea'. */
  type: string;
  /** Frame path from the top document, '' for the top frame, e.g. 'mainFrame' or 'main>inner'. */
  framePath: string;
  /** Inside an open shadow root. */
  shadow: boolean;
  /** Position in document order over all scanned roots. */
  order: number;
  /** label/for, wrapping label, aria-labelledby or aria-label. */
  label: string;
  placeholder: string;
  title: string;
  /** Text right before / after the control inside its cell or line, cut at the neighbouring blanks. */
  before: string;
  after: string;
  /**
   * When the control has no label and no words before it: the text preceding its cell nearby (a label
   * column, a preceding <td>), or, inside a sentence, the phrase of the blank before it that it continues
   * ("组织观看（ ）场（ ）人次").
   */
  leading: string;
  /** The unit the control is counted in (次, 人次, %, …) read from after-text, label or column header. */
  unit: string;
  /** Headers of the table row (left of the cell, rowspan aware) and of the column (colspan aware). */
  rowHeaders: string[];
  colHeaders: string[];
  /**
   * The table section the control's row sits in: the heading rows above it that span the whole table
   * (一、宣传教育 …), outermost first, numbering cut off; '' outside such a table.
   */
  section: string;
  legend: string;
  heading: string;
  /**
   * A kit's drawn control: 'listbox' (el-select, antd Select: the choice shows outside the input, options
   * appear when opened) or 'date' (el-date-picker, antd DatePicker, laydate: set through the panel).
   */
  widget?: 'listbox' | 'date';
  /** For 是/否 widgets: which answer this control stands for; the group's controls share `group`. */
  choice?: 'yes' | 'no';
  group?: string;
  /** For radios and checkboxes: the option's own text (是, 否, 男 …). */
  option?: string;
  /** A grid row named 其中…: the name of the row above that it counts a part of. */
  partOf?: string;
  /** The control asks for one period's number (a 本周 column, a label starting 本月 …), not a total. */
  period?: string;
  /** The control's column (or label) says 累计/合计/截至: beside period columns, the period's 累计. */
  cumulative?: string;
}

/** A template blank as the engine needs it; `Slot` of @tianbao/templates fits, liaison fields too. */
export interface MatchSlot {
  id: string;
  index?: number;
  kind?: 'number' | 'percent' | 'text' | 'boolean' | 'date' | 'phone';
  unit?: string;
  section?: 'header' | 'table';
  group?: string;
  item?: string;
  before?: string;
  after?: string;
  /**
   * Other names a page may use for this blank (liaison: 姓名, 手机/移动电话 …). Slots with labels, like
   * header slots, match by label anywhere on the page; other table slots also by their order.
   */
  labels?: string[];
}

export type MatchStatus = 'matched' | 'unsure' | 'unmatched';

export interface Match {
  field: Field;
  slotId: string | null;
  /** 0..1 */
  confidence: number;
  /** Why, in Chinese, for the side panel. */
  reason: string;
  status: MatchStatus;
  /**
   * On a page with period columns: 'period' for a 本周/本期/本月 control, 'cumulative' for the 累计 column
   * beside it. Absent on other pages (the log's totals, as always). fill() looks the value up under
   * valueKey(slotId, measure).
   */
  measure?: 'period' | 'cumulative';
}

/** A learned correction: this control of this portal takes this slot (null: never fill it). */
export interface LearnedMapping {
  fieldKey: string;
  slotId: string | null;
  /**
   * Set when the person chose a blank counted in another unit than the control and confirmed it
   * (「此处为“人次”，所选的空以“场”计」): the two units they saw. Only such a choice pairs different units,
   * and only while the page and the blank still count in those units.
   */
  units?: { page: string; blank: string };
}

export interface MatchOptions {
  learned?: LearnedMapping[];
  /** Confidence at or above which a match is 'matched' (default 0.7); 'unsure' from `unsureAt` (0.35). */
  matchedAt?: number;
  unsureAt?: number;
}

export type FillValue = number | string | boolean;

export interface FillOptions {
  /** Replace values the user typed (default: only empty or previously autofilled controls). */
  overwrite?: boolean;
  /**
   * Field keys whose differing content may be replaced (the person chose 覆盖 for each); the rest of the
   * page keeps what someone put there and is reported as 'not empty' with both values.
   */
  replace?: string[];
  /** Field keys of 'unsure' matches the user confirmed. */
  confirmed?: string[];
  /**
   * 'events' (default): focus and blur are dispatched as events (fast, leaves the user's caret alone);
   * 'real': the controls really get focus, for pages that check document.activeElement.
   */
  focus?: 'events' | 'real';
}

export interface FillEntry {
  key: string;
  slotId: string;
  /** What the control showed before and after (value, or 'checked'/'' for boxes). */
  previous: string;
  value: string;
}

export interface FillSkip {
  key: string;
  slotId: string | null;
  /**
   * English, for logs: 'unsure', 'unmatched', 'no value', 'not empty', 'no option', 'rejected', 'busy',
   * 'ambiguous' (a combobox with more than one option that fits: never chosen).
   */
  reason: string;
  /** 'not empty': what the control shows now (option text, 是/否 for boxes) and what the log would put. */
  current?: string;
  wanted?: string;
}

export interface FillReport {
  filled: FillEntry[];
  skipped: FillSkip[];
  /**
   * Resolves when the drawn widgets (comboboxes, date pickers) are done: they are opened and chosen in one
   * after another, after fill() returned; `filled` and `skipped` grow until then.
   */
  done: Promise<void>;
  /** Puts back what every filled control held before, with the same events. */
  undo(): void;
}
