import { useEffect, useRef } from 'react';

/**
 * 「放弃未保存的内容？」 over a form that has unsaved input. 继续填写 is the default (Enter, Esc) so a slip
 * of the hand never throws typing away; only 放弃 closes.
 */
export function DiscardPrompt(props: { onDiscard: () => void; onKeep: () => void }) {
  const keep = useRef<HTMLButtonElement>(null);
  const { onKeep } = props;
  useEffect(() => {
    keep.current?.focus();
    // Capture phase: Esc here means 继续填写, and must not also reach the dialog's own Esc (close).
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      onKeep();
    };
    addEventListener('keydown', onKey, true);
    return () => removeEventListener('keydown', onKey, true);
  }, [onKeep]);
  return (
    <div className="discard-backdrop">
      <div className="discard-prompt" role="alertdialog" aria-modal="true" aria-label="放弃未保存的内容？">
        <h3>放弃未保存的内容？</h3>
        <p>您填写的内容还没有保存。放弃后，这次填写的内容不会保留。</p>
        <div className="form-actions">
          <button type="button" className="primary" ref={keep} onClick={props.onKeep}>
            继续填写
          </button>
          <button type="button" className="danger" onClick={props.onDiscard}>
            放弃
          </button>
        </div>
      </div>
    </div>
  );
}
