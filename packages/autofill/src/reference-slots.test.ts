import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { slotsFromReference } from './reference-slots.ts';

describe('slotsFromReference', () => {
  test('shared reference lists become slots with id s<index>', () => {
    const reference = JSON.parse(
      readFileSync(new URL('../../../../shared/reference/daxinganling-2020.json', import.meta.url), 'utf8'),
    );
    const slots = slotsFromReference(reference);
    expect(slots).toHaveLength(reference.slots.length);
    expect(slots[7]).toMatchObject({ id: 's7', kind: 'number', before: '参与', after: '人次' });
  });

  test('a file without slots is a clear error', () => {
    expect(() => slotsFromReference({} as never)).toThrow(/slots/);
  });
});
