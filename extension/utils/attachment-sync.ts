import { attachmentsDb, type StoredBlob } from './attachments-db';
import type { RelayLink } from './settings';

/**
 * Photos and videos reach colleagues through the relay's content-addressed blob store (same token as
 * the log), never through the log document. Uploads that fail (offline) are retried on the next visit.
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

/** Fetches files colleagues attached that this browser does not have yet. */
export async function downloadMissing(
  link: RelayLink,
  logId: string,
  refs: { hash: string; name: string; type: string }[],
): Promise<number> {
  let got = 0;
  for (const ref of refs) {
    if (await attachmentsDb.blobs.get(ref.hash)) continue;
    const res = await fetch(blobUrl(link, ref.hash), { headers: auth(link) });
    if (!res.ok) continue;
    const data = await res.blob();
    const blob: StoredBlob = {
      hash: ref.hash,
      logId,
      name: ref.name,
      type: ref.type,
      size: data.size,
      data,
      addedAt: Date.now(),
      uploaded: true,
    };
    await attachmentsDb.blobs.put(blob);
    got++;
  }
  return got;
}
