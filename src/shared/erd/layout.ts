/**
 * Automatic layout of an ER graph with elkjs (layered, orthogonal edges, one port per side of each
 * key column so an edge meets the row of the column it joins). Pure: runs in Node and in a Web
 * Worker — `elk.bundled.js` runs ELK in the calling thread, it never spawns a worker of its own.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode, ElkPort, LayoutOptions } from 'elkjs/lib/elk-api';
import type { ErEdge, ErGraph, ErNode } from './graph';
import { ER_MAX_COLUMNS, measureNode, nodeRows, rowCenterY } from './measure';
import { packComponents } from './packComponents';

// elk.bundled.js, loaded inside a Web Worker, claims `self.onmessage` (it expects to be ELK's own
// worker and would answer the host worker's messages with errors). We run ELK in the calling
// thread, so give the worker's message handler back to its owner.
const scope = globalThis as { document?: unknown; onmessage?: unknown };
if (scope.document === undefined && typeof scope.onmessage === 'function' && String(scope.onmessage).includes('.dispatch(')) scope.onmessage = null;

/** A point, px. */
export interface ErPoint {
  x: number;
  y: number;
}

/** A node's box, px (top-left corner). */
export interface ErRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Which side of a node an edge leaves or enters, at the row of its column. */
export type ErSide = 'left' | 'right';

/** Route of one edge: an orthogonal polyline from the child's column to the parent's column. */
export interface ErEdgeRoute {
  points: ErPoint[];
  fromSide: ErSide;
  toSide: ErSide;
}

/** Positions of every node and route of every edge; width/height bound everything from (0,0). */
export interface ErLayout {
  nodes: Record<string, ErRect>;
  edges: Record<string, ErEdgeRoute>;
  width: number;
  height: number;
}

/** Layout options. */
export interface ErLayoutOptions {
  /** Rows per node before folding (must match what the view draws). */
  maxColumns?: number;
  /** Baseline for benchmarks: no ports (edges meet the node, not the column). */
  withoutPorts?: boolean;
  /** Extra ELK options, merged over the defaults. */
  elk?: LayoutOptions;
  /** Large graphs: pack connected components into a block of screen shape (default true). */
  packComponents?: boolean;
}

/** The id of a column handle on one side of a node (the React view uses the same ids for its handles). */
export const columnHandleId = (column: string, side: ErSide): string => `${side === 'left' ? 'L' : 'R'}:${column}`;

const BASE_OPTIONS: LayoutOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.spacing.nodeNode': '40',
  'elk.layered.spacing.nodeNodeBetweenLayers': '100',
  'elk.spacing.edgeNode': '20',
  // Room for the crow's-foot ends (about 20 px) before the first bend of an edge.
  'elk.layered.spacing.edgeNodeBetweenLayers': '34',
  'elk.spacing.edgeEdge': '10',
  'elk.layered.spacing.edgeEdgeBetweenLayers': '10',
  'elk.separateConnectedComponents': 'true',
  'elk.spacing.componentComponent': '60',
  'elk.layered.compaction.connectedComponents': 'true',
  'elk.aspectRatio': '1.6',
  'elk.padding': '[top=20,left=20,bottom=20,right=20]',
};

/** The column an edge end anchors to: the first column of a composite key. */
const anchorColumn = (cols: string[]): string | undefined => cols[0];

/** Row index of a column of a node, or undefined when the node does not show it. */
function rowIndex(node: ErNode, column: string | undefined, maxColumns: number): number | undefined {
  if (column === undefined) return undefined;
  const i = nodeRows(node, maxColumns).findIndex((r) => r.kind === 'column' && r.column.name === column);
  return i < 0 ? undefined : i;
}

let elkInstance: InstanceType<typeof ELK> | undefined;

/** Lays the graph out with ELK. Rejects only on an ELK failure. */
export async function layoutErGraph(graph: ErGraph, opts: ErLayoutOptions = {}): Promise<ErLayout> {
  const maxColumns = opts.maxColumns ?? ER_MAX_COLUMNS;
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const ports = new Map<string, ElkPort[]>();
  const portIds = new Map<string, string>();
  const sizes = new Map(graph.nodes.map((n) => [n.id, measureNode(n, maxColumns)]));
  /** Port of (node, column, side), created on first use. */
  const port = (node: ErNode, column: string | undefined, side: ErSide): string | undefined => {
    const row = rowIndex(node, column, maxColumns);
    if (opts.withoutPorts || row === undefined) return undefined;
    const key = `${node.id}\u0000${column}\u0000${side}`;
    let pid = portIds.get(key);
    if (!pid) {
      pid = `p${portIds.size}`;
      portIds.set(key, pid);
      const size = sizes.get(node.id)!;
      const list = ports.get(node.id) ?? [];
      list.push({
        id: pid,
        x: side === 'left' ? 0 : size.width,
        y: rowCenterY(row),
        width: 0,
        height: 0,
        layoutOptions: { 'elk.port.side': side === 'left' ? 'WEST' : 'EAST' },
      });
      ports.set(node.id, list);
    }
    return pid;
  };
  const sides = new Map<string, { from: ErSide; to: ErSide }>();
  const edges: ElkExtendedEdge[] = [];
  for (const e of graph.edges) {
    const from = byId.get(e.from);
    const to = byId.get(e.to);
    if (!from || !to) continue;
    const s = { from: 'right' as ErSide, to: (e.selfLoop ? 'right' : 'left') as ErSide };
    sides.set(e.id, s);
    edges.push({
      id: e.id,
      sources: [port(from, anchorColumn(e.fromColumns), s.from) ?? e.from],
      targets: [port(to, anchorColumn(e.toColumns), s.to) ?? e.to],
    });
  }
  const big = graph.nodes.length > 150;
  const root: ElkNode = {
    id: '__root__',
    layoutOptions: {
      ...BASE_OPTIONS,
      // Large graphs: fewer crossing-minimisation sweeps keep 300+ tables well under a second or two,
      // and compacting connected components costs a third of the time with no gain there.
      ...(big ? { 'elk.layered.thoroughness': '3', 'elk.layered.compaction.connectedComponents': 'false' } : {}),
      ...opts.elk,
    },
    children: graph.nodes.map((n) => {
      const size = sizes.get(n.id)!;
      return {
        id: n.id,
        width: size.width,
        height: size.height,
        ports: ports.get(n.id) ?? [],
        layoutOptions: { 'org.eclipse.elk.portConstraints': opts.withoutPorts ? 'FREE' : 'FIXED_POS' },
      };
    }),
    edges,
  };
  elkInstance ??= new ELK();
  const out = await elkInstance.layout(root);
  const layout: ErLayout = { nodes: {}, edges: {}, width: out.width ?? 0, height: out.height ?? 0 };
  for (const c of out.children ?? []) {
    layout.nodes[c.id] = { x: c.x ?? 0, y: c.y ?? 0, width: c.width ?? 0, height: c.height ?? 0 };
  }
  for (const e of (out.edges ?? []) as ElkExtendedEdge[]) {
    const section = e.sections?.[0];
    const s = sides.get(e.id) ?? { from: 'right', to: 'left' };
    if (!section) continue;
    layout.edges[e.id] = { points: [section.startPoint, ...(section.bendPoints ?? []), section.endPoint].map((p) => ({ x: p.x, y: p.y })), fromSide: s.from, toSide: s.to };
  }
  // Any edge ELK could not route (should not happen) still gets a simple orthogonal route.
  for (const e of graph.edges) if (!layout.edges[e.id] && layout.nodes[e.from] && layout.nodes[e.to]) layout.edges[e.id] = routeEdge(graph, layout, e, maxColumns);
  // Without ELK's component compaction, components would stand in one long row: pack them.
  return big && opts.packComponents !== false ? packComponents(graph, layout) : layout;
}

/** Where an edge end meets its node: the middle of its column's row on one side (the header when folded). */
export function anchorPoint(node: ErNode, rect: ErRect, columns: string[], side: ErSide, maxColumns = ER_MAX_COLUMNS): ErPoint {
  const row = rowIndex(node, anchorColumn(columns), maxColumns);
  return { x: side === 'left' ? rect.x : rect.x + rect.width, y: rect.y + (row === undefined ? rect.height / 2 : rowCenterY(row)) };
}

/** A simple orthogonal route between two placed nodes (used for manual positions, where ELK's routes no longer hold). */
export function routeEdge(graph: ErGraph, layout: ErLayout, edge: ErEdge, maxColumns = ER_MAX_COLUMNS): ErEdgeRoute {
  const from = graph.nodes.find((n) => n.id === edge.from)!;
  const to = graph.nodes.find((n) => n.id === edge.to)!;
  const a = layout.nodes[edge.from]!;
  const b = layout.nodes[edge.to]!;
  const out = 24;
  if (edge.selfLoop) {
    const p = anchorPoint(from, a, edge.fromColumns, 'right', maxColumns);
    const q = anchorPoint(to, b, edge.toColumns, 'right', maxColumns);
    const x = a.x + a.width + out;
    return { points: [p, { x, y: p.y }, { x, y: q.y }, q], fromSide: 'right', toSide: 'right' };
  }
  let fromSide: ErSide;
  let toSide: ErSide;
  if (a.x + a.width + out <= b.x) [fromSide, toSide] = ['right', 'left'];
  else if (b.x + b.width + out <= a.x) [fromSide, toSide] = ['left', 'right'];
  else [fromSide, toSide] = ['right', 'right'];
  const p = anchorPoint(from, a, edge.fromColumns, fromSide, maxColumns);
  const q = anchorPoint(to, b, edge.toColumns, toSide, maxColumns);
  let x: number;
  if (fromSide === toSide) x = Math.max(a.x + a.width, b.x + b.width) + out;
  else x = (p.x + q.x) / 2;
  return { points: [p, { x, y: p.y }, { x, y: q.y }, q], fromSide, toSide };
}

function overlaps(a: ErRect, b: ErRect, gap: number): boolean {
  return a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;
}

/**
 * Applies manual positions (a saved view) over an automatic layout: pinned nodes go where the user
 * put them, unpinned nodes that would now overlap one are moved down until they are free, and the
 * edges of every moved node are re-routed. Returns a new layout; the input is not changed.
 */
export function placeWithPinned(graph: ErGraph, layout: ErLayout, pinned: Record<string, ErPoint>, maxColumns = ER_MAX_COLUMNS): ErLayout {
  const nodes: Record<string, ErRect> = {};
  const moved = new Set<string>();
  for (const [id, r] of Object.entries(layout.nodes)) {
    const p = pinned[id];
    nodes[id] = p ? { ...r, x: p.x, y: p.y } : { ...r };
    if (p && (p.x !== r.x || p.y !== r.y)) moved.add(id);
  }
  const fixed = Object.keys(nodes).filter((id) => pinned[id]);
  const placed: ErRect[] = fixed.map((id) => nodes[id]!);
  const gap = 20;
  for (const id of Object.keys(nodes).sort((x, y) => nodes[x]!.y - nodes[y]!.y)) {
    if (pinned[id]) continue;
    const r = nodes[id]!;
    let hit = placed.find((o) => overlaps(r, o, gap));
    while (hit) {
      r.y = hit.y + hit.height + gap;
      moved.add(id);
      hit = placed.find((o) => overlaps(r, o, gap));
    }
    placed.push(r);
  }
  const result: ErLayout = { nodes, edges: {}, width: 0, height: 0 };
  for (const e of graph.edges) {
    if (!nodes[e.from] || !nodes[e.to]) continue;
    const old = layout.edges[e.id];
    result.edges[e.id] = old && !moved.has(e.from) && !moved.has(e.to) ? old : routeEdge(graph, result, e, maxColumns);
  }
  for (const r of Object.values(nodes)) {
    result.width = Math.max(result.width, r.x + r.width + 20);
    result.height = Math.max(result.height, r.y + r.height + 20);
  }
  for (const route of Object.values(result.edges)) {
    for (const p of route.points) {
      result.width = Math.max(result.width, p.x + 20);
      result.height = Math.max(result.height, p.y + 20);
    }
  }
  return result;
}
