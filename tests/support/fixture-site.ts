// The set-up the `tianbao fill` suites on the app fixtures (packages/autofill/fixtures written with a UI kit)
// share: the fixtures served with each app bundled beside its page, a copy of the built extension taken once
// (a rebuild during the run cannot change what the suite tests), the reference test values of a table, and a
// dump scored against a fixture's truth by ../shared/tools/score-autofill.mjs.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { BUILT_EXTENSION } from '../../packages/cli/src/index.ts';
import { bundleApp } from './bundle-app.ts';
import { type StaticServer, serveStatic } from './serve-static.ts';

const repo = resolve(import.meta.dirname, '../..');
const shared = resolve(repo, '../shared');
export const FIXTURE_DIR = join(repo, 'packages/autofill/fixtures');

export interface FixtureSite {
  /** http://127.0.0.1:<port>/ : fixture <name> is at <url><name>/. */
  url: string;
  extensionDir: string;
  /** Scores a dump of fixture `name` (tagged, for its file name) and returns what the scorer printed. */
  score(name: string, dump: object, tag?: string): string;
}

/**
 * Registers the file's beforeAll / afterAll and returns the site, whose fields are there from beforeAll on.
 * `apps` are [fixture, entry]: the entry (app.ts, app.tsx) is bundled to the .js file of its name.
 */
export function fixtureSite(apps: readonly (readonly [string, string])[]): FixtureSite {
  let work: string | undefined;
  let server: StaticServer | undefined;
  const site = {
    score(name: string, dump: object, tag = 'dump') {
      const dumpPath = join(work as string, `${name}-${tag}.json`);
      writeFileSync(dumpPath, JSON.stringify(dump));
      return execFileSync(
        process.execPath,
        [join(shared, 'tools/score-autofill.mjs'), join(FIXTURE_DIR, name, 'truth.json'), dumpPath],
        { encoding: 'utf8' },
      );
    },
  } as FixtureSite;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'tianbao-fixture-site-'));
    site.extensionDir = join(work, 'chrome-mv3');
    cpSync(BUILT_EXTENSION, site.extensionDir, { recursive: true });
    for (const [name, entry] of apps) {
      cpSync(join(FIXTURE_DIR, name), join(work, 'site', name), { recursive: true });
      writeFileSync(
        join(work, 'site', name, entry.replace(/\.tsx?$/, '.js')),
        await bundleApp(join(FIXTURE_DIR, name, entry)),
      );
    }
    server = await serveStatic(join(work, 'site'));
    site.url = server.url;
  });

  afterAll(async () => {
    await server?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  return site;
}

/** The values every blank of a table gets in the scored runs (../shared/tools/test-values.mjs). */
export async function testValuesFor(template: string): Promise<Record<string, unknown>> {
  const { testValues } = (await import(pathToFileURL(join(shared, 'tools/test-values.mjs')).href)) as {
    testValues: (r: unknown) => Record<string, unknown>;
  };
  return testValues(JSON.parse(readFileSync(join(shared, `reference/${template}.json`), 'utf8')));
}
