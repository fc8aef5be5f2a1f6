// Serves the demo portal (demo/portal) on 127.0.0.1 for `pnpm start`; prints one JSON line with its URL.
// The same read-only static server the end-to-end tests use for fixture pages.
import { resolve } from 'node:path';
import { serveStatic } from '../tests/support/serve-static.ts';

const port = Number(process.env.TIANBAO_DEMO_PORT ?? 8788);
const server = await serveStatic(resolve(import.meta.dirname, '../demo/portal'), port);
console.log(JSON.stringify({ event: 'listening', url: server.url }));
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
