/**
 * Pure model of the ER diagram view: xyflow nodes and edges from an ErGraph and its ELK layout,
 * keys-only filtering, neighbour sets for hover highlighting, table search, and the wording of a
 * saved view's reconciliation with the live schema. No React, no DOM: unit-tested.
 */
import { ER_HEADER_HEIGHT, nodeRows, rowCenterY } from '../../../shared/erd/measure';
import type { ErEdge, ErGraph, ErLayout, ErNode, ErPoint, ErRect } from './erTypes';

export { keysOnlyGraph } from '../../../shared/erd/graph';

/** Which side of a table an edge leaves or enters. */
export type Side = 'l' | 'r';

/** Data of a table node. */
export type TableNodeData = {
  table: ErNode;
  /** The handles edges attach to: only those used, each at its column's row. */
  handles: HandleSpec[];
};

/** One handle of a table node. */
export interface HandleSpec {
  id: string;
  type: 'source' | 'target';
  side: Side;
  /** Column name ('' for the header). */
  column: string;
}

/** Data of a foreign-key edge. */
export type FkEdgeData = {
  /** ELK's orthogonal route in flow coordinates, when the layout produced one. */
  points?: ErPoint[];
  selfLoop: boolean;
  /** e.g. `orders.customer_id → customers.id`, for the tooltip. */
  title: string;
};

/** A table node as xyflow takes it. */
export interface FlowNode {
  id: string;
  type: 'table';
  position: { x: number; y: number };
  width: number;
  height: number;
  data: TableNodeData;
  className?: string;
}

/** A foreign-key edge as xyflow takes it. */
export interface FlowEdge {
  id: string;
  type: 'fk';
  source: string;
  target: string;
  sourceHandle: string;
  targetHandle: string;
  data: FkEdgeData;
  className?: string;
}

/** Above this many tables the diagram opens with key columns only (readability and speed). */
export const KEYS_ONLY_THRESHOLD = 150;

/** The id of a column's handle: `s`ource or `t`arget, on the `l`eft or `r`ight side. */
export function handleId(kind: 's' | 't', side: Side, column: string): string {
  return `${kind}-${side}-${column}`;
}

/** Whether a diagram of `tableCount` tables should start with key columns only. */
export function defaultKeysOnly(tableCount: number): boolean {
  return tableCount > KEYS_ONLY_THRESHOLD;
}

/**
 * The column an edge end attaches to: the first column of the key (as the layout's ports), or ''
 * (the node's header) when the node does not show it.
 */
export function anchorColumn(node: ErNode | undefined, columns: string[]): string {
  const first = columns[0];
  if (!node || first === undefined) return '';
  return nodeRows(node).some((r) => r.kind === 'column' && r.column.name === first) ? first : '';
}

type Box = ErRect;

/** The side of `box` nearest to the point (an ELK port sits on the left or right border). */
function sideOf(box: Box, p: ErPoint): Side {
  return Math.abs(p.x - box.x) <= Math.abs(p.x - (box.x + box.width)) ? 'l' : 'r';
}

/** Sides an edge uses: those of its route when there is one, else facing each other. */
export function edgeSides(
  from: Box,
  to: Box,
  points: ErPoint[] | undefined,
  selfLoop: boolean,
): [Side, Side] {
  if (points && points.length >= 2)
    return [sideOf(from, points[0]!), sideOf(to, points[points.length - 1]!)];
  if (selfLoop) return ['r', 'r'];
  const fromCenter = from.x + from.width / 2;
  const toCenter = to.x + to.width / 2;
  return fromCenter <= toCenter ? ['r', 'l'] : ['l', 'r'];
}

/**
 * xyflow nodes and edges of a laid-out graph (saved positions are applied to the layout before,
 * with the engine's `placeWithPinned`, which also re-routes the edges of moved tables).
 */
export function toFlow(graph: ErGraph, layout: ErLayout): { nodes: FlowNode[]; edges: FlowEdge[] } {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const handles = new Map<string, Map<string, HandleSpec>>();
  const addHandle = (node: string, spec: HandleSpec) =>
    (handles.get(node) ?? handles.set(node, new Map()).get(node)!).set(spec.id, spec);
  const boxes = new Map<string, Box>();
  for (const n of graph.nodes) {
    const box = layout.nodes[n.id];
    if (box) boxes.set(n.id, box);
  }
  const edges: FlowEdge[] = [];
  for (const e of graph.edges) {
    const from = boxes.get(e.from);
    const to = boxes.get(e.to);
    if (!from || !to) continue;
    const points = layout.edges[e.id]?.points;
    const [fromSide, toSide] = edgeSides(from, to, points, e.selfLoop);
    const fromCol = anchorColumn(byId.get(e.from), e.fromColumns);
    const toCol = anchorColumn(byId.get(e.to), e.toColumns);
    addHandle(e.from, {
      id: handleId('s', fromSide, fromCol),
      type: 'source',
      side: fromSide,
      column: fromCol,
    });
    addHandle(e.to, { id: handleId('t', toSide, toCol), type: 'target', side: toSide, column: toCol });
    edges.push({
      id: e.id,
      type: 'fk',
      source: e.from,
      target: e.to,
      sourceHandle: handleId('s', fromSide, fromCol),
      targetHandle: handleId('t', toSide, toCol),
      data: {
        ...(points && points.length >= 2 ? { points } : {}),
        selfLoop: e.selfLoop,
        title: edgeTitle(e),
      },
    });
  }
  const nodes: FlowNode[] = [];
  for (const n of graph.nodes) {
    const box = boxes.get(n.id);
    if (!box) continue;
    nodes.push({
      id: n.id,
      type: 'table',
      position: { x: box.x, y: box.y },
      width: box.width,
      height: box.height,
      data: { table: n, handles: [...(handles.get(n.id)?.values() ?? [])] },
    });
  }
  return { nodes, edges };
}

/** `orders(customer_id) → customers(id)`: what a foreign key joins, in words. */
export function edgeTitle(e: ErEdge): string {
  const short = (id: string) => id.slice(id.indexOf('.') + 1);
  return `${short(e.from)}(${e.fromColumns.join(', ')}) → ${short(e.to)}(${e.toColumns.join(', ')})`;
}

/** Tables and edges touching each table (for hover highlighting). */
export interface Adjacency {
  nodes: Map<string, Set<string>>;
  edges: Map<string, Set<string>>;
}

/** Builds the neighbour sets of every table once per graph. */
export function adjacency(
  edges: readonly { id: string; source: string; target: string }[],
): Adjacency {
  const nodes = new Map<string, Set<string>>();
  const es = new Map<string, Set<string>>();
  const add = <T>(m: Map<string, Set<T>>, k: string, v: T) =>
    (m.get(k) ?? m.set(k, new Set()).get(k)!).add(v);
  for (const e of edges) {
    add(nodes, e.source, e.target);
    add(nodes, e.target, e.source);
    add(es, e.source, e.id);
    add(es, e.target, e.id);
  }
  return { nodes, edges: es };
}

/** The table, its direct neighbours and the edges between them. */
export function neighbourhood(
  adj: Adjacency,
  id: string,
): { nodes: Set<string>; edges: Set<string> } {
  return {
    nodes: new Set([id, ...(adj.nodes.get(id) ?? [])]),
    edges: new Set(adj.edges.get(id) ?? []),
  };
}

/**
 * Sets `className` per item, keeping the identity of items whose class does not change, so
 * xyflow re-renders only the nodes and edges whose highlight changed.
 */
export function withClasses<T extends { id: string; className?: string }>(
  items: T[],
  classOf: (item: T) => string | undefined,
): T[] {
  let changed = false;
  const out = items.map((item) => {
    const next = classOf(item);
    if ((item.className ?? undefined) === next) return item;
    changed = true;
    const copy = { ...item };
    if (next === undefined) delete copy.className;
    else copy.className = next;
    return copy;
  });
  return changed ? out : items;
}

/**
 * The class of a node or edge: `is-lit` inside the hovered neighbourhood (the canvas dims the
 * rest with one container class, so only the lit items change), `is-found` for a search hit.
 */
export function litClass(
  lit: Set<string> | null,
  id: string,
  found: string | null,
): string | undefined {
  const classes: string[] = [];
  if (lit?.has(id)) classes.push('is-lit');
  if (found === id) classes.push('is-found');
  return classes.length ? classes.join(' ') : undefined;
}

/** A table a search can find. */
export interface SearchItem {
  id: string;
  schema: string;
  name: string;
}

/** Tables matching `query` (name or `schema.name`): exact, then prefix, then substring; at most `limit`. */
export function searchTables(items: readonly SearchItem[], query: string, limit = 8): SearchItem[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const scored: { item: SearchItem; score: number }[] = [];
  for (const item of items) {
    const name = item.name.toLowerCase();
    const full = item.id.toLowerCase();
    const score =
      name === q || full === q
        ? 0
        : name.startsWith(q) || full.startsWith(q)
          ? 1
          : name.includes(q) || full.includes(q)
            ? 2
            : -1;
    if (score >= 0) scored.push({ item, score });
  }
  scored.sort(
    (a, b) =>
      a.score - b.score ||
      a.item.name.length - b.item.name.length ||
      a.item.id.localeCompare(b.item.id),
  );
  return scored.slice(0, limit).map((s) => s.item);
}

/** The y of a column's handle inside its node (the header's middle for '' ). */
export function handleTop(table: ErNode, column: string): number {
  const row =
    column === ''
      ? -1
      : nodeRows(table).findIndex((r) => r.kind === 'column' && r.column.name === column);
  return row < 0 ? ER_HEADER_HEIGHT / 2 : rowCenterY(row);
}

/** What a saved view's banner says about tables that appeared or disappeared since it was saved. */
export function reconcileNotice(
  missing: readonly string[],
  suggested: readonly string[],
): {
  missing: string | null;
  suggested: string | null;
} {
  const tables = (n: number) => `${n} ${n === 1 ? 'table' : 'tables'}`;
  return {
    missing: missing.length
      ? `${tables(missing.length)} of this view ${missing.length === 1 ? 'is' : 'are'} no longer in the database`
      : null,
    suggested: suggested.length
      ? `${suggested.length} new ${suggested.length === 1 ? 'table links' : 'tables link'} to this view — add ${suggested.length === 1 ? 'it' : 'them'}`
      : null,
  };
}

/** Current node positions, rounded, for saving a view. */
export function positionsOf(
  nodes: readonly { id: string; position: { x: number; y: number } }[],
): Record<string, { x: number; y: number }> {
  const out: Record<string, { x: number; y: number }> = {};
  for (const n of nodes) out[n.id] = { x: Math.round(n.position.x), y: Math.round(n.position.y) };
  return out;
}
