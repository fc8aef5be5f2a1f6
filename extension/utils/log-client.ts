import {
  type CreateLogOptions,
  fetchLogFromRelay,
  IndexedDbStorage,
  LogSession,
  readUpdateFileMeta,
  type SlotKindOf,
  syncTabs,
} from '@tianbao/core';
import type { Template } from '@tianbao/templates';
import { AttachmentSync } from './attachment-sync';
import { linkFromInvitation, RelaySync, readInvitation } from './relay-link';
import { currentLogId, type LogRecord, logs, relayLinks, userName } from './settings';
import { findTemplate } from './templates';

/**
 * The log as this page holds it. Each extension page opens the log from IndexedDB (the extension's
 * origin) and stays live with the other pages over a BroadcastChannel, so nothing depends on the
 * service worker being alive.
 */
export interface OpenLog {
  session: LogSession;
  template: Template | undefined;
  record: LogRecord;
  /** Resolves when every shard is loaded (statistics are available before that, from the snapshot). */
  ready: Promise<void>;
  /** The connection to the unit's relay, when the log is connected to one. */
  sync: RelaySync;
  /** Photos and videos to and from the relay's blob store. */
  attachments: AttachmentSync;
  close(): Promise<void>;
}

const dbName = (logId: string) => `tianbao-log-${logId}`;

function kindsOf(template: Template | undefined): SlotKindOf | undefined {
  if (!template) return undefined;
  const kinds = new Map(template.slots.map((s) => [`${template.id}/${s.id}`, s.kind]));
  return (key) => kinds.get(key);
}

async function attach(session: LogSession, record: LogRecord): Promise<OpenLog> {
  const template = record.templateIds[0] ? await findTemplate(record.templateIds[0]) : undefined;
  session.log.kindOf = kindsOf(template);
  const channel = new BroadcastChannel(dbName(record.logId));
  const stop = syncTabs(session, channel);
  // Load the remaining shards after the first paint, one per macrotask, so the page stays responsive.
  const ready = (async () => {
    for (let i = 0; i < session.log.shardCount; i++) {
      await new Promise((r) => setTimeout(r, 0));
      await session.loadShard(i);
    }
  })();
  const sync = new RelaySync(session, record.logId);
  await sync.start();
  const attachments = new AttachmentSync(session, sync, record.logId);
  void ready.then(() => attachments.start());
  const onUnload = () => void session.flush();
  addEventListener('pagehide', onUnload);
  return {
    session,
    template,
    record,
    ready,
    sync,
    attachments,
    async close() {
      attachments.stop();
      removeEventListener('pagehide', onUnload);
      sync.stop();
      stop();
      channel.close();
      await session.close();
    },
  };
}

export async function openLog(record: LogRecord): Promise<OpenLog> {
  const user = (await userName.getValue()) || '未署名';
  const session = await LogSession.open(new IndexedDbStorage(dbName(record.logId)), { user, lazy: true });
  return attach(session, record);
}

async function register(session: LogSession): Promise<LogRecord> {
  const meta = session.log.meta();
  const record: LogRecord = {
    logId: meta.logId,
    unitName: meta.unitName,
    campaign: meta.campaign,
    templateIds: meta.templateIds,
    addedAt: Date.now(),
  };
  const all = (await logs.getValue()).filter((l) => l.logId !== record.logId);
  await logs.setValue([...all, record]);
  await currentLogId.setValue(record.logId);
  return record;
}

export async function createLog(opts: Omit<CreateLogOptions, 'user'>): Promise<OpenLog> {
  const user = (await userName.getValue()) || '未署名';
  const logId = crypto.randomUUID().replaceAll('-', '').toUpperCase().slice(0, 26);
  const session = await LogSession.create(new IndexedDbStorage(dbName(logId)), { ...opts, logId, user });
  return attach(session, await register(session));
}

/** Joins a unit's log through its relay, from an invitation a colleague shared from 成员与同步. */
export async function joinFromInvitation(text: string): Promise<OpenLog> {
  const inv = readInvitation(text, '同事');
  if (!inv.logId)
    throw Object.assign(new Error('no log in invitation'), {
      messageZh: '这个邀请没有指明台账。请让同事在“成员与同步”中复制“邀请同事”里的邀请。',
    });
  const user = (await userName.getValue()) || '未署名';
  const storage = new IndexedDbStorage(dbName(inv.logId));
  const link = await linkFromInvitation(inv);
  await fetchLogFromRelay(storage, { url: link.relayUrl, unitId: link.unitId, token: link.token }, inv.logId);
  await relayLinks.setValue({ ...(await relayLinks.getValue()), [inv.logId]: link });
  // Not lazy: a first copy has no statistics snapshot yet; its shards fill in from the relay.
  const session = await LogSession.open(storage, { user });
  return attach(session, await register(session));
}

/** Joins a unit's log from an update file a colleague exported. */
export async function joinFromFile(bytes: Uint8Array): Promise<OpenLog> {
  const meta = readUpdateFileMeta(bytes);
  const user = (await userName.getValue()) || '未署名';
  const session = await LogSession.createFromFile(new IndexedDbStorage(dbName(meta.logId)), bytes, {
    user,
    lazy: true,
  });
  return attach(session, await register(session));
}
