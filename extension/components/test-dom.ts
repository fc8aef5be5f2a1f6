// Helpers for component tests in happy-dom: an open log without a browser, and input the way React sees it.
import { createHash } from 'node:crypto';
import { type AttachmentRef, LogSession, MemoryStorage } from '@tianbao/core';
import { getTemplate } from '@tianbao/templates';
import type { OpenLog } from '../utils/log-client';

/** A 2020 大兴安岭 log in memory, not connected to a relay, every shard loaded. */
export async function openTestLog(): Promise<OpenLog> {
  const session = await LogSession.create(new MemoryStorage(), {
    unitName: '漠河市应急管理局',
    campaign: '2020年“安全生产月”',
    templateIds: ['daxinganling-2020'],
    user: '张三',
  });
  return {
    session,
    template: getTemplate('daxinganling-2020'),
    record: { logId: 'log-1' },
    ready: Promise.resolve(),
    sync: { connection: () => undefined, onChange: () => () => {} },
    attachments: { changed: () => {}, onChange: () => () => {} },
    close: () => session.close(),
  } as unknown as OpenLog;
}

/**
 * Picked files whose reading (hash, size, IndexedDB) waits until the test says: what a slow computer
 * takes its time over. For `vi.mock('../utils/attachment-sync', () => ({ storeFiles: slowReads.store }))`.
 */
export function slowReads() {
  const pending: { files: File[]; finish: () => void }[] = [];
  const store = (_logId: string, files: Iterable<File>) =>
    new Promise<AttachmentRef[]>((resolve) => {
      const list = [...files];
      pending.push({
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
    });
  return { pending, store };
}

/** Types into an input the way React sees it (the native value setter, then an input event). */
export function typeInto(input: HTMLInputElement, value: string) {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Picks one PNG file in the first file input under `host`. */
export function pickFile(host: HTMLElement, name: string) {
  const input = host.querySelector('input[type="file"]') as HTMLInputElement;
  const file = new File([new Uint8Array([1, 2, 3])], name, { type: 'image/png' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}
