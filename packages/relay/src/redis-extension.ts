import { Redis } from '@hocuspocus/extension-redis';
import type { Logger } from './log.ts';

/** Whether Redis serves this process now: both its publishing and its subscribed connection. */
export const redisReady = (redis: Redis): boolean =>
  redis.pub.status === 'ready' && redis.sub.status === 'ready';

/**
 * The Hocuspocus Redis extension (processes share live edits through it), made to outlive Redis
 * going away. ioredis reconnects by itself; what would otherwise go wrong meanwhile:
 * - a publish that fails rejects a promise the extension does not wait for (it publishes on every
 *   change and on every document load), and an unhandled rejection ends the process. A failed
 *   publish is dropped instead: the edit is stored already, and other processes catch up below;
 * - edits made while Redis was away never reached the other processes, so when the connection is
 *   back every loaded document starts a sync round (other processes answer with what this one
 *   lacks and ask for what they lack);
 * - ioredis reports each failed reconnect attempt: logged once per outage, and once when it is back.
 */
export function createRedisExtension(url: string, log: Logger): Redis {
  const u = new URL(url);
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') throw new Error(`not a redis:// URL: ${url}`);
  const db = Number(u.pathname.slice(1) || '0');
  const redis = new Redis({
    host: u.hostname,
    port: Number(u.port || 6379),
    prefix: 'tianbao',
    options: {
      db,
      ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
      ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
      ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
    },
  });

  const publish = redis.pub.publish.bind(redis.pub) as (channel: string, message: Buffer) => Promise<number>;
  let dropped = 0;
  // The extension calls publish(channel, Buffer) only; a dropped message counts as delivered to nobody.
  // The first drop of an outage is logged: from then on other processes' clients miss this one's live edits
  // until Redis is back (ioredis holds a publish through about 20 reconnect attempts before giving it up).
  (redis.pub as unknown as { publish: typeof publish }).publish = (channel, message) =>
    publish(channel, message).catch((error: unknown) => {
      if (dropped++ === 0)
        log(
          'redis messages dropped',
          { error: error instanceof Error ? error.message : String(error) },
          'warn',
        );
      return 0;
    });

  let downSince: number | undefined;
  let closing = false;
  const lost = (error?: Error) => {
    if (closing || downSince !== undefined) return;
    downSince = Date.now();
    log('redis unavailable', { error: error?.message ?? 'connection closed' }, 'warn');
  };
  const resync = () => {
    for (const document of redis.instance?.documents.values() ?? [])
      void redis.onChange({ documentName: document.name, document } as Parameters<Redis['onChange']>[0]);
  };
  const ready = () => {
    if (downSince === undefined || !redisReady(redis)) return;
    log('redis available again', {
      downMs: Date.now() - downSince,
      droppedMessages: dropped,
      documents: redis.instance?.getDocumentsCount() ?? 0,
    });
    downSince = undefined;
    dropped = 0;
    // ioredis sends the SUBSCRIBE commands again right after 'ready': give them a moment to land, or
    // the other processes' answers would arrive on channels not yet subscribed.
    setTimeout(resync, 200).unref();
  };
  for (const connection of [redis.pub, redis.sub]) {
    connection.on('error', lost);
    connection.on('close', () => lost());
    connection.on('ready', ready);
  }
  const destroy = redis.onDestroy.bind(redis);
  redis.onDestroy = async () => {
    closing = true;
    await destroy();
  };
  return redis;
}
