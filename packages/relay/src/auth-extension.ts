import type {
  connectedPayload,
  Extension,
  onAuthenticatePayload,
  onDisconnectPayload,
} from '@hocuspocus/server';
import { parseDocumentName } from './access.ts';
import { isRelayContext, type RelayContext } from './context.ts';
import type { Logger } from './log.ts';
import type { RetryLater } from './persistence-extension.ts';
import { Refusal } from './refusal.ts';
import type { AccessStore } from './storage.ts';

/**
 * A token opens only the documents of its unit (`<unitId>/…`); viewers get read-only
 * connections, which Hocuspocus enforces by not applying their updates.
 */
export function createAuthExtension(access: AccessStore, log: Logger, retryLater: RetryLater): Extension {
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
      let record: Awaited<ReturnType<AccessStore['verify']>>;
      try {
        record = await access.verify(token);
      } catch (error) {
        log('auth error', { unit: name.unitId, socket: socketId, error: String(error) }, 'error');
        retryLater(socketId, 'storage-unavailable');
        throw new Refusal('storage-unavailable', 4503);
      }
      if (!record) {
        log(
          'auth refused',
          { unit: name.unitId, document: documentName, socket: socketId, reason: 'invalid-token' },
          'warn',
        );
        throw new Refusal('invalid-token', 4401);
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
