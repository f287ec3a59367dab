/** Pure helpers of the workload view: bar lengths and short labels for the top statements. */
import type { WorkloadStatement } from '../../../shared/plan/types';

/** A bar of the chart. */
export interface WorkloadBar {
  index: number;
  label: string;
  /** 0..1 of the largest total time. */
  share: number;
  totalMs: number;
}

/** The top `n` statements as bars of total time. */
export function workloadBars(statements: WorkloadStatement[], n = 10): WorkloadBar[] {
  const top = [...statements].sort((a, b) => b.totalMs - a.totalMs).slice(0, n);
  const max = Math.max(...top.map((s) => s.totalMs), 0) || 1;
  return top.map((s, index) => ({ index, label: shortSql(s.query, 48), share: s.totalMs / max, totalMs: s.totalMs }));
}

/** One line of SQL, clipped. */
export function shortSql(sql: string, max: number): string {
  const one = sql.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/** Milliseconds for a table cell: "1.2 s", "35.0 ms", "0.12 ms". */
export function formatMs(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(ms >= 10_000 ? 0 : 1)} s`;
  return `${ms.toFixed(ms < 1 ? 2 : 1)} ms`;
}
