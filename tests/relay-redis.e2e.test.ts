// Scale-out: two relay processes sharing one SQLite file and a Debian redis-server; clients on
// different processes converge, also over a Redis outage (the processes stay up, store edits
// meanwhile, and sync what the other missed once Redis is back). Skipped, with the reason printed,
// when redis-server is missing.
import { createUnit } from '@tianbao/relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RedisProcess, redisMissing, startRedis } from './support/redis-process.ts';
import { connectClient, snapshot, type TestClient, waitFor } from './support/relay-client.ts';
import { type RelayProcess, startRelayProcess, tempDir } from './support/relay-process.ts';

const missing = redisMissing();
const hasRedis = !missing;
if (missing) console.warn(`relay-redis.e2e: SKIPPED: ${missing}`);

describe.skipIf(!hasRedis)('relay scale-out with redis', () => {
  let redis: RedisProcess | undefined;
  const relays: RelayProcess[] = [];
  const clients: TestClient[] = [];
  const status = (relay: RelayProcess) =>
    fetch(`${relay.httpUrl}/health`).then(
      async (r) => ({ status: r.status, body: (await r.json()) as { reason?: string } }),
      () => ({ status: 0, body: {} as { reason?: string } }),
    );
  const allHealthy = async () => {
    for (const relay of relays) if ((await status(relay)).status !== 200) return false;
    return true;
  };

  beforeAll(async () => {
    redis = await startRedis();
    const redisUrl = redis.url;
    const dataDir = tempDir();
    relays.push(
      await startRelayProcess({ dataDir, redisUrl }),
      await startRelayProcess({ dataDir, redisUrl }),
    );
    // A process listens before its Redis subscription is up, and /health says 200 only once it is: an edit
    // published before the other process subscribed never reaches its clients (a clean-clone CI run timed
    // out waiting for the shared entry).
    const started = Date.now();
    while (!(await allHealthy())) {
      if (Date.now() - started > 10_000) throw new Error('relays not healthy within 10 s');
      await new Promise((r) => setTimeout(r, 50));
    }
  });

  afterAll(async () => {
    for (const c of clients) c.destroy();
    await Promise.all(relays.map((r) => r.stop()));
    await redis?.stop();
  });

  it('clients on different relay processes converge', async () => {
    const [one, two] = relays;
    if (!one || !two) throw new Error('relays did not start');
    expect(one.port).not.toBe(two.port);
    const unit = await createUnit({ dataDir: one.dataDir, name: '扩容测试单位', relayUrl: one.url });
    const name = `${unit.unit.id}/log`;
    const connect = (relay: RelayProcess) => {
      const c = connectClient({ url: relay.url, name, token: unit.editor.token });
      clients.push(c);
      return c;
    };
    const a = connect(one);
    const b = connect(one);
    const c = connect(two);
    const d = connect(two);
    await Promise.all([a.synced, b.synced, c.synced, d.synced]);

    const all = [a, b, c, d];
    all.forEach((x, n) => {
      for (let i = 0; i < 25; i++) x.addEntry(`${n}-${i}`, { title: `条目 ${n}-${i}`, by: n });
    });
    a.addEntry('shared', { people: 1 });
    await waitFor(() => all.every((x) => x.entries().has('shared')), 'shared entry on both processes');
    c.setField('shared', 'people', 3);
    a.setField('shared', 'people', 2);

    await waitFor(
      () =>
        all.every((x) => x.entries().size === 101) && all.every((x) => snapshot(x.doc) === snapshot(a.doc)),
      'all four clients on two processes to converge',
      20_000,
    );
    expect(a.entries().get('3-24')?.get('title')).toBe('条目 3-24');
    expect(d.entries().get('0-0')?.get('title')).toBe('条目 0-0');

    // A client joining on the second process later loads everything.
    await waitFor(() => all.every((x) => x.acknowledged()), 'acknowledged');
    const late = connect(two);
    await late.synced;
    await waitFor(() => snapshot(late.doc) === snapshot(a.doc), 'late joiner converges');
  });

  it('Redis killed: both processes stay up and store edits, then sync what the other missed once it is back', async () => {
    const [one, two] = relays;
    if (!one || !two || !redis) throw new Error('relays did not start');
    const unit = await createUnit({ dataDir: one.dataDir, name: 'Redis 中断测试', relayUrl: one.url });
    const name = `${unit.unit.id}/log`;
    const e = connectClient({ url: one.url, name, token: unit.editor.token });
    const f = connectClient({ url: two.url, name, token: unit.editor.token });
    clients.push(e, f);
    await Promise.all([e.synced, f.synced]);
    e.addEntry('before', { title: '中断前' });
    await waitFor(() => f.entries().has('before'), 'the entry before the outage on the other process');

    await redis.kill();
    const started = Date.now();
    while ((await status(one)).status !== 503) {
      if (Date.now() - started > 10_000) throw new Error('Redis missed within 10 s');
      await new Promise((r) => setTimeout(r, 50));
    }
    for (const relay of relays) {
      expect(relay.child.exitCode).toBeNull();
      expect(await status(relay)).toMatchObject({ status: 503, body: { reason: 'redis unavailable' } });
    }
    e.addEntry('during-e', { title: '中断中 甲' });
    f.addEntry('during-f', { title: '中断中 乙' });
    // Stored (SQLite is there) though not shared: each process acknowledges its own client's edit.
    await waitFor(() => e.acknowledged() && f.acknowledged(), 'edits acknowledged without Redis');

    await redis.start();
    const back = Date.now();
    while (!(await allHealthy())) {
      if (Date.now() - back > 20_000) throw new Error('relays not healthy within 20 s of Redis restarting');
      await new Promise((r) => setTimeout(r, 100));
    }
    // No further edit: the processes sync the two entries by themselves.
    await waitFor(
      () =>
        ['during-e', 'during-f'].every((id) => e.entries().has(id) && f.entries().has(id)) &&
        snapshot(e.doc) === snapshot(f.doc),
      'both entries made during the outage on both processes',
    );
    for (const relay of relays) {
      expect(relay.child.exitCode).toBeNull();
      expect(relay.logs.filter((l) => l.event === 'redis unavailable')).toHaveLength(1);
      expect(relay.logs.filter((l) => l.event === 'redis available again')).toHaveLength(1);
    }
  });
});
