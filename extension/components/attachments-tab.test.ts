// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LogContext } from '../hooks/use-log';
import { AttachmentsTab } from './attachments-tab';
import { openTestLog, pickFile, slowReads } from './test-dom';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const reads = vi.hoisted(() => ({ current: undefined as ReturnType<typeof slowReads> | undefined }));
vi.mock('../utils/attachment-sync', () => ({
  storeFiles: (logId: string, files: Iterable<File>) => reads.current?.store(logId, files),
}));

describe('AttachmentsTab: files added while others are still being read', () => {
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  afterEach(() => act(() => root.render(null)));

  it('keeps every file of two picks read out of order, and one a colleague added meanwhile', async () => {
    reads.current = slowReads();
    const open = await openTestLog();
    const log = open.session.log;
    const id = log.addEntry({ date: '2020-06-08', title: '安全生产宣传进企业' });
    await act(async () =>
      root.render(createElement(LogContext.Provider, { value: open }, createElement(AttachmentsTab))),
    );
    const select = host.querySelector('select[aria-label="选择活动"]') as HTMLSelectElement;
    await act(async () => {
      select.value = id;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await act(async () => pickFile(host, '第一张.png'));
    await act(async () => pickFile(host, '第二张.png'));
    // A colleague's photo arrives through the relay while both are being read.
    const theirs = { hash: 'a'.repeat(64), name: '同事的照片.png', type: 'image/png', size: 3 };
    await act(async () => log.updateEntry(id, { attachments: [theirs] }));
    await act(async () => reads.current?.pending[1]?.finish());
    await act(async () => reads.current?.pending[0]?.finish());
    expect(log.getEntry(id)?.attachments.map((a) => a.name)).toEqual([
      '同事的照片.png',
      '第二张.png',
      '第一张.png',
    ]);
    await open.close();
  });
});
