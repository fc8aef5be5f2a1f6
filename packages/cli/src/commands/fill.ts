import { readFileSync, writeFileSync } from 'node:fs';
import { exportUpdateFile } from '@tianbao/core';
import type { Command } from 'commander';
import { CliError } from '../run-cli.ts';
import { dateOption, logTemplate, openLog } from './log.ts';

export function registerFill(program: Command): void {
  program
    .command('fill')
    .description(
      'fill a portal page through the built extension in Chromium, as the side panel’s 一键填报 does, and dump the page',
    )
    .requiredOption('--url <url>', 'portal page to fill')
    .option(
      '--template <id>',
      "template id (a statistics table, or liaison); default with --log: the log's table",
    )
    .option(
      '--values <values.json>',
      'values keyed by slot index (template order) or slot id; for --template liaison the profile field names',
    )
    .option('--log <log.tianbao>', 'fill from a unit log as it is (instead of --values)')
    .option(
      '--period <from>..<to>',
      "reporting period for the page's 本周/本期/本月 columns (their 累计 from the campaign start); default: the current week",
    )
    .requiredOption(
      '--out <dump.json>',
      'where to write { fields, filled, unsure, notFound, elapsedMs, timings }',
    )
    .option(
      '--confirm-unsure',
      'tick 确认填写 on every 需确认 row before 一键填报 (a person who trusts every suggestion)',
    )
    .option('--ignore-https-errors', 'accept a self-signed or expired HTTPS certificate of the portal')
    .addHelpText(
      'after',
      `
Needs the built extension (pnpm build) and Debian's Chromium (/usr/bin/chromium, or $CHROMIUM).
The run uses a fresh profile and a copy of the extension whose manifest already grants the URL's origin,
i.e. the state after a user pressed 在此网站启用填报助手: headless Chromium cannot click the permission
prompt. The values (or the --log) become the unit log joined through the first-run page; only the matches
the side panel fills without asking are filled (unsure ones are counted, not filled), unless
--confirm-unsure ticks every 需确认 row first. Columns for one period
(本周 …) get that period's figures, the 累计 column beside them the figures to the period's end.`,
    )
    .action(
      async (o: {
        url: string;
        template?: string;
        values?: string;
        log?: string;
        period?: string;
        out: string;
        ignoreHttpsErrors?: boolean;
        confirmUnsure?: boolean;
      }) => {
        if (!!o.values === !!o.log)
          throw new CliError('give either --values <values.json> or --log <log.tianbao>');
        let values: Record<string, unknown> | undefined;
        let log: Uint8Array | undefined;
        let template = o.template;
        if (o.values) {
          try {
            values = JSON.parse(readFileSync(o.values, 'utf8'));
          } catch (err) {
            throw new CliError(
              `cannot read ${o.values}: ${err instanceof Error ? err.message : String(err)}`,
            );
          }
          if (!values || typeof values !== 'object' || Array.isArray(values))
            throw new CliError(`${o.values} must hold a JSON object of values`);
        } else if (o.log) {
          const session = await openLog(o.log);
          log = exportUpdateFile(session.log);
          template ??= logTemplate(session.log)?.id;
          await session.close();
        }
        if (!template) throw new CliError('give --template <id> (the log names no statistics table)');
        // Playwright loads only for a fill: every other command (and each test's CLI process) starts faster.
        const { runFill } = await import('../fill/run-fill.ts');
        if (o.period) {
          const [from = '', to = ''] = o.period.split('..');
          dateOption('--period', from);
          dateOption('--period', to);
          if (from > to) throw new CliError(`--period ${o.period}: the start is after the end`);
        }
        const result = await runFill({
          url: o.url,
          template,
          ...(values && { values }),
          ...(log && { log }),
          ...(o.period && { period: o.period }),
          ignoreHttpsErrors: o.ignoreHttpsErrors ?? false,
          confirmUnsure: o.confirmUnsure ?? false,
        });
        writeFileSync(o.out, `${JSON.stringify(result, null, 1)}\n`);
        process.stdout.write(
          `filled ${result.filled}, unsure ${result.unsure}${o.confirmUnsure ? ` (${result.confirmed} confirmed first)` : ''}, not found ${result.notFound}, ${result.fields.length} controls, ${result.elapsedMs} ms → ${o.out}\n`,
        );
      },
    );
}
