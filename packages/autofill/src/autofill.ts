// The three steps in one call, for callers that need no review in between (tests, `tianbao fill`).
import { fill } from './fill.ts';
import { match } from './match.ts';
import { scan } from './scan.ts';
import type { FillOptions, FillReport, FillValue, Match, MatchOptions, MatchSlot } from './types.ts';

export interface AutofillResult {
  matches: Match[];
  report: FillReport;
}

export function autofill(
  doc: Document,
  slots: readonly MatchSlot[],
  values: ReadonlyMap<string, FillValue> | Readonly<Record<string, FillValue>>,
  options: MatchOptions & FillOptions = {},
): AutofillResult {
  const matches = match(scan(doc), slots, options);
  return { matches, report: fill(matches, values, options) };
}
