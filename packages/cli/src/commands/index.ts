import type { Command } from 'commander';
import { registerExcel } from './excel.ts';
import { registerFill } from './fill.ts';
import { registerLog } from './log.ts';
import { registerRelay } from './relay.ts';
import { registerReport } from './report.ts';
import { registerTemplates } from './templates.ts';

/** Each command family lives in its own file and adds itself here. */
export function registerCommands(program: Command): void {
  void program;
  registerExcel(program);
  registerFill(program);
  registerLog(program);
  registerRelay(program);
  registerReport(program);
  registerTemplates(program);
}
