import { useEffect, useState } from 'react';
import { attachmentsDb, type StoredBlob } from '../utils/attachments-db';
import { useLogRevision, useOpenLog } from './use-log';

/** The files this browser holds for the open log, by hash; re-read when files arrive or the log changes. */
export function useBlobs(): Map<string, StoredBlob> {
  const { record, attachments } = useOpenLog();
  const rev = useLogRevision();
  const [arrived, setArrived] = useState(0);
  const [blobs, setBlobs] = useState<Map<string, StoredBlob>>(new Map());
  useEffect(() => attachments.onChange(() => setArrived((n) => n + 1)), [attachments]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: rev and arrived are change counters
  useEffect(() => {
    let live = true;
    void attachmentsDb.blobs
      .where('logId')
      .equals(record.logId)
      .toArray()
      .then((all) => live && setBlobs(new Map(all.map((b) => [b.hash, b]))));
    return () => {
      live = false;
    };
  }, [record.logId, rev, arrived]);
  return blobs;
}
