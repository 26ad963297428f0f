/**
 * Timing helpers: one sample per call, read with process.hrtime.bigint (ns
 * resolution), after a warm-up so the JIT has compiled the hot path.
 */

export interface Summary {
  n: number;
  /** Milliseconds. */
  median: number;
  p95: number;
  max: number;
  mean: number;
  /** Process CPU time per call (timeLoop only): what a busy shared machine does not inflate. */
  cpuMean?: number;
}

/** Nearest-rank percentile (p in 0..100) of unsorted samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function summarize(samples: readonly number[]): Summary {
  return {
    n: samples.length,
    median: percentile(samples, 50),
    p95: percentile(samples, 95),
    max: samples.length ? Math.max(...samples) : Number.NaN,
    mean: samples.reduce((a, b) => a + b, 0) / samples.length,
  };
}

export interface LoopOptions {
  warmup: number;
  /** Stop after this many timed calls ... */
  iterations: number;
  /** ... or after this much time, whichever comes first (but at least `minIterations`). */
  budgetMs: number;
  minIterations?: number;
}

/** Times `fn(i)` call by call; the result of each call goes to `sink` so it cannot be optimised away. */
export function timeLoop<T>(fn: (i: number) => T, opts: LoopOptions, sink: (r: T) => void = () => {}): Summary {
  for (let i = 0; i < opts.warmup; i++) sink(fn(i));
  const samples: number[] = [];
  const cpu0 = process.cpuUsage();
  const start = process.hrtime.bigint();
  const budget = BigInt(Math.round(opts.budgetMs * 1e6));
  for (let i = 0; i < opts.iterations; i++) {
    const t0 = process.hrtime.bigint();
    const r = fn(opts.warmup + i);
    const t1 = process.hrtime.bigint();
    sink(r);
    samples.push(Number(t1 - t0) / 1e6);
    if (t1 - start > budget && samples.length >= (opts.minIterations ?? 1)) break;
  }
  const cpu = process.cpuUsage(cpu0);
  return { ...summarize(samples), cpuMean: (cpu.user + cpu.system) / 1000 / samples.length };
}

/** Wall and CPU time of one call, in ms. The CPU figure shows what a busy shared machine did to the wall figure. */
export function timeOnce<T>(fn: () => T): { result: T; wallMs: number; cpuMs: number } {
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const result = fn();
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpu = process.cpuUsage(cpu0);
  return { result, wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}
