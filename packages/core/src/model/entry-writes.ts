import { ENTRY_LABEL, TERM } from '@tianbao/templates';
import type * as Y from 'yjs';
import type { EntryFields } from '../types.ts';
import { CONTRIBUTION_PREFIX } from './doc-layout.ts';
import { ENTRY_TEXT_FIELDS } from './validate.ts';

/** Values in a log are plain JSON (text, numbers, booleans, attachment lists): equal when they encode alike. */
export const sameValue = (a: unknown, b: unknown): boolean =>
  a === b || JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * What an entry patch changes, as the entry map's keys: a value to set, or undefined to delete
 * (a contribution set to 0). Keys whose value would not change are left out.
 */
export function entryWrites(
  m: Y.Map<unknown>,
  clean: Partial<EntryFields>,
  rawContrib: Record<string, unknown> | undefined,
): Map<string, unknown> {
  const writes = new Map<string, unknown>();
  for (const f of ENTRY_TEXT_FIELDS) {
    const v = clean[f];
    if (v !== undefined && m.get(f) !== v) writes.set(f, v);
  }
  if (clean.attachments && !sameValue(m.get('attachments'), clean.attachments))
    writes.set('attachments', clean.attachments);
  if (clean.highlight !== undefined && (m.get('highlight') === true) !== clean.highlight)
    writes.set('highlight', clean.highlight);
  for (const k of Object.keys(rawContrib ?? {})) {
    const key = CONTRIBUTION_PREFIX + k;
    const n = clean.contributions?.[k];
    if (n) {
      if (m.get(key) !== n) writes.set(key, n);
    } else if (m.has(key)) writes.set(key, undefined);
  }
  return writes;
}

/** What a form showed, as an entry's fields (the same shape as a patch). */
export type SeenFields = Partial<Pick<EntryFields, (typeof ENTRY_TEXT_FIELDS)[number]>> & {
  contributions?: Record<string, number>;
  attachments?: EntryFields['attachments'];
};

/** The value a form showed for one entry-map key, or `absent` when the form did not show that key. */
export function seenValue(seen: SeenFields, key: string): { value: unknown } | 'absent' {
  if (key.startsWith(CONTRIBUTION_PREFIX)) {
    if (!seen.contributions) return 'absent';
    return { value: seen.contributions[key.slice(CONTRIBUTION_PREFIX.length)] };
  }
  if (!(key in seen)) return 'absent';
  return { value: (seen as Record<string, unknown>)[key] };
}

/** A stored value as readEntry shows it (an entry without attachments shows [], without 重点 false). */
const asRead = (key: string, v: unknown): unknown =>
  key === 'attachments'
    ? (v ?? [])
    : key === 'highlight'
      ? v === true
      : key.startsWith(CONTRIBUTION_PREFIX)
        ? v
        : (v ?? '');

/**
 * Writes that would overwrite a value the person never saw: the stored value changed (by someone
 * else) since their form showed it, and they are writing something else again.
 */
export function staleKeys(m: Y.Map<unknown>, writes: Map<string, unknown>, seen: SeenFields): string[] {
  const out: string[] = [];
  for (const [key, value] of writes) {
    const s = seenValue(seen, key);
    if (s === 'absent') continue;
    const now = asRead(key, m.get(key));
    if (!sameValue(now, asRead(key, s.value)) && !sameValue(now, value)) out.push(key);
  }
  return out;
}

/** The Chinese name of an entry map key, for 撤销 labels and messages. */
export function fieldLabel(key: string): string {
  if (key.startsWith(CONTRIBUTION_PREFIX)) return TERM.contributions;
  if (key === 'attachments') return '附件';
  if (key === 'highlight') return '重点';
  return (ENTRY_LABEL as Record<string, string>)[key] ?? key;
}

/**
 * Puts back `before` for the keys that still hold what `after` wrote (inside the caller's transaction);
 * returns the keys someone changed since, which are left as they are.
 */
export function revertKeys(
  m: Y.Map<unknown>,
  before: Map<string, unknown>,
  after: Map<string, unknown>,
): string[] {
  const skipped: string[] = [];
  for (const [k, v] of after) {
    if (!sameValue(m.get(k), v)) {
      skipped.push(k);
      continue;
    }
    const old = before.get(k);
    if (old === undefined) m.delete(k);
    else m.set(k, old);
  }
  return skipped;
}
