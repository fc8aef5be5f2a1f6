import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  createUnit,
  databaseFileName,
  decodeInvitation,
  defaultDataDir,
  defaultPort,
  issueInvitation,
  listUnits,
  migrateStorage,
  openStorage,
  type Role,
  revokeToken,
  silentLogger,
  startRelay,
} from '@tianbao/relay';
import type { Command } from 'commander';
import { CliError } from '../run-cli.ts';

const defaultRelayUrl = `ws://127.0.0.1:${defaultPort}`;

const parsePort = (value: string): number => {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`invalid port ${value}`);
  return port;
};

const parseRole = (value: string): Role => {
  if (value !== 'admin' && value !== 'editor' && value !== 'viewer') {
    throw new CliError(`role must be admin, editor or viewer, not ${value}`);
  }
  return value;
};

/** The store every `tianbao relay` command works on: PostgreSQL when given, else the data directory. */
const store = (o: { data: string; postgres?: string }) => {
  const postgresUrl = o.postgres ?? process.env.TIANBAO_POSTGRES_URL;
  return { dataDir: o.data, ...(postgresUrl ? { postgresUrl } : {}) };
};

const print = (json: boolean, data: unknown, text: string) => {
  process.stdout.write(json ? `${JSON.stringify(data, null, 2)}\n` : `${text}\n`);
};

/** `tianbao relay` (serve) and `tianbao relay unit create|list|invite|revoke`. */
export function registerRelay(program: Command): void {
  const relay = program
    .command('relay')
    .description('同步中继 the sync relay: serve, and manage units and their tokens');

  relay
    .command('serve', { isDefault: true })
    .description(`run the relay (SQLite in <data>/${databaseFileName}); prints one JSON log line per event`)
    .option('--port <port>', 'port (0 picks a free one)', parsePort, defaultPort)
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--data <dir>', 'data directory (SQLite file and blobs)', defaultDataDir)
    .option(
      '--postgres <url>',
      'postgres:// URL: keep everything in PostgreSQL instead (or TIANBAO_POSTGRES_URL)',
    )
    .option('--redis <url>', 'redis:// URL to share documents with other relay processes')
    .option('--init', 'create a new, empty database even where one was expected (a 0-byte or missing file)')
    .option('--public-url <url>', 'ws(s):// address written into invitations the admin API makes')
    .option(
      '--registration-code <code>',
      'registering a unit from the dashboard needs this code (TIANBAO_REGISTRATION_CODE); unset: open',
    )
    .option('--max-update-bytes <n>', 'largest accepted update', Number)
    .option('--max-blob-bytes <n>', 'largest accepted attachment', Number)
    .option(
      '--max-connections-per-address <n>',
      'open sockets from one address (default 128; 0 turns it off, e.g. behind a reverse proxy)',
      Number,
    )
    .option(
      '--max-unauthenticated-sockets <n>',
      'sockets not yet authenticated, overall (default 256)',
      Number,
    )
    .option(
      '--max-pre-auth-bytes <n>',
      'bytes a socket may send before authenticating (default 1 MiB)',
      Number,
    )
    .option(
      '--auth-timeout-ms <n>',
      'close a socket that authenticates nothing in this time (default 5000)',
      Number,
    )
    .action(
      async (o: {
        port: number;
        host: string;
        data: string;
        postgres?: string;
        redis?: string;
        init?: boolean;
        publicUrl?: string;
        registrationCode?: string;
        maxUpdateBytes?: number;
        maxBlobBytes?: number;
        maxConnectionsPerAddress?: number;
        maxUnauthenticatedSockets?: number;
        maxPreAuthBytes?: number;
        authTimeoutMs?: number;
      }) => {
        const redisUrl = o.redis ?? process.env.TIANBAO_REDIS_URL;
        const registrationCode = o.registrationCode ?? process.env.TIANBAO_REGISTRATION_CODE;
        const starting = startRelay({
          host: o.host,
          port: o.port,
          ...store(o),
          ...(o.init ? { init: true } : {}),
          ...(redisUrl ? { redisUrl } : {}),
          ...(o.publicUrl ? { publicUrl: o.publicUrl } : {}),
          ...(registrationCode ? { registrationCode } : {}),
          ...(o.maxUpdateBytes ? { maxUpdateBytes: o.maxUpdateBytes } : {}),
          ...(o.maxBlobBytes ? { maxBlobBytes: o.maxBlobBytes } : {}),
          ...(o.maxConnectionsPerAddress !== undefined
            ? { maxConnectionsPerAddress: o.maxConnectionsPerAddress }
            : {}),
          ...(o.maxUnauthenticatedSockets ? { maxUnauthenticatedSockets: o.maxUnauthenticatedSockets } : {}),
          ...(o.maxPreAuthBytes ? { maxPreAuthBytes: o.maxPreAuthBytes } : {}),
          ...(o.authTimeoutMs ? { authTimeoutMs: o.authTimeoutMs } : {}),
        });
        // Before the relay is up: a supervisor may signal as soon as it sees the listening line.
        const stop = async () => {
          await (await starting).close();
          process.exit(0);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        const running = await starting;
        process.stderr.write(`填报助手同步中继 / Tianbao relay: ${running.url} (data: ${running.where})\n`);
      },
    );

  relay
    .command('migrate')
    .description(
      'move an embedded relay (SQLite file + blobs folder) into PostgreSQL, reading every document back to verify it',
    )
    .requiredOption('--from <file>', 'the SQLite file, e.g. data/tianbao.sqlite (stop that relay first)')
    .option('--postgres <url>', 'postgres:// URL of the target (or TIANBAO_POSTGRES_URL)')
    .action(async (o: { from: string; postgres?: string }) => {
      const postgresUrl = o.postgres ?? process.env.TIANBAO_POSTGRES_URL;
      if (!postgresUrl) throw new CliError('give --postgres <url> (or set TIANBAO_POSTGRES_URL)');
      if (!existsSync(o.from)) throw new CliError(`no such file: ${o.from}`);
      const from = await openStorage({ databaseFile: o.from, dataDir: dirname(o.from) }, silentLogger);
      try {
        const to = await openStorage({ postgresUrl }, silentLogger);
        try {
          const r = await migrateStorage(from, to, (line) => process.stdout.write(`${line}\n`));
          for (const q of r.quarantined)
            process.stderr.write(
              `damaged ${q.source} of ${q.document} (${q.bytes} bytes): quarantined in the source, not copied\n`,
            );
          process.stdout.write(
            `migrated ${r.units} units, ${r.tokens} tokens, ${r.invitations} invitations, ${r.documents} documents (each read back and verified), ${r.blobs} attachments to ${to.where}\n`,
          );
        } finally {
          await to.close();
        }
      } finally {
        await from.close();
      }
    });

  const unit = relay.command('unit').description('units (单位) and their invitation tokens');

  unit
    .command('create')
    .description('create a unit: prints its id, an admin token, and editor and viewer invitations')
    .requiredOption('--name <name>', 'unit name (单位名称)')
    .option('--data <dir>', 'data directory', defaultDataDir)
    .option(
      '--postgres <url>',
      'postgres:// URL: keep everything in PostgreSQL instead (or TIANBAO_POSTGRES_URL)',
    )
    .option('--relay-url <url>', 'relay address written into the invitations', defaultRelayUrl)
    .option('--json', 'print JSON')
    .action(
      async (o: { name: string; data: string; postgres?: string; relayUrl: string; json?: boolean }) => {
        const created = await createUnit({ ...store(o), name: o.name, relayUrl: o.relayUrl });
        print(
          Boolean(o.json),
          {
            unitId: created.unit.id,
            name: created.unit.name,
            admin: { id: created.admin.id, token: created.admin.token, invitation: created.admin.invitation },
            editor: {
              id: created.editor.id,
              token: created.editor.token,
              invitation: created.editor.invitation,
            },
            viewer: {
              id: created.viewer.id,
              token: created.viewer.token,
              invitation: created.viewer.invitation,
            },
          },
          [
            `unit ${created.unit.id}  ${created.unit.name}`,
            `admin token (keep it; admin API):  ${created.admin.token}`,
            `editor invitation (${created.editor.id}):  ${created.editor.invitation}`,
            `viewer invitation (${created.viewer.id}):  ${created.viewer.invitation}`,
            'Tokens are stored hashed: this is the only time they are shown.',
          ].join('\n'),
        );
      },
    );

  unit
    .command('invite')
    .description('issue another invitation (or admin token) for a unit')
    .requiredOption('--unit <unitId>', 'unit id')
    .requiredOption('--role <role>', 'editor, viewer or admin', parseRole)
    .option('--label <label>', 'who it is for', '')
    .option('--data <dir>', 'data directory', defaultDataDir)
    .option(
      '--postgres <url>',
      'postgres:// URL: keep everything in PostgreSQL instead (or TIANBAO_POSTGRES_URL)',
    )
    .option('--relay-url <url>', 'relay address written into the invitation', defaultRelayUrl)
    .option('--json', 'print JSON')
    .action(
      async (o: {
        unit: string;
        role: Role;
        label: string;
        data: string;
        postgres?: string;
        relayUrl: string;
        json?: boolean;
      }) => {
        const issued = await issueInvitation({
          ...store(o),
          unitId: o.unit,
          role: o.role,
          relayUrl: o.relayUrl,
          label: o.label,
        });
        print(
          Boolean(o.json),
          { id: issued.id, role: issued.role, token: issued.token, invitation: issued.invitation },
          `${issued.role} invitation (${issued.id}):  ${issued.invitation}`,
        );
      },
    );

  unit
    .command('list')
    .description('list units and their tokens (ids and roles; secrets are not stored)')
    .option('--data <dir>', 'data directory', defaultDataDir)
    .option(
      '--postgres <url>',
      'postgres:// URL: keep everything in PostgreSQL instead (or TIANBAO_POSTGRES_URL)',
    )
    .option('--json', 'print JSON')
    .action(async (o: { data: string; postgres?: string; json?: boolean }) => {
      const units = await listUnits({ ...store(o) });
      const fmt = (t: number | null) => (t === null ? '' : new Date(t).toISOString());
      print(
        Boolean(o.json),
        units,
        units.length
          ? units
              .map((u) =>
                [
                  `unit ${u.id}  ${u.name}  created ${fmt(u.createdAt)}`,
                  ...u.tokens.map(
                    (t) =>
                      `  ${t.id}  ${t.role.padEnd(6)}  ${t.revokedAt === null ? 'live   ' : `revoked ${fmt(t.revokedAt)}`}  ${t.label}`,
                  ),
                ].join('\n'),
              )
              .join('\n')
          : 'no units yet: tianbao relay unit create --name <单位名称>',
      );
    });

  unit
    .command('revoke')
    .description('revoke a token by id, by the token itself, or by a whole invitation')
    .option('--id <tokenId>', 'token id (from unit list)')
    .option('--token <tokenOrInvitation>', 'the token or the tianbao:// invitation')
    .option('--data <dir>', 'data directory', defaultDataDir)
    .option(
      '--postgres <url>',
      'postgres:// URL: keep everything in PostgreSQL instead (or TIANBAO_POSTGRES_URL)',
    )
    .action(async (o: { id?: string; token?: string; data: string; postgres?: string }) => {
      if (!o.id === !o.token) throw new CliError('give exactly one of --id or --token');
      const secret = o.token?.trim().startsWith('tianbao') ? decodeInvitation(o.token).token : o.token;
      const revoked = await revokeToken(
        o.id ? { ...store(o), id: o.id } : { ...store(o), token: secret ?? '' },
      );
      if (!revoked) throw new CliError('no such token');
      process.stdout.write(`revoked ${revoked.role} token ${revoked.id} of unit ${revoked.unitId}\n`);
    });
}
