import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AccessStore, hashToken, parseDocumentName } from './access.ts';
import { openDatabase } from './database.ts';

const store = () => {
  const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'tianbao-access-')), 'tianbao.sqlite'));
  return { db, access: new AccessStore(db) };
};

describe('access store', () => {
  it('creates a unit with admin, editor and viewer tokens stored only as hashes', () => {
    const { db, access } = store();
    const created = access.createUnit('  某县应急管理局 ');
    expect(created.unit.name).toBe('某县应急管理局');
    expect(created.unit.id).toMatch(/^[0-9A-Z]{26}$/);
    for (const t of [created.admin, created.editor, created.viewer]) {
      expect(Buffer.from(t.token, 'base64url')).toHaveLength(32);
      expect(access.verify(t.token)).toMatchObject({ id: t.id, unitId: created.unit.id, role: t.role });
    }
    const dump = JSON.stringify(db.prepare('SELECT * FROM tokens').all());
    expect(dump).not.toContain(created.editor.token);
    expect(dump).toContain(hashToken(created.editor.token));
  });

  it('refuses unknown, empty and revoked tokens', () => {
    const { access } = store();
    const { editor, viewer } = access.createUnit('单位');
    expect(access.verify('')).toBeUndefined();
    expect(access.verify(`${editor.token}x`)).toBeUndefined();
    expect(access.revoke({ token: editor.token })?.revokedAt).toBeTypeOf('number');
    expect(access.verify(editor.token)).toBeUndefined();
    expect(access.isLive(editor.id)).toBe(false);
    expect(access.revoke({ id: viewer.id })?.id).toBe(viewer.id);
    expect(access.isLive(viewer.id)).toBe(false);
    expect(access.revoke({ id: 'missing' })).toBeUndefined();
    expect(() => access.createUnit('  ')).toThrow(/empty/);
    expect(() => access.issueToken('missing', 'editor')).toThrow(/unknown unit/);
  });

  it('parses <unitId>/<logId> document names only', () => {
    expect(parseDocumentName('01JD8/2026-safety-month')).toEqual({
      unitId: '01JD8',
      logId: '2026-safety-month',
    });
    expect(parseDocumentName('01JD8')).toBeUndefined();
    expect(parseDocumentName('a/b/c')).toBeUndefined();
    expect(parseDocumentName('/b')).toBeUndefined();
  });
});
