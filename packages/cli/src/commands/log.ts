import { existsSync, readFileSync } from 'node:fs';
import {
  customPeriod,
  type DateRange,
  describeRange,
  exportUpdateFile,
  fullDayText,
  importUpdateFile,
  isValidDate,
  LogFileError,
  LogInputError,
  LogSession,
  logSchedule,
  MemoryStorage,
  parseTime,
  RECORD_ID,
  type SlotKindOf,
  type SlotStat,
  type UnitLog,
} from '@tianbao/core';
import { openLogFile, writeLogFile } from '@tianbao/core/node';
import { type DetailRow, detailRows } from '@tianbao/excel';
import {
  DEADLINE_KIND_NAMES,
  describeDeadline,
  getTemplate,
  parseSlotKey,
  TERM,
  type Template,
} from '@tianbao/templates';
import type { Command } from 'commander';
import { CliError } from '../run-cli.ts';

/** The JSON shape `log import-json` reads and `log export-json` prints. */
interface LogJson {
  unit: string;
  campaign: string;
  templates?: string[];
  unitId?: string;
  logId?: string;
  profile?: Record<string, string>;
  entries?: Record<string, unknown>[];
  plans?: Record<string, unknown>[];
  values?: Record<string, { value: unknown; by?: string; reason?: string; at?: number }>;
}

const ENTRY_META = ['id', 'createdBy', 'createdAt', 'updatedBy', 'updatedAt', 'deletedAt', 'deletedBy'];
const PLAN_META = [
  'id',
  'entryId',
  'createdBy',
  'createdAt',
  'updatedBy',
  'updatedAt',
  'deletedAt',
  'deletedBy',
];

/** Slot kinds of the built-in templates; unknown slots of a known template are an input error. */
export function slotKindsOf(templateIds: string[]): SlotKindOf {
  return (key) => {
    const { templateId, slotId } = parseSlotKey(key);
    const t = templateIds.includes(templateId) ? getTemplate(templateId) : undefined;
    if (!t) return undefined;
    const slot = t.slots.find((s) => s.id === slotId || s.aliases?.includes(slotId));
    if (!slot)
      throw new LogInputError(key, `template ${templateId} has no slot "${slotId}"`, `统计表中没有这一项`);
    return slot.kind;
  };
}

const TOP_FIELDS = [
  'unit',
  'campaign',
  'templates',
  'unitId',
  'logId',
  'profile',
  'entries',
  'plans',
  'values',
];
const VALUE_FIELDS = ['value', 'by', 'reason', 'at'];
const TIME_FIELDS = ['createdAt', 'updatedAt', 'deletedAt'];
const PERSON_FIELDS = ['createdBy', 'updatedBy', 'deletedBy'];

/**
 * JSON.parse into null-prototype records: a `__proto__` key stays an ordinary key, which the unknown-field
 * checks then refuse, instead of silently setting a prototype.
 */
export function parseJsonRecords(text: string): unknown {
  return JSON.parse(text, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.assign(Object.create(null), v) : v,
  );
}

const fail = (path: string, why: string) => new CliError(`${path}: ${why}`);

function object(path: string, v: unknown): Record<string, unknown> {
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw fail(path, 'must be an object');
  return v as Record<string, unknown>;
}

function list(path: string, v: unknown): unknown[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw fail(path, 'must be a list');
  return v;
}

function known(path: string, r: Record<string, unknown>, allowed: readonly string[]): void {
  for (const k of Object.keys(r))
    if (!allowed.includes(k)) throw fail(`${path}.${k}`, 'is not a known field');
}

const split = (r: Record<string, unknown>, meta: string[]) => {
  const fields: Record<string, unknown> = Object.create(null);
  const m: Record<string, unknown> = Object.create(null);
  for (const [k, v] of Object.entries(r)) (meta.includes(k) ? m : fields)[k] = v;
  return { fields, meta: m };
};

const at = <T>(path: string, fn: () => T): T => {
  try {
    return fn();
  } catch (err) {
    if (err instanceof LogInputError) throw new CliError(`${path}.${err.message}`);
    throw err;
  }
};

/** A record's id, stamps and deletion, checked and with times as epoch milliseconds. */
function recordMeta(path: string, meta: Record<string, unknown>) {
  const out: { id?: string; by: Record<string, string>; at: Record<string, number> } = { by: {}, at: {} };
  if (meta.id !== undefined) {
    if (typeof meta.id !== 'string' || !RECORD_ID.test(meta.id))
      throw fail(`${path}.id`, 'must be 1–64 letters, digits, _ or -');
    out.id = meta.id;
  }
  for (const f of TIME_FIELDS) if (meta[f] !== undefined) out.at[f] = at(path, () => parseTime(f, meta[f]));
  for (const f of PERSON_FIELDS) {
    const v = meta[f];
    if (v === undefined) continue;
    if (typeof v !== 'string' || !v.trim() || v.length > 100)
      throw fail(`${path}.${f}`, 'must be a name (1–100 characters)');
    out.by[f] = v;
  }
  if (out.by.deletedBy !== undefined && out.at.deletedAt === undefined)
    throw fail(`${path}.deletedBy`, 'is given without deletedAt');
  return out;
}

/** Runs fn as `user` at time `t` (a deletion as it was recorded), then restores the log's own. */
function as<T>(log: UnitLog, user: string | undefined, t: number, fn: () => T): T {
  const was = { user: log.user, now: log.now };
  log.user = user ?? was.user;
  log.now = () => t;
  try {
    return fn();
  } finally {
    log.user = was.user;
    log.now = was.now;
  }
}

/**
 * Builds a log in memory from JSON, validating every record before anything is written. Every refusal
 * names the record and the field (`entries[3].createdAt: …`).
 */
export async function logFromJson(input: unknown): Promise<LogSession> {
  const json = object('input', input) as Record<string, unknown>;
  known('input', json, TOP_FIELDS);
  const templates = list('templates', json.templates);
  templates.forEach((id, i) => {
    if (typeof id !== 'string' || !getTemplate(id))
      throw fail(`templates[${i}]`, `unknown template "${String(id)}"`);
  });
  for (const f of ['unit', 'campaign', 'unitId', 'logId'] as const) {
    if (json[f] !== undefined && typeof json[f] !== 'string') throw fail(f, 'must be text');
  }
  let session: LogSession;
  try {
    session = await LogSession.create(new MemoryStorage(), {
      unitName: (json.unit as string | undefined) ?? '',
      campaign: (json.campaign as string | undefined) ?? '',
      templateIds: templates as string[],
      user: 'import',
      ...(json.unitId !== undefined && { unitId: json.unitId as string }),
      ...(json.logId !== undefined && { logId: json.logId as string }),
    });
  } catch (err) {
    if (err instanceof LogInputError) throw new CliError(err.message.replace(/^unitName/, 'unit'));
    throw err;
  }
  const log = session.log;
  const kindOf = slotKindsOf(templates as string[]);
  log.kindOf = kindOf;
  const checkSlots = (path: string, keys: string[]) => {
    for (const k of keys) at(`${path}.${k}`, () => kindOf(k));
  };
  if (json.profile !== undefined) at('profile', () => log.setProfile(object('profile', json.profile)));
  list('entries', json.entries).forEach((raw, i) => {
    const path = `entries[${i}]`;
    const { fields, meta } = split(object(path, raw), ENTRY_META);
    const m = recordMeta(path, meta);
    const contributions = fields.contributions;
    if (contributions && typeof contributions === 'object')
      checkSlots(`${path}.contributions`, Object.keys(contributions));
    at(path, () => {
      const id = log.addEntry(fields, {
        ...(m.id && { id: m.id }),
        ...(m.by.createdBy && { createdBy: m.by.createdBy }),
        ...(m.at.createdAt !== undefined && { createdAt: m.at.createdAt }),
        ...(m.by.updatedBy && { updatedBy: m.by.updatedBy }),
        ...(m.at.updatedAt !== undefined && { updatedAt: m.at.updatedAt }),
      });
      const deletedAt = m.at.deletedAt;
      if (deletedAt !== undefined) as(log, m.by.deletedBy, deletedAt, () => log.deleteEntry(id));
    });
  });
  list('plans', json.plans).forEach((raw, i) => {
    const path = `plans[${i}]`;
    const { fields, meta } = split(object(path, raw), PLAN_META);
    const m = recordMeta(path, meta);
    if (meta.entryId !== undefined && (typeof meta.entryId !== 'string' || !RECORD_ID.test(meta.entryId)))
      throw fail(`${path}.entryId`, 'must be an entry id');
    at(path, () => {
      const created = m.at.createdAt ?? log.now();
      const id = as(log, m.by.createdBy, created, () => log.addPlan(fields));
      const deletedAt = m.at.deletedAt;
      if (deletedAt !== undefined) as(log, m.by.deletedBy, deletedAt, () => log.deletePlan(id));
    });
  });
  if (json.values !== undefined) {
    for (const [key, raw] of Object.entries(object('values', json.values))) {
      const path = `values.${key}`;
      const v = object(path, raw);
      known(path, v, VALUE_FIELDS);
      const when = v.at === undefined ? undefined : at('values', () => parseTime(`${key}.at`, v.at));
      if (v.by !== undefined && typeof v.by !== 'string') throw fail(`${path}.by`, 'must be text');
      if (v.reason !== undefined && typeof v.reason !== 'string')
        throw fail(`${path}.reason`, 'must be text');
      at('values', () =>
        // Restored as recorded: a value set before reasons were required keeps its empty reason.
        log.restoreManualValue(key, v.value, (v.reason as string | undefined) ?? '', {
          ...(v.by !== undefined && { by: v.by as string }),
          ...(when !== undefined && { at: when }),
        }),
      );
    }
  }
  return session;
}

export function logToJson(log: UnitLog): LogJson {
  const meta = log.meta();
  return {
    unit: meta.unitName,
    campaign: meta.campaign,
    templates: meta.templateIds,
    unitId: meta.unitId,
    logId: meta.logId,
    profile: { ...log.getProfile() },
    entries: log.listEntries({ deleted: 'any' }).map((e) => ({ ...e })),
    plans: log.listPlans({ deleted: 'any' }).map((p) => ({ ...p })),
    values: log.manualValues(),
  };
}

/** Opens a .tianbao file for a command, with a one-line error a person can act on. */
export async function openLog(path: string): Promise<LogSession> {
  if (!existsSync(path)) throw new CliError(`${path}: no such file`);
  try {
    const session = await openLogFile(path);
    // The blanks' kinds, so a percentage is checked as one (0–100) and a count as a whole number.
    session.log.kindOf = slotKindsOf(session.log.meta().templateIds);
    return session;
  } catch (err) {
    if (err instanceof LogFileError) throw new CliError(`${path}: ${err.message}`);
    throw err;
  }
}

/** Slot keys in the order of the log's templates (all blanks, empty ones included), then any others. */
function orderedKeys(log: UnitLog): string[] {
  const keys: string[] = [];
  for (const id of log.meta().templateIds) {
    const t = getTemplate(id);
    if (t && t.kind === 'statistics') keys.push(...t.slots.map((s) => `${t.id}/${s.id}`));
  }
  for (const s of log.statistics()) if (!keys.includes(s.key)) keys.push(s.key);
  return keys;
}

export function registerLog(program: Command): void {
  const log = program.command('log').description('unit activity logs (.tianbao files)');

  log
    .command('import-json')
    .description('build a log file from JSON { unit, campaign, templates, profile, entries, plans, values }')
    .argument('<log.json>', 'JSON file')
    .requiredOption('--out <file>', 'the .tianbao file to write')
    .action(async (file: string, opts: { out: string }) => {
      let json: LogJson;
      try {
        json = parseJsonRecords(readFileSync(file, 'utf8')) as LogJson;
      } catch (err) {
        throw new CliError(`${file}: ${(err as Error).message}`);
      }
      const session = await logFromJson(json);
      await writeLogFile(session, opts.out);
      const n = session.log.listEntries({ deleted: 'any' }).length;
      process.stdout.write(`已写入 ${opts.out}：${session.log.meta().unitName}，${n} 条活动\n`);
    });

  log
    .command('export-json')
    .description('print a log file as JSON (the shape import-json reads)')
    .argument('<unit.tianbao>', 'log file')
    .action(async (file: string) => {
      const session = await openLog(file);
      process.stdout.write(`${JSON.stringify(logToJson(session.log), null, 2)}\n`);
    });

  log
    .command('merge')
    .description("merge two copies of the same unit's log")
    .argument('<a.tianbao>')
    .argument('<b.tianbao>')
    .requiredOption('--out <file>', 'the merged .tianbao file to write')
    .action(async (a: string, b: string, opts: { out: string }) => {
      const sa = await openLog(a);
      const sb = await openLog(b);
      try {
        importUpdateFile(sa.log, exportUpdateFile(sb.log), b);
      } catch (err) {
        if (err instanceof LogFileError) throw new CliError(`${b}: ${err.message}`);
        throw err;
      }
      await writeLogFile(sa, opts.out);
      const conflicts = sa.log.conflicts().length;
      process.stdout.write(
        `已合并到 ${opts.out}：${sa.log.listEntries().length} 条活动${conflicts ? `，${conflicts} 处冲突待核对` : ''}\n`,
      );
    });

  log
    .command('deadlines')
    .description(
      "the log's deadlines in its campaign's year (a past year's table's dates moved), as 截止日期 shows them",
    )
    .argument('<unit.tianbao>', 'log file')
    .option('--json', 'print { year, noticeYear, campaign, reportDate, deadlines }')
    .action(async (file: string, opts: { json?: boolean }) => {
      const session = await openLog(file);
      const s = logSchedule(session.log, logTemplate(session.log));
      const reportDate = session.log.reportDate();
      if (opts.json) {
        const { year, noticeYear, campaign, deadlines } = s;
        process.stdout.write(
          `${JSON.stringify({ year, ...(noticeYear && { noticeYear }), campaign, ...(reportDate && { reportDate }), deadlines }, null, 2)}\n`,
        );
        return;
      }
      // As 截止日期 in the dashboard says it: dates in words, what each deadline is for by name.
      const moved = s.noticeYear ? `（通知是 ${s.noticeYear} 年的，日期已换成 ${s.year} 年）` : '';
      const campaign = describeRange({ from: s.campaign.start, to: s.campaign.end });
      process.stdout.write(`活动时间：${s.year}年${campaign}${moved}\n`);
      process.stdout.write(
        `填报日期：${reportDate ? fullDayText(reportDate) : '尚未确定（第一次报送或导出时记下）'}\n`,
      );
      process.stdout.write('截止日期（请与通知核对）：\n');
      for (const d of s.deadlines)
        process.stdout.write(
          `  ${(DEADLINE_KIND_NAMES[d.kind] ?? d.kind).padEnd(5, '　')} ${describeDeadline(d).padEnd(7, '　')} ${d.title}\n`,
        );
    });

  program
    .command('stats')
    .description("each blank's value (manual, or the sum of live entries, or empty) and where it comes from")
    .argument('<unit.tianbao>', 'log file')
    .option('--json', 'print [{ key, value, explanation }]')
    .option(
      '--from <date>',
      'only entries dated on or after this day (YYYY-MM-DD); manual values are set aside',
    )
    .option('--to <date>', 'only entries dated on or before this day (YYYY-MM-DD)')
    .option('--cumulative-to <date>', '累计: from the campaign start to this day (instead of --from/--to)')
    .addHelpText(
      'after',
      `
A date range counts the live entries whose 日期 lies inside it, both ends included. Manual values stand
for the whole campaign, so a range leaves them out and its explanation says so. The campaign start for
--cumulative-to is the notice's (or the one set in 截止日期; June 1 when neither says).`,
    )
    .action(
      async (file: string, opts: { json?: boolean; from?: string; to?: string; cumulativeTo?: string }) => {
        const session = await openLog(file);
        const range = statsRange(session.log, opts);
        const stats = session.log.statistics(orderedKeys(session.log), range);
        if (opts.json) {
          const out = stats.map((s) => ({
            key: s.key,
            value: s.value,
            explanation: s.explanation,
            ...(s.error && { error: s.error }),
          }));
          process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
          return;
        }
        if (range) process.stdout.write(`# ${describeRange(range)}\n`);
        const tables = statsTables(session.log, stats);
        for (const { title, rows } of tables) {
          if (tables.length > 1) process.stdout.write(`# ${title}\n`);
          // Tab-separated, so the lines can be pasted into a spreadsheet as columns.
          process.stdout.write(`${STATS_HEADERS.join('\t')}\n`);
          for (const r of rows)
            process.stdout.write(
              `${[r.number, r.item || r.group, r.blank, shownValue(r.stat), r.unit, r.source].join('\t')}\n`,
            );
        }
        const bad = tables.flatMap((t) => t.rows).filter((r) => r.stat?.error);
        for (const r of bad)
          process.stderr.write(`error: 序号 ${r.number} ${r.item} ${r.blank}: ${r.stat?.error}\n`);
        if (bad.length) process.exitCode = 1;
      },
    );
}

const STATS_HEADERS = ['序号', '活动项目', TERM.blank, '数值', '单位', '来源'];

const shownValue = (s: SlotStat | undefined): string =>
  s?.error
    ? '（错误）'
    : s?.value === null || s?.value === undefined
      ? '（空）'
      : s.value === true
        ? '是'
        : s.value === false
          ? '否'
          : String(s.value);

/**
 * The statistics as 指标明细 names them (excel detailRows), one table per statistics template; a blank of a
 * template this CLI does not know can only be named by its key.
 */
function statsTables(log: UnitLog, stats: SlotStat[]): { title: string; rows: DetailRow[] }[] {
  const ids = [...new Set([...log.meta().templateIds, ...stats.map((s) => parseSlotKey(s.key).templateId)])];
  const known = ids.map((id) => getTemplate(id)).filter((t) => t?.kind === 'statistics') as Template[];
  const tables = known.map((t) => ({ title: t.title, rows: detailRows(t, stats) }));
  const named = new Set(tables.flatMap((t) => t.rows.map((r) => r.key)));
  const rest = stats.filter((s) => !named.has(s.key));
  if (rest.length)
    tables.push({
      title: '不在已知统计表中的项（以内部编号列出）',
      rows: rest.map((stat, i) => ({
        number: i + 1,
        group: '',
        item: '',
        blank: stat.key,
        unit: '',
        value: stat.value,
        source: stat.explanation,
        key: stat.key,
        slot: undefined as never,
        stat,
      })),
    });
  return tables;
}

/** A YYYY-MM-DD option, or a plain error naming it. */
export function dateOption(name: string, value: string): string {
  if (!isValidDate(value)) throw new CliError(`${name}: not a date (YYYY-MM-DD): ${value}`);
  return value;
}

function statsRange(
  log: UnitLog,
  opts: { from?: string; to?: string; cumulativeTo?: string },
): DateRange | undefined {
  if (opts.cumulativeTo) {
    if (opts.from || opts.to) throw new CliError('--cumulative-to cannot be combined with --from/--to');
    const to = dateOption('--cumulative-to', opts.cumulativeTo);
    // 累计 of a one-day period ending there: from the campaign start (or that day, if earlier).
    return customPeriod(logSchedule(log, logTemplate(log)), to, to).cumulative;
  }
  if (!opts.from && !opts.to) return undefined;
  const from = opts.from && dateOption('--from', opts.from);
  const to = opts.to && dateOption('--to', opts.to);
  if (from && to && from > to) throw new CliError(`--from ${from} is after --to ${to}`);
  return { ...(from && { from }), ...(to && { to }) };
}

/** The log's statistics template, when it is a built-in the CLI knows. */
export function logTemplate(log: UnitLog): Template | undefined {
  return log
    .meta()
    .templateIds.map((id) => getTemplate(id))
    .find((t) => t?.kind === 'statistics');
}
