export { type AutofillResult, autofill } from './autofill.ts';
export { holdsAnswer, shownText } from './control-state.ts';
export { type Dump, type DumpedField, dump } from './dump.ts';
export { fieldKey } from './field-key.ts';
export { fill } from './fill.ts';
export { type FormProgress, formProgress } from './form-progress.ts';
export { highlight } from './highlight.ts';
export { liaisonSlots } from './liaison.ts';
export { match } from './match.ts';
export { type Measure, valueKey } from './period.ts';
export { slotsFromReference } from './reference-slots.ts';
export { slotUnit, unitsAgree, unitsDiffer } from './same-unit.ts';
export { type ScanOptions, type ScanResult, type SkippedControl, scan, scanAll } from './scan.ts';
export { type SettleOptions, type WatchOptions, waitForSettle, watch } from './settle.ts';
export { SYNONYMS } from './text.ts';
export type {
  Control,
  Field,
  FieldKind,
  FillEntry,
  FillOptions,
  FillReport,
  FillSkip,
  FillValue,
  LearnedMapping,
  Match,
  MatchOptions,
  MatchSlot,
  MatchStatus,
} from './types.ts';
export { warmUp } from './warm-up.ts';
export { shownChoice, type WidgetKind, widgetOf } from './widget.ts';
