import { type DragEvent, useId, useState } from 'react';
import { userMessage } from '../utils/input-errors';
import type { NoticeDraft } from '../utils/notice-draft';
import { NOTICE_ACCEPT, readNotice } from '../utils/notice-reader';
import { ErrorText } from './error-text';

/**
 * Where a notice file is dropped or picked (.docx, PDF). A file that cannot be read gets a Chinese message
 * saying what to do instead, and `onFailed` lets the page open the paste box.
 */
export function NoticeDrop(props: {
  onRead: (draft: NoticeDraft) => void;
  onFailed?: () => void;
  hint?: string;
}) {
  const inputId = useId();
  const [over, setOver] = useState(false);
  const [reading, setReading] = useState('');
  const [error, setError] = useState('');

  const read = async (file: File | undefined) => {
    if (!file) return;
    setError('');
    setReading(file.name);
    try {
      props.onRead(await readNotice(file));
    } catch (err) {
      setError(userMessage(err));
      props.onFailed?.();
    } finally {
      setReading('');
    }
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void read(e.dataTransfer.files[0]);
  };

  return (
    <section
      className={`notice-drop${over ? ' over' : ''}`}
      aria-label="通知文件"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <p className="notice-drop-title">把上级的通知文件拖到这里</p>
      <p className="muted">
        {props.hint ??
          '支持 .docx 和带文字的 PDF，自动找出统计表、截止日期、联络员推荐表和报送要求，创建前可逐项核对。'}
      </p>
      <label htmlFor={inputId} className="button-like">
        选择通知文件…
      </label>
      <input
        id={inputId}
        className="visually-hidden"
        type="file"
        accept={NOTICE_ACCEPT}
        aria-label="选择通知文件"
        disabled={!!reading}
        onChange={(e) => {
          void read(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
      {reading ? <p className="notice">正在读取“{reading}”…</p> : null}
      {error ? (
        <p className="error-banner" role="alert">
          <ErrorText message={error} />
        </p>
      ) : null}
    </section>
  );
}
