/**
 * A fast, synchronous layout for small "this table and its neighbours" diagrams (the docs pages
 * draw one per table: a thousand ELK runs would cost seconds). Three columns: tables that
 * reference the focus on the left, the focus in the middle, tables it references (and anything
 * else) on the right; every edge gets its own vertical channel so lines never share a segment.
 */
import type { SchemaSnapshot } from '../schema';
import { buildErGraph, resolveTableId, type ErEdge, type ErGraph } from './graph';
import type { ErEdgeRoute, ErLayout, ErPoint, ErRect, ErSide } from './layout';
import { anchorPoint } from './layout';
import { ER_MAX_COLUMNS, measureNode } from './measure';
import { renderErSvg, type ErSvgOptions } from './svg';

const GAP_Y = 30;
const MARGIN = 20;
/** Horizontal room between columns per edge channel, px (at least MIN_GAP). */
const CHANNEL = 14;
const MIN_GAP = 110;
/** Clearance for the crow's-foot marks before the first bend, px. */
const STUB = 26;

/** Lays out `graph` around `focus` (a node id of the graph). Throws when the focus is not in the graph. */
export function layoutNeighbourhood(graph: ErGraph, focus: string, maxColumns = ER_MAX_COLUMNS): ErLayout {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  if (!byId.has(focus)) throw new Error(`layoutNeighbourhood: ${focus} is not in the graph`);
  const referencing = new Set(graph.edges.filter((e) => e.to === focus && e.from !== focus).map((e) => e.from));
  const referenced = new Set(graph.edges.filter((e) => e.from === focus && e.to !== focus).map((e) => e.to));
  const left = graph.nodes.filter((n) => referencing.has(n.id) && !referenced.has(n.id)).map((n) => n.id);
  const right = graph.nodes.filter((n) => n.id !== focus && !left.includes(n.id)).map((n) => n.id);
  const size = new Map(graph.nodes.map((n) => [n.id, measureNode(n, maxColumns)]));
  const colWidth = (ids: string[]): number => Math.max(0, ...ids.map((id) => size.get(id)!.width));
  const colHeight = (ids: string[]): number => ids.reduce((h, id) => h + size.get(id)!.height, 0) + Math.max(0, ids.length - 1) * GAP_Y;

  const column = new Map<string, number>();
  for (const id of left) column.set(id, 0);
  column.set(focus, 1);
  for (const id of right) column.set(id, 2);
  // Channels per gap: gap 0 lies between columns 0 and 1, gap 1 between 1 and 2.
  const channelCount = [0, 0];
  for (const e of graph.edges) {
    const a = column.get(e.from)!;
    const b = column.get(e.to)!;
    if (a !== b) channelCount[Math.min(a, b)]!++;
    else if (a === 1) channelCount[1]!++;
  }
  const gap = channelCount.map((n) => Math.max(MIN_GAP, 2 * STUB + (n + 1) * CHANNEL));
  const x0 = MARGIN;
  const x1 = left.length ? x0 + colWidth(left) + gap[0]! : x0;
  const x2 = x1 + size.get(focus)!.width + gap[1]!;
  const tallest = Math.max(colHeight(left), colHeight([focus]), colHeight(right));
  const nodes: Record<string, ErRect> = {};
  const stack = (ids: string[], x: number): void => {
    let y = MARGIN + (tallest - colHeight(ids)) / 2;
    for (const id of ids) {
      const s = size.get(id)!;
      nodes[id] = { x, y, width: s.width, height: s.height };
      y += s.height + GAP_Y;
    }
  };
  stack(left, x0);
  stack([focus], x1);
  stack(right, x2);

  const gapStart = [x0 + colWidth(left), x1 + size.get(focus)!.width];
  const used = [0, 0];
  /** The next free vertical channel in a gap. */
  const channel = (g: number): number => gapStart[g]! + STUB + ++used[g]! * CHANNEL;
  const top = MARGIN - 14;
  let aboveUsed = 0;
  const edges: Record<string, ErEdgeRoute> = {};
  for (const e of graph.edges) edges[e.id] = route(e);

  function route(e: ErEdge): ErEdgeRoute {
    const from = byId.get(e.from)!;
    const to = byId.get(e.to)!;
    const a = nodes[e.from]!;
    const b = nodes[e.to]!;
    const ca = column.get(e.from)!;
    const cb = column.get(e.to)!;
    const anchor = (side: ErSide, which: 'from' | 'to'): ErPoint =>
      which === 'from' ? anchorPoint(from, a, e.fromColumns, side, maxColumns) : anchorPoint(to, b, e.toColumns, side, maxColumns);
    if (ca !== cb) {
      const fromSide: ErSide = ca < cb ? 'right' : 'left';
      const toSide: ErSide = ca < cb ? 'left' : 'right';
      const p = anchor(fromSide, 'from');
      const q = anchor(toSide, 'to');
      if (Math.abs(ca - cb) === 1) {
        const x = channel(Math.min(ca, cb));
        return { points: [p, { x, y: p.y }, { x, y: q.y }, q], fromSide, toSide };
      }
      // Left column to right column: over the top of the focus.
      const xa = channel(0);
      const xb = channel(1);
      const y = top - aboveUsed++ * CHANNEL;
      return { points: [p, { x: xa, y: p.y }, { x: xa, y }, { x: xb, y }, { x: xb, y: q.y }, q], fromSide, toSide };
    }
    // Same column (a self reference, or two neighbours related to each other): loop out on the open side.
    const side: ErSide = ca === 0 ? 'left' : 'right';
    const p = anchor(side, 'from');
    const q = anchor(side, 'to');
    const x = ca === 1 ? channel(1) : side === 'left' ? Math.min(a.x, b.x) - STUB - ++aboveUsed * 6 : Math.max(a.x + a.width, b.x + b.width) + STUB + ++aboveUsed * 6;
    return { points: [p, { x, y: p.y }, { x, y: q.y }, q], fromSide: side, toSide: side };
  }

  // Loops out of the left column may reach x < 0: shift everything right so the layout starts at 0.
  let minX = Infinity;
  let minY = Infinity;
  for (const r of Object.values(nodes)) [minX, minY] = [Math.min(minX, r.x), Math.min(minY, r.y)];
  for (const r of Object.values(edges)) for (const p of r.points) [minX, minY] = [Math.min(minX, p.x), Math.min(minY, p.y)];
  const dx = minX < MARGIN ? MARGIN - minX : 0;
  const dy = minY < MARGIN ? MARGIN - minY : 0;
  let width = 0;
  let height = 0;
  for (const r of Object.values(nodes)) {
    r.x += dx;
    r.y += dy;
    width = Math.max(width, r.x + r.width + MARGIN);
    height = Math.max(height, r.y + r.height + MARGIN);
  }
  for (const r of Object.values(edges)) {
    for (const p of r.points) {
      p.x += dx;
      p.y += dy;
      width = Math.max(width, p.x + MARGIN);
      height = Math.max(height, p.y + MARGIN);
    }
  }
  return { nodes, edges, width, height };
}

/**
 * SVG of one table and its neighbours (`hops`, default 1) in one synchronous call, for docs pages:
 * graph, the fast three-column layout, and the standard renderer with the table highlighted.
 */
export function renderNeighbourSvg(snapshot: SchemaSnapshot, table: string, opts: ErSvgOptions & { hops?: number } = {}): string {
  const focus = resolveTableId(snapshot, table);
  const graph = buildErGraph(snapshot, { focus, hops: opts.hops ?? 1 });
  const layout = layoutNeighbourhood(graph, focus, opts.maxColumns);
  return renderErSvg(graph, layout, { legend: false, ...opts, highlight: opts.highlight ?? [focus] });
}
