import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CliError } from '../run-cli.ts';

export const BUILT_EXTENSION = resolve(import.meta.dirname, '../../../../.output/chrome-mv3');

/**
 * A copy of the built extension whose manifest already grants these origins: the state after a person
 * pressed 在此网站启用填报助手 and accepted Chrome's prompt. Headless Chromium cannot click that prompt
 * (chrome.permissions.request never settles there), so scripted runs start from the granted state; the
 * code that runs is otherwise the same.
 */
export function extensionWithAccess(origins: string[], built = BUILT_EXTENSION): string {
  const manifestPath = join(built, 'manifest.json');
  if (!existsSync(manifestPath))
    throw new CliError(`the extension is not built (${built}): run pnpm build first`);
  const dir = join(mkdtempSync(join(tmpdir(), 'tianbao-ext-')), 'chrome-mv3');
  cpSync(built, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { host_permissions?: string[] };
  manifest.host_permissions = [
    ...new Set([...(manifest.host_permissions ?? []), ...origins.map((o) => `${o}/*`)]),
  ];
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}
