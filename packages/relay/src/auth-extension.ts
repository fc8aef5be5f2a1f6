import type {
  connectedPayload,
  Extension,
  onAuthenticatePayload,
  onDisconnectPayload,
} from '@hocuspocus/server';
import { parseDocumentName } from './access.ts';
import { isRelayContext, type RelayContext } from './context.ts';
import type { ErrorGate } from './error-gate.ts';
import type { Logger } from './log.ts';
import type { RetryLater } from './persistence-extension.ts';
import { Refusal } from './refusal.ts';
import type { AccessStore } from './storage.ts';

/**
 * A token opens only the documents of its unit (`<unitId>/…`); viewers get read-only
 * connections, which Hocuspocus enforces by not applying their updates.
 */
export function createAuthExtension(
  access: AccessStore,
  log: Logger,
  retryLater: RetryLater,
  errors: ErrorGate,
): Extension {
  // A log is a root document and its shards over one socket: one last-seen write per member per second.
  const lastTouch = new Map<string, number>();
  const seen = (tokenId: string) => {
    const now = Date.now();
    if (now - (lastTouch.get(tokenId) ?? 0) < 1000) return;
    lastTouch.set(tokenId, now);
    access
      .touch(tokenId, now)
      .catch((error: unknown) =>
        errors.failed('touch error', { user: tokenId, error: String(error) }, 'warn'),
      );
  };
  return {
    extensionName: 'tianbao-auth',
    async onAuthenticate({ token, documentName, connectionConfig, socketId }: onAuthenticatePayload) {
      const name = parseDocumentName(documentName);
      if (!name) {
        log(
          'auth refused',
          { document: documentName, socket: socketId, reason: 'invalid-document-name' },
          'warn',
        );
        throw new Refusal('invalid-document-name');
      }
      let record: Awaited<ReturnType<AccessStore['lookup']>>;
      try {
        record = await access.lookup(token);
        errors.succeeded();
      } catch (error) {
        errors.failed('auth error', { unit: name.unitId, socket: socketId, error: String(error) });
        retryLater(socketId, 'storage-unavailable');
        throw new Refusal('storage-unavailable', 4503);
      }
      if (!record || record.revokedAt !== null) {
        // A revoked member is told so (the extension says 管理员已停止您的同步权限), a wrong token is not.
        const reason = record ? 'token-revoked' : 'invalid-token';
        log('auth refused', { unit: name.unitId, document: documentName, socket: socketId, reason }, 'warn');
        throw new Refusal(reason, 4401);
      }
      if (record.unitId !== name.unitId) {
        log(
          'auth refused',
          {
            unit: name.unitId,
            document: documentName,
            user: record.id,
            socket: socketId,
            reason: 'other-unit',
          },
          'warn',
        );
        throw new Refusal('forbidden');
      }
      connectionConfig.readOnly = record.role === 'viewer';
      const context: RelayContext = { unitId: record.unitId, role: record.role, tokenId: record.id };
      return context;
    },
    async connected({ context, documentName, socketId, connectionConfig }: connectedPayload) {
      if (!isRelayContext(context)) return;
      seen(context.tokenId);
      log('connect', {
        unit: context.unitId,
        document: documentName,
        user: context.tokenId,
        role: context.role,
        readOnly: connectionConfig.readOnly,
        socket: socketId,
      });
    },
    async onDisconnect({ context, documentName, socketId, clientsCount }: onDisconnectPayload) {
      if (!isRelayContext(context)) return;
      seen(context.tokenId);
      log('disconnect', {
        unit: context.unitId,
        document: documentName,
        user: context.tokenId,
        socket: socketId,
        clients: clientsCount,
      });
    },
  };
}
