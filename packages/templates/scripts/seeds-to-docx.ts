// Writes the seed notices back as .docx files (tables as real Word tables), e.g. to try the notice import:
//   pnpm --filter @tianbao/templates seeds:docx <outDir> [sharedDir]
//   pnpm tianbao template import <outDir>/daxinganling-2020.docx --json
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SEED_SOURCES } from '../src/builtin/seed-sources.ts';
import { seedNoticeDocx } from './seed-notice-docx.ts';

const out = process.argv[2];
if (!out) {
  console.error('usage: seeds-to-docx <outDir> [sharedDir]');
  process.exit(2);
}
const sharedDir = process.argv[3] ?? fileURLToPath(new URL('../../../../shared/', import.meta.url));
mkdirSync(out, { recursive: true });
for (const source of SEED_SOURCES) {
  const text = readFileSync(join(sharedDir, 'seeds', source.file), 'utf8');
  const file = join(out, `${source.id}.docx`);
  writeFileSync(file, await seedNoticeDocx(text, source));
  console.log(`wrote ${file}`);
}
