import { describe, expect, it } from 'vitest';
import { LogSession } from '../model/log-session.ts';
import { exportUpdateFile } from '../model/update-file.ts';
import type { LogStorage } from './log-storage.ts';

/**
 * The one suite every storage adapter runs (automerge-repo style): what a log must survive, whatever
 * holds it. `fresh()` gives an empty store; `reopen(s)` a new adapter instance on the same stored data.
 */
export function storageSuite(
  name: string,
  fresh: () => Promise<LogStorage>,
  reopen: (s: LogStorage) => Promise<LogStorage>,
  corrupt: (s: LogStorage, doc: string) => Promise<LogStorage>,
) {
  const K = 'daxinganling-2020';
  const create = async (s: LogStorage) =>
    LogSession.create(
      s,
      { unitName: '漠河市应急管理局', campaign: '2020 安全生产月', user: '张三', shards: 4 },
      {
        snapshotDelayMs: 10,
      },
    );
  const add = (session: LogSession, i: number) =>
    session.log.addEntry({ date: '2020-06-05', title: `活动${i}`, contributions: { [`${K}/s5`]: i } });

  describe(`storage: ${name}`, () => {
    it('opens again what was stored, with statistics', async () => {
      const s = await fresh();
      const a = await create(s);
      for (let i = 1; i <= 5; i++) add(a, i);
      a.log.setProfile({ name: '张三丰' });
      a.log.setManualValue(`${K}/s6`, 7, '补报');
      await a.close();
      const b = await LogSession.open(await reopen(s), { user: '李四' });
      expect(b.log.listEntries()).toHaveLength(5);
      expect(b.log.statistics([`${K}/s5`, `${K}/s6`]).map((x) => x.value)).toEqual([15, 7]);
      expect(b.log.getProfile().name).toBe('张三丰');
      expect(b.skipped).toEqual([]);
      await b.close();
    });

    it('shows statistics from the snapshot before loading shards, and re-reads a shard that changed', async () => {
      const s = await fresh();
      const a = await create(s);
      for (let i = 1; i <= 8; i++) add(a, i);
      await a.close();
      const lazy = await LogSession.open(await reopen(s), { user: '李四', lazy: true });
      expect([0, 1, 2, 3].some((i) => lazy.log.isShardLoaded(i))).toBe(false);
      expect(lazy.log.statistics([`${K}/s5`])[0]?.value).toBe(36);
      const first = lazy.log.listSummaries()[0];
      const id = first?.id as string;
      const expected = 36 - (first?.contributions[`${K}/s5`] ?? 0) + 100;
      await lazy.loadShardOf(id);
      lazy.log.updateEntry(id, { contributions: { [`${K}/s5`]: 100 } });
      expect(lazy.log.statistics([`${K}/s5`])[0]?.value).toBe(expected);
      await lazy.close();
      const again = await LogSession.open(await reopen(s), { user: '王五', lazy: true });
      expect(again.log.statistics([`${K}/s5`])[0]?.value).toBe(expected);
      await again.close();
    });

    it('skips a damaged stored update, keeps everything else and reports it', async () => {
      const s = await fresh();
      const a = await create(s);
      add(a, 1);
      a.log.setProfile({ name: '张三丰' });
      await a.close();
      const damaged = await corrupt(await reopen(s), 'root');
      const b = await LogSession.open(damaged, { user: '李四' });
      expect(b.skipped.length).toBe(1);
      expect(b.log.listEntries()).toHaveLength(1);
      expect(b.log.meta().unitName).toBe('漠河市应急管理局');
      await b.close();
    });

    it('creates a local copy from an update file (joining without a server)', async () => {
      const a = await create(await fresh());
      add(a, 4);
      const copy = await LogSession.createFromFile(await fresh(), exportUpdateFile(a.log), { user: '李四' });
      expect(copy.log.meta()).toEqual(a.log.meta());
      expect(copy.log.statistics([`${K}/s5`])[0]?.value).toBe(4);
      await copy.close();
      await a.close();
    });

    it('compacts many small updates into one', async () => {
      const s = await fresh();
      const a = await create(s);
      const id = add(a, 1);
      const shard = `e0${a.log.shardIndexOf(id)}`;
      for (let i = 0; i < 520; i++) a.log.updateEntry(id, { description: `第${i}次修改` });
      await a.flush();
      expect(await s.count(shard)).toBeLessThan(100);
      await a.close();
      const b = await LogSession.open(await reopen(s), { user: '李四' });
      expect(b.log.getEntry(id)?.description).toBe('第519次修改');
      await b.close();
    });
  });
}
