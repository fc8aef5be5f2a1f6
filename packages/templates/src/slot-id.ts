import { hash53 } from './stable-hash.ts';

/**
 * Slot ids are a short hash of what the blank *is* (its row, its phrases and, for repeated phrases in
 * one row such as two `参与（ ）人次`, which repetition), never of where it sits, so inserting a row
 * above keeps every existing id and the data stored under it.
 */
export function slotIdFor(parts: {
  section: string;
  group: string;
  item: string;
  before: string;
  after: string;
  occurrence: number;
}): string {
  const key = [
    parts.section,
    parts.group,
    parts.item,
    parts.before,
    parts.after,
    String(parts.occurrence),
  ].join('\u001F');
  return `s${hash53(key).toString(36).padStart(11, '0').slice(-8)}`;
}
