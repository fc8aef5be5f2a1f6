import { useState } from 'react';
import { splitDetail } from '../utils/input-errors';

/**
 * A message from userMessage: the Chinese sentence, and the browser's English folded away under 详情. A button
 * rather than <details>: messages sit inside <p> and <label>, where only phrasing content is valid.
 */
export function ErrorText(props: { message: string }) {
  const { text, detail } = splitDetail(props.message);
  const [open, setOpen] = useState(false);
  if (!detail) return <>{text}</>;
  return (
    <>
      {text}{' '}
      <button
        type="button"
        className="link small-link error-detail-toggle"
        aria-expanded={open}
        onClick={(e) => {
          e.preventDefault(); // inside a <label> a click would otherwise also go to its control
          setOpen(!open);
        }}
      >
        {open ? '收起详情' : '详情'}
      </button>
      {open ? <code className="error-detail">{detail}</code> : null}
    </>
  );
}
