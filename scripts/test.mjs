// The one test command (README): lint, types, unit + convergence tests, then end-to-end suites.
import { spawnSync } from 'node:child_process';

const steps = [
  ['lint', 'pnpm', ['exec', 'biome', 'check', '.']],
  ['types', 'pnpm', ['exec', 'tsc', '-p', 'tsconfig.json', '--noEmit']],
  ['types extension', 'pnpm', ['exec', 'tsc', '-p', 'tsconfig.extension.json', '--noEmit']],
  ['unit', 'pnpm', ['exec', 'vitest', 'run']],
  ['build extension', 'pnpm', ['exec', 'wxt', 'build']],
  ['end-to-end', 'pnpm', ['exec', 'vitest', 'run', '--config', 'tests/vitest.config.ts']],
];

const only = process.argv.slice(2);
for (const [name, cmd, args] of steps) {
  if (only.length && !only.includes(name.split(' ')[0])) continue;
  const started = Date.now();
  console.log(`\n=== ${name}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  console.log(
    `=== ${name}: ${r.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  if (r.status !== 0) process.exit(r.status ?? 1);
}
