import type { LogFields, Logger } from './log.ts';

/**
 * Storage failures while the database is away would be one log line per client retry (several a
 * second per client). The first failure of each kind is logged; the rest are counted until a
 * storage call succeeds again, and then one line says how many there were.
 */
export class ErrorGate {
  private readonly repeats = new Map<string, number>();

  constructor(private readonly log: Logger) {}

  failed(event: string, fields: LogFields, level: 'warn' | 'error' = 'error'): void {
    const seen = this.repeats.get(event);
    if (seen === undefined) this.log(event, fields, level);
    this.repeats.set(event, seen === undefined ? 0 : seen + 1);
  }

  succeeded(): void {
    if (!this.repeats.size) return;
    // One line for the whole outage, e.g. "repeated auth error": 41, "repeated store error": 3.
    const repeated: LogFields = {};
    for (const [event, n] of this.repeats) repeated[`repeated ${event}`] = n;
    this.repeats.clear();
    this.log('storage answering again', repeated);
  }
}
