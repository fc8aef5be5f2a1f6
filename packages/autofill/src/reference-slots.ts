// Slots from a shared reference list (../shared/reference/<id>.json), for tests and until
// @tianbao/templates serves getTemplate(id): same fields, id `s<index>`.
import type { MatchSlot } from './types.ts';

interface ReferenceSlot {
  index: number;
  kind: NonNullable<MatchSlot['kind']>;
  section: 'header' | 'table';
  group: string;
  item: string;
  before: string;
  after: string;
  unit?: string;
}

export function slotsFromReference(reference: { slots: ReferenceSlot[] }): MatchSlot[] {
  if (!Array.isArray(reference?.slots)) throw new Error('reference list has no "slots" array');
  return reference.slots.map((s) => ({ ...s, id: `s${s.index}` }));
}
