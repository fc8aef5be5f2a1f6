import { readFileSync, writeFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import {
  type Deadline,
  NoticeFileError,
  type NoticeFileResult,
  readNoticeFile,
  slotKey,
  type Template,
} from '@tianbao/templates';
import { loadNodePdfJs } from '@tianbao/templates/pdfjs-node';
import { CliError } from '../run-cli.ts';

const NOTICE_EXTENSIONS = new Set(['.docx', '.pdf', '.doc', '.wps', '.rtf']);

/** A notice file (the .docx or PDF a unit receives) rather than a table on its own. */
export function isNoticeFile(file: string, bytes: Uint8Array): boolean {
  if (NOTICE_EXTENSIONS.has(extname(file).toLowerCase())) return true;
  const head = Array.from(bytes.subarray(0, 4));
  const pdf = [0x25, 0x50, 0x44, 0x46].every((b, i) => head[i] === b);
  const ole2 = [0xd0, 0xcf, 0x11, 0xe0].every((b, i) => head[i] === b);
  return pdf || ole2;
}

const withKeys = (t: Template) => ({ ...t, slots: t.slots.map((s) => ({ key: slotKey(t.id, s.id), ...s })) });

/** `tianbao template import <notice.docx|notice.pdf>`: every table, the schedule and the requirements. */
export async function importNoticeFile(
  file: string,
  bytes: Uint8Array,
  opts: { json?: boolean; id?: string; year?: number; out?: string },
): Promise<void> {
  let result: NoticeFileResult;
  try {
    result = await readNoticeFile(bytes, basename(file), {
      pdfjs: loadNodePdfJs,
      ...(opts.year ? { year: opts.year } : {}),
    });
  } catch (err) {
    if (err instanceof NoticeFileError) throw new CliError(`${file}: ${err.message} (${err.code})`);
    throw err;
  }
  const templates = opts.id
    ? result.templates.map((t, i) => ({
        ...t,
        id: result.templates.length > 1 ? `${opts.id}-${i + 1}` : (opts.id as string),
      }))
    : result.templates;
  const printed = {
    file: basename(file),
    format: result.format,
    title: result.title,
    issuer: result.issuer ?? null,
    documentNumber: result.documentNumber ?? null,
    year: result.year,
    campaign: result.campaign ?? null,
    templates: templates.map(withKeys),
    liaison: result.liaison ?? null,
    plan: result.plan ?? null,
    schedule: result.deadlines,
    media: result.media,
    warnings: result.warnings.map((w) => ({ code: w.code, message: w.message })),
  };
  if (opts.out) writeFileSync(opts.out, `${JSON.stringify(printed, null, 2)}\n`);
  for (const w of result.warnings) process.stderr.write(`warning: ${w.message}\n`);
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(printed, null, 2)}\n`);
    return;
  }
  const lines = [
    `${result.title || basename(file)}  (${result.format})`,
    ...(result.issuer ? [`issued by: ${result.issuer}`] : []),
    ...(result.documentNumber ? [`document number: ${result.documentNumber}`] : []),
    result.campaign
      ? `campaign: ${result.campaign.start} to ${result.campaign.end}`
      : `campaign: not stated (June ${result.year} assumed)`,
    `statistics tables: ${templates.length}`,
    ...templates.map((t) => `  ${t.id}  ${t.title}  (${t.slots.length} blanks)`),
    ...(result.liaison
      ? [`liaison form: ${result.liaison.title}: ${result.liaison.fields.map((f) => f.label).join(', ')}`]
      : []),
    ...(result.plan
      ? [`plan: ${result.plan.title}: ${result.plan.fields.map((f) => f.label).join(', ')}`]
      : []),
    `schedule (check against the notice):`,
    ...result.deadlines.map((d) => `  ${d.kind.padEnd(14)} ${when(d).padEnd(30)} ${d.title}${form(d)}`),
    ...result.media.map(
      (m) =>
        `media: ${m.kind} ${m.width ? `${m.minimum ? '≥' : ''}${m.width}×${m.height} ` : ''}${m.formats.join('/')}`,
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

function when(d: Deadline): string {
  const at = d.hour !== undefined ? ` ${d.hour}:00` : '';
  if (d.date) return `${d.date}${at}`;
  if (d.weekday) return `weekday ${d.weekday}${at}${d.months ? ` in months ${d.months.join(',')}` : ''}`;
  if (d.dayOfMonth) return `day ${d.dayOfMonth} of months ${d.months?.join(',') ?? 'each'}`;
  if (d.withinDays) return `within ${d.withinDays} days after an activity`;
  return '';
}

function form(d: Deadline): string {
  const parts = [d.paper && 'paper', d.seal && 'sealed', d.electronic && 'electronic'].filter(Boolean);
  return parts.length ? ` [${parts.join(', ')}]` : '';
}

export function readBytes(file: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(file));
  } catch (err) {
    throw new CliError(`cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
}
