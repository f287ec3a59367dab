/**
 * The plan view's pure model: the plan flattened into rows with their share of cost or time
 * (the bars), estimated vs actual rows with misestimates flagged, findings by node path, and a
 * simple tidy layout for the graph mode.
 */
import type { PlanNode } from '../../../shared/query';
import { factsOf, type PlanBuffers } from '../../../shared/plan/facts';
import { nodeLabel, walkPlan } from '../../../shared/plan/paths';
import type { Finding, FindingSeverity } from '../../../shared/plan/types';

/** Misestimates from this factor are shown in red. */
export const MISESTIMATE_RED = 10;

/** One row of the plan tree. */
export interface PlanRowModel {
  path: string;
  depth: number;
  label: string;
  op: string;
  relation?: string;
  /** Which metric the bars show for the whole plan. */
  metric: 'time' | 'cost' | 'none';
  /** The node's own share (inclusive minus children), 0..1. */
  selfShare: number;
  /** The node's inclusive share, 0..1. */
  totalShare: number;
  estimatedRows?: number;
  actualRows?: number;
  loops?: number;
  /** max/min of actual vs estimated (≥ 1), when both are known. */
  misestimate?: number;
  buffers?: PlanBuffers;
  /** Extra one-line facts (filter, index, sort method). */
  facts: string[];
  /** The most severe finding citing the node. */
  severity?: FindingSeverity;
  hasChildren: boolean;
}

function inclusive(node: PlanNode, metric: PlanRowModel['metric']): number {
  if (metric === 'time') return (node.timeMs ?? 0) * (typeof node.detail?.['Actual Loops'] === 'number' ? (node.detail['Actual Loops'] as number) : 1);
  if (metric === 'cost') return node.cost ?? 0;
  return 0;
}

/** Time when the plan was measured (ANALYZE), else cost, else nothing. */
export function planMetric(plan: PlanNode): PlanRowModel['metric'] {
  if (plan.timeMs !== undefined || walkPlan(plan).some((w) => w.node.timeMs !== undefined)) return 'time';
  if (walkPlan(plan).some((w) => w.node.cost !== undefined)) return 'cost';
  return 'none';
}

/** The misestimate factor (≥ 1), or undefined when either side is unknown. */
export function misestimateFactor(estimated: number | undefined, actual: number | undefined): number | undefined {
  if (estimated === undefined || actual === undefined) return undefined;
  return Math.max(estimated, actual, 1) / Math.max(Math.min(estimated, actual), 1);
}

const SEVERITY_RANK: Record<FindingSeverity, number> = { critical: 0, warning: 1, info: 2 };

/** Findings grouped by the node path they cite. */
export function findingsByPath(findings: Finding[]): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const f of findings) out.set(f.nodePath, [...(out.get(f.nodePath) ?? []), f]);
  return out;
}

/** Flattens the plan into tree rows (pre-order) with bars, misestimates and the findings' severity. */
export function planRows(plan: PlanNode, findings: Finding[] = []): PlanRowModel[] {
  const metric = planMetric(plan);
  const walked = walkPlan(plan);
  // Inclusive metrics can be per-loop or cumulative depending on the engine: the max is the total.
  const total = Math.max(...walked.map((w) => inclusive(w.node, metric)), 0) || 1;
  const byPath = findingsByPath(findings);
  return walked.map(({ node, path, depth }) => {
    const facts = factsOf(node);
    const mine = inclusive(node, metric);
    const kids = node.children.reduce((s, c) => s + inclusive(c, metric), 0);
    const own = byPath.get(path) ?? [];
    const severity = own.map((f) => f.severity).sort((a, b) => SEVERITY_RANK[a] - SEVERITY_RANK[b])[0];
    const row: PlanRowModel = {
      path,
      depth,
      label: nodeLabel(node),
      op: node.op,
      metric,
      selfShare: Math.max(0, Math.min(1, (mine - Math.min(kids, mine)) / total)),
      totalShare: Math.max(0, Math.min(1, mine / total)),
      facts: [
        facts.indexName ? `index ${facts.indexName}` : '',
        facts.filter ? `filter ${facts.filter}` : '',
        facts.joinCondition && !facts.indexName ? `on ${facts.joinCondition}` : '',
        facts.sortMethod ? `sort ${facts.sortMethod}` : '',
        facts.hashBatches !== undefined && facts.hashBatches > 1 ? `${facts.hashBatches} hash batches` : '',
        facts.spill ? 'spilled to disk' : '',
      ].filter(Boolean),
      hasChildren: node.children.length > 0,
    };
    if (node.relation) row.relation = node.relation;
    if (node.estimatedRows !== undefined) row.estimatedRows = node.estimatedRows;
    if (node.actualRows !== undefined) row.actualRows = node.actualRows;
    if (facts.loops !== undefined) row.loops = facts.loops;
    const mis = misestimateFactor(node.estimatedRows, node.actualRows);
    if (mis !== undefined) row.misestimate = mis;
    if (facts.buffers) row.buffers = facts.buffers;
    if (severity) row.severity = severity;
    return row;
  });
}

/** Rows hidden under collapsed nodes are removed. */
export function visibleRows(rows: PlanRowModel[], collapsed: ReadonlySet<string>): PlanRowModel[] {
  return rows.filter((r) => ![...collapsed].some((c) => r.path !== c && r.path.startsWith(`${c}.`)));
}

/** A compact number: 1234 → "1.2k", 2500000 → "2.5M". */
export function compact(n: number | undefined): string {
  if (n === undefined) return '–';
  const a = Math.abs(n);
  if (a >= 1e9) return `${(n / 1e9).toFixed(1)}G`;
  if (a >= 1e6) return `${(n / 1e6).toFixed(1)}M`;
  if (a >= 1e4) return `${(n / 1e3).toFixed(1)}k`;
  return Number.isInteger(n) ? String(n) : n.toFixed(n < 10 ? 2 : 1);
}

/** One-line buffer summary: "hit 455 · read 12 · temp 695/749". */
export function buffersText(b: PlanBuffers | undefined): string {
  if (!b) return '';
  const parts = [`hit ${compact(b.sharedHit)}`, `read ${compact(b.sharedRead)}`];
  if (b.sharedDirtied || b.sharedWritten) parts.push(`dirtied ${compact(b.sharedDirtied)} · written ${compact(b.sharedWritten)}`);
  if (b.tempRead || b.tempWritten) parts.push(`temp ${compact(b.tempRead)}/${compact(b.tempWritten)}`);
  if (b.ioReadMs !== undefined) parts.push(`I/O ${b.ioReadMs.toFixed(1)} ms`);
  return parts.join(' · ');
}

/** A box of the graph mode. */
export interface GraphBox {
  path: string;
  x: number;
  y: number;
  label: string;
  sub: string;
  severity?: FindingSeverity;
  share: number;
  /** Actual rows ≥ 10× off the estimate. */
  misestimate: boolean;
}

/** Box size and gaps of the graph mode (px). */
export const GRAPH = { w: 196, h: 44, dx: 20, dy: 34 } as const;

/** A top-down tidy layout: leaves left to right, parents centred over their children. */
export function graphLayout(rows: PlanRowModel[]): { boxes: GraphBox[]; edges: Array<[string, string]>; width: number; height: number } {
  const byPath = new Map(rows.map((r) => [r.path, r]));
  const children = new Map<string, string[]>();
  for (const r of rows) {
    const parent = r.path.includes('.') ? r.path.slice(0, r.path.lastIndexOf('.')) : null;
    if (parent !== null && byPath.has(parent)) children.set(parent, [...(children.get(parent) ?? []), r.path]);
  }
  const xs = new Map<string, number>();
  let nextLeaf = 0;
  // Post-order without recursion: deep plans must not overflow the stack.
  const order = [...rows].reverse();
  for (const r of order) {
    const kids = children.get(r.path);
    if (!kids?.length) xs.set(r.path, nextLeaf++);
  }
  // Leaves were numbered right-to-left; flip them, then centre parents bottom-up.
  for (const [k, v] of xs) xs.set(k, nextLeaf - 1 - v);
  for (const r of order) {
    const kids = children.get(r.path);
    if (kids?.length) xs.set(r.path, (xs.get(kids[0]!)! + xs.get(kids[kids.length - 1]!)!) / 2);
  }
  const boxes = rows.map((r) => ({
    path: r.path,
    x: xs.get(r.path)! * (GRAPH.w + GRAPH.dx),
    y: r.depth * (GRAPH.h + GRAPH.dy),
    label: r.label,
    sub: r.actualRows !== undefined ? `${compact(r.actualRows)} rows (est. ${compact(r.estimatedRows)})` : `est. ${compact(r.estimatedRows)} rows`,
    share: r.totalShare,
    misestimate: (r.misestimate ?? 1) >= MISESTIMATE_RED,
    ...(r.severity ? { severity: r.severity } : {}),
  }));
  const edges: Array<[string, string]> = [];
  for (const [p, kids] of children) for (const k of kids) edges.push([p, k]);
  const maxDepth = Math.max(0, ...rows.map((r) => r.depth));
  return { boxes, edges, width: Math.max(1, nextLeaf) * (GRAPH.w + GRAPH.dx), height: (maxDepth + 1) * (GRAPH.h + GRAPH.dy) };
}

/** The raw plan as text for the side pane (JSON pretty-printed, XML and tree text as they are). */
export function rawText(raw: unknown): string {
  return typeof raw === 'string' ? raw : JSON.stringify(raw, null, 2);
}
