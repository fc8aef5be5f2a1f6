export { CliError, runCli } from './run-cli.ts';
