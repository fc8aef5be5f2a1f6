// `pnpm start`: builds what exists and says what it started. Later: relay with its SQLite file, demo portal.
import { spawnSync } from 'node:child_process';

const r = spawnSync('pnpm', ['exec', 'wxt', 'build'], { stdio: 'inherit' });
if (r.status !== 0) process.exit(r.status ?? 1);
console.log('\n填报助手已构建 / built: .output/chrome-mv3');
console.log('命令行 / CLI: pnpm tianbao --help');
