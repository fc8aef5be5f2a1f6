import { storage } from 'wxt/utils/storage';

/**
 * Every setting the extension stores, declared once. chrome.storage.local belongs to the extension's
 * own origin, never a portal's. Unit data itself lives in IndexedDB (see log-client.ts).
 */
export interface LogRecord {
  logId: string;
  unitName: string;
  campaign: string;
  templateIds: string[];
  addedAt: number;
}

export interface DeadlineAlarm {
  /** Alarm name: `deadline:<logId>:<deadline id>:<ISO date>` */
  name: string;
  title: string;
  /** When it is due (ms). */
  due: number;
  /** When to remind (ms). */
  remindAt: number;
}

export const userName = storage.defineItem<string>('local:userName', { fallback: '' });
export const logs = storage.defineItem<LogRecord[]>('local:logs', { fallback: [] });
export const currentLogId = storage.defineItem<string | null>('local:currentLogId', { fallback: null });
export const remindersOn = storage.defineItem<boolean>('local:remindersOn', { fallback: true });
export const deadlineAlarms = storage.defineItem<DeadlineAlarm[]>('local:deadlineAlarms', { fallback: [] });
/** Templates imported from a new notice's table, by id (built-ins come from @tianbao/templates). */
export const importedTemplates = storage.defineItem<Record<string, unknown>>('local:importedTemplates', {
  fallback: {},
});
/** The reporting period chosen for each portal page (page key → `<from>..<to>`), for its 本周/累计 columns. */
export const portalPeriods = storage.defineItem<Record<string, string>>('local:portalPeriods', {
  fallback: {},
});
/** Portal origins the user enabled (host permission granted on request). */
export const enabledPortals = storage.defineItem<string[]>('local:enabledPortals', { fallback: [] });

/** How a log syncs: the relay and the invitation token it was connected with (per log). */
export interface RelayLink {
  relayUrl: string;
  httpUrl: string;
  unitId: string;
  token: string;
  role?: 'admin' | 'editor' | 'viewer';
  unitName?: string;
  /** This person's member id on the relay (joined or registered from the dashboard). */
  memberId?: string;
}
export const relayLinks = storage.defineItem<Record<string, RelayLink>>('local:relayLinks', { fallback: {} });

/**
 * The relay address 成员与同步 offers first: the one `pnpm start` runs (it builds the extension with
 * WXT_TIANBAO_RELAY set to its relay), else the default port on this computer.
 */
export const DEFAULT_RELAY: string =
  (import.meta as { env?: Record<string, string | undefined> }).env?.WXT_TIANBAO_RELAY ?? '127.0.0.1:8787';
