import { describe, expect, it } from 'vitest';
import type { PlanNode } from '../../../shared/query';
import { nodeAt, walkPlan } from '../../../shared/plan/paths';
import type { Finding } from '../../../shared/plan/types';
import { buffersText, graphLayout, misestimateFactor, planMetric, planRows, visibleRows } from './model';
import { formatMs, workloadBars } from './workloadModel';

const leaf = (op: string, extra: Partial<PlanNode> = {}): PlanNode => ({ op, children: [], ...extra });
const analyzed: PlanNode = {
  op: 'Hash Join',
  timeMs: 100,
  estimatedRows: 10,
  actualRows: 5000,
  children: [
    leaf('Seq Scan', { relation: 'orders', timeMs: 60, estimatedRows: 40000, actualRows: 40000, detail: { 'Shared Hit Blocks': 455, 'Shared Read Blocks': 3, 'Temp Read Blocks': 0, 'Temp Written Blocks': 0 } }),
    { op: 'Hash', timeMs: 20, estimatedRows: 100, actualRows: 120, children: [leaf('Seq Scan', { relation: 'customers', timeMs: 15, estimatedRows: 100, actualRows: 120 })] },
  ],
};

describe('plan model', () => {
  it('gives node paths that address the same node', () => {
    for (const w of walkPlan(analyzed)) expect(nodeAt(analyzed, w.path)).toBe(w.node);
    expect(walkPlan(analyzed).map((w) => w.path)).toEqual(['0', '0.0', '0.1', '0.1.0']);
    expect(nodeAt(analyzed, '0.5')).toBeUndefined();
  });

  it('bars show time shares: own = inclusive minus children', () => {
    const rows = planRows(analyzed);
    expect(planMetric(analyzed)).toBe('time');
    expect(rows[0]!.totalShare).toBe(1);
    expect(rows[0]!.selfShare).toBeCloseTo(0.2);
    expect(rows.find((r) => r.path === '0.0')!.selfShare).toBeCloseTo(0.6);
    expect(rows.find((r) => r.path === '0.1')!.selfShare).toBeCloseTo(0.05);
  });

  it('uses cost when the plan was not measured, and nothing when it has neither', () => {
    const est: PlanNode = { op: 'Sort', cost: 200, children: [leaf('Seq Scan', { cost: 50 })] };
    expect(planRows(est)[0]!.metric).toBe('cost');
    expect(planRows(est)[1]!.totalShare).toBeCloseTo(0.25);
    expect(planRows(leaf('SCAN'))[0]!.metric).toBe('none');
  });

  it('flags misestimates in both directions and keeps the factor', () => {
    expect(misestimateFactor(10, 5000)).toBe(500);
    expect(misestimateFactor(5000, 10)).toBe(500);
    expect(misestimateFactor(0, 0)).toBe(1);
    expect(misestimateFactor(undefined, 3)).toBeUndefined();
    const rows = planRows(analyzed);
    expect(rows[0]!.misestimate).toBe(500);
    expect(rows[1]!.misestimate).toBe(1);
  });

  it('carries buffers and the most severe finding of each node', () => {
    const findings: Finding[] = [
      { rule: 'select-star-wide', title: 'x', severity: 'info', nodePath: '0.0', node: 'x', message: '', fix: '' },
      { rule: 'seq-scan-selective', title: 'x', severity: 'warning', nodePath: '0.0', node: 'x', message: '', fix: '' },
    ];
    const row = planRows(analyzed, findings)[1]!;
    expect(row.severity).toBe('warning');
    expect(buffersText(row.buffers)).toBe('hit 455 · read 3');
  });

  it('hides the rows of collapsed nodes only', () => {
    const rows = planRows(analyzed);
    expect(visibleRows(rows, new Set(['0.1'])).map((r) => r.path)).toEqual(['0', '0.0', '0.1']);
  });

  it('lays the graph out with parents centred over their children', () => {
    const g = graphLayout(planRows(analyzed));
    const x = new Map(g.boxes.map((b) => [b.path, b.x]));
    expect(x.get('0.0')).toBeLessThan(x.get('0.1.0')!);
    expect(x.get('0')).toBe((x.get('0.0')! + x.get('0.1')!) / 2);
    expect(g.edges).toHaveLength(3);
  });

  it('lays out a 2000-deep chain without overflowing the stack', () => {
    let node = leaf('Seq Scan');
    for (let i = 0; i < 2000; i++) node = { op: 'Filter', children: [node] };
    expect(graphLayout(planRows(node)).boxes).toHaveLength(2001);
  });
});

describe('workload model', () => {
  it('sorts bars by total time, scaled to the largest', () => {
    const bars = workloadBars([
      { query: 'a', calls: 1, totalMs: 10, meanMs: 10, rows: 1 },
      { query: 'b', calls: 1, totalMs: 40, meanMs: 40, rows: 1 },
    ]);
    expect(bars.map((b) => [b.label, b.share])).toEqual([['b', 1], ['a', 0.25]]);
    expect(formatMs(1500)).toBe('1.5 s');
    expect(formatMs(0.123)).toBe('0.12 ms');
  });
});

describe('explain on open', () => {
  it('is taken once, by the tab on the same connection showing the same SQL, and expires', async () => {
    const { requestExplainOnOpen, takeExplainOnOpen } = await import('./explainOnOpen');
    requestExplainOnOpen('c1', 'SELECT 1', 1000);
    expect(takeExplainOnOpen('c2', 'SELECT 1', 1001)).toBe(false);
    expect(takeExplainOnOpen('c1', 'SELECT 2', 1001)).toBe(false);
    expect(takeExplainOnOpen('c1', ' SELECT 1\n', 1002)).toBe(true);
    expect(takeExplainOnOpen('c1', 'SELECT 1', 1003)).toBe(false);
    requestExplainOnOpen('c1', 'SELECT 1', 1000);
    expect(takeExplainOnOpen('c1', 'SELECT 1', 20_000)).toBe(false);
  });
});
