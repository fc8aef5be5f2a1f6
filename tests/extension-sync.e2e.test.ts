// Colleagues on one log through a real relay process: the extension in Chromium (two profiles) and a
// Node client using the same core package; presence, an offline spell, the relay SIGKILLed.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  connectRelay,
  fetchLogFromRelay,
  LogSession,
  MemoryStorage,
  parseInvitation,
  type RelayConnection,
} from '@tianbao/core';
import { createUnit } from '@tianbao/relay';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type * as Y from 'yjs';
import {
  EXTENSION_DIR,
  type ExtensionBrowser,
  launchExtension,
  screenshot,
} from './support/extension-browser.ts';
import { type RelayProcess, startRelayProcess, tempDir } from './support/relay-process.ts';

async function addEntry(page: Page, title: string) {
  await page.getByRole('link', { name: '活动台账' }).click();
  await page.getByRole('button', { name: '＋ 新增活动' }).click();
  const dialog = page.getByRole('dialog', { name: '新增活动' });
  await dialog.getByLabel('日期').fill('2021-06-08');
  await dialog.getByLabel('活动名称').fill(title);
  await dialog.getByRole('button', { name: '添加活动' }).click();
  await dialog.waitFor({ state: 'detached' });
}
const rows = (page: Page, text: string) =>
  page.locator('table.list tbody tr').filter({ hasText: text }).count();

describe('extension: colleagues through the relay', () => {
  let relay: RelayProcess;
  let invitation: string;
  let a: ExtensionBrowser;
  let pageA: Page;
  let share = '';
  let nodeToken = '';
  let nodeMember = '';
  const nodeInvitation = () => {
    const inv = parseInvitation(share);
    return { ...inv, token: nodeToken, logId: inv.logId as string };
  };
  let node: { session: LogSession; conn: RelayConnection } | undefined;

  beforeAll(async () => {
    const dataDir = tempDir();
    relay = await startRelayProcess({ dataDir });
    // The command-line path: a unit made by `tianbao relay unit create`, connected with its admin invitation.
    invitation = (await createUnit({ dataDir, name: '宝坻区应急管理局', relayUrl: relay.url })).admin
      .invitation;
    a = await launchExtension();
    pageA = await a.open('dashboard.html');
  });
  afterAll(async () => {
    node?.conn.destroy();
    await a?.close();
    await relay?.stop();
  });

  it('connects a log to the relay with an invitation and shows the status', async () => {
    await pageA.getByLabel('姓名').fill('张三');
    await pageA.getByLabel('单位名称').fill('宝坻区应急管理局');
    // The activities below are dated June 2021: the campaign is that year's (no warning on save).
    await pageA.getByLabel('专项活动').fill('2021年“安全生产月”');
    await pageA.getByRole('button', { name: '创建台账' }).click();
    await pageA.getByRole('heading', { name: /宝坻区应急管理局/ }).waitFor();
    await pageA.getByRole('link', { name: '成员与同步' }).click();
    await pageA.getByText('已有管理员发来的邀请？').click();
    await pageA.getByLabel('管理员发来的邀请').fill('tianbao://nonsense');
    await pageA.getByRole('button', { name: '用邀请连接' }).click();
    await expect.poll(() => pageA.getByText('这不是有效的邀请').isVisible()).toBe(true);
    await pageA.getByLabel('管理员发来的邀请').fill(invitation);
    await pageA.getByRole('button', { name: '用邀请连接' }).click();
    await expect.poll(() => pageA.getByRole('status').textContent()).toBe('在线');
    await pageA.getByRole('button', { name: '生成邀请' }).click();
    share = await pageA.getByLabel('邀请链接').inputValue();
    expect(parseInvitation(share)).toMatchObject({ kind: 'code', logId: expect.any(String) });
    // A Node colleague exchanges the same link's code for a member token of their own.
    const inv = parseInvitation(share);
    if (inv.kind !== 'code') throw new Error('not a join link');
    const res = await fetch(`${inv.httpUrl}/units/${inv.unitId}/join`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code: inv.code, name: '李四' }),
    });
    const joined = (await res.json()) as { token: string; memberId: string };
    nodeToken = joined.token;
    nodeMember = joined.memberId;
  });

  it('a Node colleague and the browser see each other’s edits and presence', async () => {
    await addEntry(pageA, '张三在浏览器里记录的活动');
    const inv = nodeInvitation();
    const target = { url: inv.relayUrl, unitId: inv.unitId, token: inv.token, WebSocketPolyfill: WebSocket };
    const storage = new MemoryStorage();
    await fetchLogFromRelay(storage, target, inv.logId);
    const session = await LogSession.open(storage, { user: '李四' });
    node = { session, conn: connectRelay(session, target, '李四', nodeMember) };
    await expect
      .poll(() => session.log.listEntries().map((e) => e.title), { timeout: 20_000 })
      .toContain('张三在浏览器里记录的活动');
    session.log.addEntry({ date: '2021-06-09', title: '李四用命令行记录的活动' });
    await expect.poll(() => rows(pageA, '李四用命令行记录的活动'), { timeout: 20_000 }).toBe(1);
    await pageA.getByRole('link', { name: '成员与同步' }).click();
    await expect
      .poll(() => pageA.getByRole('table', { name: '成员' }).textContent(), { timeout: 20_000 })
      .toMatch(/李四编辑在线/);
    await expect
      .poll(() => node?.conn.peers().some((p) => p.user === '张三' && p.editing?.includes('成员与同步')))
      .toBe(true);
    await screenshot(pageA, '20-sync');
  });

  it('an entry a colleague’s copy wrote past the rules is kept, listed with what is wrong, and 改正 puts it right', async () => {
    const log = node?.session.log;
    if (!log) throw new Error('the Node colleague is not connected');
    // A copy that skips the checks (an old version, a hand-edited file) writes a 300-character title.
    const id = log.addEntry({ date: '2021-06-09', title: '李四的活动', contributions: {} });
    const doc = log.doc(`e0${log.shardIndexOf(id)}`) as Y.Doc;
    const m = doc.getMap('entries').get(id) as Y.Map<unknown>;
    doc.transact(() => m.set('title', '很长的活动名称'.repeat(43)), { kind: 'local', user: '李四' });
    await pageA.getByRole('link', { name: '活动台账' }).click();
    const banner = pageA.getByRole('alert', { name: '数据有误的活动' });
    await expect.poll(() => banner.textContent(), { timeout: 20_000 }).toContain('活动名称不能超过200个字');
    expect(await banner.textContent()).toContain('有 1 条活动的数据不符合要求');
    expect(await rows(pageA, '很长的活动名称很长的活动名称')).toBe(1); // kept, nothing lost
    await screenshot(pageA, '21-invalid-entry');
    await banner.getByRole('button', { name: '改正' }).click();
    const dialog = pageA.getByRole('dialog', { name: '编辑活动' });
    await dialog.getByLabel('活动名称').fill('李四的活动（已改正）');
    await dialog.getByRole('button', { name: '保存修改' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => banner.count()).toBe(0);
    // The correction is an ordinary edit: it reaches the colleague's copy, which no longer flags it.
    await expect
      .poll(() => log.invalidEntries().length + (log.getEntry(id)?.title ?? ''), { timeout: 20_000 })
      .toBe('0李四的活动（已改正）');
    // Out of the way of the tests below, which count the log's entries.
    log.deleteEntry(id);
    await expect.poll(() => rows(pageA, '李四的活动（已改正）'), { timeout: 20_000 }).toBe(0);

    // The liaison form's 办公电话 written as something other than text: named, and shown empty, not filled anywhere.
    log.root.transact(() => log.root.getMap('profile').set('officePhone', { not: 'text' }), {
      kind: 'local',
      user: '李四',
    });
    await expect
      .poll(() => banner.textContent(), { timeout: 20_000 })
      .toContain('其他记录中有 1 处数据不符合要求');
    expect(await banner.textContent()).toContain('联络员：');
    log.setProfile({ officePhone: '022-29241234' });
    await expect.poll(() => banner.count(), { timeout: 20_000 }).toBe(0);
  });

  it('photos reach colleagues through the relay’s blob store, not the log', async () => {
    const inv = nodeInvitation();
    const png = readFileSync(join(EXTENSION_DIR, 'icon/128.png'));
    await pageA.getByRole('link', { name: '附件' }).click();
    await pageA.getByLabel('选择活动').selectOption({ label: '2021-06-08 张三在浏览器里记录的活动' });
    await pageA
      .getByLabel('添加照片或视频')
      .setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: png });
    await expect
      .poll(() => pageA.getByText('已为“张三在浏览器里记录的活动”添加 1 个文件').isVisible())
      .toBe(true);
    const hash = createHash('sha256').update(png).digest('hex');
    const get = () =>
      fetch(`${inv.httpUrl}/blobs/${inv.unitId}/${hash}`, {
        headers: { Authorization: `Bearer ${inv.token}` },
      });
    await expect.poll(async () => (await get()).status, { timeout: 20_000 }).toBe(200);
    expect(Buffer.from(await (await get()).arrayBuffer()).equals(png)).toBe(true);

    // The Node colleague attaches a file: the browser fetches it when it shows the attachments.
    const other = readFileSync(join(EXTENSION_DIR, 'icon/48.png'));
    const otherHash = createHash('sha256').update(other).digest('hex');
    const put = await fetch(`${inv.httpUrl}/blobs/${inv.unitId}/${otherHash}`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${inv.token}`, 'Content-Type': 'image/png' },
      body: other,
    });
    expect(put.ok).toBe(true);
    node?.session.log.addEntry({
      date: '2021-06-09',
      title: '李四带照片的活动',
      attachments: [{ hash: otherHash, name: '李四的照片.png', type: 'image/png', size: other.length }],
    });
    await expect
      .poll(() => pageA.getByRole('link', { name: '李四的照片.png' }).count(), { timeout: 20_000 })
      .toBe(1);
    await screenshot(pageA, '22-attachments');
  });

  it('a second browser profile joins from the shared invitation', async () => {
    const b = await launchExtension();
    try {
      const pageB = await b.open('dashboard.html');
      await pageB.getByLabel('姓名').fill('王五');
      await pageB.getByLabel('同事发来的邀请').fill(share);
      await screenshot(pageB, '21-join-by-invitation');
      await pageB.getByRole('button', { name: '通过邀请加入' }).click();
      await pageB.getByRole('heading', { name: /宝坻区应急管理局/ }).waitFor();
      await expect.poll(() => pageB.locator('table.list tbody tr').count(), { timeout: 20_000 }).toBe(3);
      await addEntry(pageB, '王五加入后记录的活动');
      await pageA.getByRole('link', { name: '活动台账' }).click();
      await expect.poll(() => rows(pageA, '王五加入后记录的活动'), { timeout: 20_000 }).toBe(1);
    } finally {
      await b.close();
    }
  });

  it('edits made while the relay is down are kept and arrive when it is back', async () => {
    await relay.kill('SIGKILL');
    await pageA.getByRole('link', { name: '成员与同步' }).click();
    await expect.poll(() => pageA.getByRole('status').textContent(), { timeout: 20_000 }).toContain('离线');
    await addEntry(pageA, '同步服务停机时记录的活动');
    await relay.restart();
    await expect
      .poll(() => node?.session.log.listEntries().map((e) => e.title), { timeout: 30_000 })
      .toContain('同步服务停机时记录的活动');
    await pageA.getByRole('link', { name: '成员与同步' }).click();
    await expect.poll(() => pageA.getByRole('status').textContent(), { timeout: 20_000 }).toBe('在线');
    await expect
      .poll(
        () =>
          node?.session.log
            .listEntries()
            .map((e) => e.title)
            .sort(),
        { timeout: 20_000 },
      )
      .toEqual(
        [
          '同步服务停机时记录的活动',
          '张三在浏览器里记录的活动',
          '李四用命令行记录的活动',
          '李四带照片的活动',
          '王五加入后记录的活动',
        ].sort(),
      );
  });
});
