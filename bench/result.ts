import { cpus, totalmem } from 'node:os';

/** One measured figure; every benchmark file returns a list of these. */
export interface BenchResult {
  name: string;
  metric: string;
  value: number;
  unit: string;
  /** The target the issue asks for, e.g. '< 1500' (ms), or '' when there is none. */
  target: string;
  /** Whether the target was met; undefined when there is no target. */
  met?: boolean;
  notes?: string;
}

export const machine = () => ({
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  platform: process.platform,
});

/** A result against an upper bound. */
export const below = (
  name: string,
  metric: string,
  value: number,
  unit: string,
  max: number,
  notes?: string,
) => ({ name, metric, value, unit, target: `< ${max}`, met: value < max, notes }) satisfies BenchResult;

export const info = (name: string, metric: string, value: number, unit: string, notes?: string) =>
  ({ name, metric, value, unit, target: '', notes }) satisfies BenchResult;
