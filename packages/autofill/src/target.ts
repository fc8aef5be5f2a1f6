// A match target: one control, or the controls of one 是/否 / radio group, seen as a single blank.

import { type CountKind, measureKind } from './same-unit.ts';
import { PART_OF } from './table-grid.ts';
import { normalize, stripMeasure, stripUnit, unitOnly } from './text.ts';
import type { Field } from './types.ts';
import { answerFormat, yesNo } from './yes-no.ts';

export interface Target {
  fields: Field[];
  first: Field;
  /** Can hold a 是/否 answer (pair, single checkbox, select with 是/否 options). */
  boolean: boolean;
  /** A drawn combobox whose options are not on the page until it is opened: 是/否 or a text choice. */
  openOptions: boolean;
  /** Texts that name the blank, best first, units and blank markers removed. */
  phrases: string[];
  after: string;
  unit: string;
  /** Without a unit: what the control's name counts by its last word (…培训人次 → people), else ''. */
  measure: CountKind;
  row: string;
  /**
   * The row's words that are not this blank's own name: item and group cells, headings, legend; without
   * the cell the phrase was read from (an indicator grid's 指标名称), 序号 numbering and unit cells. What
   * the row says about which activity it is about.
   */
  rowOther: string[];
  /** The table section heading the row sits under (Field.section). */
  section: string;
  order: number;
}

/** A 序号 cell: 1, 12, 1.2, 一, （三）, 2、 — numbering, not words. */
const NUMBERING = /^[(（]?[\d一二三四五六七八九十]+(?:[.．]\d+)*[)）]?[、.．]?$/;

/** The option texts of a drawn combobox whose list is already on the page (null: not yet drawn). */
function optionTexts(f: Field): string[] | null {
  if (f.widget !== 'listbox') return [];
  const id = f.control.getAttribute('aria-controls');
  const list = id ? f.control.ownerDocument.getElementById(id) : null;
  const items = list ? Array.from(list.querySelectorAll('[role=option]')) : [];
  return items.length ? items.map((o) => o.getAttribute('aria-label') || o.textContent || '') : null;
}

const selectIsYesNo = (f: Field): boolean => {
  const opts =
    f.control.localName === 'select'
      ? Array.from((f.control as HTMLSelectElement).options).map((o) => yesNo(o.text) ?? yesNo(o.value))
      : (optionTexts(f) ?? []).map((o) => yesNo(o));
  return opts.includes('yes') && opts.includes('no');
};

/**
 * Drops phrases another phrase of the same control already contains: "参与" cut from the label
 * "开展网络课堂培训，参与（人次）" would otherwise match every 参与（ ）人次 blank equally well.
 */
function specific(phrases: string[]): string[] {
  const norm = phrases.map(normalize);
  return phrases.filter(
    (_, k) =>
      !norm.some(
        (other, o) =>
          o !== k && other.length > (norm[k] as string).length && other.includes(norm[k] as string),
      ),
  );
}

export function targetsOf(fields: readonly Field[]): Target[] {
  const out: Target[] = [];
  const groups = new Map<string, Target>();
  for (const f of fields) {
    const existing = f.group ? groups.get(f.group) : undefined;
    if (existing) {
      existing.fields.push(f);
      existing.boolean ||= !!f.choice;
      continue;
    }
    const names = [f.label, f.before, f.leading, f.placeholder, f.title].map((p) => stripUnit(p));
    const primary = specific(names.map(stripMeasure).filter(Boolean));
    // A name cell saying 其中：参与人次 continues the row above (开展网络课堂培训 … 其中：参与人次), as
    // the template's 参与（ ）人次 continues the blank before it.
    if (f.partOf) {
      const rest = stripMeasure(stripUnit(f.leading).replace(PART_OF, ''));
      if (rest) primary.unshift(`${stripMeasure(stripUnit(f.partOf))}${rest}`);
    }
    if (!primary.length) {
      // A matrix cell: its row header and column header together name it.
      // A 单位 column between the indicator and the number is not its name.
      const named = f.rowHeaders.filter((h) => !unitOnly(h) && !answerFormat(h));
      const rowCol = [named[named.length - 1] ?? '', ...f.colHeaders].join(' ').trim();
      if (rowCol) primary.push(stripUnit(rowCol));
    }
    const own = primary.map(normalize).filter(Boolean);
    const rowOther = f.rowHeaders.filter((h) => {
      const n = normalize(h);
      // 是/否 in the unit column of a yes/no row says how to answer, not which activity the row is.
      return (
        n &&
        !unitOnly(h) &&
        !answerFormat(h) &&
        !NUMBERING.test(n) &&
        !own.some((p) => p.includes(n) || n.includes(p))
      );
    });
    const t: Target = {
      fields: [f],
      first: f,
      boolean: f.kind === 'choice' ? !!f.choice : selectIsYesNo(f),
      openOptions: f.widget === 'listbox' && optionTexts(f) === null,
      phrases: primary,
      after: f.unit ? f.after.normalize('NFKC').trim().slice(f.unit.length) : f.after,
      unit: f.unit,
      measure: f.unit ? '' : (names.map(measureKind).find(Boolean) ?? ''),
      row: [f.section, ...f.rowHeaders, f.legend, f.heading].join(' '),
      rowOther: [...rowOther, f.legend, f.heading].filter(Boolean),
      section: f.section,
      order: f.order,
    };
    out.push(t);
    if (f.group) groups.set(f.group, t);
  }
  return out;
}
