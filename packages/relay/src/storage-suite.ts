// The one test suite every relay store runs (storage.test.ts: SQLite and PostgreSQL), in the
// style of automerge-repo's adapter suites: the relay may only rely on what is tested here.
import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { foldUpdates } from './fold.ts';
import type { RelayStorage } from './storage.ts';

export interface StoreUnderTest {
  /** A new connection to the same database, as another relay process would have. */
  open(): Promise<RelayStorage>;
  /**
   * Damages what is stored, behind the store's back (a disk or a restore gone wrong): replaces the
   * first occurrence of `find` inside the document's compacted state or in one of its updates.
   */
  damage(name: string, source: 'state' | 'update', find: Uint8Array, replace: Uint8Array): Promise<void>;
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const chunks = (b: Buffer) => Readable.from([b.subarray(0, 1000), b.subarray(1000)]);
const bytesOf = async (stream: Readable | undefined) => {
  const parts: Buffer[] = [];
  for await (const chunk of stream ?? []) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
};

/** Loads what is stored for `name` into a fresh gc:false doc. */
export async function loadDoc(storage: RelayStorage, name: string): Promise<Y.Doc> {
  const doc = new Y.Doc({ gc: false });
  const { updates } = await storage.documents.load(name);
  for (const u of updates) Y.applyUpdate(doc, u);
  return doc;
}

/** A gc:false doc whose updates are appended to the store, as the relay does (awaited via `flush`). */
const recorded = (storage: RelayStorage, name: string) => {
  const doc = new Y.Doc({ gc: false });
  const pending: Promise<void>[] = [];
  doc.on('update', (u: Uint8Array) => pending.push(storage.documents.append(name, u)));
  return { doc, flush: () => Promise.all(pending.splice(0)) };
};

let unique = 0;
const docName = (what: string) => `U${++unique}/${what}`;

export function storageSuite(kind: string, under: () => StoreUnderTest): void {
  describe(`relay storage: ${kind}`, () => {
    const opened: RelayStorage[] = [];
    let target: StoreUnderTest | undefined;
    const open = async () => {
      target ??= under();
      const s = await target.open();
      opened.push(s);
      return s;
    };
    const damage: StoreUnderTest['damage'] = (...args) => {
      target ??= under();
      return target.damage(...args);
    };
    afterAll(async () => {
      for (const s of opened) await s.close();
    });

    describe('access', () => {
      it('creates a unit with admin, editor and viewer tokens stored only as hashes', async () => {
        const { access } = await open();
        const created = await access.createUnit('  某县应急管理局 ');
        expect(created.unit.name).toBe('某县应急管理局');
        expect(created.unit.id).toMatch(/^[0-9A-Z]{26}$/);
        expect(await access.getUnit(created.unit.id)).toEqual(created.unit);
        expect((await access.listUnits()).map((u) => u.id)).toContain(created.unit.id);
        for (const t of [created.admin, created.editor, created.viewer]) {
          expect(Buffer.from(t.token, 'base64url')).toHaveLength(32);
          expect(await access.verify(t.token)).toMatchObject({
            id: t.id,
            unitId: created.unit.id,
            role: t.role,
          });
        }
        const rows = await access.exportRows();
        const dump = JSON.stringify(rows);
        expect(dump).not.toContain(created.editor.token);
        expect(rows.tokens.find((t) => t.id === created.editor.id)?.hash).toBe(
          createHash('sha256').update(created.editor.token).digest('hex'),
        );
        expect((await access.listTokens(created.unit.id)).map((t) => t.role).sort()).toEqual([
          'admin',
          'editor',
          'viewer',
        ]);
      });

      it('refuses unknown, empty and revoked tokens, and says which tokens are live', async () => {
        const { access } = await open();
        const { editor, viewer, admin } = await access.createUnit('单位');
        expect(await access.verify('')).toBeUndefined();
        expect(await access.verify(`${editor.token}x`)).toBeUndefined();
        expect((await access.revoke({ token: editor.token }))?.revokedAt).toBeTypeOf('number');
        expect(await access.verify(editor.token)).toBeUndefined();
        expect((await access.revoke({ id: viewer.id }))?.id).toBe(viewer.id);
        expect(await access.live([editor.id, viewer.id, admin.id, 'missing'])).toEqual(new Set([admin.id]));
        expect((await access.getToken(viewer.id))?.revokedAt).toBeTypeOf('number');
        expect(await access.revoke({ id: 'missing' })).toBeUndefined();
        await expect(access.createUnit('  ')).rejects.toThrow(/empty/);
        await expect(access.issueToken('missing', 'editor')).rejects.toThrow(/unknown unit/);
      });

      it('sees what another connection wrote (a token revoked by another process)', async () => {
        const a = await open();
        const b = await open();
        const { editor } = await a.access.createUnit('两个进程');
        expect(await b.access.verify(editor.token)).toMatchObject({ id: editor.id });
        await b.access.revoke({ id: editor.id });
        expect(await a.access.live([editor.id])).toEqual(new Set());
      });

      it('copies units and tokens to another store, keeping what is there', async () => {
        const a = await open();
        const { unit, editor } = await a.access.createUnit('迁移单位');
        const rows = await a.access.exportRows();
        const b = await open();
        await b.access.importRows(rows);
        await b.access.importRows(rows);
        expect(await b.access.getUnit(unit.id)).toEqual(unit);
        expect(await b.access.verify(editor.token)).toMatchObject({ id: editor.id });
      });
    });

    describe('members and invitation codes', () => {
      it('registers a unit with one admin member, under a fresh id each time', async () => {
        const { access } = await open();
        const a = await access.registerUnit('某县应急管理局', ' 张三 ');
        const b = await access.registerUnit('某县应急管理局', '张三');
        expect(a.unit.id).not.toBe(b.unit.id);
        expect(await access.verify(a.admin.token)).toMatchObject({
          role: 'admin',
          label: '张三',
          unitId: a.unit.id,
          invitationId: null,
          lastSeenAt: null,
        });
        expect(await access.listTokens(a.unit.id)).toHaveLength(1);
        await expect(access.registerUnit(' ', '张三')).rejects.toThrow(/empty/);
      });

      it('exchanges a code and a name for a member token of its own, until it expires or is revoked', async () => {
        const { access } = await open();
        const { unit, admin } = await access.registerUnit('单位', '张三');
        const inv = await access.createInvitation(unit.id, {
          role: 'editor',
          createdBy: admin.id,
          label: '科室',
        });
        expect(inv).toMatchObject({ role: 'editor', label: '科室', createdBy: admin.id, expiresAt: null });
        const a = await access.redeem(unit.id, inv.code, ' 王丽 ');
        const b = await access.redeem(unit.id, inv.code, '李四');
        if (!('member' in a) || !('member' in b)) throw new Error('refused');
        expect(a.member).toMatchObject({ role: 'editor', label: '王丽', invitationId: inv.id });
        expect(a.member.token).not.toBe(b.member.token);
        expect(JSON.stringify(await access.exportRows())).not.toContain(inv.code);

        // One member revoked: the other, who joined with the same invitation, keeps access.
        await access.revoke({ id: a.member.id });
        expect(await access.verify(a.member.token)).toBeUndefined();
        expect((await access.lookup(a.member.token))?.revokedAt).toBeTypeOf('number');
        expect(await access.lookup('nonsense')).toBeUndefined();
        expect((await access.verify(b.member.token))?.label).toBe('李四');

        expect(await access.redeem(unit.id, 'wrong', 'x')).toEqual({ refused: 'invalid-invitation' });
        expect(await access.redeem(unit.id, '', 'x')).toEqual({ refused: 'invalid-invitation' });
        const other = await access.registerUnit('别的单位', '赵六');
        expect(await access.redeem(other.unit.id, inv.code, 'x')).toEqual({ refused: 'invalid-invitation' });
        const soon = await access.createInvitation(unit.id, { role: 'viewer', expiresAt: Date.now() + 1000 });
        expect('member' in (await access.redeem(unit.id, soon.code, '甲'))).toBe(true);
        expect(await access.redeem(unit.id, soon.code, '乙', Date.now() + 2000)).toEqual({
          refused: 'invitation-expired',
        });
        expect((await access.revokeInvitation(inv.id))?.revokedAt).toBeTypeOf('number');
        expect(await access.redeem(unit.id, inv.code, 'x')).toEqual({ refused: 'invitation-revoked' });
        expect(await access.verify(b.member.token)).toBeDefined();
        expect((await access.listInvitations(unit.id)).map((i) => i.id)).toEqual([inv.id, soon.id]);
        expect((await access.getInvitation(soon.id))?.expiresAt).toBeTypeOf('number');
        await expect(access.createInvitation('missing', { role: 'editor' })).rejects.toThrow(/unknown unit/);
      });

      it('records when a member was last seen', async () => {
        const { access } = await open();
        const { admin } = await access.registerUnit('单位', '张三');
        await access.touch(admin.id, 1234);
        expect((await access.getToken(admin.id))?.lastSeenAt).toBe(1234);
      });

      it('copies members and invitations to another store', async () => {
        const a = await open();
        const { unit, admin } = await a.access.registerUnit('迁移成员', '张三');
        const inv = await a.access.createInvitation(unit.id, { role: 'viewer' });
        const joined = await a.access.redeem(unit.id, inv.code, '王丽');
        await a.access.touch(admin.id, 99);
        const rows = await a.access.exportRows();
        const b = await open();
        await b.access.importRows(rows);
        await b.access.importRows(rows);
        expect(await b.access.verify(admin.token)).toMatchObject({ lastSeenAt: 99 });
        if ('member' in joined)
          expect(await b.access.verify(joined.member.token)).toMatchObject({ invitationId: inv.id });
        expect(await b.access.getInvitation(inv.id)).toMatchObject({ role: 'viewer', unitId: unit.id });
        expect('member' in (await b.access.redeem(unit.id, inv.code, '李四'))).toBe(true);
      });
    });

    describe('documents', () => {
      it('reloads appended updates and keeps overwritten values after compaction', async () => {
        const storage = await open();
        const name = docName('log');
        const { doc, flush } = recorded(storage, name);
        const entries = doc.getMap<Y.Map<unknown>>('entries');
        for (let i = 0; i < 30; i++) {
          const e = new Y.Map<unknown>();
          entries.set(`e${i}`, e);
          e.set('people', i);
          e.set('people', i + 100);
        }
        await flush();
        expect(await storage.documents.tailLength(name)).toBe(90);
        expect(await storage.documents.compact(name)).toMatchObject({ folded: 90 });
        expect(await storage.documents.tailLength(name)).toBe(0);
        entries.get('e0')?.set('title', '之后');
        await flush();

        const copy = await loadDoc(storage, name);
        expect(copy.getMap<Y.Map<unknown>>('entries').get('e29')?.get('people')).toBe(129);
        expect(copy.getMap<Y.Map<unknown>>('entries').get('e0')?.get('title')).toBe('之后');
        // gc:false keeps the overwritten value's struct: the state is as large as the original's.
        expect(Y.encodeStateAsUpdate(copy).byteLength).toBe(Y.encodeStateAsUpdate(doc).byteLength);
        expect(await storage.documents.has(name)).toBe(true);
        expect(await storage.documents.has(docName('none'))).toBe(false);
        expect(await storage.documents.names()).toContain(name);
      });

      it('compacts what is stored, including updates another process appended', async () => {
        const one = await open();
        const two = await open();
        const name = docName('log');
        const a = recorded(one, name);
        const b = recorded(two, name);
        a.doc.getMap('entries').set('from-a', 1);
        b.doc.getMap('entries').set('from-b', 2);
        await Promise.all([a.flush(), b.flush()]);
        await one.documents.compact(name);
        expect((await loadDoc(two, name)).getMap('entries').toJSON()).toEqual({ 'from-a': 1, 'from-b': 2 });
      });

      it('keeps rows appended while a compaction folds', async () => {
        const storage = await open();
        const name = docName('log');
        const { doc, flush } = recorded(storage, name);
        doc.getMap('entries').set('first', 1);
        await flush();
        const result = await storage.documents.compact(name, async (state, tail) => {
          doc.getMap('entries').set('later', 2);
          await flush();
          return foldUpdates(state, tail);
        });
        expect(result.folded).toBe(1);
        expect(await storage.documents.tailLength(name)).toBe(1);
        expect((await loadDoc(storage, name)).getMap('entries').toJSON()).toEqual({ first: 1, later: 2 });
      });

      it('never compacts one document in two processes at once, and commits no stale fold', async () => {
        const one = await open();
        const two = await open();
        const name = docName('log');
        const { doc, flush } = recorded(one, name);
        doc.getMap('entries').set('x', 1);
        await flush();
        let release: () => void = () => {};
        const held = new Promise<void>((r) => {
          release = r;
        });
        let folding: () => void = () => {};
        const started = new Promise<void>((r) => {
          folding = r;
        });
        const first = one.documents.compact(name, async (state, tail) => {
          folding();
          await held;
          return foldUpdates(state, tail);
        });
        await started;
        expect(await two.documents.compact(name)).toMatchObject({ folded: 0, skipped: 'locked' });
        release();
        expect(await first).toMatchObject({ folded: 1 });
        // The lock is free again; a state replaced under a running fold is never overwritten by it.
        doc.getMap('entries').set('y', 2);
        await flush();
        const stale = await two.documents.compact(name, async (state, tail) => {
          await one.documents.writeState(name, Y.encodeStateAsUpdate(doc));
          return foldUpdates(state, tail);
        });
        expect(stale).toMatchObject({ folded: 0, skipped: 'changed' });
        expect((await loadDoc(two, name)).getMap('entries').toJSON()).toEqual({ x: 1, y: 2 });
      });

      it('returns an unreadable row as stored, and a fold that fails leaves the tail alone', async () => {
        const storage = await open();
        const name = docName('bad');
        const { doc, flush } = recorded(storage, name);
        doc.getMap('entries').set('x', 1);
        await flush();
        await storage.documents.append(name, Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0x0f, 1]));
        expect((await storage.documents.load(name)).updates).toHaveLength(2);
        await expect(storage.documents.compact(name)).rejects.toThrow();
        expect(await storage.documents.tailLength(name)).toBe(2);
        // and a later compaction is not locked out by the failed one
        await expect(storage.documents.compact(name)).rejects.toThrow();
      });

      it('replaces a state outright (seeding)', async () => {
        const storage = await open();
        const name = docName('seeded');
        const source = new Y.Doc({ gc: false });
        source.getMap('entries').set('seed', '种子');
        await storage.documents.append(name, Y.encodeStateAsUpdate(new Y.Doc()));
        await storage.documents.writeState(name, Y.encodeStateAsUpdate(source));
        expect(await storage.documents.tailLength(name)).toBe(0);
        expect((await loadDoc(storage, name)).getMap('entries').get('seed')).toBe('种子');
      });
    });

    describe('damage (#18 finding 3)', () => {
      const utf8 = (text: string) => new TextEncoder().encode(text);
      /** Two writers (two Yjs clients, as two colleagues): a later update of the damaged one's client would wait for it. */
      const seeded = async (storage: RelayStorage, name: string) => {
        const one = recorded(storage, name);
        one.doc.getMap('entries').set('a', '第一条活动');
        await one.flush();
        await storage.documents.compact(name);
        one.doc.getMap('entries').set('b', '宣传进企业');
        await one.flush();
        const two = new Y.Doc({ gc: false });
        Y.applyUpdate(two, Y.encodeStateAsUpdate(one.doc));
        two.getMap('entries').set('c', '应急演练');
        await storage.documents.append(name, Y.encodeStateAsUpdate(two, Y.encodeStateVector(one.doc)));
      };

      it('quarantines and reports an update with a changed byte, serves the rest, changes nothing silently', async () => {
        const storage = await open();
        const name = docName('damaged-update');
        await seeded(storage, name);
        const rows = await storage.documents.tailLength(name);
        // 宣 (e5 ae a3) becomes 室 (e5 ae a4): still a well-formed update, a different word.
        await damage(name, 'update', utf8('宣'), utf8('室'));
        const loaded = await storage.documents.load(name);
        expect(loaded.quarantined).toMatchObject([
          { document: name, source: 'update', reason: 'checksum-mismatch' },
        ]);
        const doc = await loadDoc(storage, name);
        expect(doc.getMap('entries').toJSON()).toEqual({ a: '第一条活动', c: '应急演练' });
        expect(JSON.stringify(doc.getMap('entries').toJSON())).not.toContain('室');
        expect(await storage.documents.tailLength(name)).toBe(rows - 1);
        expect((await storage.documents.load(name)).quarantined).toEqual([]);
        expect(await storage.documents.quarantined()).toContainEqual(
          expect.objectContaining({ document: name, source: 'update', reason: 'checksum-mismatch' }),
        );
        // Compaction never folds a damaged row into a new state either.
        await storage.documents.compact(name);
        expect(JSON.stringify((await loadDoc(storage, name)).getMap('entries').toJSON())).not.toContain('室');
      });

      it('quarantines a damaged compacted state and serves the tail', async () => {
        const storage = await open();
        const name = docName('damaged-state');
        await seeded(storage, name);
        await damage(name, 'state', utf8('第'), utf8('弟'));
        const loaded = await storage.documents.load(name);
        expect(loaded.quarantined).toMatchObject([{ document: name, source: 'state' }]);
        const text = JSON.stringify((await loadDoc(storage, name)).getMap('entries').toJSON());
        expect(text).not.toContain('弟');
        expect(text).not.toContain('第一条活动');
        const other = await open();
        expect(await other.documents.quarantined()).toContainEqual(
          expect.objectContaining({ document: name, source: 'state' }),
        );
      });
    });

    describe('blobs', () => {
      it('stores bytes under their sha-256, once, per unit', async () => {
        const { blobs } = await open();
        const bytes = randomBytes(5000);
        expect(await blobs.put('U1', sha(bytes), chunks(bytes), 10_000)).toBe(true);
        expect(await blobs.put('U1', sha(bytes), chunks(bytes), 10_000)).toBe(false);
        expect(await bytesOf(await blobs.open('U1', sha(bytes)))).toEqual(bytes);
        expect(await blobs.size('U1', sha(bytes))).toBe(5000);
        expect(await blobs.size('U2', sha(bytes))).toBeUndefined();
        expect(await blobs.open('U2', sha(bytes))).toBeUndefined();
        const listed = [];
        for await (const b of blobs.list()) listed.push(b);
        expect(listed).toContainEqual({ unitId: 'U1', sha256: sha(bytes) });
      });

      it('refuses a wrong hash, an oversized body or a bad name, and keeps nothing of them', async () => {
        const { blobs } = await open();
        const bytes = randomBytes(5000);
        const wrong = sha(Buffer.from('x'));
        await expect(blobs.put('U3', wrong, chunks(bytes), 10_000)).rejects.toMatchObject({ status: 400 });
        await expect(blobs.put('U3', sha(bytes), chunks(bytes), 4999)).rejects.toMatchObject({ status: 413 });
        await expect(blobs.put('U3', 'NOT-A-HASH', chunks(bytes), 10_000)).rejects.toMatchObject({
          status: 400,
        });
        expect(await blobs.size('U3', wrong)).toBeUndefined();
        expect(await blobs.size('U3', sha(bytes))).toBeUndefined();
      });
    });

    it('answers a health check', async () => {
      const storage = await open();
      expect(await storage.check()).toMatchObject({ ok: true });
    });
  });
}
