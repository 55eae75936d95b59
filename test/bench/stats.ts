// Small statistics for the benchmark: medians and percentiles over samples, and A/B timing in
// interleaved blocks so that drift in machine load hits both sides alike.

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (sorted.length - 1) * p;
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 0.5);
}

export interface Summary {
  median: number;
  p10: number;
  p90: number;
  min: number;
  max: number;
  n: number;
}

export function summarize(samples: readonly number[]): Summary {
  return {
    median: median(samples),
    p10: percentile(samples, 0.1),
    p90: percentile(samples, 0.9),
    min: Math.min(...samples),
    max: Math.max(...samples),
    n: samples.length,
  };
}

export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** "p10–p90 a–b, min–max c–d, n runs" with `digits` decimals. */
export function spreadText(s: Summary, digits: number, unit = '', what = 'runs'): string {
  const f = (v: number): string => `${v.toFixed(digits)}${unit}`;
  return `p10–p90 ${f(s.p10)}–${f(s.p90)}, min–max ${f(s.min)}–${f(s.max)}, ${s.n} ${what}`;
}

/** Milliseconds since `start` (a process.hrtime.bigint() reading). */
export function msSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export interface AbResult {
  /** Per block: time of A / time of B. */
  ratios: number[];
  aMs: number[];
  bMs: number[];
}

/**
 * Runs `blocks` pairs of blocks; each block calls its side `perBlock` times in sequence. The order
 * inside a pair alternates (AB, BA, …) so neither side always runs first after the other.
 */
export async function interleaved(
  blocks: number,
  perBlock: number,
  a: (i: number) => Promise<unknown>,
  b: (i: number) => Promise<unknown>,
): Promise<AbResult> {
  const result: AbResult = { ratios: [], aMs: [], bMs: [] };
  let call = 0;
  const time = async (side: (i: number) => Promise<unknown>): Promise<number> => {
    const start = process.hrtime.bigint();
    for (let i = 0; i < perBlock; i++) await side(call++);
    return msSince(start);
  };
  for (let block = 0; block < blocks; block++) {
    let aMs: number;
    let bMs: number;
    if (block % 2 === 0) {
      aMs = await time(a);
      bMs = await time(b);
    } else {
      bMs = await time(b);
      aMs = await time(a);
    }
    result.aMs.push(aMs);
    result.bMs.push(bMs);
    result.ratios.push(aMs / bMs);
  }
  return result;
}
