/** ELK layout: no overlapping nodes, orthogonal routes that start and end at the joined columns' rows. */
import { describe, expect, it } from 'vitest';
import { chainSnapshot, syntheticSnapshot } from '../../../tests/erd/syntheticSchema';
import { buildErGraph, type ErGraph } from './graph';
import { overlappingPairs } from '../../../tests/erd/geometry';
import { layoutErGraph, placeWithPinned, type ErLayout } from './layout';
import { measureNode, rowCenterY, rowIndexOf } from './measure';

function checkRoutes(graph: ErGraph, layout: ErLayout): void {
  for (const e of graph.edges) {
    const route = layout.edges[e.id];
    expect(route, e.id).toBeDefined();
    const pts = route!.points;
    expect(pts.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < pts.length; i++) {
      const horizontal = Math.abs(pts[i]!.y - pts[i - 1]!.y) < 0.01;
      const vertical = Math.abs(pts[i]!.x - pts[i - 1]!.x) < 0.01;
      expect(horizontal || vertical, `${e.id} segment ${i}`).toBe(true);
    }
    // The edge starts at the row of the child's FK column, on the node's side.
    const from = graph.nodes.find((n) => n.id === e.from)!;
    const rect = layout.nodes[e.from]!;
    expect(pts[0]!.y).toBeCloseTo(rect.y + rowCenterY(rowIndexOf(from, e.fromColumns[0]!)), 0);
    expect([rect.x, rect.x + rect.width].some((x) => Math.abs(pts[0]!.x - x) < 1)).toBe(true);
    const to = graph.nodes.find((n) => n.id === e.to)!;
    const toRect = layout.nodes[e.to]!;
    expect(pts.at(-1)!.y).toBeCloseTo(toRect.y + rowCenterY(rowIndexOf(to, e.toColumns[0]!)), 0);
  }
}

describe('layoutErGraph', () => {
  it('places 60 generated tables without overlaps, at their measured sizes', async () => {
    const graph = buildErGraph(syntheticSnapshot(60, 80, 7));
    const layout = await layoutErGraph(graph);
    expect(Object.keys(layout.nodes)).toHaveLength(60);
    expect(overlappingPairs(layout)).toEqual([]);
    for (const n of graph.nodes) expect({ w: layout.nodes[n.id]!.width, h: layout.nodes[n.id]!.height }).toEqual({ w: measureNode(n).width, h: measureNode(n).height });
    checkRoutes(graph, layout);
    for (const r of Object.values(layout.nodes)) {
      expect(r.x + r.width).toBeLessThanOrEqual(layout.width);
      expect(r.y + r.height).toBeLessThanOrEqual(layout.height);
    }
  });

  it('routes a self reference and packs disconnected tables', async () => {
    const snap = chainSnapshot();
    const graph = buildErGraph(snap, { includeViews: true });
    const layout = await layoutErGraph(graph);
    expect(overlappingPairs(layout)).toEqual([]);
    checkRoutes(graph, layout);
    expect(layout.nodes['app.v']).toBeDefined();
  });

  it('keeps pinned positions and moves the others out of their way', async () => {
    const graph = buildErGraph(syntheticSnapshot(20, 26, 3));
    const auto = await layoutErGraph(graph);
    const [first, second] = graph.nodes;
    // Pin the first node exactly where the second one is: the second must move.
    const target = { x: auto.nodes[second!.id]!.x, y: auto.nodes[second!.id]!.y };
    const placed = placeWithPinned(graph, auto, { [first!.id]: target });
    expect({ x: placed.nodes[first!.id]!.x, y: placed.nodes[first!.id]!.y }).toEqual(target);
    expect(overlappingPairs(placed)).toEqual([]);
    checkRoutes(graph, placed);
    expect(auto.nodes[first!.id]!.x === target.x && auto.nodes[first!.id]!.y === target.y).toBe(false);
  });
});
