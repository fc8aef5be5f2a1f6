import type { Command } from 'commander';
import { registerRelay } from './relay.ts';

/** Each command family lives in its own file and adds itself here. */
export function registerCommands(program: Command): void {
  void program;
  registerRelay(program);
}
