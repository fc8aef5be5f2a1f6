// `pnpm start`: builds the extension, starts the sync relay on 127.0.0.1 with its SQLite file in
// ./data, and says how to load the extension. Ctrl-C stops everything.
import { spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

const port = process.env.TIANBAO_RELAY_PORT ?? '8787';
const children = [];
const stop = () => {
  for (const c of children) c.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

console.log('构建浏览器扩展 / building the extension …');
// The extension's 成员与同步 offers this relay's address first (WXT_ variables are built in).
const build = spawnSync('pnpm', ['exec', 'wxt', 'build'], {
  encoding: 'utf8',
  env: { ...process.env, WXT_TIANBAO_RELAY: `http://127.0.0.1:${port}` },
});
if (build.status !== 0) {
  process.stderr.write(`${build.stdout}${build.stderr}`);
  process.exit(build.status ?? 1);
}

const relay = spawn(
  'pnpm',
  ['exec', 'tsx', 'packages/relay/src/main.ts', '--host', '127.0.0.1', '--port', port, '--data', 'data'],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
children.push(relay);
relay.on('exit', (code) => {
  console.error(`同步服务已退出 / the relay exited (${code})`);
  stop();
});

// The demo portal: a few pages in the style of provincial reporting systems, to try 一键填报 on.
let demoUrl = '';
const demo = spawn('pnpm', ['exec', 'tsx', 'scripts/serve-demo.ts'], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
children.push(demo);
createInterface({ input: demo.stdout }).on('line', (line) => {
  if (!line.includes('"listening"')) return;
  demoUrl = JSON.parse(line).url;
  if (shown) console.log(demoLine());
});
const demoLine = () =>
  `  演示门户 / demo portal:  ${demoUrl}\n    打开后在侧边栏启用此网站，即可试用一键填报 (enable the site in the side panel, then 一键填报)`;

let shown = false;
createInterface({ input: relay.stdout }).on('line', (line) => {
  if (shown || !line.includes('"listening"')) return;
  shown = true;
  const { url, httpUrl, database } = JSON.parse(line);
  console.log(`
填报助手已启动 / Tianbao is running

  浏览器扩展 / extension:  ${resolve('.output/chrome-mv3')}
    Chrome/Edge: 打开 chrome://extensions → 开启“开发者模式” → “加载已解压的扩展程序” → 选择上面的文件夹
    (open chrome://extensions → Developer mode → Load unpacked → choose the folder above)
  同步服务 / sync relay:   ${url}   (health: ${httpUrl}/health)
    数据文件 / database:   ${database}
    团队使用 / working together: 在扩展的“成员与同步”中连接此地址，连接者成为管理员，再生成邀请发给同事
      (in 成员与同步 connect to this address; whoever connects first is the unit's admin and invites colleagues)
${demoUrl ? demoLine() : ''}

按 Ctrl-C 停止 / Ctrl-C stops.`);
});
