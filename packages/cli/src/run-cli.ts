import type { Command } from 'commander';
import { registerCommands } from './commands/index.ts';

/** Errors a user can act on: printed as one line on stderr, exit code 1, no stack trace. */
export class CliError extends Error {}

export async function runCli(program: Command, argv: string[]): Promise<void> {
  registerCommands(program);
  try {
    await program.parseAsync(argv);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`error: ${message}\n`);
    if (!(err instanceof CliError) && process.env.TIANBAO_DEBUG) console.error(err);
    process.exitCode = 1;
  }
}
