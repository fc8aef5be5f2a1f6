import type { AttachmentRef, LogSession } from '@tianbao/core';
import { attachmentsDb, mediaSize, type StoredBlob, sha256Hex } from './attachments-db';
import type { RelaySync } from './relay-link';
import type { RelayLink } from './settings';

/**
 * Photos and videos reach colleagues through the relay's content-addressed blob store (same token as
 * the log), never through the log document. While a log is open and connected, this page sends the
 * files added here and fetches the ones colleagues attached, whenever the log's attachment list changes
 * or the connection comes (back) online; an offline member gets them on reconnect.
 */
const blobUrl = (link: RelayLink, hash: string) => `${link.httpUrl}/blobs/${link.unitId}/${hash}`;
const auth = (link: RelayLink) => ({ Authorization: `Bearer ${link.token}` });

export async function uploadPending(link: RelayLink, logId: string): Promise<number> {
  const pending = (await attachmentsDb.blobs.where('logId').equals(logId).toArray()).filter(
    (b) => !b.uploaded,
  );
  let sent = 0;
  for (const b of pending) {
    const res = await fetch(blobUrl(link, b.hash), {
      method: 'PUT',
      headers: { ...auth(link), 'Content-Type': b.type || 'application/octet-stream' },
      body: b.data,
    });
    if (!res.ok) throw new Error(`upload ${res.status}`);
    await attachmentsDb.blobs.update(b.hash, { uploaded: true });
    sent++;
  }
  return sent;
}

/**
 * Fetches files colleagues attached that this browser does not have yet. `missing`: files the relay
 * does not have yet either (their owner's upload is still on its way, or they are offline).
 */
export async function downloadMissing(
  link: RelayLink,
  logId: string,
  refs: AttachmentRef[],
): Promise<{ got: number; missing: number }> {
  let got = 0;
  let missing = 0;
  for (const ref of refs) {
    if (await attachmentsDb.blobs.get(ref.hash)) continue;
    const res = await fetch(blobUrl(link, ref.hash), { headers: auth(link) });
    if (!res.ok) {
      missing++;
      continue;
    }
    const data = await res.blob();
    const typed = new Blob([data], { type: ref.type });
    const blob: StoredBlob = {
      hash: ref.hash,
      logId,
      name: ref.name,
      type: ref.type,
      size: data.size,
      ...(await mediaSize(typed)),
      data: typed,
      addedAt: Date.now(),
      uploaded: true,
    };
    await attachmentsDb.blobs.put(blob);
    got++;
  }
  return { got, missing };
}

/** Stores picked files in this browser and returns their references for the log. */
export async function storeFiles(logId: string, files: Iterable<File>): Promise<AttachmentRef[]> {
  const refs: AttachmentRef[] = [];
  for (const file of files) {
    const hash = await sha256Hex(await file.arrayBuffer());
    await attachmentsDb.blobs.put({
      hash,
      logId,
      name: file.name,
      type: file.type,
      size: file.size,
      ...(await mediaSize(file)),
      data: file,
      addedAt: Date.now(),
    });
    refs.push({ hash, name: file.name, type: file.type || 'application/octet-stream', size: file.size });
  }
  return refs;
}

/** Every attachment reference in the log's live entries, read shard by shard. */
const allRefs = (session: LogSession): AttachmentRef[] =>
  session.log.docNames().flatMap((d) => session.log.attachmentsIn(d));

/** Keeps this page's files and the relay's blob store in step; `onChange` fires when files arrived or left. */
export class AttachmentSync {
  private readonly listeners = new Set<() => void>();
  private running = false;
  private again = false;
  private lastError = '';
  private readonly offs: (() => void)[] = [];

  constructor(
    private readonly session: LogSession,
    private readonly sync: RelaySync,
    private readonly logId: string,
  ) {}

  start(): void {
    let wasOnline = false;
    this.offs.push(
      this.sync.onChange(() => {
        const online = this.sync.connection()?.status() === 'online';
        if (online && !wasOnline) this.kick();
        wasOnline = online;
      }),
    );
    // Per shard, the attachment hashes last seen: an edit reads only its own shard's attachments.
    const known = new Map<string, string>();
    this.offs.push(
      this.session.log.onChange((c) => {
        let changed = false;
        for (const d of c.docs) {
          if (d === 'root') continue;
          const key = this.session.log
            .attachmentsIn(d)
            .map((r) => r.hash)
            .join();
          if (key !== (known.get(d) ?? '')) changed = true;
          known.set(d, key);
        }
        if (changed) this.kick();
      }),
    );
    this.kick();
  }

  /** Why the last round failed ('' when it did not), for 附件 to say so. */
  error(): string {
    return this.lastError;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Files were added in this page: show them, and send them to the relay at once (before the log's save). */
  changed(): void {
    this.notify();
    this.kick();
  }

  stop(): void {
    for (const off of this.offs) off();
    clearTimeout(this.retry);
  }

  private notify(): void {
    for (const l of this.listeners) l();
  }

  private retry: ReturnType<typeof setTimeout> | undefined;
  private retryMs = 0;
  private retryIn(ms: number): void {
    this.retryMs = ms;
    clearTimeout(this.retry);
    this.retry = setTimeout(() => this.kick(), ms);
  }

  /** Runs one round now, or once more after the running one. */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    const link = this.sync.current();
    if (!link || this.sync.connection()?.status() === 'refused') return;
    this.running = true;
    void (async () => {
      try {
        const sent = await uploadPending(link, this.logId);
        const { got, missing } = await downloadMissing(link, this.logId, allRefs(this.session));
        this.lastError = '';
        if (sent || got) this.notify();
        // A colleague's file the relay does not have yet: ask again soon, then less often.
        if (missing) this.retryIn(Math.min(30_000, this.retryMs * 2 || 1000));
        else this.retryMs = 0;
      } catch {
        this.lastError = '附件已保存在本机；同步服务暂时连不上，联网后会自动上传。';
        this.notify();
      } finally {
        this.running = false;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      }
    })();
  }
}
