import {
  type AnyInvitation,
  connectRelay,
  type LogSession,
  parseInvitation,
  type RelayConnection,
  relayAddress,
} from '@tianbao/core';
import { redeemInvitation, registerUnit } from './relay-api';
import { type RelayLink, relayLinks, userName } from './settings';

/** A pasted invitation of either kind, or an error with a Chinese message naming who sent it (同事, 管理员). */
export function readInvitation(text: string, sender: string): AnyInvitation {
  try {
    return parseInvitation(text);
  } catch {
    throw Object.assign(new Error('bad invitation'), {
      messageZh: `这不是有效的邀请，请完整复制${sender}发来的邀请链接（以 http:// 或 tianbao:// 开头）。`,
    });
  }
}

/**
 * What a pasted invitation gives this browser: a join link's code is exchanged (with the person's
 * name) for a member token of their own; a command-line invitation carries its token already.
 */
export async function linkFromInvitation(inv: AnyInvitation): Promise<RelayLink> {
  const base = {
    relayUrl: inv.relayUrl,
    httpUrl: inv.httpUrl,
    unitId: inv.unitId,
    ...(inv.unitName && { unitName: inv.unitName }),
  };
  if (inv.kind === 'token') return { ...base, token: inv.token, ...(inv.role && { role: inv.role }) };
  const name = (await userName.getValue()) || '未署名';
  const member = await redeemInvitation(inv.httpUrl, inv.unitId, inv.code, name);
  return {
    ...base,
    token: member.token,
    role: member.role,
    memberId: member.memberId,
    unitName: member.unitName,
  };
}

const saveLink = async (logId: string, link: RelayLink) =>
  relayLinks.setValue({ ...(await relayLinks.getValue()), [logId]: link });

/**
 * The page's connection to the unit's relay, if the log has one. Each page connects on its own (the
 * service worker may stop at any time); local changes are stored first, so being offline loses nothing.
 */
export class RelaySync {
  private conn: RelayConnection | undefined;
  private link: RelayLink | undefined;
  private readonly listeners = new Set<() => void>();
  private offLinks: (() => void) | undefined;

  constructor(
    private readonly session: LogSession,
    private readonly logId: string,
  ) {}

  async start(): Promise<void> {
    const link = (await relayLinks.getValue())[this.logId];
    if (link) await this.open(link);
    // Another page of this browser connected or disconnected the log: follow it.
    this.offLinks = relayLinks.watch((links) => {
      const next = links?.[this.logId];
      if (next?.token === this.link?.token) return;
      if (next) void this.open(next);
      else {
        this.close();
        this.emit();
      }
    });
  }

  connection(): RelayConnection | undefined {
    return this.conn;
  }

  current(): RelayLink | undefined {
    return this.link;
  }

  /**
   * Connects a log that is not on any relay yet, by the relay's address: the relay registers the unit
   * and this person becomes its 管理员. `registrationCode` only for relays that ask for one.
   */
  async register(address: string, registrationCode?: string): Promise<void> {
    let where: { relayUrl: string; httpUrl: string };
    try {
      where = relayAddress(address);
    } catch {
      throw Object.assign(new Error('bad address'), {
        messageZh: '请填写同步服务的地址，例如 127.0.0.1:8787 或 https://sync.example.cn',
      });
    }
    const name = (await userName.getValue()) || '未署名';
    const unitName = this.session.log.meta().unitName;
    const reg = await registerUnit(where.httpUrl, unitName, name, registrationCode);
    const link: RelayLink = {
      ...where,
      unitId: reg.unitId,
      token: reg.token,
      role: reg.role,
      unitName: reg.unitName,
      memberId: reg.memberId,
    };
    // Open first, then store: other pages follow the stored link, and this page already has it.
    await this.open(link);
    await saveLink(this.logId, link);
  }

  /** Connects this log with a pasted invitation; throws a Chinese message for a bad one. */
  async connect(invitationText: string): Promise<void> {
    const link = await linkFromInvitation(readInvitation(invitationText, '管理员'));
    await this.open(link);
    await saveLink(this.logId, link);
  }

  async disconnect(): Promise<void> {
    const { [this.logId]: _, ...rest } = await relayLinks.getValue();
    this.close();
    await relayLinks.setValue(rest);
    this.emit();
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.conn?.destroy();
    this.conn = undefined;
    this.link = undefined;
  }

  /** Stops following the stored link too (the page is closing). */
  stop(): void {
    this.offLinks?.();
    this.close();
  }

  private async open(link: RelayLink): Promise<void> {
    this.close();
    this.link = link;
    const user = (await userName.getValue()) || '未署名';
    this.conn = connectRelay(
      this.session,
      { url: link.relayUrl, unitId: link.unitId, token: link.token },
      user,
      link.memberId,
    );
    this.conn.onChange(() => this.emit());
    this.emit();
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}
