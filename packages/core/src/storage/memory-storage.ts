import { type LoadedDoc, type LogStorage, sortOutUpdates } from './log-storage.ts';

/** In memory, for tests and for logs opened read-only from an update file. */
export class MemoryStorage implements LogStorage {
  readonly kind = 'memory';
  private readonly docs = new Map<string, { updates: Uint8Array[]; version: number }>();
  private snapshot: string | undefined;

  private entry(doc: string) {
    let e = this.docs.get(doc);
    if (!e) {
      e = { updates: [], version: 0 };
      this.docs.set(doc, e);
    }
    return e;
  }

  async load(doc: string): Promise<LoadedDoc> {
    const e = this.entry(doc);
    const { updates, skipped } = sortOutUpdates(
      doc,
      e.updates.map((bytes, i) => ({ key: String(i), bytes })),
    );
    return { updates, skipped, stamp: String(e.version) };
  }

  async append(doc: string, update: Uint8Array): Promise<void> {
    const e = this.entry(doc);
    e.updates.push(update.slice());
    e.version++;
  }

  async compact(doc: string, state: Uint8Array): Promise<void> {
    const e = this.entry(doc);
    e.updates = [state.slice()];
    e.version++;
  }

  async count(doc: string): Promise<number> {
    return this.entry(doc).updates.length;
  }

  async stamp(doc: string): Promise<string> {
    return String(this.entry(doc).version);
  }

  async readSnapshot(): Promise<string | undefined> {
    return this.snapshot;
  }

  async writeSnapshot(json: string): Promise<void> {
    this.snapshot = json;
  }

  async flush(): Promise<void> {}
  async close(): Promise<void> {}

  /** Tests: damage a stored record. */
  corrupt(doc: string, i: number, bytes: Uint8Array): void {
    this.entry(doc).updates[i] = bytes;
  }
}
