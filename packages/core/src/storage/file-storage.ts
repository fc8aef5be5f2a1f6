import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { decodeContainer, encodeContainer, type LogContainer } from './log-container.ts';
import { type LoadedDoc, type LogStorage, sortOutUpdates } from './log-storage.ts';

/**
 * A log in one `.tianbao` file (Node: CLI, relay tests). The file is rewritten whole on flush, through a
 * temporary file and a rename, so a crash leaves the old or the new file, never half of one.
 */
export class FileStorage implements LogStorage {
  readonly kind = 'file';
  private data: LogContainer | undefined;
  private dirty = false;

  constructor(readonly path: string) {}

  private async read(): Promise<LogContainer> {
    if (!this.data) {
      this.data = existsSync(this.path)
        ? decodeContainer(new Uint8Array(await readFile(this.path)))
        : { kind: 'log', docs: new Map(), snapshot: '' };
    }
    return this.data;
  }

  private async entry(doc: string) {
    const data = await this.read();
    let e = data.docs.get(doc);
    if (!e) {
      e = { version: 0, updates: [] };
      data.docs.set(doc, e);
    }
    return e;
  }

  async load(doc: string): Promise<LoadedDoc> {
    const e = await this.entry(doc);
    const { updates, skipped } = sortOutUpdates(
      doc,
      e.updates.map((bytes, i) => ({ key: String(i), bytes })),
    );
    return { updates, skipped, stamp: String(e.version) };
  }

  async append(doc: string, update: Uint8Array): Promise<void> {
    const e = await this.entry(doc);
    e.updates.push(update);
    e.version++;
    this.dirty = true;
  }

  async compact(doc: string, state: Uint8Array): Promise<void> {
    const e = await this.entry(doc);
    e.updates = [state];
    e.version++;
    this.dirty = true;
  }

  async count(doc: string): Promise<number> {
    return (await this.entry(doc)).updates.length;
  }

  async stamp(doc: string): Promise<string> {
    return String((await this.entry(doc)).version);
  }

  async readSnapshot(): Promise<string | undefined> {
    return (await this.read()).snapshot || undefined;
  }

  async writeSnapshot(json: string): Promise<void> {
    (await this.read()).snapshot = json;
    this.dirty = true;
  }

  async flush(): Promise<void> {
    if (!this.dirty || !this.data) return;
    const tmp = `${this.path}.${process.pid}.tmp`;
    await writeFile(tmp, encodeContainer(this.data));
    await rename(tmp, this.path);
    this.dirty = false;
  }

  async close(): Promise<void> {
    await this.flush();
  }
}
