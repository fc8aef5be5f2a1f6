import { describe, expect, it } from 'vitest';
import { LogSession } from '../model/log-session.ts';
import { MemoryStorage } from '../storage/memory-storage.ts';
import { syncTabs } from './tab-sync.ts';

const settle = () => new Promise((r) => setTimeout(r, 50));

describe('tab sync over BroadcastChannel', () => {
  it('shows each page the other page’s edits at once, including a page opened later and lazily', async () => {
    const storage = new MemoryStorage();
    const a = await LogSession.create(storage, {
      unitName: '测试局',
      campaign: '2020',
      user: '张三',
      shards: 4,
    });
    const name = `log-${Math.random()}`;
    const chA = new BroadcastChannel(name);
    const stopA = syncTabs(a, chA);
    const id = a.log.addEntry({ date: '2020-06-01', title: '一', contributions: { 't/s1': 2 } });
    await a.flush();

    // An edit made after B read storage but before B joined must still reach B (the hello/diff step).
    const b = await LogSession.open(storage, { user: '李四', lazy: true });
    a.log.updateEntry(id, { title: '一（改）' });
    const chB = new BroadcastChannel(name);
    const stopB = syncTabs(b, chB);
    await settle();
    expect(b.log.statistics(['t/s1'])[0]?.value).toBe(2);
    await b.loadShardOf(id);
    await settle();
    expect(b.log.getEntry(id)?.title).toBe('一（改）');

    b.log.updateEntry(id, { contributions: { 't/s1': 5 } });
    await settle();
    expect(a.log.statistics(['t/s1'])[0]?.value).toBe(5);
    // The receiver stores received edits too, so an edit survives its sender dying before its write.
    const shard = `e0${a.log.shardIndexOf(id)}`;
    const before = await storage.count(shard);
    b.log.updateEntry(id, { title: '二（改）' });
    await settle();
    expect(await storage.count(shard)).toBe(before + 2);
    stopA();
    stopB();
    chA.close();
    chB.close();
  });
});
