export { LogFileError, type LogFileErrorCode, LogInputError } from './errors.ts';
export { type ChangeOrigin, DEFAULT_SHARDS, shardName } from './model/doc-layout.ts';
export type { SeenFields } from './model/entry-writes.ts';
export { idNumberProblem, maskIdNumber } from './model/id-number.ts';
export { DOCUMENT_NAME, isLogId, isUnitId, LOG_ID, RECORD_ID, UNIT_ID } from './model/ids.ts';
export { LogSession, type OpenOptions } from './model/log-session.ts';
export {
  chineseNumeral,
  type NumberInputOptions,
  type NumberInputProblem,
  type NumberReading,
  readNumberInput,
} from './model/number-input.ts';
export {
  countProblem,
  MAX_COUNT,
  NUMBER_PROBLEM,
  type NumberProblem,
  numberProblem,
  percentProblem,
} from './model/number-rules.ts';
export { MAX_TIME, MIN_TIME, parseTime } from './model/times.ts';
export {
  type Conflict,
  type CreateLogOptions,
  type EntryFilter,
  type HistoryEvent,
  type LogChange,
  type MappingUnits,
  matchesSearch,
  SCHEMA_VERSION,
  UnitLog,
} from './model/unit-log.ts';
export {
  exportUpdateFile,
  type ImportResult,
  importUpdateFile,
  readUpdateFileMeta,
} from './model/update-file.ts';
export {
  ENTRY_FIELDS,
  ENTRY_TEXT_FIELDS,
  entryErrors,
  FIELD_ZH,
  isValidDate,
  PLAN_FIELDS,
  PROFILE_FIELDS,
  type SlotKindOf,
  validateProfile,
} from './model/validate.ts';
export { dayText, describeRange, fullDayText } from './periods/date-text.ts';
export { addDays, localToday, weekdayOf } from './periods/iso-date.ts';
export {
  campaignYear,
  type LogSchedule,
  logPeriods,
  logSchedule,
  namedYear,
  noticeDeadlines,
} from './periods/log-schedule.ts';
export { NoticeRecord } from './periods/notice-record.ts';
export { planTimeRange, planTimeText, planTimeValue } from './periods/plan-time.ts';
export {
  currentPeriod,
  customPeriod,
  DEFAULT_PERIOD_MODE,
  PERIOD_MODE_ZH,
  type PeriodKind,
  type PeriodMode,
  periodFromRange,
  type ReportingPeriod,
  reportingPeriods,
  type Schedule,
} from './periods/reporting-periods.ts';
export type { ScheduleEdits } from './periods/schedule-edits.ts';
export { shiftDate, shiftDeadline } from './periods/year-shift.ts';
export type { DateRange, EntrySummary } from './stats/stats-index.ts';
export { reportDateOf, reportDateSlotId, templateValues } from './stats/template-values.ts';
export { checkUpdateV1, checkUpdateV2, isValidUpdateV1 } from './storage/check-update.ts';
export { IndexedDbStorage } from './storage/indexeddb-storage.ts';
export { COMPACT_AFTER, type LoadedDoc, type LogStorage, type SkippedRecord } from './storage/log-storage.ts';
export { MemoryStorage } from './storage/memory-storage.ts';
export { destroySocket } from './sync/destroy-socket.ts';
export {
  type AnyInvitation,
  type DecodedInvitation,
  type DecodedJoinLink,
  decodeInvitation,
  decodeJoinLink,
  encodeInvitation,
  encodeJoinLink,
  type Invitation,
  type JoinLink,
  parseInvitation,
  type Role,
  relayAddress,
  roles,
} from './sync/invitation.ts';
export { quietWebSocket } from './sync/quiet-web-socket.ts';
export {
  connectRelay,
  fetchLogFromRelay,
  type Peer,
  type RelayConnection,
  type RelayStatus,
  type RelayTarget,
  relayDocName,
  relayUrls,
} from './sync/relay-sync.ts';
export { syncTabs, type TabChannel } from './sync/tab-sync.ts';
export type * from './types.ts';
