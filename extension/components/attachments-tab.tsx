import type { AttachmentRef } from '@tianbao/core';
import { useEffect, useMemo, useState } from 'react';
import { useBlobs } from '../hooks/use-blobs';
import { useLogRevision, useOpenLog } from '../hooks/use-log';
import { storeFiles } from '../utils/attachment-sync';
import { userMessage } from '../utils/input-errors';
import { ErrorText } from './error-text';
import { FileButton } from './file-button';

const MB = 1024 * 1024;

/** 附件: photos and videos of activities, bytes in IndexedDB (Dexie), only references in the log. */
export function AttachmentsTab() {
  const { session, template, record, ready, attachments } = useOpenLog();
  const rev = useLogRevision();
  const blobs = useBlobs();
  const [entryId, setEntryId] = useState('');
  const [message, setMessage] = useState('');
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    void ready.then(() => setLoaded(true));
  }, [ready]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: rev is the log's change counter
  const entries = useMemo(() => (loaded ? session.log.listEntries() : []), [session, loaded, rev]);
  const withFiles = entries.filter((e) => e.attachments.length);
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

  const add = async (files: File[]) => {
    const entry = entries.find((e) => e.id === entryId);
    if (!entry) return setMessage('请先选择这些文件属于哪一项活动。');
    try {
      const stored = await storeFiles(record.logId, files);
      // The activity's files as they are now, not when these were picked: files a colleague or an earlier
      // pick added while these were being read stay.
      const refs: AttachmentRef[] = [...(session.log.getEntry(entry.id)?.attachments ?? entry.attachments)];
      for (const r of stored) if (!refs.some((x) => x.hash === r.hash)) refs.push(r);
      session.log.updateEntry(entry.id, { attachments: refs });
      attachments.changed();
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
        <FileButton
          button="添加照片或视频…"
          label="添加照片或视频"
          accept="image/*,video/*"
          multiple
          onFiles={(files) => void add(files)}
        />
      </div>
      {message ? (
        <p className="notice" role="status">
          <ErrorText message={message} />
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
