// Issue 6, the extension's path end to end: `tianbao fill` (built extension in headless Chromium, the
// side panel's 一键填报) on every portal fixture of ../shared/portals. Per fixture: time from opening the
// URL to the panel's fill summary, and its parts (page load; panel open + agent + settle + scan + match;
// fill + outline). No target in the issue; the accuracy is asserted by tests/autofill-extension.e2e.test.ts.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runFill } from '../packages/cli/src/index.ts';
import { serveStatic } from '../tests/support/serve-static.ts';
import { type BenchResult, info } from './result.ts';

const shared = resolve(import.meta.dirname, '../../shared');

export default async function portalFill(): Promise<BenchResult[]> {
  const portals = join(shared, 'portals');
  const fixtures = readdirSync(portals).filter((d) => existsSync(join(portals, d, 'truth.json')));
  const { testValues } = (await import(pathToFileURL(join(shared, 'tools/test-values.mjs')).href)) as {
    testValues: (r: unknown) => Record<string, unknown>;
  };
  const server = await serveStatic(portals);
  const results: BenchResult[] = [];
  try {
    for (const name of fixtures.sort()) {
      const truth = JSON.parse(readFileSync(join(portals, name, 'truth.json'), 'utf8'));
      const values =
        truth.template === 'liaison'
          ? JSON.parse(readFileSync(join(shared, 'reference/liaison-values.json'), 'utf8'))
          : testValues(JSON.parse(readFileSync(join(shared, `reference/${truth.template}.json`), 'utf8')));
      const r = await runFill({
        url: `${server.url}${name}/${truth.entry}`,
        template: truth.template,
        values,
      });
      const notes = `filled ${r.filled}, unsure ${r.unsure}; load ${r.timings.loadMs} ms, panel ${r.timings.scanMs} ms`;
      results.push(info(`portal fill ${name}`, 'open → summary', r.elapsedMs, 'ms', notes));
      results.push(info(`portal fill ${name}`, '一键填报 → summary', r.timings.fillMs, 'ms'));
    }
  } finally {
    await server.close();
  }
  return results;
}
