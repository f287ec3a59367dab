/**
 * Arranges the connected components of a laid-out ER graph into a block of roughly the screen's
 * shape. ELK lays out each component well, but on large schemas (where its own component
 * compaction is too slow) it lines components up side by side: a long strip of lone tables above
 * one tall diagram, unreadable once fitted to a window. Here each component keeps its internal
 * layout (nodes and edge routes move together) and the components are packed in shelves, biggest
 * first; tables without any link are gathered in a grid of their own.
 */
import type { ErGraph } from './graph';
import type { ErLayout, ErRect } from './layout';

/** Packing options. */
export interface PackOptions {
  /** Width ÷ height to aim for (default 1.6, a laptop window). */
  aspectRatio?: number;
  /** Space between components, px. */
  gap?: number;
  /** Margin around everything, px. */
  padding?: number;
}

interface Block {
  ids: string[];
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Connected components (node ids), each sorted, in the order of their first node in the graph. */
export function connectedComponents(graph: ErGraph): string[][] {
  const parent = new Map(graph.nodes.map((n) => [n.id, n.id]));
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    for (let cur = id; cur !== root; ) {
      const next = parent.get(cur)!;
      parent.set(cur, root);
      cur = next;
    }
    return root;
  };
  for (const e of graph.edges) if (parent.has(e.from) && parent.has(e.to)) parent.set(find(e.from), find(e.to));
  const groups = new Map<string, string[]>();
  for (const n of graph.nodes) {
    const root = find(n.id);
    const list = groups.get(root) ?? [];
    list.push(n.id);
    groups.set(root, list);
  }
  return [...groups.values()];
}

function bounds(layout: ErLayout, ids: string[], edgeIds: string[]): { x: number; y: number; width: number; height: number } {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  const add = (x: number, y: number): void => {
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  };
  for (const id of ids) {
    const r = layout.nodes[id]!;
    add(r.x, r.y);
    add(r.x + r.width, r.y + r.height);
  }
  for (const id of edgeIds) for (const p of layout.edges[id]?.points ?? []) add(p.x, p.y);
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** Lone tables in a grid of about the target shape; positions relative to the grid's corner. */
function gridOfSingles(layout: ErLayout, ids: string[], aspect: number, gap: number): { rects: Map<string, ErRect>; width: number; height: number } {
  const cellW = Math.max(...ids.map((id) => layout.nodes[id]!.width)) + gap;
  const cellH = Math.max(...ids.map((id) => layout.nodes[id]!.height)) + gap;
  const cols = Math.max(1, Math.round(Math.sqrt((ids.length * aspect * cellH) / cellW)));
  const rects = new Map<string, ErRect>();
  ids.forEach((id, i) => {
    const r = layout.nodes[id]!;
    rects.set(id, { ...r, x: (i % cols) * cellW, y: Math.floor(i / cols) * cellH });
  });
  const rows = Math.ceil(ids.length / cols);
  return { rects, width: Math.min(cols, ids.length) * cellW - gap, height: rows * cellH - gap };
}

/** Returns a new layout with the components packed; a graph of one component comes back unchanged. */
export function packComponents(graph: ErGraph, layout: ErLayout, opts: PackOptions = {}): ErLayout {
  const aspect = opts.aspectRatio ?? 1.6;
  const gap = opts.gap ?? 60;
  const padding = opts.padding ?? 20;
  const placed = graph.nodes.filter((n) => layout.nodes[n.id]);
  const components = connectedComponents({ ...graph, nodes: placed });
  if (components.length <= 1) return layout;
  const edgesOf = new Map<string, string[]>();
  const componentOf = new Map<string, number>();
  components.forEach((ids, i) => ids.forEach((id) => componentOf.set(id, i)));
  for (const e of graph.edges) {
    const c = componentOf.get(e.from);
    if (c === undefined || !layout.edges[e.id]) continue;
    const list = edgesOf.get(String(c)) ?? [];
    list.push(e.id);
    edgesOf.set(String(c), list);
  }

  const out: ErLayout = { nodes: {}, edges: {}, width: 0, height: 0 };
  const blocks: (Block & { place: (dx: number, dy: number) => void })[] = [];
  const singles: string[] = [];
  components.forEach((ids, i) => {
    const edgeIds = edgesOf.get(String(i)) ?? [];
    if (ids.length === 1 && edgeIds.length === 0) {
      singles.push(ids[0]!);
      return;
    }
    const b = bounds(layout, ids, edgeIds);
    blocks.push({
      ids,
      ...b,
      place: (dx, dy) => {
        for (const id of ids) {
          const r = layout.nodes[id]!;
          out.nodes[id] = { ...r, x: r.x - b.x + dx, y: r.y - b.y + dy };
        }
        for (const id of edgeIds) {
          const route = layout.edges[id]!;
          out.edges[id] = { ...route, points: route.points.map((p) => ({ x: p.x - b.x + dx, y: p.y - b.y + dy })) };
        }
      },
    });
  });
  if (singles.length) {
    const grid = gridOfSingles(layout, singles, aspect, gap / 2);
    blocks.push({
      ids: singles,
      x: 0,
      y: 0,
      width: grid.width,
      height: grid.height,
      place: (dx, dy) => {
        for (const [id, r] of grid.rects) out.nodes[id] = { ...r, x: r.x + dx, y: r.y + dy };
      },
    });
  }
  // Shelves as wide as a block of the target shape holding all the area (never narrower than the widest block).
  const area = blocks.reduce((a, b) => a + (b.width + gap) * (b.height + gap), 0);
  const shelfWidth = Math.max(Math.sqrt(area * aspect), ...blocks.map((b) => b.width));
  blocks.sort((a, b) => b.height - a.height || b.width - a.width || (a.ids[0]! < b.ids[0]! ? -1 : 1));
  let [x, y, shelfHeight] = [padding, padding, 0];
  for (const b of blocks) {
    if (x > padding && x + b.width > padding + shelfWidth) {
      y += shelfHeight + gap;
      [x, shelfHeight] = [padding, 0];
    }
    b.place(x, y);
    out.width = Math.max(out.width, x + b.width + padding);
    out.height = Math.max(out.height, y + b.height + padding);
    x += b.width + gap;
    shelfHeight = Math.max(shelfHeight, b.height);
  }
  return out;
}
