// The unit log (core's LogSession) synced through a real relay process: three colleagues, one offline
// for a while, the relay SIGKILLed mid-stream and restarted on its SQLite file, presence, and a viewer.
import {
  connectRelay,
  fetchLogFromRelay,
  LogSession,
  MemoryStorage,
  type RelayConnection,
  type RelayTarget,
} from '@tianbao/core';
import { createUnit } from '@tianbao/relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type RelayProcess, startRelayProcess, tempDir } from './support/relay-process.ts';

const T = 'baodi-2021';
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(check: () => boolean, what: string, ms = 20_000) {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await wait(50);
  }
}
const view = (s: LogSession) =>
  JSON.stringify({
    entries: s.log.listEntries({ deleted: 'any' }),
    stats: s.log.statistics(),
    conflicts: s.log.conflicts(),
  });

describe('unit log through the relay (real process, real SQLite file)', () => {
  let relay: RelayProcess;
  let editor: RelayTarget;
  let viewer: RelayTarget;
  const connections: RelayConnection[] = [];
  const connect = (s: LogSession, t: RelayTarget, user: string) => {
    const c = connectRelay(s, t, user);
    connections.push(c);
    return c;
  };

  beforeAll(async () => {
    const dataDir = tempDir();
    const unit = await createUnit({ dataDir, name: '宝坻区应急管理局', relayUrl: 'ws://127.0.0.1:1' });
    relay = await startRelayProcess({ dataDir });
    const base = { url: relay.url, unitId: unit.unit.id, WebSocketPolyfill: WebSocket };
    editor = { ...base, token: unit.editor.token };
    viewer = { ...base, token: unit.viewer.token };
  });
  afterAll(async () => {
    for (const c of connections) c.destroy();
    await relay?.stop();
  });

  it('three colleagues converge through concurrent edits, an offline spell and a relay SIGKILL', async () => {
    const a = await LogSession.create(new MemoryStorage(), {
      unitName: '宝坻区应急管理局',
      campaign: '2021',
      templateIds: [T],
      user: '张三',
      shards: 4,
    });
    const ca = connect(a, editor, '张三');
    const shared = a.log.addEntry({
      date: '2021-06-01',
      title: '安全宣传进企业',
      contributions: { [`${T}/s1`]: 10 },
    });
    await ca.whenSynced();
    await until(() => ca.settled(), 'A to upload');

    // B and C join from the relay alone.
    const join = async (user: string) => {
      const storage = new MemoryStorage();
      await fetchLogFromRelay(storage, editor, a.log.meta().logId);
      const s = await LogSession.open(storage, { user });
      return { s, c: connect(s, editor, user) };
    };
    const { s: b, c: cb } = await join('李四');
    let { s: c, c: cc } = await join('王五');
    await until(
      () => b.log.getEntry(shared) !== undefined && c.log.getEntry(shared) !== undefined,
      'B and C to see A’s entry',
    );
    await until(() => cb.peers().some((p) => p.user === '张三'), 'presence of 张三 at B');

    // C goes offline and keeps editing; A and B edit the same entry, same and different fields.
    cc.destroy();
    const offline = c.log.addEntry({
      date: '2021-06-05',
      title: '王五离线时记录的演练',
      contributions: { [`${T}/s2`]: 1 },
    });
    c.log.updateEntry(shared, { location: '王五写的地点' });
    a.log.updateEntry(shared, { title: '张三改的标题' });
    b.log.updateEntry(shared, { title: '李四改的标题', contributions: { [`${T}/s3`]: 4 } });
    for (let i = 0; i < 20; i++)
      a.log.addEntry({ date: '2021-06-10', title: `张三批量${i}`, contributions: { [`${T}/s1`]: 1 } });

    // The relay dies mid-stream and comes back on the same SQLite file.
    await wait(30);
    await relay.kill('SIGKILL');
    b.log.addEntry({ date: '2021-06-11', title: '李四在同步服务重启时记录' });
    await relay.restart();

    // C comes back online.
    cc = connect(c, editor, '王五');
    const all = [a, b, c];
    await until(() => new Set(all.map(view)).size === 1, 'all three identical', 30_000);
    const entries = a.log.listEntries();
    expect(entries.map((e) => e.title)).toEqual(
      expect.arrayContaining(['王五离线时记录的演练', '李四在同步服务重启时记录', '张三批量19']),
    );
    expect(entries).toHaveLength(23);
    expect(a.log.getEntry(offline)).toBeDefined();
    const e = a.log.getEntry(shared);
    expect(e?.location).toBe('王五写的地点');
    expect(e?.contributions[`${T}/s3`]).toBe(4);
    // The title was written by two people at once: one won, the other is kept as a conflict.
    expect(a.log.conflicts().map((x) => x.lostValue)).toContain(
      e?.title === '张三改的标题' ? '李四改的标题' : '张三改的标题',
    );
    expect(a.log.statistics([`${T}/s1`])[0]?.value).toBe(30);
  });

  it('a viewer reads the log but cannot change it on the relay', async () => {
    const a = await LogSession.create(new MemoryStorage(), {
      unitName: '宝坻区应急管理局',
      campaign: '2021-b',
      templateIds: [T],
      user: '张三',
      shards: 2,
    });
    const ca = connect(a, editor, '张三');
    a.log.addEntry({ date: '2021-06-01', title: '原始记录' });
    await ca.whenSynced();
    await until(() => ca.settled(), 'A to upload');
    const storage = new MemoryStorage();
    await fetchLogFromRelay(storage, viewer, a.log.meta().logId);
    const v = await LogSession.open(storage, { user: '查看者' });
    connect(v, viewer, '查看者');
    await until(() => v.log.listEntries().length === 1, 'viewer to read');
    v.log.addEntry({ date: '2021-06-02', title: '查看者试图添加' });
    await wait(1500);
    expect(a.log.listEntries().map((x) => x.title)).toEqual(['原始记录']);
  });

  it('a wrong token is refused with a clear reason', async () => {
    const storage = new MemoryStorage();
    await expect(fetchLogFromRelay(storage, { ...editor, token: 'not-a-token' }, 'whatever')).rejects.toThrow(
      /refused/,
    );
  });
});
