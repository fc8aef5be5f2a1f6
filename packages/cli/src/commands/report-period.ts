import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  type AttachmentRef,
  currentPeriod,
  describeRange,
  localToday,
  logSchedule,
  type PeriodKind,
  periodFromRange,
  type ReportingPeriod,
  reportingPeriods,
  type UnitLog,
} from '@tianbao/core';
import { buildPeriodPack } from '@tianbao/reports';
import type { Command } from 'commander';
import { CliError } from '../run-cli.ts';
import { dateOption, logTemplate, openLog } from './log.ts';
import { writeDocument } from './report.ts';

/** Photos and videos are found by content: every file under the folder, by its sha-256 (as the log keeps them). */
function mediaIndex(dir: string | undefined): Map<string, string> {
  const byHash = new Map<string, string>();
  if (!dir) return byHash;
  let root: ReturnType<typeof statSync>;
  try {
    root = statSync(dir);
  } catch {
    throw new CliError(`--media ${dir}: no such folder`);
  }
  if (!root.isDirectory()) throw new CliError(`--media ${dir}: not a folder`);
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, e.name);
      if (e.isDirectory()) walk(path);
      else if (e.isFile() && statSync(path).size < 2 ** 31)
        byHash.set(createHash('sha256').update(readFileSync(path)).digest('hex'), path);
    }
  };
  walk(dir);
  return byHash;
}

function choosePeriod(log: UnitLog, kind: PeriodKind, opts: { from?: string; to?: string }): ReportingPeriod {
  const schedule = logSchedule(log, logTemplate(log));
  if (opts.from || opts.to) {
    if (!opts.from || !opts.to)
      throw new CliError('give both --from and --to, or neither (the current period)');
    const from = dateOption('--from', opts.from);
    const to = dateOption('--to', opts.to);
    if (from > to) throw new CliError(`--from ${from} is after --to ${to}`);
    return periodFromRange(schedule, from, to);
  }
  const p = currentPeriod(reportingPeriods(schedule), localToday(), kind);
  if (!p) throw new CliError('the log has no reporting periods; give --from and --to');
  return p;
}

async function periodCommand(
  kind: PeriodKind,
  file: string,
  opts: { from?: string; to?: string; out: string; media?: string },
): Promise<void> {
  const log = (await openLog(file)).log;
  const template = logTemplate(log);
  const schedule = logSchedule(log, template);
  const period = choosePeriod(log, kind, opts);
  const media = mediaIndex(opts.media);
  const pack = await buildPeriodPack({
    log,
    ...(template && { template }),
    period,
    hints: schedule.media,
    deadlines: schedule.deadlines,
    read: async (ref: AttachmentRef) => {
      const path = media.get(ref.hash);
      return path ? new Uint8Array(readFileSync(path)) : undefined;
    },
  });
  try {
    mkdirSync(opts.out, { recursive: true });
  } catch (err) {
    throw new CliError(`${opts.out}: ${(err as Error).message}`);
  }
  writeDocument(join(opts.out, pack.docxName), pack.docx);
  let written = 0;
  for (const m of pack.media) {
    if (!m.bytes) continue;
    writeDocument(join(opts.out, m.fileName), m.bytes);
    written++;
  }
  const missing = pack.media.length - written;
  process.stdout.write(
    `已写入 ${join(opts.out, pack.docxName)}（${period.label}；累计 ${describeRange(period.cumulative)}）` +
      `和 ${written} 个照片、视频文件${missing ? `；${missing} 个未找到${opts.media ? `（在 ${opts.media} 中找过）` : '（请用 --media <文件夹> 指明照片所在的文件夹）'}` : ''}\n`,
  );
  for (const m of pack.media.filter((x) => x.problems.length))
    process.stdout.write(`  ${m.fileName} (${m.ref.name}): ${m.problems.join('；')}\n`);
}

export function registerPeriodReports(report: Command): void {
  for (const [kind, name, what] of [
    ['week', 'week', '本周报送材料: the week’s activities, figures beside 累计, photos and videos'],
    ['month', 'month', '月报 (e.g. 南粤行): the same for a month'],
  ] as const) {
    report
      .command(name)
      .description(what)
      .argument('<log>', '.tianbao log file')
      .option('--from <date>', `first day (YYYY-MM-DD); default: the current ${name}'s reporting period`)
      .option('--to <date>', 'last day (YYYY-MM-DD), included')
      .option('--media <folder>', 'where the photos and videos are (found by content, any file names)')
      .requiredOption('--out <dir>', 'folder to write the .docx and the media into')
      .addHelpText(
        'after',
        `
Writes 「××单位“安全生产月”活动开展情况（6月8日—6月14日）」.docx and the period's photos and videos named
日期-活动名称-序号.jpg into <dir>. Files that miss the notice's format (or the one set in 截止日期) are printed
with the reason and listed in the document's appendix. Weeks and months follow the log's schedule.`,
      )
      .action((file: string, opts: { from?: string; to?: string; out: string; media?: string }) =>
        periodCommand(kind, file, opts),
      );
  }
}
