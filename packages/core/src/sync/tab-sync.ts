import * as Y from 'yjs';
import { originKind } from '../model/doc-layout.ts';
import type { LogSession } from '../model/log-session.ts';

/** The part of BroadcastChannel this needs (browser pages, workers and Node all have it). */
export interface TabChannel {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  close(): void;
}

type Msg =
  | { t: 'update'; from: string; doc: string; update: Uint8Array }
  | { t: 'hello'; from: string; ack: boolean; svs: Record<string, Uint8Array> }
  | { t: 'diff'; from: string; to: string; doc: string; update: Uint8Array };

const TAB = { kind: 'tab' } as const;

/**
 * Keeps the pages of one browser (dashboard tabs, side panel) live on one log: every change goes to
 * the others at once, and a page that opens asks the others for what its stored copy lacks (the
 * y-protocols sync steps, over BroadcastChannel). Received changes are tagged `tab` (and stored by the
 * receiver too, see LogSession.persist). Updates for a shard this page has not loaded wait for it.
 */
export function syncTabs(session: LogSession, channel: TabChannel): () => void {
  const me = Math.random().toString(36).slice(2);
  const log = session.log;
  const pending = new Map<string, Uint8Array[]>();
  const offs: (() => void)[] = [];

  const apply = (doc: string, update: Uint8Array) => {
    const d = log.doc(doc);
    if (d) Y.applyUpdateV2(d, update, TAB);
    else pending.set(doc, [...(pending.get(doc) ?? []), update]);
  };
  const hello = (docs: string[], ack: boolean) => {
    const svs: Record<string, Uint8Array> = {};
    for (const name of docs) {
      const d = log.doc(name);
      if (d) svs[name] = Y.encodeStateVector(d);
    }
    channel.postMessage({ t: 'hello', from: me, ack, svs } satisfies Msg);
  };
  const watch = (name: string, doc: Y.Doc) => {
    const onUpdate = (update: Uint8Array, origin: unknown) => {
      const kind = originKind(origin);
      if (kind !== 'tab' && kind !== 'storage')
        channel.postMessage({ t: 'update', from: me, doc: name, update } satisfies Msg);
    };
    doc.on('updateV2', onUpdate);
    offs.push(() => doc.off('updateV2', onUpdate));
  };

  const onMessage = (event: MessageEvent) => {
    const m = event.data as Msg;
    if (!m || m.from === me) return;
    if (m.t === 'update') apply(m.doc, m.update);
    else if (m.t === 'diff' && m.to === me) apply(m.doc, m.update);
    else if (m.t === 'hello') {
      for (const [name, sv] of Object.entries(m.svs)) {
        const d = log.doc(name);
        if (!d) continue;
        const update = Y.encodeStateAsUpdateV2(d, sv);
        if (update.length > 3)
          channel.postMessage({ t: 'diff', from: me, to: m.from, doc: name, update } satisfies Msg);
      }
      if (!m.ack) hello(Object.keys(m.svs), true);
    }
  };
  channel.addEventListener('message', onMessage);

  for (const name of log.docNames()) {
    const d = log.doc(name);
    if (d) watch(name, d);
  }
  offs.push(
    session.onShardLoaded((name, doc) => {
      watch(name, doc);
      for (const u of pending.get(name) ?? []) Y.applyUpdateV2(doc, u, TAB);
      pending.delete(name);
      hello([name], false);
    }),
  );
  hello(log.docNames(), false);

  return () => {
    channel.removeEventListener('message', onMessage);
    for (const off of offs) off();
  };
}
