/**
 * Summaries the benches that run fresh child processes report (bench:first, bench:spelling):
 * medians over runs, nearest-rank quantiles within a run, and the machine they ran on.
 */
import { cpus } from 'node:os';

/** The middle value (the upper of the two middle ones for an even count). */
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The nearest-rank quantile q (0..1] of xs. */
export const quantile = (xs, q) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
};

/** Node's version and the CPUs, for a bench's JSON. */
export const machine = () => ({ node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown' });
