// 是/否 pairs that are not plain radios, through `tianbao fill` (the built extension's side panel in
// Chromium): a CSS-only kit, a kit's label drawn around a hidden radio, radios in web components' open
// shadow roots (plain, kit-drawn, question slotted in) and the same inside an iframe
// (packages/autofill/fixtures/yes-no-kits). Scored from the live DOM, and what a person sees checked
// (the kit's drawn circle, not only the hidden radio) is read back too.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BUILT_EXTENSION, runFill } from '../packages/cli/src/index.ts';
import { type StaticServer, serveStatic } from './support/serve-static.ts';

const repo = resolve(import.meta.dirname, '..');
const shared = resolve(repo, '../shared');
const fixture = join(repo, 'packages/autofill/fixtures/yes-no-kits');

let server: StaticServer;
let work: string;
let extensionDir: string;

beforeAll(async () => {
  server = await serveStatic(join(repo, 'packages/autofill/fixtures'));
  work = mkdtempSync(join(tmpdir(), 'autofill-yes-no-e2e-'));
  extensionDir = join(work, 'chrome-mv3');
  cpSync(BUILT_EXTENSION, extensionDir, { recursive: true });
});

afterAll(async () => {
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/**
 * Per question (radio name or component name): the words of the option a person sees chosen. A visible
 * radio shows its own state; a hidden one shows the circle its kit draws (label::before of the CSS kit,
 * the <i> of the others), read from the computed colour.
 */
const SHOWN = `(() => {
  const blue = 'rgb(64, 158, 255)';
  const out = {};
  const visit = (root, owner) => {
    for (const input of root.querySelectorAll('input[type=radio]')) {
      const name = owner || input.name;
      let on;
      if (input.checkVisibility()) on = input.checked;
      else if (input.classList.contains('css-radio')) {
        const label = root.querySelector('label[for="' + input.id + '"]');
        on = getComputedStyle(label, '::before').backgroundColor === blue;
      } else on = getComputedStyle(input.closest('label').querySelector('i')).backgroundColor === blue;
      if (on) out[name] = [...(out[name] ?? []), input.closest('label')?.textContent.trim() || input.nextElementSibling.textContent.trim()];
    }
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) visit(el.shadowRoot, el.getAttribute('name'));
  };
  visit(document, '');
  return out;
})()`;

describe('是/否 drawn by kits and inside shadow roots', () => {
  test('every pair is filled, scored from the DOM, and the chosen answer is what the page shows', async () => {
    const reference = JSON.parse(readFileSync(join(shared, 'reference/daxinganling-2020.json'), 'utf8'));
    const { testValues } = (await import(pathToFileURL(join(shared, 'tools/test-values.mjs')).href)) as {
      testValues: (r: unknown) => Record<string, unknown>;
    };
    const values = testValues(reference);
    let shown: Record<string, string[]> = {};
    const result = await runFill({
      url: `${server.url}yes-no-kits/index.html`,
      template: 'daxinganling-2020',
      values,
      extensionDir,
      inspect: async (page) => {
        const frame = page.frame({ name: 'more' }) as Frame;
        shown = {
          ...((await page.evaluate(SHOWN)) as Record<string, string[]>),
          ...((await frame.evaluate(SHOWN)) as Record<string, string[]>),
        };
        mkdirSync(join(repo, 'tests/screenshots'), { recursive: true });
        await page.screenshot({ path: join(repo, 'tests/screenshots/yes-no-kits.png'), fullPage: true });
      },
    });
    const dumpPath = join(work, 'dump.json');
    writeFileSync(dumpPath, JSON.stringify(result));
    const out = execFileSync(
      process.execPath,
      [join(shared, 'tools/score-autofill.mjs'), join(fixture, 'truth.json'), dumpPath],
      { encoding: 'utf8' },
    );
    expect(out).toContain('accuracy 1 precision 1 correct 13/13 wrong 0 missed 0 decoys-touched 0');
    // Test values: 是 for even slots. One answer shown per question, and it is the right one.
    const want = Object.fromEntries(
      [74, 75, 76, 77, 84, 85, 86].map((k) => [`q${k}`, [k % 2 === 0 ? '是' : '否']]),
    );
    expect(shown).toEqual(want);
    expect(result.unsure).toBe(0);
  });
});
