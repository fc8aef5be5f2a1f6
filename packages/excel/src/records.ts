// Core's plain record types, in one place for this package (never its Yjs side).
export type { Entry, EntryFields, LogMeta, Plan, Profile, SlotStat, SlotValue } from '@tianbao/core';
