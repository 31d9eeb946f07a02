// Percentiles and summaries of timings, for the benchmark's tables.

export interface Summary {
  count: number;
  p50: number;
  p95: number;
  max: number;
  mean: number;
}

/**
 * The p-th percentile by the nearest-rank method: the smallest value such that at least p % of the values are
 * less than or equal to it. NaN for an empty list, so a missing figure is never mistaken for a fast one.
 */
export function percentile(values: readonly number[], p: number): number {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be within 0..100, got ${p}`);
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}

export function summarize(values: readonly number[]): Summary {
  const count = values.length;
  return {
    count,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    max: count === 0 ? Number.NaN : Math.max(...values),
    mean: count === 0 ? Number.NaN : values.reduce((sum, value) => sum + value, 0) / count,
  };
}

/** Wall-clock times, and this process's CPU times: on a shared, loaded machine the second shows the cost itself. */
export interface Timing {
  wall: Summary;
  cpu: Summary;
}

/** `warmUp` untimed runs (statements prepared, pages in the cache), then `count` timed ones; `n` counts from 0. */
export async function timed(count: number, run: (n: number) => unknown, warmUp = 1): Promise<Timing> {
  for (let n = 0; n < warmUp; n++) await run(n);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let n = 0; n < count; n++) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    await run(n);
    const used = process.cpuUsage(cpuStarted);
    wall.push(performance.now() - started);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall: summarize(wall), cpu: summarize(cpu) };
}
