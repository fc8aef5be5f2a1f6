import { readFileSync, writeFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import {
  type Deadline,
  extractDeadlines,
  extractMediaHints,
  getTemplate,
  type ImportInput,
  importTable,
  listTemplates,
  slotKey,
  type Template,
  TemplateImportError,
  templateOrigin,
} from '@tianbao/templates';
import type { Command } from 'commander';
import { CliError } from '../run-cli.ts';
import { importNoticeFile, isNoticeFile, readBytes } from './notice-import.ts';

const write = (text: string) => process.stdout.write(`${text}\n`);
const json = (data: unknown) => write(JSON.stringify(data, null, 2));

/** The template as printed: every slot also carries its `<templateId>/<slotId>` key. */
function withKeys(t: Template) {
  return { ...t, slots: t.slots.map((s) => ({ key: slotKey(t.id, s.id), ...s })) };
}

/** One line per deadline: kind, date (or rule) and what is due. */
export function describeDeadlines(deadlines: readonly Deadline[]): string[] {
  return deadlines.map((d) => {
    const at = d.hour !== undefined ? ` ${d.hour}:00` : '';
    const when = d.date
      ? `${d.date}${at}`
      : d.weekday
        ? `weekday ${d.weekday}${at}${d.months ? ` in months ${d.months.join(',')}` : ''}`
        : d.dayOfMonth
          ? `day ${d.dayOfMonth} of months ${d.months?.join(',') ?? 'each'}`
          : d.withinDays
            ? `within ${d.withinDays} days after an activity`
            : '';
    return `  ${d.kind.padEnd(14)} ${when.padEnd(28)} ${d.title}`;
  });
}

function describeTemplate(t: Template): string {
  const origin = templateOrigin(t.source);
  const lines = [`${t.id}  v${t.version}  ${t.kind}  ${origin ? `${origin}  ` : ''}${t.title}`];
  if (t.source.file || t.source.notice)
    lines.push(`source: ${[t.source.notice, t.source.file].filter(Boolean).join(' — ')}`);
  if (t.deadlines.length > 0) {
    lines.push('deadlines (check against the notice):');
    lines.push(...describeDeadlines(t.deadlines));
  }
  for (const m of t.media) {
    const size = m.width ? `${m.minimum ? '≥' : ''}${m.width}×${m.height}` : '';
    lines.push(`media: ${m.kind} ${size} ${m.formats.join('/')}`.trimEnd());
  }
  if (t.slots.length > 0) lines.push(`slots (${t.slots.length}):`);
  for (const s of t.slots) {
    const where = [s.group, s.item].filter(Boolean).join(' / ');
    const phrase =
      s.section === 'header'
        ? `${s.before}：____`
        : s.kind === 'boolean'
          ? `${s.before} □是□否`
          : `${s.before}（ ）${s.after}`;
    lines.push(
      `  ${String(s.index).padStart(3)}  ${s.id.padEnd(14)} ${s.kind.padEnd(8)} ${where ? `[${where}] ` : ''}${phrase}`,
    );
  }
  return lines.join('\n');
}

/** Reads a file into importer input: .xlsx through @tianbao/excel's reader, .html as HTML, the rest as text. */
async function readImportInput(file: string, sheetName: string | undefined): Promise<ImportInput> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    throw new CliError(`cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const ext = extname(file).toLowerCase();
  const isZip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (ext === '.xlsx' || isZip) {
    // Loaded only for .xlsx, so listing and showing templates do not depend on the Excel package.
    const { ExcelImportError, exceljsReader } = await import('@tianbao/excel');
    let sheets: Awaited<ReturnType<typeof exceljsReader.read>>;
    try {
      sheets = await exceljsReader.read(new Uint8Array(bytes));
    } catch (err) {
      if (err instanceof ExcelImportError) throw new CliError(`${file}: ${err.message}`);
      throw err;
    }
    const sheet = sheetName
      ? sheets.find((s) => s.name === sheetName)
      : (sheets.find((s) => s.state === 'visible' && s.rows.some((r) => r.some((v) => v !== null))) ??
        sheets[0]);
    if (!sheet)
      throw new CliError(
        `${file} has no sheet named ${sheetName} (sheets: ${sheets.map((s) => s.name).join(', ')})`,
      );
    const cellText = (v: unknown) =>
      v === null || v === undefined ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
    return {
      kind: 'grid',
      rows: sheet.rows.map((r) => Array.from(r, cellText)),
      // The reader reports merges 1-based and inclusive (A1:B2 → top 1, left 1, bottom 2, right 2).
      merges: sheet.merges.map((m) => ({
        row: m.top - 1,
        col: m.left - 1,
        rowSpan: m.bottom - m.top + 1,
        colSpan: m.right - m.left + 1,
      })),
    };
  }
  const text = bytes.toString('utf8').replace(/^\uFEFF/u, '');
  if (text.includes('\uFFFD') || text.includes('\u0000')) {
    throw new CliError(
      `${file} is not UTF-8 text, HTML or .xlsx; save the table as one of those and try again`,
    );
  }
  if (ext === '.html' || ext === '.htm') return { kind: 'html', html: text };
  if (ext === '.csv') return { kind: 'csv', text };
  return text;
}

function parseYear(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 2000 || n > 2100) throw new CliError(`invalid year ${v}`);
  return n;
}

/** `tianbao templates`, `tianbao template <id>` and `tianbao template import <file>`. */
export function registerTemplates(program: Command): void {
  program
    .command('templates')
    .description('统计表模板 list the templates (id, title, number of slots)')
    .option('--json', 'print JSON for machines')
    .action((opts: { json?: boolean }) => {
      const list = listTemplates();
      if (opts.json) {
        json(list);
        return;
      }
      const width = list.reduce((w, t) => Math.max(w, t.id.length), 0);
      // The region and year first: the titles alone (全区“安全生产月”…统计表) do not say whose table it is.
      for (const t of list)
        write(
          `${t.id.padEnd(width)}  ${String(t.slotCount).padStart(3)} slots  ${t.kind.padEnd(10)}  ${t.origin ? `${t.origin}  ` : ''}${t.title}`,
        );
    });

  const template = program
    .command('template')
    .description('show a template with its slots in document order, or import a new table as a template');

  template
    .command('show <id>', { isDefault: true })
    .description(
      'print a template: its slots in document order (index, id, kind, unit, before, after, item, group)',
    )
    .option('--json', 'print JSON for machines')
    .action((id: string, opts: { json?: boolean }) => {
      const t = getTemplate(id);
      if (!t) {
        throw new CliError(
          `unknown template "${id}"; known: ${listTemplates()
            .map((x) => x.id)
            .join(', ')}`,
        );
      }
      if (opts.json) json(withKeys(t));
      else write(describeTemplate(t));
    });

  template
    .command('deadlines <file>')
    .description('read the deadlines and media requirements a notice states (its text), for checking')
    .option('--json', 'print JSON for machines')
    .option(
      '--year <year>',
      'year of the dates (default: the first 20xx年 in the text, else this year)',
      parseYear,
    )
    .action((file: string, opts: { json?: boolean; year?: number }) => {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (err) {
        throw new CliError(`cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`);
      }
      const year = opts.year ?? Number(/(20\d{2})\s*年/u.exec(text)?.[1] ?? new Date().getFullYear());
      const deadlines = extractDeadlines(text, year);
      const media = extractMediaHints(text);
      if (opts.json) {
        json({ year, deadlines, media });
        return;
      }
      write(`year ${year}: ${deadlines.length} deadline(s) (check against the notice)`);
      for (const line of describeDeadlines(deadlines)) write(line);
      for (const m of media)
        write(
          `media: ${m.kind} ${m.width ? `${m.minimum ? '≥' : ''}${m.width}×${m.height} ` : ''}${m.formats.join('/')}`,
        );
    });

  template
    .command('import <file>')
    .description(
      'import a notice (.docx or PDF: every table, the schedule and requirements) or a statistics table (.txt, .html, .csv, .xlsx)',
    )
    .option('--json', 'print the template as JSON (warnings go to stderr)')
    .option('--id <id>', 'template id (lower-case ascii with dashes)')
    .option('--year <year>', 'year of the dates in the notice (default: read from the text)', parseYear)
    .option('--notice <file>', "the notice's text, to read its deadlines from")
    .option('--sheet <name>', 'for .xlsx: the sheet holding the table (default: the first one with content)')
    .option('--out <file>', 'also write the template JSON to this file')
    .action(
      async (
        file: string,
        opts: { json?: boolean; id?: string; year?: number; notice?: string; sheet?: string; out?: string },
      ) => {
        const bytes = readBytes(file);
        if (isNoticeFile(file, bytes)) return importNoticeFile(file, bytes, opts);
        const input = await readImportInput(file, opts.sheet);
        let noticeText: string | undefined;
        if (opts.notice) {
          try {
            noticeText = readFileSync(opts.notice, 'utf8');
          } catch (err) {
            throw new CliError(
              `cannot read ${opts.notice}: ${err instanceof Error ? err.message : String(err)}`,
            );
          }
        }
        let result: ReturnType<typeof importTable>;
        try {
          result = importTable(input, {
            ...(opts.id ? { id: opts.id } : {}),
            ...(opts.year ? { year: opts.year } : {}),
            ...(noticeText !== undefined ? { noticeText } : {}),
            // Used only when the table has no title line of its own.
            title: basename(file, extname(file)),
            source: { file: basename(file) },
          });
        } catch (err) {
          if (err instanceof TemplateImportError) throw new CliError(`${file}: ${err.message} (${err.code})`);
          throw err;
        }
        const { template: t, warnings } = result;
        if (opts.out) writeFileSync(opts.out, `${JSON.stringify(t, null, 2)}\n`);
        for (const w of warnings) process.stderr.write(`warning: ${w}\n`);
        if (opts.json) json(withKeys(t));
        else write(describeTemplate(t));
      },
    );
}
