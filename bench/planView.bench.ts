/**
 * Plan view: parsing, normalising, advising and rendering a 200-node plan (goal ≤ 200 ms).
 * The plan is a PostgreSQL EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) document built from the
 * recorded fixture's node shapes (joins over scans, ~40 keys per node). Render is the React
 * tree and graph rendered to a string with react-dom/server, production build (a static
 * render, not Chromium layout and paint). Baseline in the same run: JSON.parse of the same raw text.
 */
import fs from 'node:fs';
import path from 'node:path';
import { normalise } from '../src/main/drivers/postgres/explain';
import { advise } from '../src/main/plan';
import { shopSnapshot } from '../src/main/plan/fixtures/shopSnapshot';
import type { Finding } from '../src/shared/plan/types';
import type { PlanNode } from '../src/shared/query';
import { median, round, type BenchEntry } from './types';

type PgNode = Record<string, unknown> & { Plans?: PgNode[] };

/** A balanced-ish plan of `n` nodes: Hash Joins and Nested Loops over Seq/Index Scans. */
function buildPlan(n: number): PgNode {
  const recorded = JSON.parse(fs.readFileSync(path.resolve('src/main/plan/fixtures/postgres.json'), 'utf8')) as Record<string, { analyzed: Array<{ Plan: PgNode }> }>;
  const scan = recorded.seqScan!.analyzed[0]!.Plan;
  const join = recorded.nestedLoop!.analyzed[0]!.Plan;
  let count = 0;
  const make = (depth: number): PgNode => {
    count++;
    const leaf = depth >= 7 || count >= n - 1;
    if (leaf) return { ...scan, 'Relation Name': `t${count}`, 'Actual Rows': 1000 + count, 'Plan Rows': 10 + count };
    const node: PgNode = { ...join, 'Node Type': count % 2 ? 'Hash Join' : 'Nested Loop', 'Hash Cond': `(t${count}.a_id = t${count + 1}.id)` };
    delete node.Plans;
    node.Plans = [make(depth + 1)];
    if (count < n) node.Plans.push(make(depth + 1));
    return node;
  };
  const root = make(0);
  return root;
}

function countNodes(p: PgNode): number {
  return 1 + (p.Plans ?? []).reduce((s, c) => s + countNodes(c), 0);
}

/** Runs the benchmark. */
export async function run(): Promise<BenchEntry[]> {
  // tsx compiles .tsx with the classic JSX runtime here (the renderer's vite build uses the
  // automatic one): give the components the global React they then expect.
  // The app ships React's production build: measure that one (set before React loads).
  process.env.NODE_ENV = 'production';
  const { default: React, createElement } = await import('react');
  const { renderToString } = await import('react-dom/server');
  (globalThis as { React?: typeof React }).React = React;
  // Renderer modules are outside the node typecheck project: loaded by path, typed by hand here.
  const renderer = '../src/renderer/features/plan/';
  type Rows = unknown[];
  const { planRows, graphLayout } = (await import(`${renderer}model`)) as { planRows(p: PlanNode, f: Finding[]): Rows; graphLayout(rows: Rows): unknown };
  const { PlanTree } = (await import(`${renderer}PlanTree`)) as { PlanTree: React.FC<Record<string, unknown>> };
  const { PlanGraph } = (await import(`${renderer}PlanGraph`)) as { PlanGraph: React.FC<Record<string, unknown>> };
  const plan = buildPlan(200);
  const nodes = countNodes(plan);
  const text = JSON.stringify([{ Plan: plan, 'Planning Time': 0.2, 'Execution Time': 40 }]);
  const sql = 'SELECT * FROM customers c JOIN orders o ON o.customer_id = c.id WHERE o.total = 5';
  const snapshot = shopSnapshot('postgres');
  const parseOnly: number[] = [];
  const pipeline: number[] = [];
  const render: number[] = [];
  let html = 0;
  for (let i = 0; i < 30; i++) {
    let t0 = performance.now();
    JSON.parse(text);
    parseOnly.push(performance.now() - t0);

    t0 = performance.now();
    const raw = JSON.parse(text) as Array<{ Plan: PgNode }>;
    const tree = normalise(raw[0]!.Plan as never);
    const findings = advise(tree, { engine: 'postgres', sql, snapshot });
    const rows = planRows(tree, findings);
    graphLayout(rows);
    const t1 = performance.now();
    const out =
      renderToString(createElement(PlanTree, { rows, selected: '0.1', onSelect: () => undefined, collapsed: new Set<string>(), onToggle: () => undefined })) +
      renderToString(createElement(PlanGraph, { rows, selected: '0.1', onSelect: () => undefined }));
    const t2 = performance.now();
    html = out.length;
    pipeline.push(t2 - t0);
    render.push(t2 - t1);
  }
  const base = median(parseOnly);
  const total = median(pipeline);
  console.log(`plan: ${nodes} nodes, ${(text.length / 1024).toFixed(0)} KB raw, ${(html / 1024).toFixed(0)} KB HTML`);
  return [
    { name: `planView: parse+normalise+advise+model+render (${nodes} nodes), ms`, value: round(total), unit: 'ms', baseline: round(base, 3), ratio: round(total / base, 1), goal: '≤ 200 ms' },
    { name: 'planView: of which React static render (tree + graph), ms', value: round(median(render)), unit: 'ms' },
    { name: 'planView: baseline JSON.parse of the raw plan, ms', value: round(base, 3), unit: 'ms' },
  ];
}
