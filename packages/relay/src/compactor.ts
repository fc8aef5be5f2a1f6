import { Worker } from 'node:worker_threads';
import { foldUpdates } from './fold.ts';
import type { Logger } from './log.ts';
import type { CompactionResult, DocumentStore } from './storage.ts';

/**
 * Workers do not inherit tsx's module hooks on Node 20, so the worker registers tsx itself
 * (resolved from here) before importing its TypeScript entry.
 */
function workerBootstrap(): string {
  const entry = JSON.stringify(new URL('./compaction-worker.ts', import.meta.url).href);
  let tsx: string | undefined;
  try {
    tsx = import.meta.resolve('tsx/esm/api');
  } catch {
    tsx = undefined;
  }
  return tsx
    ? `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${entry}); })`
    : `import(${entry})`;
}

type Reply = { id: number; folded: Uint8Array } | { id: number; error: string };

/**
 * Compacts documents one at a time per document in this process (the store's lock keeps other
 * processes out), folding on a worker thread (compaction-worker.ts). Where the worker cannot
 * start (a runtime that cannot load TypeScript in workers), it folds on this thread instead,
 * which is correct but stalls the relay while it runs.
 */
export class Compactor {
  private worker: Worker | undefined;
  private failed = false;
  private nextId = 1;
  private readonly waiting = new Map<
    number,
    {
      state: Uint8Array | undefined;
      tail: Uint8Array[];
      resolve: (u: Uint8Array) => void;
      reject: (e: Error) => void;
    }
  >();
  private readonly running = new Map<string, Promise<CompactionResult>>();

  constructor(
    private readonly store: DocumentStore,
    private readonly log: Logger,
  ) {}

  /** Folds `name`'s tail into its state. */
  compact(name: string): Promise<CompactionResult> {
    const current = this.running.get(name);
    if (current) return current;
    const run = this.store
      .compact(name, (state, tail) => this.fold(state, tail))
      .finally(() => this.running.delete(name));
    this.running.set(name, run);
    return run;
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private fold(state: Uint8Array | undefined, tail: Uint8Array[]): Promise<Uint8Array> {
    const worker = this.ensureWorker();
    if (!worker) return Promise.resolve().then(() => foldUpdates(state, tail));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { state, tail, resolve, reject });
      worker.postMessage({ id, state, tail });
    });
  }

  private ensureWorker(): Worker | undefined {
    if (this.failed) return undefined;
    if (this.worker) return this.worker;
    try {
      const worker = new Worker(workerBootstrap(), { eval: true });
      worker.unref();
      worker.on('message', (reply: Reply) => {
        const w = this.waiting.get(reply.id);
        if (!w) return;
        this.waiting.delete(reply.id);
        if ('error' in reply) w.reject(new Error(reply.error));
        else w.resolve(reply.folded);
      });
      worker.on('error', (error) => this.fallBack(error));
      worker.on('exit', (code) => {
        if (this.worker === worker && code !== 0)
          this.fallBack(new Error(`compaction worker exited with ${code}`));
      });
      this.worker = worker;
      return worker;
    } catch (error) {
      this.fallBack(error);
      return undefined;
    }
  }

  /** The worker is gone: finish what it was asked here, and fold here from now on. */
  private fallBack(error: unknown): void {
    if (!this.failed) this.log('compaction worker unavailable', { error: String(error) }, 'warn');
    this.failed = true;
    this.worker = undefined;
    for (const [id, w] of this.waiting) {
      this.waiting.delete(id);
      try {
        w.resolve(foldUpdates(w.state, w.tail));
      } catch (e) {
        w.reject(e instanceof Error ? e : new Error(String(e)));
      }
    }
  }
}
