import {
  connectRelay,
  decodeInvitation,
  encodeInvitation,
  type LogSession,
  type RelayConnection,
} from '@tianbao/core';
import { type RelayLink, relayLinks, userName } from './settings';

/** A pasted invitation, or an error with a Chinese message naming who sent it (同事, 管理员). */
export function readInvitation(text: string, sender: string): ReturnType<typeof decodeInvitation> {
  try {
    return decodeInvitation(text);
  } catch {
    throw Object.assign(new Error('bad invitation'), {
      messageZh: `这不是有效的邀请，请完整复制${sender}发来的以 tianbao:// 开头的邀请。`,
    });
  }
}

/**
 * The page's connection to the unit's relay, if the log has one. Each page connects on its own (the
 * service worker may stop at any time); local changes are stored first, so being offline loses nothing.
 */
export class RelaySync {
  private conn: RelayConnection | undefined;
  private link: RelayLink | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly session: LogSession,
    private readonly logId: string,
  ) {}

  async start(): Promise<void> {
    const link = (await relayLinks.getValue())[this.logId];
    if (link) await this.open(link);
  }

  connection(): RelayConnection | undefined {
    return this.conn;
  }

  current(): RelayLink | undefined {
    return this.link;
  }

  /** Connects this log with a pasted invitation; throws a Chinese message for a bad one. */
  async connect(invitationText: string): Promise<void> {
    const inv = readInvitation(invitationText, '管理员');
    const link: RelayLink = {
      relayUrl: inv.relayUrl,
      httpUrl: inv.httpUrl,
      unitId: inv.unitId,
      token: inv.token,
      ...(inv.role && { role: inv.role }),
      ...(inv.unitName && { unitName: inv.unitName }),
    };
    await relayLinks.setValue({ ...(await relayLinks.getValue()), [this.logId]: link });
    await this.open(link);
  }

  async disconnect(): Promise<void> {
    const { [this.logId]: _, ...rest } = await relayLinks.getValue();
    await relayLinks.setValue(rest);
    this.close();
    this.emit();
  }

  /** An invitation a colleague can paste to join this very log (editor rights, as this page has). */
  shareText(): string | undefined {
    if (!this.link) return undefined;
    return encodeInvitation({
      relayUrl: this.link.relayUrl,
      unitId: this.link.unitId,
      token: this.link.token,
      ...(this.link.role && { role: this.link.role }),
      unitName: this.link.unitName ?? this.session.log.meta().unitName,
      logId: this.logId,
    });
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

  private async open(link: RelayLink): Promise<void> {
    this.close();
    this.link = link;
    const user = (await userName.getValue()) || '未署名';
    this.conn = connectRelay(
      this.session,
      { url: link.relayUrl, unitId: link.unitId, token: link.token },
      user,
    );
    this.conn.onChange(() => this.emit());
    this.emit();
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}
