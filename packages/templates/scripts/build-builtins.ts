// Regenerates src/builtin/seed-templates.json from ../shared/seeds (dev/build time only: at run time the
// extension has no file system, so the committed JSON is what builtinTemplates() serves).
// Usage: pnpm --filter @tianbao/templates build:builtins   (or: tsx packages/templates/scripts/build-builtins.ts [sharedDir])
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateSeedTemplates } from '../src/builtin/generate.ts';

const sharedDir = process.argv[2] ?? fileURLToPath(new URL('../../../../shared/', import.meta.url));
const out = fileURLToPath(new URL('../src/builtin/seed-templates.json', import.meta.url));
const templates = generateSeedTemplates((file) => readFileSync(`${sharedDir}/seeds/${file}`, 'utf8'));
writeFileSync(out, `${JSON.stringify(templates, null, 2)}\n`);
console.log(
  `wrote ${templates.length} templates (${templates.map((t) => `${t.id}: ${t.slots.length}`).join(', ')}) to ${out}`,
);
