/** The shape every benchmark reports (written to bench/results/latest.json). */
export interface BenchEntry {
  name: string;
  value: number;
  unit: string;
  /** The same-run baseline the value is compared with. */
  baseline?: number;
  /** value / baseline (or baseline / value for throughputs), as stated in the name. */
  ratio?: number;
  /** The figure to reach, in words (e.g. "≤ 3× raw catalog"). */
  goal?: string;
  /** The bench file that wrote it (set by bench/run.ts; a re-run of that file replaces all its entries). */
  file?: string;
}

/** Median of numbers. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Times an async function (ms). */
export async function time(fn: () => Promise<unknown> | unknown): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/** Rounds to 3 significant decimals for display. */
export function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
