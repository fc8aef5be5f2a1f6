// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { type AttachmentRef, LogSession, MemoryStorage } from '@tianbao/core';
import { getTemplate } from '@tianbao/templates';
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LogContext } from '../hooks/use-log';
import type { OpenLog } from '../utils/log-client';
import { EntryForm } from './entry-form';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// Reading a picked file (hash, size, IndexedDB) is what a slow computer takes its time over: each call
// waits here until the test lets it finish.
const reads: { files: File[]; finish: () => void }[] = [];
vi.mock('../utils/attachment-sync', () => ({
  storeFiles: (_logId: string, files: Iterable<File>) =>
    new Promise<AttachmentRef[]>((resolve) => {
      const list = [...files];
      reads.push({
        files: list,
        finish: () =>
          resolve(
            list.map((f) => ({
              hash: createHash('sha256').update(f.name).digest('hex'),
              name: f.name,
              type: f.type,
              size: f.size,
            })),
          ),
      });
    }),
}));

const template = getTemplate('daxinganling-2020');

async function openLog(): Promise<OpenLog> {
  const session = await LogSession.create(new MemoryStorage(), {
    unitName: '漠河市应急管理局',
    campaign: '2020年“安全生产月”',
    templateIds: ['daxinganling-2020'],
    user: '张三',
  });
  return {
    session,
    template,
    record: { logId: 'log-1' },
    ready: Promise.resolve(),
    sync: { connection: () => undefined, onChange: () => () => {} },
    attachments: { changed: () => {}, onChange: () => () => {} },
    close: () => session.close(),
  } as unknown as OpenLog;
}

/** Types into an input the way React sees it (the native value setter, then an input event). */
function type(input: HTMLInputElement, value: string) {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

function pick(host: HTMLElement, name: string) {
  const input = host.querySelector('input[type="file"]') as HTMLInputElement;
  const file = new File([new Uint8Array([1, 2, 3])], name, { type: 'image/png' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('EntryForm: photos picked just before 保存', () => {
  let host: HTMLElement;
  let root: ReturnType<typeof createRoot>;
  let open: OpenLog;
  let done: ReturnType<typeof vi.fn>;
  beforeEach(async () => {
    reads.length = 0;
    open = await openLog();
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
      type(date as HTMLInputElement, '2020-06-08');
      type(title as HTMLInputElement, '安全生产宣传进企业');
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
    await act(async () => pick(host, '现场照片.png'));
    expect(submit().disabled).toBe(true);
    expect(host.textContent).toContain('正在读取 1 个文件，读完才能保存');
    // Enter in a field submits the form too: nothing is saved without the photo.
    await send();
    expect(done).not.toHaveBeenCalled();
    expect(saved()).toEqual([]);

    await act(async () => reads[0]?.finish());
    expect(submit().disabled).toBe(false);
    await send();
    expect(done).toHaveBeenCalledOnce();
    expect(saved()).toEqual([['现场照片.png']]);
  });

  it('keeps both of two photos picked one after the other, whichever is read first', async () => {
    await act(async () => pick(host, '第一张.png'));
    await act(async () => pick(host, '第二张.png'));
    expect(host.textContent).toContain('正在读取 2 个文件');
    await act(async () => reads[1]?.finish());
    await act(async () => reads[0]?.finish());
    await send();
    expect(saved()).toEqual([['第二张.png', '第一张.png']]);
  });
});
