// Core's plain record types. Read from its types file until @tianbao/core has its src/index.ts; then this
// becomes `from '@tianbao/core'`.
export type {
  Entry,
  EntryFields,
  LogMeta,
  Plan,
  Profile,
  SlotStat,
  SlotValue,
} from '../../core/src/types.ts';
