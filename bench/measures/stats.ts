/** Nearest-rank percentile of a sample, in its unit. */
export function percentile(sample: readonly number[], p: number): number {
  if (sample.length === 0) return Number.NaN;
  const sorted = [...sample].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const median = (sample: readonly number[]) => percentile(sample, 50);

/** Runs `once` n times and returns each duration in milliseconds. */
export async function timed(n: number, once: (i: number) => unknown): Promise<number[]> {
  const durations: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await once(i);
    durations.push(performance.now() - start);
  }
  return durations;
}

export interface MeasureResult {
  id: number;
  measure: string;
  /** What was measured, in words: `p99 of 2,000 lookups`. */
  detail: string;
  unit: 'ms' | 's' | 'MB' | 'ratio' | 'events/s' | 'tickets/s';
  median: number | null;
  p99: number | null;
  target: string;
  met: boolean | null;
  /** Values at or below this are upper bounds (the instrument reports nothing finer), shown as `≤ n`. */
  atMost?: number;
}
