export { BUILT_EXTENSION, extensionWithAccess } from './fill/extension-copy.ts';
export { fillLogFile, valuesBySlotId } from './fill/fill-log.ts';
export {
  CHROMIUM,
  CHROMIUM_ARGS,
  type ExtensionSession,
  joinLogThroughUi,
  launchWithExtension,
  tabIdOf,
} from './fill/launch-browser.ts';
export { type FillSteps, type RunFillOptions, type RunFillResult, runFill } from './fill/run-fill.ts';
export { CliError, runCli } from './run-cli.ts';
