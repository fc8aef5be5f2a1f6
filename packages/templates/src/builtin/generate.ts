import { extractCampaign } from '../campaign.ts';
import { extractDeadlines } from '../deadlines.ts';
import { importTable } from '../import-table.ts';
import { extractMediaHints } from '../media.ts';
import { TEMPLATE_SCHEMA_VERSION, Template } from '../template.ts';
import { type Correction, SEED_SOURCES, type SeedSource } from './seed-sources.ts';

/**
 * Builds the seed templates with the same importer a user's paste goes through, plus the recorded
 * corrections. Pure (the caller reads the files), so the build script and the test share it.
 */
export function generateSeedTemplates(readSeed: (file: string) => string): Template[] {
  return SEED_SOURCES.map((source) => generateOne(source, readSeed(source.file)));
}

function generateOne(source: SeedSource, text: string): Template {
  const deadlines = extractDeadlines(text, source.year);
  const media = extractMediaHints(text);
  const campaign = extractCampaign(text, source.year);
  const base = { file: source.file, notice: source.notice, year: source.year, region: source.region };
  if (source.kind === 'schedule') {
    return Template.parse({
      schemaVersion: TEMPLATE_SCHEMA_VERSION,
      id: source.id,
      version: 1,
      title: source.title ?? source.notice,
      kind: 'schedule',
      source: base,
      columns: [],
      headerFields: [],
      rows: [],
      slots: [],
      deadlines,
      media,
      ...(campaign ? { campaign } : {}),
    });
  }
  const table = applyCorrections(tableSection(text, source), source.corrections);
  const { template } = importTable(
    { kind: 'text', text: table },
    {
      id: source.id,
      source: { ...base, ...(source.corrections.length > 0 ? { corrections: source.corrections } : {}) },
      deadlines,
      media,
      ...(campaign ? { campaign } : {}),
    },
  );
  return template;
}

/** The seed from its table's 附件 line to the end: what a user would copy from the document. */
export function tableSection(text: string, source: SeedSource): string {
  const lines = text.replace(/\r\n?/gu, '\n').split('\n');
  let start = -1;
  lines.forEach((line, i) => {
    if (source.tableStart?.test(line)) start = i;
  });
  if (start === -1) throw new Error(`${source.file}: no line matches ${String(source.tableStart)}`);
  return lines.slice(start).join('\n');
}

/** Each correction must match exactly once, so a changed seed fails loudly instead of importing wrongly. */
export function applyCorrections(text: string, corrections: readonly Correction[]): string {
  let out = text;
  for (const c of corrections) {
    const at = out.indexOf(c.find);
    if (at === -1) throw new Error(`correction not applicable, text not found: ${c.find.slice(0, 60)}`);
    if (out.indexOf(c.find, at + 1) !== -1)
      throw new Error(`correction is ambiguous: ${c.find.slice(0, 60)}`);
    out = out.slice(0, at) + c.replace + out.slice(at + c.find.length);
  }
  return out;
}
