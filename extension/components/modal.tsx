import { createContext, type ReactNode, useCallback, useContext, useEffect, useRef, useState } from 'react';
import { DiscardPrompt } from './discard-prompt';

/** The dialog's own close, guarded like its 关闭 button: a form's 取消 uses it so it asks the same way. */
const CloseContext = createContext<(() => void) | null>(null);
export const useModalClose = () => useContext(CloseContext);

/**
 * A dialog over the page; Esc, the 关闭 button or a click outside closes it. While `dirty` (a form with
 * unsaved input) each of these asks 「放弃未保存的内容？」 first; an untouched form closes at once.
 */
export function Modal(props: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
  dirty?: boolean;
}) {
  const { onClose } = props;
  const [asking, setAsking] = useState(false);
  const dirty = useRef(props.dirty);
  dirty.current = props.dirty;
  const close = useCallback(() => (dirty.current ? setAsking(true) : onClose()), [onClose]);
  const keep = useCallback(() => setAsking(false), []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && close();
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [close]);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a click outside is a shortcut; Esc and the button do the same
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div
        className={`modal${props.wide ? ' modal-wide' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-label={props.title}
      >
        <header className="modal-head">
          <h2>{props.title}</h2>
          <button type="button" className="link" onClick={close}>
            关闭
          </button>
        </header>
        <div className="modal-body">
          <CloseContext.Provider value={close}>{props.children}</CloseContext.Provider>
        </div>
      </div>
      {asking ? <DiscardPrompt onDiscard={onClose} onKeep={keep} /> : null}
    </div>
  );
}
