import type { AttachmentRef } from '@tianbao/core';
import { useState } from 'react';
import { useBlobs } from '../hooks/use-blobs';
import { useOpenLog } from '../hooks/use-log';
import { storeFiles } from '../utils/attachment-sync';
import { userMessage } from '../utils/input-errors';
import { AttachmentCard } from './attachment-card';
import { ErrorText } from './error-text';
import { FileButton } from './file-button';

/** 照片和视频 inside the activity form: add files here; they reach colleagues through the relay. */
export function EntryAttachments(props: {
  value: AttachmentRef[];
  onChange: (refs: AttachmentRef[]) => void;
}) {
  const { record, attachments } = useOpenLog();
  const blobs = useBlobs();
  const [error, setError] = useState('');
  const add = async (files: File[]) => {
    try {
      const refs = await storeFiles(record.logId, files);
      const next = [...props.value];
      for (const r of refs) if (!next.some((x) => x.hash === r.hash)) next.push(r);
      props.onChange(next);
      attachments.changed();
    } catch (err) {
      setError(userMessage(err));
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
              onRemove={() => props.onChange(props.value.filter((x) => x.hash !== a.hash))}
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
      {error ? (
        <p className="field-message">
          <ErrorText message={error} />
        </p>
      ) : null}
    </fieldset>
  );
}
