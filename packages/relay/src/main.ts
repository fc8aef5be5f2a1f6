// A relay process on its own (tests, `pnpm tianbao relay`): tsx packages/relay/src/main.ts --port 0 --data <dir>
import { parseArgs } from 'node:util';
import { startRelay } from './relay.ts';

const { values } = parseArgs({
  options: {
    host: { type: 'string' },
    port: { type: 'string' },
    data: { type: 'string' },
    redis: { type: 'string' },
    postgres: { type: 'string' },
    init: { type: 'boolean' },
    'public-url': { type: 'string' },
    'registration-code': { type: 'string' },
    'max-update-bytes': { type: 'string' },
    'max-blob-bytes': { type: 'string' },
    'messages-per-second': { type: 'string' },
    'message-burst': { type: 'string' },
    'max-rate-wait-ms': { type: 'string' },
    'max-buffered-bytes': { type: 'string' },
    'max-pre-auth-bytes': { type: 'string' },
    'auth-timeout-ms': { type: 'string' },
    'max-connections-per-address': { type: 'string' },
    'max-unauthenticated-sockets': { type: 'string' },
  },
});

const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));

// Handlers first: a supervisor may send SIGTERM as soon as it reads the "listening" line.
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await (await started).close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

const started = startRelay({
  ...(values.init ? { init: true } : {}),
  ...(values.host ? { host: values.host } : {}),
  ...(values.port !== undefined ? { port: num(values.port) } : {}),
  ...(values.data ? { dataDir: values.data } : {}),
  ...(values.postgres || process.env.TIANBAO_POSTGRES_URL
    ? { postgresUrl: values.postgres ?? process.env.TIANBAO_POSTGRES_URL }
    : {}),
  ...(values.redis || process.env.TIANBAO_REDIS_URL
    ? { redisUrl: values.redis ?? process.env.TIANBAO_REDIS_URL }
    : {}),
  ...(values['public-url'] ? { publicUrl: values['public-url'] } : {}),
  ...(values['registration-code'] || process.env.TIANBAO_REGISTRATION_CODE
    ? { registrationCode: values['registration-code'] ?? process.env.TIANBAO_REGISTRATION_CODE }
    : {}),
  ...(values['max-update-bytes'] ? { maxUpdateBytes: num(values['max-update-bytes']) } : {}),
  ...(values['max-blob-bytes'] ? { maxBlobBytes: num(values['max-blob-bytes']) } : {}),
  ...(values['messages-per-second'] ? { messagesPerSecond: num(values['messages-per-second']) } : {}),
  ...(values['message-burst'] ? { messageBurst: num(values['message-burst']) } : {}),
  ...(values['max-rate-wait-ms'] ? { maxRateWaitMs: num(values['max-rate-wait-ms']) } : {}),
  ...(values['max-buffered-bytes'] ? { maxBufferedBytes: num(values['max-buffered-bytes']) } : {}),
  ...(values['max-pre-auth-bytes'] ? { maxPreAuthBytes: num(values['max-pre-auth-bytes']) } : {}),
  ...(values['auth-timeout-ms'] ? { authTimeoutMs: num(values['auth-timeout-ms']) } : {}),
  ...(values['max-connections-per-address']
    ? { maxConnectionsPerAddress: num(values['max-connections-per-address']) }
    : {}),
  ...(values['max-unauthenticated-sockets']
    ? { maxUnauthenticatedSockets: num(values['max-unauthenticated-sockets']) }
    : {}),
});
try {
  await started;
} catch (error) {
  // One clear line (e.g. a database that is expected but empty), not a stack trace.
  process.stderr.write(`tianbao relay: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
