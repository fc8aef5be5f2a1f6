/** One structured event. Fields name units, documents and token ids, never contents or secrets. */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export type Logger = (event: string, fields?: LogFields, level?: 'info' | 'warn' | 'error') => void;

/** One JSON line per event on the given sink (stdout by default). */
export function createLogger(write: (line: string) => void = (line) => process.stdout.write(line)): Logger {
  return (event, fields = {}, level = 'info') => {
    write(`${JSON.stringify({ time: new Date().toISOString(), level, event, ...fields })}\n`);
  };
}

export const silentLogger: Logger = () => {};
