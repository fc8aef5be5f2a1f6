import { describe, expect, test } from 'vitest';
import { noteStep, pairOf, remainingSlots, type StepLogs } from './form-steps';
import type { PortalRow } from './portal-rows';

const row = (key: string, slotId: string | null, status: PortalRow['status']): PortalRow => ({
  key,
  label: key,
  framePath: '',
  current: '',
  answered: false,
  unit: '',
  kind: 'text',
  slotId,
  confidence: status === 'matched' ? 1 : 0.5,
  reason: '',
  status,
});

describe('form steps', () => {
  test('each step keeps what it showed and filled; the blanks no step showed yet remain', () => {
    const logs: StepLogs = new Map();
    noteStep(
      logs,
      1,
      [row('a', 's1', 'matched'), row('b', 's2', 'unsure'), row('x', null, 'unmatched')],
      [pairOf('a', 's1')],
    );
    noteStep(logs, 2, [row('c', 's3', 'matched')], []);
    expect(logs.get(1)?.filled.size).toBe(1);
    expect(logs.get(1)?.unsure).toEqual(new Set([pairOf('b', 's2')]));
    expect(remainingSlots(logs, ['s1', 's2', 's3', 's4', 's5'])).toEqual(['s4', 's5']);
    // Back on step 1 the 需确认 row was confirmed and filled: it no longer waits.
    noteStep(logs, 1, [row('a', 's1', 'matched'), row('b', 's2', 'unsure')], [pairOf('b', 's2')]);
    expect(logs.get(1)?.unsure.size).toBe(0);
    expect(logs.get(1)?.filled.size).toBe(2);
  });

  test('a pager that draws page 2 in page 1’s controls: the same control is another blank there', () => {
    const logs: StepLogs = new Map();
    noteStep(logs, 1, [row('path:tr:1/input:1', 's1', 'matched')], [pairOf('path:tr:1/input:1', 's1')]);
    noteStep(logs, 2, [row('path:tr:1/input:1', 's11', 'matched')], []);
    expect(logs.get(2)?.filled.has(pairOf('path:tr:1/input:1', 's11'))).toBe(false);
    expect(remainingSlots(logs, ['s1', 's11', 's21'])).toEqual(['s21']);
  });
});
