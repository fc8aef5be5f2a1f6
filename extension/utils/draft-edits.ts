/**
 * A form over a shared record keeps only what the person typed, field by field, on top of the record as
 * it is stored now. Copying the whole record into the form and copying it back on every change of the log
 * loses typing: a reset queued by a change (a sync, storage loading) can land after a keystroke. Keeping the
 * edits apart means the stored side can change at any moment: untouched fields follow colleagues, a typed
 * field never changes under the person's hands, and a field both changed is shown, not silently decided.
 */

/** One typed field: the person's value and the stored value it replaced when they started typing. */
export interface FieldEdit<V> {
  value: V;
  from: V;
}

export type Edits<T> = { [K in keyof T]?: FieldEdit<T[K]> };

/** A field a colleague changed (stored now differs from what the person started from) to something else. */
export interface ColleagueChange<T, K extends keyof T = keyof T> {
  field: K;
  theirs: T[K];
  mine: T[K];
}

const keysOf = <T>(edits: Edits<T>) => Object.keys(edits) as (keyof T)[];

/**
 * Records a keystroke. `stored` is the record as the form showed it when the person typed. A field typed
 * back to what it was, with nothing changed underneath, is no longer an edit.
 */
export function editField<T, K extends keyof T>(edits: Edits<T>, stored: T, field: K, value: T[K]): Edits<T> {
  const from = edits[field] ? (edits[field] as FieldEdit<T[K]>).from : stored[field];
  const next = { ...edits };
  if (Object.is(value, from) && Object.is(from, stored[field])) delete next[field];
  else next[field] = { value, from };
  return next;
}

/** What the form shows and saving writes: the stored record with the person's edits over it. */
export function withEdits<T extends object>(stored: T, edits: Edits<T>): T {
  const out = { ...stored };
  for (const k of keysOf(edits)) out[k] = (edits[k] as FieldEdit<T[typeof k]>).value;
  return out;
}

/** Fields a colleague changed while this person was editing them, to another value than the person's. */
export function colleagueChanges<T>(stored: T, edits: Edits<T>): ColleagueChange<T>[] {
  const out: ColleagueChange<T>[] = [];
  for (const k of keysOf(edits)) {
    const e = edits[k] as FieldEdit<T[typeof k]>;
    if (!Object.is(stored[k], e.from) && !Object.is(stored[k], e.value))
      out.push({ field: k, theirs: stored[k], mine: e.value });
  }
  return out;
}

/** Drops the person's edit of one field, so it shows the stored (colleague's) value again. */
export function dropEdit<T>(edits: Edits<T>, field: keyof T): Edits<T> {
  const next = { ...edits };
  delete next[field];
  return next;
}
