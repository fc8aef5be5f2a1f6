import type * as Y from 'yjs';
import type { Entry, Plan } from '../types.ts';
import { CONTRIBUTION_PREFIX } from './doc-layout.ts';
import { ENTRY_TEXT_FIELDS, PLAN_FIELDS } from './validate.ts';

export type Stamp = [by: string, at: number];

const stamp = (v: unknown): Stamp | undefined =>
  Array.isArray(v) && typeof v[0] === 'string' && typeof v[1] === 'number' ? [v[0], v[1]] : undefined;

/** Reads one entry's Y.Map into a plain record. Unknown keys (a newer schema) are ignored, not lost. */
export function readEntry(id: string, m: Y.Map<unknown>): Entry {
  const created = stamp(m.get('created')) ?? ['', 0];
  const updated = stamp(m.get('updated')) ?? created;
  const deleted = stamp(m.get('deleted'));
  const e: Entry = {
    id,
    date: '',
    title: '',
    kind: '',
    location: '',
    organizer: '',
    partners: '',
    description: '',
    contributions: {},
    attachments: [],
    createdBy: created[0],
    createdAt: created[1],
    updatedBy: updated[0],
    updatedAt: updated[1],
  };
  for (const f of ENTRY_TEXT_FIELDS) {
    const v = m.get(f);
    if (typeof v === 'string') e[f] = v;
  }
  const att = m.get('attachments');
  if (Array.isArray(att)) e.attachments = att as Entry['attachments'];
  e.contributions = readContributions(m);
  if (m.get('highlight') === true) e.highlight = true;
  const importKey = m.get('importKey');
  if (typeof importKey === 'string') e.importKey = importKey;
  if (deleted) {
    e.deletedBy = deleted[0];
    e.deletedAt = deleted[1];
  }
  return e;
}

/** Contributions only (the hot path of the statistics index), in key order: map order is arrival order. */
export function readContributions(m: Y.Map<unknown>): Record<string, number> {
  const pairs: [string, number][] = [];
  for (const [k, v] of m.entries()) {
    if (k.startsWith(CONTRIBUTION_PREFIX) && typeof v === 'number') pairs.push([k.slice(2), v]);
  }
  if (pairs.length > 1) pairs.sort(([a], [b]) => (a < b ? -1 : 1));
  return Object.fromEntries(pairs);
}

export function readPlan(id: string, m: Y.Map<unknown>): Plan {
  const created = stamp(m.get('created')) ?? ['', 0];
  const updated = stamp(m.get('updated')) ?? created;
  const deleted = stamp(m.get('deleted'));
  const p = {
    id,
    createdBy: created[0],
    createdAt: created[1],
    updatedBy: updated[0],
    updatedAt: updated[1],
  } as Plan;
  for (const f of PLAN_FIELDS) {
    const v = m.get(f);
    p[f] = typeof v === 'string' ? v : '';
  }
  const entryId = m.get('entryId');
  if (typeof entryId === 'string') p.entryId = entryId;
  if (deleted) {
    p.deletedBy = deleted[0];
    p.deletedAt = deleted[1];
  }
  return p;
}
