import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Role, TokenRecord } from './access.ts';
import { BlobError } from './blob-check.ts';
import type { Logger } from './log.ts';
import type { AccessStore } from './storage.ts';

/** JSON responses and request bodies for the relay's plain HTTP routes. */
export const send = (res: ServerResponse, status: number, body: unknown) => {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
};

export const bearer = (req: IncomingMessage): string =>
  /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? '';

export async function readJson(req: IncomingMessage, limit = 64 * 1024): Promise<Record<string, unknown>> {
  let text = '';
  for await (const chunk of req) {
    text += chunk;
    if (text.length > limit) throw new BlobError(413, 'request body too large');
  }
  if (!text.trim()) return {};
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value))
      return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new BlobError(400, 'request body must be a JSON object');
}

/** A short text field of a JSON body, trimmed; '' when missing or not a string. */
export const textField = (body: Record<string, unknown>, key: string, max: number): string =>
  typeof body[key] === 'string' ? body[key].trim().slice(0, max) : '';

/**
 * Checks the request's bearer token: live, of `unitId`, with one of the `allowed` roles. Returns its
 * record, or undefined after sending 401 (`invalid-token`, `token-revoked`) or 403 (`forbidden`).
 */
export const authorizer =
  (access: AccessStore, log: Logger) =>
  async (
    req: IncomingMessage,
    res: ServerResponse,
    unitId: string,
    allowed: Role[],
  ): Promise<TokenRecord | undefined> => {
    const record = await access.lookup(bearer(req));
    if (!record || record.revokedAt !== null) {
      const reason = record ? 'token-revoked' : 'invalid-token';
      log('auth refused', { unit: unitId, route: req.url?.split('/')[1] ?? '', reason }, 'warn');
      send(res, 401, { error: 'invalid or revoked token', reason });
      return undefined;
    }
    if (record.unitId !== unitId || !allowed.includes(record.role)) {
      log('auth refused', { unit: unitId, user: record.id, role: record.role, reason: 'forbidden' }, 'warn');
      send(res, 403, { error: 'this token may not do that', reason: 'forbidden' });
      return undefined;
    }
    return record;
  };
