// A swarm of relay clients in a child process (benchmarks): connects `count` providers to one
// document, edits on command, and reports when every replica holds `total` entries. Run apart
// from the measuring process (and niced) so the swarm's own Yjs work, which grows with the
// square of the client count, does not queue the probes' timing.
import { createHash } from 'node:crypto';
import { connectClient, snapshot, waitFor } from './relay-client.ts';

export interface SwarmConfig {
  url: string;
  name: string;
  token: string;
  count: number;
  edits: number;
  windowMs: number;
  /** Entries every replica must end with (swarm + probes). */
  total: number;
}

export type SwarmMessage =
  | { type: 'ready' }
  | { type: 'edited'; at: number }
  | { type: 'converged'; at: number; identical: boolean; digest: string };

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const digest = (text: string) => createHash('sha256').update(text).digest('hex');

async function runSwarm(config: SwarmConfig, send: (m: SwarmMessage) => void, go: Promise<void>) {
  const clients = Array.from({ length: config.count }, () =>
    connectClient({ url: config.url, name: config.name, token: config.token }),
  );
  await Promise.all(clients.map((c) => c.synced));
  send({ type: 'ready' });
  await go;
  await Promise.all(
    clients.map(async (c, i) => {
      for (let e = 0; e < config.edits; e++) {
        await sleep(Math.random() * ((2 * config.windowMs) / config.edits));
        c.addEntry(`s${i}-${e}`, { sentAt: now(), title: `活动 ${i}-${e}`, people: e });
      }
    }),
  );
  send({ type: 'edited', at: now() });
  await waitFor(() => clients.every((c) => c.entries().size === config.total), 'swarm converged', 170_000);
  const at = now();
  const first = clients[0] ? snapshot(clients[0].doc) : '';
  const identical = clients.every((c) => snapshot(c.doc) === first);
  send({ type: 'converged', at, identical, digest: digest(first) });
  for (const c of clients) c.destroy();
}

if (process.send && process.argv[2]) {
  const config = JSON.parse(process.argv[2]) as SwarmConfig;
  let start: () => void = () => {};
  const go = new Promise<void>((r) => {
    start = r;
  });
  process.on('message', (m) => {
    if (m === 'go') start();
  });
  runSwarm(config, (m) => process.send?.(m), go)
    .then(() => process.exit(0))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
