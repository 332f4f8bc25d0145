/** Small pure helpers shared by the benchmark's parent and its worker processes. */

/** Nearest-rank percentile of an ascending list (p in 0–100); 0 for an empty list. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}

/** p50, p95, mean and max of latencies in ms, rounded to 0.01 ms. */
export interface LatencySummary {
  n: number;
  p50Ms: number;
  p95Ms: number;
  meanMs: number;
  maxMs: number;
}

export function summarizeLatencies(ms: readonly number[]): LatencySummary {
  const sorted = [...ms].sort((a, b) => a - b);
  const round = (x: number): number => Math.round(x * 100) / 100;
  const sum = sorted.reduce((a, b) => a + b, 0);
  return { n: sorted.length, p50Ms: round(percentile(sorted, 50)), p95Ms: round(percentile(sorted, 95)), meanMs: round(sorted.length ? sum / sorted.length : 0), maxMs: round(sorted[sorted.length - 1] ?? 0) };
}

/** Every ⌈n / size⌉-th index of 0..n-1, at most `size` of them: a fixed, evenly spread sample. */
export function evenSample(n: number, size: number): number[] {
  if (size >= n) return Array.from({ length: n }, (_, i) => i);
  const step = n / size;
  return Array.from({ length: size }, (_, i) => Math.floor(i * step));
}

/** Peak resident set size of this process so far, in MB (getrusage; kilobytes on Linux). */
export function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/** The line a worker prints its result on, so library output on stdout cannot be mistaken for it. */
export const RESULT_MARKER = "BENCH_RESULT ";
