import { renameSync, rmSync, writeFileSync } from 'node:fs';
import type { UnitLog } from '@tianbao/core';
import { exportPlanXlsx } from '@tianbao/excel';
import {
  chinaDay,
  liaisonFormDocx,
  liaisonRows,
  planTableDocx,
  summaryDocx,
  summaryInput,
  unitFormInput,
} from '@tianbao/reports';
import type { Template } from '@tianbao/templates';
import type { Command } from 'commander';
import { CliError } from '../run-cli.ts';
import { statisticsTemplate } from './excel.ts';
import { dateOption, logTemplate, openLog } from './log.ts';
import { registerPeriodReports } from './report-period.ts';

/** Writes to a temporary file and renames it, so a failed write never leaves half a document. */
export function writeDocument(out: string, bytes: Uint8Array): void {
  const tmp = `${out}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, bytes);
    renameSync(tmp, out);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new CliError(`${out}: ${(err as Error).message}`);
  }
}

/** --template, or the log's own statistics table. */
function tableOf(log: UnitLog, id: string | undefined): Template {
  if (id) return statisticsTemplate(id);
  const own = logTemplate(log);
  if (!own)
    throw new CliError('the log names no statistics table; give --template <id> (see `tianbao templates`)');
  return own;
}

async function summaryCommand(file: string, opts: { template?: string; out: string }) {
  const log = (await openLog(file)).log;
  const template = tableOf(log, opts.template);
  if (!log.meta().templateIds.includes(template.id))
    process.stderr.write(
      `warning: the log does not list template ${template.id}; its figures may all be empty\n`,
    );
  const { bytes, draft } = await summaryDocx(summaryInput(log, template));
  writeDocument(opts.out, bytes);
  const custom = draft.properties.custom ?? {};
  const prompts = draft.blocks.filter((b) => b.kind === 'prompt').length;
  process.stdout.write(
    `已写入 ${opts.out}：${draft.title}；${draft.figures.length} 个数字，取自 ${custom.entries} 条活动；` +
      `${prompts} 处【…】需要您来写\n`,
  );
}

async function planCommand(file: string, opts: { out: string; date?: string }) {
  const log = (await openLog(file)).log;
  const date = opts.date ? dateOption('--date', opts.date) : undefined;
  const input = unitFormInput(log, Date.now(), date);
  const plans = input.plans.filter((p) => p.deletedAt === undefined).length;
  if (!plans) throw new CliError(`${file}: the log has no plans (重点活动计划); nothing written`);
  if (/\.xlsx$/i.test(opts.out)) {
    const profile = input.profile;
    writeDocument(
      opts.out,
      await exportPlanXlsx({
        unitName: input.unitName,
        profile,
        plans: input.plans,
        date: input.reportDate ?? chinaDay(input.generatedAt),
      }),
    );
  } else if (/\.docx$/i.test(opts.out)) writeDocument(opts.out, await planTableDocx(input));
  else throw new CliError(`--out ${opts.out}: give a .docx or .xlsx file name`);
  process.stdout.write(`已写入 ${opts.out}：重点活动计划安排表，${plans} 项计划\n`);
}

async function liaisonCommand(file: string, opts: { out: string; date?: string }) {
  const log = (await openLog(file)).log;
  const date = opts.date ? dateOption('--date', opts.date) : undefined;
  const input = unitFormInput(log, Date.now(), date);
  writeDocument(opts.out, await liaisonFormDocx(input));
  // The form's own empty cells, by the words printed beside them: a profile field the form does not
  // print (身份证号) is nothing to write by hand, and a key (idNumber) is nothing a clerk can find.
  const empty = liaisonRows(input)
    .flatMap((row) => row.flatMap((cell, i) => (cell.label && !row[i + 1]?.text ? [cell.text] : [])))
    .filter((label) => label);
  process.stdout.write(
    `已写入 ${opts.out}：联络员推荐表（${input.profile.name || '姓名尚未填写'}）${
      empty.length ? `；以下空栏需手写：${empty.join('、')}` : ''
    }\n`,
  );
}

export function registerReport(program: Command): void {
  const report = program
    .command('report')
    .description(
      'documents a unit hands in (.docx): 总结 draft, weekly and monthly report packs, 重点活动计划安排表, 联络员推荐表',
    );

  report
    .command('summary')
    .description(
      '总结初稿: a .docx to edit in WPS or Word, its figures taken from the statistics as they are now',
    )
    .argument('<log>', '.tianbao log file')
    .option('--template <id>', "statistics table (default: the log's own)")
    .requiredOption('--out <file.docx>', 'the document to write')
    .action(summaryCommand);

  registerPeriodReports(report);

  report
    .command('plan')
    .description(
      "重点活动计划安排表 from the log's plans, ready to seal: .docx (Word) or .xlsx (Excel), by --out",
    )
    .argument('<log>', '.tianbao log file')
    .requiredOption('--out <file.docx|file.xlsx>', 'the document to write')
    .option('--date <YYYY-MM-DD>', '填报日期 (default: today)')
    .action(planCommand);

  report
    .command('liaison')
    .description('联络员推荐表 (.docx) from the liaison profile, ready to seal')
    .argument('<log>', '.tianbao log file')
    .requiredOption('--out <file.docx>', 'the document to write')
    .option('--date <YYYY-MM-DD>', '填报日期 (default: today)')
    .action(liaisonCommand);
}
