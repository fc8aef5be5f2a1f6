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
