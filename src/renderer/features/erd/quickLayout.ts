/**
 * An instant stand-in layout for big diagrams, drawn while ELK works in the worker: tables in
 * columns by foreign-key depth (children left of their parents, as ELK's layered layout puts
 * them), tall columns split and long rows of columns wrapped into bands, order within a column
 * by the parents' order. No edge routes (the edges draw their own paths) and no overlaps by
 * construction. O(tables + keys).
 */
import { measureNode } from '../../../shared/erd/measure';
import type { ErGraph, ErLayout } from './erTypes';

const GAP_Y = 30;
const GAP_X = 60;
const GAP_LAYER = 110;
const PAD = 20;

/** Column index per table: longest chain of foreign keys leading into it (cycles broken). */
export function layers(graph: ErGraph): Map<string, number> {
  const out = new Map<string, string[]>();
  const indeg = new Map<string, number>(graph.nodes.map((n) => [n.id, 0]));
  for (const e of graph.edges) {
    if (e.selfLoop || !indeg.has(e.from) || !indeg.has(e.to)) continue;
    (out.get(e.from) ?? out.set(e.from, []).get(e.from)!).push(e.to);
    indeg.set(e.to, indeg.get(e.to)! + 1);
  }
  const layer = new Map<string, number>(graph.nodes.map((n) => [n.id, 0]));
  const queue = graph.nodes.filter((n) => indeg.get(n.id) === 0).map((n) => n.id);
  const done = new Set<string>();
  for (;;) {
    while (queue.length) {
      const id = queue.shift()!;
      done.add(id);
      for (const to of out.get(id) ?? []) {
        layer.set(to, Math.max(layer.get(to)!, layer.get(id)! + 1));
        const d = indeg.get(to)! - 1;
        indeg.set(to, d);
        if (d === 0) queue.push(to);
      }
    }
    // A cycle left nodes unvisited: start again from one of them as if it had no incoming key.
    const stuck = graph.nodes.find((n) => !done.has(n.id));
    if (!stuck) break;
    indeg.set(stuck.id, 0);
    queue.push(stuck.id);
  }
  return layer;
}

/** Positions every table; `aspect` is the wanted width / height of the whole diagram. */
export function quickLayout(graph: ErGraph, aspect = 1.6): ErLayout {
  const sizes = new Map(graph.nodes.map((n) => [n.id, measureNode(n)]));
  const layer = layers(graph);
  const byLayer: string[][] = [];
  for (const n of graph.nodes) (byLayer[layer.get(n.id)!] ??= []).push(n.id);
  let area = 0;
  for (const s of sizes.values()) area += (s.width + GAP_X) * (s.height + GAP_Y);
  const maxHeight = Math.max(400, Math.sqrt(area / aspect));

  // Order each column by where the tables it references sit (one right-to-left sweep).
  const parents = new Map<string, string[]>();
  for (const e of graph.edges)
    if (!e.selfLoop) (parents.get(e.from) ?? parents.set(e.from, []).get(e.from)!).push(e.to);
  const rank = new Map<string, number>();
  for (let l = byLayer.length - 1; l >= 0; l--) {
    const ids = byLayer[l] ?? [];
    const score = (id: string) => {
      const ps = (parents.get(id) ?? [])
        .map((p) => rank.get(p))
        .filter((r): r is number => r !== undefined);
      return ps.length ? ps.reduce((a, b) => a + b, 0) / ps.length : Number.MAX_SAFE_INTEGER;
    };
    const scored = ids.map((id) => ({ id, s: score(id) }));
    scored.sort((a, b) => a.s - b.s || a.id.localeCompare(b.id));
    scored.forEach((x, i) => rank.set(x.id, i));
    byLayer[l] = scored.map((x) => x.id);
  }

  // Columns: each layer, split when taller than the wanted height.
  type Column = { ids: string[]; width: number; height: number; layerStart: boolean };
  const columns: Column[] = [];
  for (const ids of byLayer) {
    if (!ids?.length) continue;
    let colm: Column = { ids: [], width: 0, height: 0, layerStart: true };
    for (const id of ids) {
      const s = sizes.get(id)!;
      if (colm.ids.length && colm.height + s.height > maxHeight) {
        columns.push(colm);
        colm = { ids: [], width: 0, height: 0, layerStart: false };
      }
      colm.ids.push(id);
      colm.height += (colm.ids.length > 1 ? GAP_Y : 0) + s.height;
      colm.width = Math.max(colm.width, s.width);
    }
    columns.push(colm);
  }
  // Bands: columns left to right, wrapping below when wider than wanted (deep key chains).
  const maxWidth = Math.max(800, Math.sqrt(area * aspect));
  const layout: ErLayout = { nodes: {}, edges: {}, width: 0, height: 0 };
  let x = PAD;
  let top = PAD;
  let bandHeight = 0;
  for (const c of columns) {
    const gap = c.layerStart ? GAP_LAYER : GAP_X;
    if (x > PAD && x - PAD + gap + c.width > maxWidth) {
      top += bandHeight + GAP_LAYER;
      x = PAD;
      bandHeight = 0;
    } else if (x > PAD) x += gap;
    let y = top;
    for (const id of c.ids) {
      const s = sizes.get(id)!;
      layout.nodes[id] = { x, y, width: s.width, height: s.height };
      y += s.height + GAP_Y;
    }
    x += c.width;
    bandHeight = Math.max(bandHeight, c.height);
    layout.width = Math.max(layout.width, x + PAD);
    layout.height = Math.max(layout.height, top + c.height + PAD);
  }
  return layout;
}
