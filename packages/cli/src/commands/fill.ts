import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { runFill } from '../fill/run-fill.ts';
import { CliError } from '../run-cli.ts';

export function registerFill(program: Command): void {
  program
    .command('fill')
    .description(
      'fill a portal page through the built extension in Chromium, as the side panel’s 一键填报 does, and dump the page',
    )
    .requiredOption('--url <url>', 'portal page to fill')
    .requiredOption('--template <id>', 'template id (a statistics table, or liaison for the liaison form)')
    .requiredOption(
      '--values <values.json>',
      'values keyed by slot index (template order) or slot id; for --template liaison the profile field names',
    )
    .requiredOption(
      '--out <dump.json>',
      'where to write { fields, filled, unsure, notFound, elapsedMs, timings }',
    )
    .option('--ignore-https-errors', 'accept a self-signed or expired HTTPS certificate of the portal')
    .addHelpText(
      'after',
      `
Needs the built extension (pnpm build) and Debian's Chromium (/usr/bin/chromium, or $CHROMIUM).
The run uses a fresh profile and a copy of the extension whose manifest already grants the URL's origin,
i.e. the state after a user pressed 在此网站启用填报助手: headless Chromium cannot click the permission
prompt. The values become a fresh unit log joined through the first-run page; only the matches the side
panel fills without asking are filled (unsure ones are counted, not filled).`,
    )
    .action(
      async (o: {
        url: string;
        template: string;
        values: string;
        out: string;
        ignoreHttpsErrors?: boolean;
      }) => {
        let values: Record<string, unknown>;
        try {
          values = JSON.parse(readFileSync(o.values, 'utf8'));
        } catch (err) {
          throw new CliError(`cannot read ${o.values}: ${err instanceof Error ? err.message : String(err)}`);
        }
        if (!values || typeof values !== 'object' || Array.isArray(values))
          throw new CliError(`${o.values} must hold a JSON object of values`);
        const result = await runFill({
          url: o.url,
          template: o.template,
          values,
          ignoreHttpsErrors: o.ignoreHttpsErrors ?? false,
        });
        writeFileSync(o.out, `${JSON.stringify(result, null, 1)}\n`);
        process.stdout.write(
          `filled ${result.filled}, unsure ${result.unsure}, not found ${result.notFound}, ${result.fields.length} controls, ${result.elapsedMs} ms → ${o.out}\n`,
        );
      },
    );
}
