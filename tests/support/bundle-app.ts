// Portal fixtures written as apps (Vue + Element Plus, React + antd, layui): bundled with esbuild, which
// is a dev dependency of the autofill package together with the kits (tests/ cannot resolve them by name).
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '../..');

export async function bundleApp(entry: string): Promise<string> {
  const esbuild = createRequire(join(repo, 'packages/autofill/package.json'))('esbuild') as {
    build(options: object): Promise<{ outputFiles?: { text: string }[] }>;
  };
  const out = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    jsx: 'automatic',
    // A kit's stylesheet imported as text, put into the page by the app (layui).
    loader: { '.css': 'text' },
    define: {
      'process.env.NODE_ENV': '"production"',
      __VUE_OPTIONS_API__: 'true',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
    write: false,
    logLevel: 'silent',
  });
  return out.outputFiles?.[0]?.text ?? '';
}
