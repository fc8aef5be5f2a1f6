import type { Slot } from './schema.ts';
import { Template } from './template.ts';

export interface Revision {
  /** `next` with version = previous + 1 and, on each carried slot, the ids it had before as aliases. */
  template: Template;
  /** Blanks whose wording changed: data stored under `from` now belongs to `to`. */
  carried: { from: string; to: string }[];
  /** Ids of blanks the revision dropped; their stored values should be kept aside, not deleted. */
  removed: string[];
  /** Ids of new blanks. */
  added: string[];
}

/**
 * Makes `next` (a re-import of a corrected or reissued table) a revision of `previous`. Unchanged blanks
 * keep their ids by construction (ids hash the wording, not the position); a blank whose wording was
 * edited (a typo fixed, a unit changed) gets a new id, so it is matched here to the blank it replaces
 * (same row and kind, and the same phrase before or after, or the same place in its row) and keeps the
 * old id as an alias: a unit log keyed by the old `<templateId>/<slotId>` keeps working.
 */
export function reviseTemplate(previous: Template, next: Template): Revision {
  if (previous.id !== next.id) throw new Error(`cannot revise ${previous.id} with ${next.id}: ids differ`);
  const nextIds = new Set(next.slots.map((s) => s.id));
  const slots: Slot[] = next.slots.map((s) => ({ ...s, aliases: s.aliases ? [...s.aliases] : undefined }));
  const byId = new Map(previous.slots.map((s) => [s.id, s]));
  // Same id: carry the older aliases along.
  for (const s of slots) {
    const old = byId.get(s.id);
    if (old?.aliases) s.aliases = unique([...(s.aliases ?? []), ...old.aliases]);
  }
  let oldOnes = previous.slots.filter((s) => !nextIds.has(s.id));
  let newOnes = slots.filter((s) => !byId.has(s.id));
  const carried: Revision['carried'] = [];
  const pair = (test: (o: Slot, n: Slot) => boolean) => {
    for (const n of [...newOnes]) {
      const o = oldOnes.find((candidate) => test(candidate, n));
      if (!o) continue;
      n.aliases = unique([...(n.aliases ?? []), o.id, ...(o.aliases ?? [])]);
      carried.push({ from: o.id, to: n.id });
      oldOnes = oldOnes.filter((x) => x !== o);
      newOnes = newOnes.filter((x) => x !== n);
    }
  };
  const sameRow = (o: Slot, n: Slot) => o.section === n.section && o.group === n.group && o.item === n.item;
  pair((o, n) => sameRow(o, n) && o.kind === n.kind && (o.before === n.before || o.after === n.after));
  pair(
    (o, n) => o.section === n.section && o.kind === n.kind && o.before === n.before && o.after === n.after,
  );
  // Last: the same place among the row's changed blanks (a phrase rewritten on both sides).
  pair((o, n) => {
    if (!sameRow(o, n) || o.kind !== n.kind) return false;
    const rank = (list: Slot[], s: Slot) => list.filter((x) => sameRow(x, s) && x.kind === s.kind).indexOf(s);
    return rank(oldOnes, o) === rank(newOnes, n);
  });
  const template = Template.parse({
    ...next,
    version: Math.max(next.version, previous.version + 1),
    slots: slots.map(({ aliases, ...rest }) => (aliases && aliases.length > 0 ? { ...rest, aliases } : rest)),
  });
  return { template, carried, removed: oldOnes.map((s) => s.id), added: newOnes.map((s) => s.id) };
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}
