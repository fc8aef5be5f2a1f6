import { useState } from 'react';
import { downloadBytes } from './exchange-tab';

export interface MadeDocument {
  bytes: Uint8Array;
  name: string;
  type: string;
  /** What the person should know about the file, shown after the download. */
  note: string;
}

/**
 * A button that makes a document (Word or Excel) from the log and downloads it, then says what it holds.
 * The document libraries load only when a document is made, not with the dashboard.
 */
export function DocumentDownload(props: {
  label: string;
  make: () => Promise<MadeDocument>;
  primary?: boolean;
  /** Why the document cannot be made now (shown as the button's title). */
  disabled?: string;
}) {
  const [state, setState] = useState<
    { busy: true } | { busy: false; done?: string; error?: string; detail?: string }
  >({ busy: false });
  const run = async () => {
    setState({ busy: true });
    try {
      const doc = await props.make();
      downloadBytes(doc.bytes, doc.name, doc.type);
      setState({ busy: false, done: `已生成“${doc.name}”${doc.note}，请在浏览器的下载内容中查看。` });
    } catch (err) {
      setState({
        busy: false,
        error: (err as { messageZh?: string }).messageZh ?? '生成文件时出错，请稍后再试。',
        detail: err instanceof Error ? err.message : String(err),
      });
    }
  };
  return (
    <span className="document-download">
      <button
        type="button"
        className={props.primary ? 'primary' : ''}
        disabled={state.busy || !!props.disabled}
        title={props.disabled}
        onClick={() => void run()}
      >
        {state.busy ? '正在生成…' : props.label}
      </button>
      {!state.busy && state.done ? (
        <span className="notice" role="status">
          {state.done}
        </span>
      ) : null}
      {!state.busy && state.error ? (
        <span className="error-banner" role="alert" title={state.detail}>
          {state.error}
        </span>
      ) : null}
    </span>
  );
}
