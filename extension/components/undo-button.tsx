import { useState } from 'react';
import { useLogRevision, useOpenLog } from '../hooks/use-log';

/**
 * 撤销: undoes this person's own last change in this page, as ordinary edits that reach colleagues too.
 * A field a colleague changed since stays as they made it, and the message says which.
 */
export function UndoButton() {
  const { session } = useOpenLog();
  useLogRevision();
  const [message, setMessage] = useState('');
  const label = session.log.undoLabel();
  const undo = () => {
    const done = session.log.undo();
    if (!done) return;
    setMessage(
      done.skipped.length
        ? `已撤销：${done.label}。其中${done.skipped.join('、')}已被同事改过，保留了同事的值。`
        : `已撤销：${done.label}`,
    );
  };
  return (
    <span className="undo-bar">
      {label ? (
        <button type="button" title={`撤销：${label}`} onClick={undo}>
          撤销
        </button>
      ) : null}
      {message ? (
        <span className="muted" role="status">
          {message}
        </span>
      ) : null}
    </span>
  );
}
