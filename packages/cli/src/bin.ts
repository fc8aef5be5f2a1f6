#!/usr/bin/env node
import { Command } from 'commander';
import { runCli } from './run-cli.ts';

const program = new Command('tianbao')
  .description('填报助手 Tianbao: the unit activity log, statistics tables, Excel and portal autofill')
  .showHelpAfterError();

await runCli(program, process.argv);
