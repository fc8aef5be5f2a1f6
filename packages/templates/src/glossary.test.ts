import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENTRY_LABEL, PLAN_LABEL, PROFILE_LABEL, SOURCE_LABEL, TERM, VARIANTS } from './glossary.ts';
import { LIAISON_FIELDS } from './liaison.ts';

const repo = resolve(import.meta.dirname, '../../..');

/** Files that read other people's words (portal labels, spreadsheet headings): variants belong there. */
const READERS = new Set([
  'packages/templates/src/glossary.ts',
  'packages/templates/src/liaison.ts',
  'packages/templates/src/plan.ts',
  'packages/autofill/src/text.ts',
  'packages/excel/src/ledger-import.ts',
]);

function* sources(dir: string): Generator<string> {
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, d.name);
    if (d.isDirectory()) {
      if (d.name !== 'node_modules' && d.name !== 'builtin') yield* sources(path);
    } else if (/\.(ts|tsx)$/.test(d.name) && !/\.test\.tsx?$/.test(d.name)) yield path;
  }
}

/** The code without its comments: a comment may name a variant to say why it is not used. */
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');

/** A label written on its own as a string: 'QQ' where the forms say QQ号, '微信' where they say 微信号. */
const BARE = [/['"`>]QQ['"`<]/, /['"`>]微信['"`<]/];

describe('glossary: one word per thing', () => {
  it('the liaison form, the log and the workbook use the notices’ words', () => {
    expect(PROFILE_LABEL.address).toBe('通信地址');
    expect(PROFILE_LABEL.qq).toBe('QQ号');
    expect(ENTRY_LABEL.partners).toBe('协助单位');
    expect(PLAN_LABEL.assist).toBe(ENTRY_LABEL.partners);
    expect(TERM.recorder).toBe('记录人');
    expect(SOURCE_LABEL.empty).toBe(TERM.empty);
    for (const f of LIAISON_FIELDS) expect(f.label).toBe(PROFILE_LABEL[f.id as keyof typeof PROFILE_LABEL]);
  });

  it('no screen, sheet or message of the product writes a variant', () => {
    const found: string[] = [];
    for (const root of ['extension', 'packages']) {
      for (const path of sources(join(repo, root))) {
        const rel = relative(repo, path);
        if (READERS.has(rel) || rel.includes('/fixtures/')) continue;
        const text = code(readFileSync(path, 'utf8'));
        for (const v of Object.keys(VARIANTS))
          if (text.includes(v)) found.push(`${rel}: 「${v}」 → 「${VARIANTS[v]}」`);
        for (const re of BARE) if (re.test(text)) found.push(`${rel}: ${re.source}`);
      }
    }
    expect(found).toEqual([]);
  });
});
