import { createWriteStream, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename } from 'node:path';
import { type LogMeta, templateValues } from '@tianbao/core';
import {
  ExcelImportError,
  type ExportInput,
  exportXlsxToStream,
  incompleteNote,
  missingUnits,
  rollup,
  rollupExportInput,
} from '@tianbao/excel';
import { getTemplate, slotKey, TERM, type Template } from '@tianbao/templates';
import type { Command } from 'commander';
import { CliError } from '../run-cli.ts';
import { dateOption, openLog } from './log.ts';
import { rollupTemplate } from './rollup-template.ts';

export function statisticsTemplate(id: string): Template {
  const t = getTemplate(id);
  if (!t) throw new CliError(`unknown template "${id}" (see \`tianbao templates list\`)`);
  if (t.kind !== 'statistics')
    throw new CliError(`template "${id}" is a ${t.kind} form, not a statistics table`);
  return t;
}

/** Streams the workbook to a temporary file and renames it, so a failed export never leaves half a file. */
async function writeWorkbook(input: ExportInput, out: string): Promise<void> {
  const tmp = `${out}.${process.pid}.tmp`;
  try {
    const stream = createWriteStream(tmp);
    const closed = new Promise<void>((resolve, reject) => {
      stream.on('close', () => resolve()).on('error', reject);
    });
    await exportXlsxToStream(input, stream);
    await closed;
    renameSync(tmp, out);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new CliError(`${out}: ${(err as Error).message}`);
  }
}

async function exportCommand(file: string, opts: { template: string; out: string; date?: string }) {
  const template = statisticsTemplate(opts.template);
  const log = (await openLog(file)).log;
  const meta = log.meta();
  if (!meta.templateIds.includes(template.id)) {
    process.stderr.write(
      `warning: the log does not list template ${template.id}; its blanks may all be empty\n`,
    );
  }
  const entries = log.listEntries({ deleted: false });
  // As the 统计表 shows them: the header from the profile, 填报日期 the log's one date.
  const stats = templateValues(log, template);
  await writeWorkbook(
    {
      template,
      meta,
      profile: log.getProfile(),
      entries,
      plans: log.listPlans(),
      stats,
      // The log's 填报日期 (set when the unit reported or chose it) before --date, so the file says what
      // the 统计表, the documents and the portal say.
      date: log.reportDate() ?? (opts.date ? dateOption('--date', opts.date) : undefined),
    },
    opts.out,
  );
  const filled = stats.filter((s) => s.value !== null).length;
  process.stdout.write(
    `已写入 ${opts.out}：${meta.unitName}，${entries.length} 条活动，${template.slots.length} 个${TERM.blank}中 ${filled} 个有数\n`,
  );
}

async function rollupCommand(
  files: string[],
  opts: { template?: string; out: string; unit?: string; date?: string; allowMissing?: boolean },
) {
  const given = opts.template === undefined ? undefined : statisticsTemplate(opts.template);
  const inputs = files.map((f) => {
    try {
      return { name: basename(f), bytes: new Uint8Array(readFileSync(f)) };
    } catch (err) {
      throw new CliError(
        `${f}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`,
      );
    }
  });
  const template = given ?? (await rollupTemplate(inputs, statisticsTemplate));
  let result: Awaited<ReturnType<typeof rollup>>;
  try {
    result = await rollup(inputs, template);
  } catch (err) {
    if (err instanceof ExcelImportError) throw new CliError(err.message);
    throw err;
  }
  // Empty blanks are normal in a sub-unit's table: one line per sub-unit, not one per blank.
  const empty = new Map<string, number[]>();
  for (const p of result.problems) {
    if (p.code === 'empty-blank') {
      // 序号 as 指标明细 and `tianbao stats` print it (from 1), not the slot's internal index.
      const number = (template.slots.find((s) => s.id === p.slotId)?.index ?? -2) + 1;
      empty.set(p.unitName ?? '', [...(empty.get(p.unitName ?? '') ?? []), number]);
    } else process.stderr.write(`${p.excluded ? 'left out' : 'warning'}: ${p.message}\n`);
  }
  for (const [unit, blanks] of empty) {
    const list = blanks.length > 12 ? `${blanks.slice(0, 12).join(', ')}, …` : blanks.join(', ');
    process.stderr.write(
      `warning: ${unit} left ${blanks.length} blank(s) empty (序号 ${list}); see the 来源 sheet\n`,
    );
  }
  if (!result.perUnit.length) throw new CliError('no sub-unit table could be used; nothing written');
  // A table that lacks a sub-unit looks complete once summed: refuse unless asked, and then say so in it.
  const missing = missingUnits(result);
  if (missing && !opts.allowMissing) {
    throw new CliError(
      `${missing} sub-unit(s) missing from the sums (see above); nothing written. Get readable files from ` +
        `them, or run again with --allow-missing to write a table marked 「${incompleteNote(result)}」.`,
    );
  }
  const unitName = opts.unit ?? '';
  const meta: LogMeta = {
    logId: '',
    unitId: '',
    unitName,
    campaign: '',
    templateIds: [template.id],
    schemaVersion: 1,
  };
  await writeWorkbook(
    rollupExportInput(result, template, { meta, profile: null, date: opts.date }),
    opts.out,
  );
  const left = result.problems.filter((p) => p.excluded).length;
  process.stdout.write(
    `已写入 ${opts.out}：汇总了 ${result.perUnit.length} 个下级单位的统计表${left ? `，${left} 个文件未计入` : ''}${missing ? `；不完整，缺少 ${missing} 个下级单位（统计表第一行写明「${incompleteNote(result)}」）` : ''}\n`,
  );
  // The file is written, but a script should notice a file left out that --allow-missing did not allow
  // (a second file of the same sub-unit; missing sub-units stopped above unless allowed).
  if (result.problems.some((p) => p.code === 'duplicate-unit')) process.exitCode = 1;
}

export function registerExcel(program: Command): void {
  program
    .command('export')
    .description('write a unit log as the official .xlsx (统计表, 指标明细, 活动台账, 联络员, 重点活动计划)')
    .argument('<log>', '.tianbao log file')
    .requiredOption('--template <id>', 'statistics template, e.g. daxinganling-2020')
    .requiredOption('--out <file.xlsx>', 'the workbook to write')
    .option('--date <YYYY-MM-DD>', '填报日期 when the log has none (default: today)')
    .action(exportCommand);

  program
    .command('rollup')
    .description("sum sub-units' exported tables into one table of the same format, with a 来源 sheet")
    .argument('<files...>', "sub-units' exported .xlsx files")
    .option(
      '--template <id>',
      'statistics template to sum (default: the one the files name, when they all name the same)',
    )
    .requiredOption('--out <file.xlsx>', 'the workbook to write')
    .option('--unit <name>', '填报单位 of the summed table')
    .option('--date <YYYY-MM-DD>', '填报日期 (default: today)')
    .option(
      '--allow-missing',
      'write the table even when some files cannot be used, marked 「不完整：缺少 N 个下级单位」',
    )
    .action(rollupCommand);
}
