// Whether a page control's unit and a template blank's unit count the same thing. Two known units that
// do not are never paired, however alike the words around them: a 场 of activities is not a 人次 of
// people, and a number put into the other box is a wrong figure in an official report. A unit that is
// merely absent (a bare input, a blank without a measure word) agrees with anything.
import { leadingUnit } from './text.ts';
import type { MatchSlot } from './types.ts';

/**
 * Spellings of one count, each seen in true matches of the portal fixtures (page unit | blank unit).
 * Across every fixture's truth.json (../shared/portals, packages/autofill/fixtures, demo/portal) the true
 * matches pair only identical units, so there is no pair yet: 场 | 场次, 人 | 名 and the like are
 * different units until a real portal shows otherwise. 人 and 人次 are different counts (people, and
 * people times occasions) and stay apart whatever a portal writes.
 */
const SAME: readonly (readonly [page: string, blank: string])[] = [];

const canonical = new Map<string, string>(SAME.map(([page, blank]) => [blank, page]));

/** One spelling per count ('' for none); NFKC makes ％ the ASCII %. */
export function unitKey(unit: string | undefined): string {
  const u = (unit ?? '').normalize('NFKC').trim();
  return canonical.get(u) ?? u;
}

/** Both units are known and they count different things. */
export function unitsDiffer(a: string | undefined, b: string | undefined): boolean {
  const x = unitKey(a);
  const y = unitKey(b);
  return x !== '' && y !== '' && x !== y;
}

/** Both units are known and count the same thing. */
export function unitsAgree(a: string | undefined, b: string | undefined): boolean {
  const x = unitKey(a);
  return x !== '' && x === unitKey(b);
}

/** The unit a template blank counts in: its own, the measure word after it, % for a percentage. */
export const slotUnit = (slot: Pick<MatchSlot, 'unit' | 'after' | 'kind'>): string =>
  slot.unit || leadingUnit(slot.after ?? '') || (slot.kind === 'percent' ? '%' : '');

export type CountKind = 'people' | 'occasions' | '';

/** What a unit counts: people (人, 人次, 名, 位) or occasions (场, 场次, 次, 期, 轮); '' for anything else. */
export function countKind(unit: string | undefined): CountKind {
  const u = unitKey(unit);
  if (/^(人|人次|名|位)$/.test(u)) return 'people';
  if (/^(场|场次|次|期|轮|轮次)$/.test(u)) return 'occasions';
  return '';
}

/**
 * What a name counts by the measure word it ends with, for a control whose unit is not stated apart: a
 * grid's 网络课堂培训人次 counts people, 宣传咨询场次 occasions. Only the coarse kind, so a portal's 参与人数
 * still fits a 参与（ ）人次 blank; but 网络课堂培训人次 is never offered 开展网络课堂培训（ ）场.
 */
export function measureKind(name: string): CountKind {
  const t = name.normalize('NFKC').replace(/[\s:：]+$/, '');
  if (/(人次数?|人数|人员数)$/.test(t)) return 'people';
  if (/(场次|场数|次数|期数|轮次)$/.test(t)) return 'occasions';
  return '';
}

/** A control named by a measure word of one kind and a blank whose unit counts the other kind. */
export const kindsDiffer = (measure: CountKind | undefined, blankUnit: string | undefined): boolean => {
  const k = countKind(blankUnit);
  return !!measure && k !== '' && k !== measure;
};
