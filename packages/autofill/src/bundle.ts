// Node only: the engine as one IIFE script (global `tianbaoAutofill`) to inject into pages with
// Playwright's addInitScript/evaluate (e2e tests, the benchmark, `tianbao fill`). Not part of the
// browser entry point, so the extension never pulls esbuild in.
import { fileURLToPath } from 'node:url';

export const ENGINE_GLOBAL = 'tianbaoAutofill';

let cached: Promise<string> | undefined;

export function engineBundle(): Promise<string> {
  cached ??= (async () => {
    const { build } = await import('esbuild');
    const result = await build({
      entryPoints: [fileURLToPath(new URL('./index.ts', import.meta.url))],
      bundle: true,
      format: 'iife',
      globalName: ENGINE_GLOBAL,
      platform: 'browser',
      target: 'chrome110',
      write: false,
      logLevel: 'silent',
      // V8 compile hint (Chrome 136+): the engine runs right after injection, so compile it eagerly
      // instead of function by function on first call.
      banner: { js: '//# allFunctionsCalledOnLoad' },
      // Injected scripts may be wrapped in a function: publish the global explicitly.
      footer: { js: `globalThis.${ENGINE_GLOBAL} = ${ENGINE_GLOBAL};` },
    });
    const file = result.outputFiles[0];
    if (!file) throw new Error('esbuild produced no output for the autofill engine');
    return file.text;
  })();
  return cached;
}
