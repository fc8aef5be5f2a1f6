import type { beforeHandleMessagePayload, Extension, onDisconnectPayload } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import { AwarenessGuard } from './awareness-guard.ts';
import { isRelayContext } from './context.ts';
import type { ErrorGate } from './error-gate.ts';
import { MessageType, readFrameHeader } from './frame-header.ts';
import type { LogFields, Logger } from './log.ts';
import type { RetryLater } from './persistence-extension.ts';
import { RateLimiter } from './rate-limiter.ts';
import { Refusal } from './refusal.ts';
import type { AccessStore } from './storage.ts';
import { checkFrame } from './update-check.ts';

export interface GuardOptions {
  maxUpdateBytes: number;
  messagesPerSecond: number;
  messageBurst: number;
  /** Longest a message may be held back by the rate limit before the connection is refused. */
  maxRateWaitMs: number;
}

/**
 * What a client may send on an open document. Stateless and broadcast-stateless messages are not used
 * by Tianbao: a viewer could otherwise reach every client of a unit with them. Sync status is a
 * server-to-client message.
 */
const CLIENT_MESSAGES = new Set<number>([
  MessageType.Sync,
  MessageType.Awareness,
  MessageType.Auth,
  MessageType.QueryAwareness,
  MessageType.SyncReply,
  MessageType.Close,
]);

/**
 * Runs before Hocuspocus applies a message: size limit, rate limit (delay, then refuse), revoked tokens,
 * message types the product does not use, presence (awareness) for someone else, and malformed updates.
 * A refusal closes that document's connection; the document and its stored log are untouched because
 * nothing was applied.
 */
export function createGuardExtension(
  access: AccessStore,
  log: Logger,
  options: GuardOptions,
  retryLater: RetryLater,
  errors: ErrorGate,
): Extension {
  const limiter = new RateLimiter(options.messagesPerSecond, options.messageBurst, options.maxRateWaitMs);
  // Token liveness per message, remembered for a second: a revoked token is still refused
  // within a second here (and its connections closed by the relay's sweep).
  const liveUntil = new Map<string, number>();
  const isLive = async (tokenId: string) => {
    const now = Date.now();
    if ((liveUntil.get(tokenId) ?? 0) > now) return true;
    const live = (await access.live([tokenId])).has(tokenId);
    errors.succeeded();
    if (live) liveUntil.set(tokenId, now + 1000);
    else liveUntil.delete(tokenId);
    return live;
  };
  const refuse = (reason: string, code: number, fields: LogFields) => {
    log('rejected message', { ...fields, reason }, 'warn');
    return new Refusal(reason, code);
  };
  const presence = new AwarenessGuard();
  return {
    extensionName: 'tianbao-guard',
    async beforeHandleMessage({
      update: frame,
      context,
      document,
      documentName,
      socketId,
    }: beforeHandleMessagePayload) {
      const who: LogFields = isRelayContext(context)
        ? { unit: context.unitId, user: context.tokenId, document: documentName, socket: socketId }
        : { document: documentName, socket: socketId };
      if (isRelayContext(context)) {
        let live: boolean;
        try {
          live = await isLive(context.tokenId);
        } catch (error) {
          errors.failed('auth error', { ...who, error: String(error) });
          retryLater(socketId, 'storage-unavailable');
          throw new Refusal('storage-unavailable', 4503);
        }
        if (!live) throw refuse('token-revoked', 4401, who);
      }
      if (frame.byteLength > options.maxUpdateBytes) {
        throw refuse('update-too-large', 4413, { ...who, bytes: frame.byteLength });
      }
      const wait = limiter.reserve(`${socketId}\n${documentName}`);
      if (wait < 0) throw refuse('rate-limited', 4429, who);
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const header = readFrameHeader(frame);
      if (header && !CLIENT_MESSAGES.has(header.type))
        throw refuse('message-type-refused', 4403, { ...who, type: header.type });
      if (header?.type === MessageType.Awareness) {
        let update: Uint8Array;
        try {
          update = decoding.readVarUint8Array(header.decoder);
        } catch {
          throw refuse('malformed-awareness', 4400, who);
        }
        const result = presence.check(documentName, document.awareness, update, {
          tokenId: isRelayContext(context) ? context.tokenId : '',
          socketId,
        });
        if (result.refuse) throw refuse(result.refuse, 4403, { ...who, bytes: update.byteLength });
        if (result.ignored) log('presence ignored', { ...who, entries: result.ignored }, 'warn');
      }
      const check = checkFrame(frame);
      if (!check.ok) throw refuse(check.reason, 4400, { ...who, bytes: frame.byteLength });
    },
    async onDisconnect({ socketId, documentName }: onDisconnectPayload) {
      limiter.forget(`${socketId}\n${documentName}`);
      presence.release(documentName, socketId);
    },
  };
}
