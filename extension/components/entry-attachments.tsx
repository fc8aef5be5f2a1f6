import type { AttachmentRef } from '@tianbao/core';
import { useState } from 'react';
import { useBlobs } from '../hooks/use-blobs';
import { useOpenLog } from '../hooks/use-log';
import { storeFiles } from '../utils/attachment-sync';
import { userMessage } from '../utils/input-errors';
import { AttachmentCard } from './attachment-card';
import { ErrorText } from './error-text';
import { FileButton } from './file-button';

/**
 * 照片和视频 inside the activity form: add files here; they reach colleagues through the relay. Reading a
 * file (hash, size, store) takes a moment on a slow computer: the form is told how many files are being
 * read, so it does not save without them, and the list is updated from its latest value, so two files
 * picked one after the other both stay.
 */
export function EntryAttachments(props: {
  value: AttachmentRef[];
  onChange: (update: (refs: AttachmentRef[]) => AttachmentRef[]) => void;
  /** Files being read now (the form's count). */
  reading: number;
  onReading: (delta: number) => void;
}) {
  const { record, attachments } = useOpenLog();
  const blobs = useBlobs();
  const [error, setError] = useState('');
  const add = async (files: File[]) => {
    props.onReading(files.length);
    try {
      const refs = await storeFiles(record.logId, files);
      props.onChange((value) => {
        const next = [...value];
        for (const r of refs) if (!next.some((x) => x.hash === r.hash)) next.push(r);
        return next;
      });
      attachments.changed();
    } catch (err) {
      setError(userMessage(err));
    } finally {
      props.onReading(-files.length);
    }
  };
  return (
    <fieldset className="contributions">
      <legend>照片和视频</legend>
      {props.value.length ? (
        <div className="attach-grid">
          {props.value.map((a) => (
            <AttachmentCard
              key={a.hash}
              attachment={a}
              blob={blobs.get(a.hash)}
              onRemove={() => props.onChange((value) => value.filter((x) => x.hash !== a.hash))}
            />
          ))}
        </div>
      ) : null}
      <FileButton
        button="添加照片或视频"
        accept="image/*,video/*"
        multiple
        onFiles={(files) => void add(files)}
      />
      {props.reading ? (
        <p className="muted" aria-live="polite">
          正在读取 {props.reading} 个文件，读完才能保存……
        </p>
      ) : null}
      {error ? (
        <p className="field-message">
          <ErrorText message={error} />
        </p>
      ) : null}
    </fieldset>
  );
}
