// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LogContext } from '../hooks/use-log';
import type { OpenLog } from '../utils/log-client';
import { EntryForm } from './entry-form';
import { openTestLog, pickFile, slowReads, typeInto } from './test-dom';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const reads = vi.hoisted(() => ({ current: undefined as ReturnType<typeof slowReads> | undefined }));
vi.mock('../utils/attachment-sync', () => ({
  storeFiles: (logId: string, files: Iterable<File>) => reads.current?.store(logId, files),
}));

describe('EntryForm: photos picked just before 保存', () => {
  let host: HTMLElement;
  let root: ReturnType<typeof createRoot>;
  let open: OpenLog;
  let done: ReturnType<typeof vi.fn>;
  beforeEach(async () => {
    reads.current = slowReads();
    open = await openTestLog();
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
    done = vi.fn();
    await act(async () =>
      root.render(
        createElement(LogContext.Provider, { value: open }, createElement(EntryForm, { onDone: done })),
      ),
    );
    const [date, title] = [...host.querySelectorAll<HTMLInputElement>('.form-grid input')];
    await act(async () => {
      typeInto(date as HTMLInputElement, '2020-06-08');
      typeInto(title as HTMLInputElement, '安全生产宣传进企业');
    });
  });
  afterEach(async () => {
    await act(async () => root.render(null));
    host.remove();
    await open.close();
  });
  const submit = () => host.querySelector('button[type="submit"]') as HTMLButtonElement;
  /** The form's submit event, sent directly: it tests save's own guard, not only the disabled button. */
  const send = () =>
    act(async () => {
      host.querySelector('form')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
  const saved = () => open.session.log.listEntries().map((e) => e.attachments.map((a) => a.name));

  it('cannot be saved while a picked photo is still being read, and saves it once read', async () => {
    await act(async () => pickFile(host, '现场照片.png'));
    expect(submit().disabled).toBe(true);
    expect(host.textContent).toContain('正在读取 1 个文件，读完才能保存');
    // Enter in a field submits the form too: nothing is saved without the photo.
    await send();
    expect(done).not.toHaveBeenCalled();
    expect(saved()).toEqual([]);

    await act(async () => reads.current?.pending[0]?.finish());
    expect(submit().disabled).toBe(false);
    await send();
    expect(done).toHaveBeenCalledOnce();
    expect(saved()).toEqual([['现场照片.png']]);
  });

  it('keeps both of two photos picked one after the other, whichever is read first', async () => {
    await act(async () => pickFile(host, '第一张.png'));
    await act(async () => pickFile(host, '第二张.png'));
    expect(host.textContent).toContain('正在读取 2 个文件');
    await act(async () => reads.current?.pending[1]?.finish());
    await act(async () => reads.current?.pending[0]?.finish());
    await send();
    expect(saved()).toEqual([['第二张.png', '第一张.png']]);
  });
});
