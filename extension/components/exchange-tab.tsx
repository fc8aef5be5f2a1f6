import { exportUpdateFile, importUpdateFile } from '@tianbao/core';
import { useState } from 'react';
import { useOpenLog } from '../hooks/use-log';
import { today } from '../utils/format';
import { updateFileRefusal } from '../utils/update-file-messages';
import { FileButton } from './file-button';

export function downloadBytes(bytes: Uint8Array, name: string, type = 'application/octet-stream'): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** 文件交换: for units without a server, colleagues exchange update files; importing twice is harmless. */
export function ExchangeTab() {
  const { session, record, ready } = useOpenLog();
  const [message, setMessage] = useState('');
  const [refused, setRefused] = useState(false);
  const [busy, setBusy] = useState(false);
  const exportFile = async () => {
    setBusy(true);
    await ready;
    const bytes = exportUpdateFile(session.log);
    // The person's calendar day: toISOString's would be yesterday before 8 o'clock in China.
    const stamp = today();
    downloadBytes(bytes, `${record.unitName}-${record.campaign}-${stamp}.tianbao`);
    setBusy(false);
    setMessage(
      `已导出更新文件（${(bytes.length / 1024).toFixed(0)} KB）。把它发给同事，在对方的“文件交换”中导入即可合并。`,
    );
  };
  const importFile = async (file: File) => {
    setBusy(true);
    setRefused(false);
    try {
      await ready;
      const result = importUpdateFile(session.log, new Uint8Array(await file.arrayBuffer()), file.name);
      await session.flush();
      setMessage(
        result.changedDocs.length
          ? `已合并“${file.name}”中的新内容。`
          : `“${file.name}”中的内容都已在本台账中，没有变化。`,
      );
    } catch (err) {
      const r = updateFileRefusal(err, file.name);
      setRefused(r.invalidData);
      setMessage(r.text);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="tab narrow">
      <h3>导出更新文件</h3>
      <p className="muted">把本台账的全部记录导出为一个文件，发给没有联网同步的同事。</p>
      <button type="button" className="primary" disabled={busy} onClick={() => void exportFile()}>
        导出更新文件
      </button>
      <h3>导入同事的更新文件</h3>
      <p className="muted">导入后与本机台账合并，不会覆盖或重复；同一个文件导入两次也不会有变化。</p>
      <FileButton
        button="选择更新文件…"
        label="选择更新文件"
        accept=".tianbao"
        disabled={busy}
        onFiles={([file]) => file && void importFile(file)}
      />
      {message ? (
        <p className={refused ? 'error-banner' : 'notice'} role={refused ? 'alert' : 'status'}>
          {message}
        </p>
      ) : null}
    </section>
  );
}
