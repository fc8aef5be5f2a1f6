// Working together without a command line (#12), in real Chromium profiles on a real relay process:
// the creator connects the log by the relay's address and becomes 管理员, invites by link and QR code,
// sees members online and what they have open; two people save 地点 at once and neither value is
// lost; photos attached in the activity form reach the other profile (also after the relay was down);
// 恢复此值 and 撤销 sync; revoking a member cuts them off at once and their side says so.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createLogThroughUi,
  EXTENSION_DIR,
  type ExtensionBrowser,
  launchExtension,
  screenshot,
} from './support/extension-browser.ts';
import { type RelayProcess, startRelayProcess } from './support/relay-process.ts';

const TITLE = '安全生产宣传进企业';

async function addEntry(page: Page, title: string, location = '会议室') {
  await page.getByRole('link', { name: '活动台账' }).click();
  await page.getByRole('button', { name: '＋ 新增活动' }).click();
  const dialog = page.getByRole('dialog', { name: '新增活动' });
  // Inside the 大兴安岭 2020 table's campaign (June 2020): no date warning on save.
  await dialog.getByLabel('日期').fill('2020-06-08');
  await dialog.getByLabel('活动名称').fill(title);
  await dialog.getByLabel('地点').fill(location);
  await dialog.getByRole('button', { name: '添加活动' }).click();
  await dialog.waitFor({ state: 'detached' });
}

/** Opens the activity's form from the list; returns the dialog. */
async function openEntry(page: Page, title: string) {
  await page.getByRole('link', { name: '活动台账' }).click();
  await page.getByRole('button', { name: title, exact: true }).click();
  return page.getByRole('dialog', { name: '编辑活动' });
}

/** Whether the activity's form shows this photo (the form shows the entry as it was when opened). */
async function formShowsPhoto(page: Page, title: string, name: string) {
  const d = await openEntry(page, title);
  const shown = await d
    .getByRole('img', { name })
    .waitFor({ timeout: 1500 })
    .then(() => true)
    .catch(() => false);
  await d.getByRole('button', { name: '取消' }).click();
  await d.waitFor({ state: 'detached' });
  return shown;
}

const listText = (page: Page) => page.locator('table.list tbody').textContent();

describe('team: invite, see each other, never overwrite unseen', () => {
  let relay: RelayProcess;
  let a: ExtensionBrowser;
  let b: ExtensionBrowser;
  let pageA: Page;
  let pageB: Page;
  let link = '';

  beforeAll(async () => {
    relay = await startRelayProcess();
    [a, b] = await Promise.all([launchExtension(), launchExtension()]);
    [pageA, pageB] = await Promise.all([a.open('dashboard.html'), b.open('dashboard.html')]);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await relay?.stop();
  });

  it('the creator connects the log by the relay’s address and becomes its 管理员', async () => {
    await createLogThroughUi(pageA, '张三', '宝坻区应急管理局', '2020年“安全生产月”');
    await addEntry(pageA, TITLE);
    await pageA.getByRole('link', { name: '成员与同步' }).click();
    await pageA.getByLabel('同步服务地址').fill('127.0.0.1:1');
    await pageA.getByRole('button', { name: '连接同步服务' }).click();
    await expect.poll(() => pageA.getByText('连接不上同步服务').isVisible()).toBe(true);
    await pageA.getByLabel('同步服务地址').fill(relay.httpUrl);
    await pageA.getByRole('button', { name: '连接同步服务' }).click();
    await expect.poll(() => pageA.getByRole('status').first().textContent()).toBe('在线');
    await expect.poll(() => pageA.getByText('您的权限：管理员').isVisible()).toBe(true);
    await expect
      .poll(() => pageA.getByRole('table', { name: '成员' }).textContent())
      .toMatch(/张三（您）管理员在线/);
    expect(relay.logs.some((l) => l.event === 'unit registered')).toBe(true);
  });

  it('invites by link and QR code; a colleague joins with their name and is listed online with what they have open', async () => {
    await pageA.getByLabel('邀请的权限').selectOption('editor');
    await pageA.getByLabel('有效期').selectOption({ label: '7 天' });
    await pageA.getByLabel('备注').fill('办公室');
    await pageA.getByRole('button', { name: '生成邀请' }).click();
    link = await pageA.getByLabel('邀请链接').inputValue();
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/join\/[0-9A-Z]+\?role=editor&name=.+&log=.+#.+/);
    expect(await pageA.getByRole('img', { name: '邀请二维码' }).locator('path').getAttribute('d')).toMatch(
      /^M/,
    );
    await expect
      .poll(() => pageA.getByRole('table', { name: '邀请' }).textContent())
      .toMatch(/编辑办公室.*有效/);
    await screenshot(pageA, '30-invite-link-qr');

    // The link opened in a plain browser tab explains what to do.
    const plain = await b.context.newPage();
    await plain.goto(link);
    expect(await plain.getByRole('heading').textContent()).toBe('加入单位的活动台账');
    expect(await plain.getByLabel('邀请').inputValue()).toBe(link);
    await plain.close();

    await pageB.getByLabel('姓名').fill('王丽');
    await pageB.getByLabel('同事发来的邀请').fill(link);
    await pageB.getByRole('button', { name: '通过邀请加入' }).click();
    await pageB.getByRole('heading', { name: /宝坻区应急管理局/ }).waitFor();
    await expect.poll(() => listText(pageB)).toContain(TITLE);

    await openEntry(pageB, TITLE);
    await expect
      .poll(() => pageA.getByRole('table', { name: '成员' }).textContent(), { timeout: 20_000 })
      .toMatch(new RegExp(`王丽编辑在线正在编辑“${TITLE}”`));
    await pageB.getByRole('dialog', { name: '编辑活动' }).getByRole('button', { name: '取消' }).click();
  });

  it('two profiles save 地点 at once: both values stay visible to both, and after resolving both agree', async () => {
    const [dA, dB] = await Promise.all([openEntry(pageA, TITLE), openEntry(pageB, TITLE)]);
    await expect
      .poll(() => dA.getByText('王丽 也正在编辑这项活动').isVisible(), { timeout: 20_000 })
      .toBe(true);
    await dA.getByLabel('地点').fill('一楼大厅');
    await dB.getByLabel('地点').fill('二楼会议室');
    await Promise.all([
      dA.getByRole('button', { name: '保存修改' }).click(),
      dB.getByRole('button', { name: '保存修改' }).click(),
    ]);
    // Whoever saved second either was asked (「此项已被…改为」) or both writes were concurrent.
    for (const [page, dialog] of [
      [pageA, dA],
      [pageB, dB],
    ] as const) {
      await expect
        .poll(
          async () => (await dialog.isVisible()) === false || (await page.getByText('此项已被').isVisible()),
        )
        .toBe(true);
      if (await dialog.isVisible()) {
        expect(await dialog.getByRole('alert').textContent()).toMatch(
          /此项已被(张三|王丽)改为“(一楼大厅|二楼会议室)”/,
        );
        await screenshot(page, '31-stale-form');
        await dialog.getByRole('button', { name: /仍用我的/ }).click();
        await dialog.waitFor({ state: 'detached' });
      }
    }
    for (const page of [pageA, pageB]) {
      await page.getByRole('link', { name: '冲突' }).click();
      await expect
        .poll(() => page.locator('table.list tbody').textContent(), { timeout: 20_000 })
        .toMatch(/地点.*(一楼大厅.*二楼会议室|二楼会议室.*一楼大厅)/);
    }
    await screenshot(pageB, '32-conflict-both-values');
    await pageB.getByRole('button', { name: '改用此值' }).click();
    for (const page of [pageA, pageB]) {
      await expect
        .poll(() => page.getByText('没有需要核对的冲突').isVisible(), { timeout: 20_000 })
        .toBe(true);
    }
    const location = async (page: Page) => {
      const d = await openEntry(page, TITLE);
      const v = await d.getByLabel('地点').inputValue();
      await d.getByRole('button', { name: '取消' }).click();
      return v;
    };
    await expect.poll(async () => (await location(pageA)) === (await location(pageB))).toBe(true);
  });

  it('恢复此值 and 撤销 are ordinary edits that reach the colleague', async () => {
    await pageA.getByRole('link', { name: '活动台账' }).click();
    await pageA
      .locator('table.list tbody tr')
      .filter({ hasText: TITLE })
      .getByRole('button', { name: '历史' })
      .click();
    const history = pageA.getByRole('dialog', { name: '修改历史' });
    await history
      .locator('tr')
      .filter({ hasText: '会议室' })
      .filter({ hasNotText: '楼' })
      .getByRole('button', { name: '恢复此值' })
      .click();
    await expect.poll(() => history.getByRole('status').textContent()).toBe('已把地点恢复为“会议室”。');
    await history.getByRole('button', { name: '关闭' }).click();
    const dB = await openEntry(pageB, TITLE);
    await expect.poll(() => dB.getByLabel('地点').inputValue(), { timeout: 20_000 }).toBe('会议室');
    await dB.getByRole('button', { name: '取消' }).click();

    const dA = await openEntry(pageA, TITLE);
    await dA.getByLabel('活动名称').fill('改错了的名称');
    await dA.getByRole('button', { name: '保存修改' }).click();
    await expect.poll(() => listText(pageB), { timeout: 20_000 }).toContain('改错了的名称');
    await pageA.getByRole('button', { name: '撤销', exact: true }).click();
    await expect.poll(() => pageA.getByText('已撤销：修改“改错了的名称”的活动名称').isVisible()).toBe(true);
    await expect.poll(() => listText(pageB), { timeout: 20_000 }).toContain(TITLE);
  });

  it('a photo attached in the activity form reaches the colleague, also when the relay was down meanwhile', async () => {
    const png = readFileSync(join(EXTENSION_DIR, 'icon/128.png'));
    const d = await openEntry(pageA, TITLE);
    await d
      .getByLabel('添加照片或视频')
      .setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: png });
    await expect.poll(() => d.getByRole('img', { name: '现场照片.png' }).isVisible()).toBe(true);
    await d.getByRole('button', { name: '保存修改' }).click();
    await expect.poll(() => formShowsPhoto(pageB, TITLE, '现场照片.png'), { timeout: 30_000 }).toBe(true);
    const dB = await openEntry(pageB, TITLE);
    expect(await dB.getByRole('link', { name: '现场照片.png' }).getAttribute('download')).toBe(
      '现场照片.png',
    );
    expect(await dB.getByRole('figure', { name: '现场照片.png' }).textContent()).toContain('KB');
    await screenshot(pageB, '33-photo-in-form');
    await dB.getByRole('button', { name: '取消' }).click();

    // The relay goes down; a second photo is added offline; both sides get it when it is back.
    await relay.kill('SIGKILL');
    const other = readFileSync(join(EXTENSION_DIR, 'icon/48.png'));
    const d2 = await openEntry(pageA, TITLE);
    await d2
      .getByLabel('添加照片或视频')
      .setInputFiles({ name: '离线时的照片.png', mimeType: 'image/png', buffer: other });
    await d2.getByRole('button', { name: '保存修改' }).click();
    await d2.waitFor({ state: 'detached' });
    await relay.restart();
    await expect.poll(() => formShowsPhoto(pageB, TITLE, '离线时的照片.png'), { timeout: 40_000 }).toBe(true);
  });

  it('revoking a member closes their connection at once; their side says so and keeps its copy', async () => {
    await pageA.getByRole('link', { name: '成员与同步' }).click();
    const members = pageA.getByRole('table', { name: '成员' });
    await expect.poll(() => members.textContent(), { timeout: 20_000 }).toMatch(/王丽编辑在线/);
    await members.locator('tr').filter({ hasText: '王丽' }).getByRole('button', { name: '停用' }).click();
    await pageA.getByRole('button', { name: '确定停用' }).click();
    await expect.poll(() => members.textContent()).toMatch(/王丽编辑已停用/);
    await relay.waitForLog((l) => l.event === 'disconnect revoked', 5000);

    await pageB.getByRole('link', { name: '成员与同步' }).click();
    await expect
      .poll(() => pageB.getByText('管理员已停止您的同步权限').isVisible(), { timeout: 20_000 })
      .toBe(true);
    await screenshot(pageB, '35-revoked-side');
    await addEntry(pageB, '停用后王丽记录的活动');
    await expect.poll(() => listText(pageB)).toContain(TITLE);
    await new Promise((r) => setTimeout(r, 1500));
    await pageA.getByRole('link', { name: '活动台账' }).click();
    await pageA.getByRole('button', { name: '＋ 新增活动' }).waitFor();
    expect(await listText(pageA)).toContain(TITLE);
    expect(await listText(pageA)).not.toContain('停用后王丽记录的活动');

    // Revoking the invitation stops new joins; a third person is told so in Chinese.
    await pageA.getByRole('link', { name: '成员与同步' }).click();
    await pageA.getByRole('table', { name: '邀请' }).getByRole('button', { name: '撤销邀请' }).click();
    await expect.poll(() => pageA.getByRole('table', { name: '邀请' }).textContent()).toContain('已撤销');
    await pageA.getByLabel('邀请的权限').selectOption('viewer');
    await pageA.getByRole('button', { name: '生成邀请' }).click();
    await expect.poll(() => pageA.getByRole('table', { name: '邀请' }).textContent()).toMatch(/只读.*有效/);
    await pageA.setViewportSize({ width: 1366, height: 768 });
    await screenshot(pageA, '34-members-invitations-revoked');
    const c = await launchExtension();
    try {
      const pageC = await c.open('dashboard.html');
      await pageC.getByLabel('姓名').fill('赵六');
      await pageC.getByLabel('同事发来的邀请').fill(link);
      await pageC.getByRole('button', { name: '通过邀请加入' }).click();
      await expect.poll(() => pageC.getByText('这个邀请已被管理员撤销').isVisible()).toBe(true);
    } finally {
      await c.close();
    }
  });
});
