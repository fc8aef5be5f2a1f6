// A raw WebSocket speaking Hocuspocus frames (`<documentName><type>…`) to a relay, for tests of what a
// hostile or broken client can send that a provider never would.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import { waitFor } from './relay-client.ts';

export const frame = (doc: string, write: (e: encoding.Encoder) => void): Uint8Array => {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, doc);
  write(e);
  return encoding.toUint8Array(e);
};

/** Auth message with a token (type 2, subtype 0). */
export const authFrame = (doc: string, token: string) =>
  frame(doc, (e) => {
    encoding.writeVarUint(e, 2);
    encoding.writeVarUint(e, 0);
    encoding.writeVarString(e, token);
  });

export interface RawSocket {
  ws: WebSocket;
  /** CLOSE reasons the server sent for documents (type 7). */
  closes: string[];
  /** Permission-denied reasons (type 2, subtype 1). */
  denied: string[];
  /** Times a sync step 2 arrived. */
  syncSteps2: number[];
  /** Every frame the server sent, as received. */
  received: Uint8Array[];
  authenticated: () => boolean;
  /** Resolves when the socket is closed, with the close code. */
  closed: Promise<number>;
}

/** Opens a socket; with `auth`, authenticates for that document and token and waits for the answer. */
export async function openRawSocket(url: string, auth?: { doc: string; token: string }): Promise<RawSocket> {
  const ws = new WebSocket(url);
  ws.on('error', () => {});
  const s: RawSocket = {
    ws,
    closes: [],
    denied: [],
    syncSteps2: [],
    received: [],
    authenticated: () => authenticated,
    closed: new Promise((r) => ws.once('close', (code) => r(code))),
  };
  let authenticated = false;
  ws.on('message', (data: Buffer) => {
    const bytes = new Uint8Array(data);
    s.received.push(bytes);
    const d = decoding.createDecoder(bytes);
    decoding.readVarString(d);
    const type = decoding.readVarUint(d);
    if (type === 2) {
      const sub = decoding.readVarUint(d);
      if (sub === 2) authenticated = true;
      if (sub === 1) s.denied.push(decoding.readVarString(d));
    }
    if (type === 7) s.closes.push(decoding.readVarString(d));
    if (type === 0 && decoding.readVarUint(d) === 1) s.syncSteps2.push(Date.now());
  });
  await new Promise((r, reject) => {
    ws.once('open', r);
    ws.once('close', () => reject(new Error('socket closed before it opened')));
  });
  if (auth) {
    ws.send(authFrame(auth.doc, auth.token));
    await waitFor(() => authenticated || s.denied.length > 0, 'an answer to the auth message');
  }
  return s;
}
