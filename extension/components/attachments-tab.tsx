import type { AttachmentRef } from '@tianbao/core';
import { useEffect, useMemo, useState } from 'react';
import { useLogRevision, useOpenLog } from '../hooks/use-log';
import { downloadMissing, uploadPending } from '../utils/attachment-sync';
import { attachmentsDb, mediaSize, type StoredBlob, sha256Hex } from '../utils/attachments-db';
import { userMessage } from '../utils/input-errors';

const MB = 1024 * 1024;

/** 附件: photos and videos of activities, bytes in IndexedDB (Dexie), only references in the log. */
export function AttachmentsTab() {
  const { session, template, record, ready, sync } = useOpenLog();
  const [synced, setSynced] = useState(0);
  const rev = useLogRevision();
  const [entryId, setEntryId] = useState('');
  const [message, setMessage] = useState('');
  const [blobs, setBlobs] = useState<Map<string, StoredBlob>>(new Map());
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    void ready.then(() => setLoaded(true));
  }, [ready]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: rev is the log's change counter
  const entries = useMemo(() => (loaded ? session.log.listEntries() : []), [session, loaded, rev]);
  const withFiles = entries.filter((e) => e.attachments.length);
  // With a relay: send this browser's files, fetch colleagues' (then re-read the local store).
  const withFilesKey = withFiles.map((e) => e.attachments.map((a) => a.hash).join()).join();
  // biome-ignore lint/correctness/useExhaustiveDependencies: withFilesKey stands for the attachment list
  useEffect(() => {
    const link = sync.current();
    if (!link) return;
    const refs = withFiles.flatMap((e) => e.attachments);
    void uploadPending(link, record.logId)
      .then(() => downloadMissing(link, record.logId, refs))
      .then((got) => got && setSynced((n) => n + got))
      .catch(() => setMessage('附件已保存在本机；同步服务暂时连不上，下次打开时会再上传。'));
  }, [sync, record.logId, withFilesKey]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-read the blobs when the log changes (rev)
  useEffect(() => {
    void attachmentsDb.blobs
      .where('logId')
      .equals(record.logId)
      .toArray()
      .then((all) => setBlobs(new Map(all.map((b) => [b.hash, b]))));
  }, [record.logId, rev, synced]);

  const hints = template?.media ?? [];
  const check = (a: AttachmentRef): string => {
    const b = blobs.get(a.hash);
    const kind = a.type.startsWith('video/') ? 'video' : a.type.startsWith('image/') ? 'image' : 'other';
    const h = hints.find((x) => x.kind === kind && x.width);
    if (!h || !b?.width) return '';
    const ok = h.minimum
      ? b.width >= (h.width ?? 0) && (b.height ?? 0) >= (h.height ?? 0)
      : b.width === h.width && b.height === h.height;
    return ok ? '符合要求' : `要求 ${h.width}×${h.height}${h.minimum ? ' 以上' : ''}`;
  };

  const add = async (files: FileList) => {
    const entry = entries.find((e) => e.id === entryId);
    if (!entry) return setMessage('请先选择这些文件属于哪一项活动。');
    try {
      const refs: AttachmentRef[] = [...entry.attachments];
      for (const file of files) {
        const hash = await sha256Hex(await file.arrayBuffer());
        const size = await mediaSize(file);
        await attachmentsDb.blobs.put({
          hash,
          logId: record.logId,
          name: file.name,
          type: file.type,
          size: file.size,
          ...size,
          data: file,
          addedAt: Date.now(),
        });
        if (!refs.some((r) => r.hash === hash))
          refs.push({
            hash,
            name: file.name,
            type: file.type || 'application/octet-stream',
            size: file.size,
          });
      }
      session.log.updateEntry(entry.id, { attachments: refs });
      setMessage(`已为“${entry.title}”添加 ${files.length} 个文件。`);
    } catch (err) {
      setMessage(userMessage(err));
    }
  };
  const remove = (entryIdOf: string, hash: string) => {
    const e = entries.find((x) => x.id === entryIdOf);
    if (e) session.log.updateEntry(e.id, { attachments: e.attachments.filter((a) => a.hash !== hash) });
  };

  return (
    <section className="tab">
      {hints.length ? (
        <p className="hint-box">
          通知要求：
          {hints.map((h) => (
            <span key={h.source} className="tag">
              {h.kind === 'video' ? '视频' : h.kind === 'image' ? '图片' : '材料'} {h.formats.join('/')}{' '}
              {h.width ? `${h.width}×${h.height}` : ''}
            </span>
          ))}
        </p>
      ) : (
        <p className="muted">照片和视频保存在本机浏览器中，台账里只记录文件名和校验码，不会让台账变大。</p>
      )}
      <div className="toolbar">
        <select aria-label="选择活动" value={entryId} onChange={(e) => setEntryId(e.target.value)}>
          <option value="">选择活动…</option>
          {entries.map((e) => (
            <option key={e.id} value={e.id}>
              {e.date} {e.title}
            </option>
          ))}
        </select>
        <input
          type="file"
          multiple
          accept="image/*,video/*"
          aria-label="添加照片或视频"
          onChange={(e) =>
            e.target.files &&
            void add(e.target.files).then(() => {
              e.target.value = '';
            })
          }
        />
      </div>
      {message ? (
        <p className="notice" role="status">
          {message}
        </p>
      ) : null}
      {withFiles.length ? (
        <table className="list">
          <thead>
            <tr>
              <th>活动</th>
              <th>文件</th>
              <th>大小</th>
              <th>尺寸</th>
              <th>操作</th>
            </tr>
          </thead>
          <tbody>
            {withFiles.flatMap((e) =>
              e.attachments.map((a) => {
                const b = blobs.get(a.hash);
                return (
                  <tr key={`${e.id}-${a.hash}`}>
                    <td>{e.title}</td>
                    <td>
                      {b ? (
                        <BlobLink blob={b.data} name={a.name} />
                      ) : (
                        <span title="文件在同事的电脑上">{a.name}（不在本机）</span>
                      )}
                    </td>
                    <td className="num">{(a.size / MB).toFixed(1)} MB</td>
                    <td>
                      {b?.width ? `${b.width}×${b.height}` : ''} <span className="muted">{check(a)}</span>
                    </td>
                    <td>
                      <button type="button" className="link danger" onClick={() => remove(e.id, a.hash)}>
                        移除
                      </button>
                    </td>
                  </tr>
                );
              }),
            )}
          </tbody>
        </table>
      ) : (
        <p className="empty">还没有附件。</p>
      )}
    </section>
  );
}

/** A download link for a stored file; the object URL is released when the row goes away. */
function BlobLink(props: { blob: Blob; name: string }) {
  const [url, setUrl] = useState('');
  useEffect(() => {
    const u = URL.createObjectURL(props.blob);
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [props.blob]);
  return (
    <a href={url} download={props.name}>
      {props.name}
    </a>
  );
}
