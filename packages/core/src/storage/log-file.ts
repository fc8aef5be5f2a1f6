import { rename, writeFile } from 'node:fs/promises';
import { LogSession } from '../model/log-session.ts';
import { exportUpdateFile } from '../model/update-file.ts';
import { FileStorage } from './file-storage.ts';
import { decodeContainer, encodeContainer } from './log-container.ts';

/** Opens a `.tianbao` file with every shard loaded (the CLI reads whole logs). */
export async function openLogFile(path: string, user = 'tianbao-cli'): Promise<LogSession> {
  return LogSession.open(new FileStorage(path), { user });
}

/** Writes the session's log to another path as one compact file (one merged state per document). */
export async function writeLogFile(session: LogSession, path: string): Promise<void> {
  await session.flush();
  const c = decodeContainer(exportUpdateFile(session.log));
  for (const d of c.docs.values()) d.version = 1;
  const stamps = Object.fromEntries([...c.docs.keys()].map((n) => [n, '1']));
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(
    tmp,
    encodeContainer({ kind: 'log', docs: c.docs, snapshot: session.log.index.toSnapshot(stamps) }),
  );
  await rename(tmp, path);
}
