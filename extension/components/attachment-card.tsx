import type { AttachmentRef } from '@tianbao/core';
import { useEffect, useState } from 'react';
import type { StoredBlob } from '../utils/attachments-db';

const size = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** One photo or video: thumbnail (images), name, size, download; a file still on its way says so. */
export function AttachmentCard(props: {
  attachment: AttachmentRef;
  blob?: StoredBlob | undefined;
  onRemove?: () => void;
}) {
  const { attachment: a, blob } = props;
  const [url, setUrl] = useState('');
  useEffect(() => {
    if (!blob) return;
    const u = URL.createObjectURL(blob.data);
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [blob]);
  const image = a.type.startsWith('image/');
  return (
    <figure className="attach-card" aria-label={a.name}>
      {url && image ? (
        <img className="thumb" src={url} alt={a.name} />
      ) : (
        <div className="thumb thumb-missing">
          {blob ? (a.type.startsWith('video/') ? '视频' : '文件') : '正在从同步服务获取…'}
        </div>
      )}
      <figcaption>
        {url ? (
          <a className="name" href={url} download={a.name}>
            {a.name}
          </a>
        ) : (
          <span className="name">{a.name}</span>
        )}
        <div className="muted">
          {size(a.size)}
          {blob?.width ? ` · ${blob.width}×${blob.height}` : ''}
        </div>
        {props.onRemove ? (
          <button type="button" className="link danger" onClick={props.onRemove}>
            移除
          </button>
        ) : null}
      </figcaption>
    </figure>
  );
}
