import {
  createContext,
  type ReactNode,
  type RefObject,
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import { DiscardPrompt } from './discard-prompt';

interface ModalApi {
  /** The dialog's own close, guarded like its 关闭 button. */
  close: () => void;
  /** Whether the form inside holds unsaved input, as of its last render. */
  unsaved: RefObject<boolean>;
}
const ModalContext = createContext<ModalApi | null>(null);

/** A form's 取消 inside a dialog: closes it the way 关闭 does, asking first when there is unsaved input. */
export const useModalClose = () => useContext(ModalContext)?.close ?? null;

/**
 * A form inside a dialog says whether it holds unsaved input. Set in a layout effect, so an Esc pressed
 * right after typing already sees it (no waiting for a parent's re-render).
 */
export function useUnsavedInput(unsaved: boolean): void {
  const ctx = useContext(ModalContext);
  useLayoutEffect(() => {
    if (!ctx) return;
    ctx.unsaved.current = unsaved;
    return () => {
      ctx.unsaved.current = false;
    };
  }, [ctx, unsaved]);
}

/**
 * A dialog over the page; Esc, the 关闭 button or a click outside closes it. While the form inside has
 * unsaved input (useUnsavedInput) each of these asks 「放弃未保存的内容？」 first; an untouched form closes
 * at once.
 */
export function Modal(props: { title: string; onClose: () => void; children: ReactNode; wide?: boolean }) {
  const { onClose } = props;
  const [asking, setAsking] = useState(false);
  const unsaved = useRef(false);
  const close = useCallback(() => (unsaved.current ? setAsking(true) : onClose()), [onClose]);
  const keep = useCallback(() => setAsking(false), []);
  // One context value for the dialog's life, calling the latest close.
  const closeRef = useRef(close);
  closeRef.current = close;
  const [api] = useState<ModalApi>(() => ({ close: () => closeRef.current(), unsaved }));
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
          <ModalContext.Provider value={api}>{props.children}</ModalContext.Provider>
        </div>
      </div>
      {asking ? <DiscardPrompt onDiscard={onClose} onKeep={keep} /> : null}
    </div>
  );
}
