import { useState } from 'react';
import {
  type ColleagueChange,
  colleagueChanges,
  dropEdit,
  type Edits,
  editField,
  withEdits,
} from '../utils/draft-edits';

/**
 * A form over a record of the shared log. `stored` is read from the log on every render (the component
 * re-renders on each log change), so untouched fields follow colleagues with no effect to reset them, and
 * what the person typed lives apart, never overwritten by a change that arrives while they type.
 */
export function useDraft<T extends object>(stored: T) {
  const [edits, setEdits] = useState<Edits<T>>({});
  const changed = colleagueChanges(stored, edits) as ColleagueChange<T>[];
  return {
    /** What the form shows: the stored record with the person's edits over it. */
    values: withEdits(stored, edits),
    /** Whether anything typed is not saved yet. */
    edited: Object.keys(edits).length > 0,
    // The updater form: two keystrokes before one render must both be kept. `stored` is the record as this
    // render showed it, i.e. what the person was looking at when they typed.
    set: <K extends keyof T>(field: K, value: T[K]) => setEdits((e) => editField(e, stored, field, value)),
    /** Fields a colleague changed while this person was editing them. */
    changed,
    /** The colleague's change to one field, if they changed it while this person was editing it. */
    changeOf: (field: keyof T) => changed.find((c) => c.field === field),
    /** Show the colleague's value in this field again instead of the person's. */
    takeTheirs: (field: keyof T) => setEdits((e) => dropEdit(e, field)),
    /** What saving writes, from the log as it is at the moment of saving. */
    merged: (now: T) => withEdits(now, edits),
    /** After a save: the stored record now holds the edits. */
    clear: () => setEdits({}),
  };
}
