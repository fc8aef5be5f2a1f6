// What the side panel remembers of a multi-step form or a paginated table while it is open: for each
// step or page seen, the blanks it showed, what was filled there and what still waits for 确认. Controls
// are named by field key AND blank, since a pager may draw page 2's rows in page 1's controls.
import type { PortalRow } from './portal-rows';

export interface StepLog {
  /** Blanks (slot ids) this step or page showed. */
  slots: Set<string>;
  /** `pairOf(key, slotId)` of every control filled on it. */
  filled: Set<string>;
  /** Unsure matches on it not filled yet, as of its last scan. */
  unsure: Set<string>;
}

/** Step or page number (1-based) → what happened there. */
export type StepLogs = Map<number, StepLog>;

export const pairOf = (key: string, slotId: string | null): string => `${key}\u0000${slotId ?? ''}`;

/** Records a scan or fill of step `at`: its blanks, the controls just filled, its open questions. */
export function noteStep(logs: StepLogs, at: number, rows: readonly PortalRow[], filled: Iterable<string>) {
  let log = logs.get(at);
  if (!log) {
    log = { slots: new Set(), filled: new Set(), unsure: new Set() };
    logs.set(at, log);
  }
  for (const pair of filled) log.filled.add(pair);
  log.unsure = new Set();
  for (const r of rows) {
    if (!r.slotId || r.status === 'unmatched') continue;
    log.slots.add(r.slotId);
    const pair = pairOf(r.key, r.slotId);
    if (r.status === 'unsure' && !log.filled.has(pair)) log.unsure.add(pair);
  }
}

/** Blanks with a value that no step or page seen so far has shown: they are still ahead. */
export function remainingSlots(logs: StepLogs, withValue: Iterable<string>): string[] {
  const seen = new Set<string>();
  for (const log of logs.values()) for (const s of log.slots) seen.add(s);
  return [...withValue].filter((s) => !seen.has(s));
}
