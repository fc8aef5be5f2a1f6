import { describe, expect, it } from 'vitest';
import { runConvergence } from './convergence-sim.ts';

describe('convergence (seeded random: 5 replicas, partitions, duplicated and reordered delivery)', () => {
  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: all replicas identical, no unsuperseded edit lost, conflicts recorded`, () => {
      const r = runConvergence({ seed, replicas: 5, ops: 1500 });
      expect(r.identical).toBe(true);
      expect(r.lostWrites).toEqual([]);
      expect(r.conflicts).toBeGreaterThan(0);
      expect(r.duplicates).toBeGreaterThan(0);
      expect(r.entries).toBeGreaterThan(50);
    });
  }
});
