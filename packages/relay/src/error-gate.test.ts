import { describe, expect, it } from 'vitest';
import { ErrorGate } from './error-gate.ts';
import type { LogFields } from './log.ts';

const collect = () => {
  const lines: { event: string; fields: LogFields | undefined; level: string | undefined }[] = [];
  const gate = new ErrorGate((event, fields, level) => void lines.push({ event, fields, level }));
  return { lines, gate };
};

describe('ErrorGate', () => {
  it('logs the first failure of each kind, counts the rest, and says so once storage answers', () => {
    const { lines, gate } = collect();
    for (let i = 0; i < 50; i++) gate.failed('auth error', { socket: `s${i}`, error: 'ECONNREFUSED' });
    gate.failed('store error', { document: 'u/log', error: 'terminating connection' });
    gate.failed('store error', { document: 'u/log', error: 'ECONNREFUSED' });
    expect(lines.map((l) => l.event)).toEqual(['auth error', 'store error']);
    expect(lines[0]).toMatchObject({ fields: { socket: 's0' }, level: 'error' });
    gate.succeeded();
    gate.succeeded();
    expect(lines.slice(2)).toEqual([
      {
        event: 'storage answering again',
        fields: { 'repeated auth error': 49, 'repeated store error': 1 },
        level: undefined,
      },
    ]);
    // The next outage is logged again.
    gate.failed('auth error', { socket: 'later' }, 'warn');
    expect(lines[3]).toMatchObject({ event: 'auth error', fields: { socket: 'later' }, level: 'warn' });
  });

  it('says nothing on success when nothing failed', () => {
    const { lines, gate } = collect();
    gate.succeeded();
    expect(lines).toEqual([]);
  });
});
