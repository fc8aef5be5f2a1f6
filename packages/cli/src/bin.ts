#!/usr/bin/env node
import { Command } from 'commander';
import { runCli } from './run-cli.ts';

const program = new Command('tianbao')
  .description('填报助手 Tianbao: the unit activity log, statistics tables, Excel and portal autofill')
  .showHelpAfterError();

// `tianbao stats … | head` closes the pipe early: the reader has what it wanted, so stop quietly rather
// than die on an unhandled EPIPE with a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
  process.exit(0);
});

await runCli(program, process.argv);
