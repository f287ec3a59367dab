/** Component packing: components keep their inner layout, nothing overlaps, lone tables form a grid. */
import { describe, expect, it } from 'vitest';
import { syntheticSnapshot } from '../../../tests/erd/syntheticSchema';
import { overlappingPairs } from '../../../tests/erd/geometry';
import { buildErGraph } from './graph';
import { layoutErGraph } from './layout';
import { connectedComponents, packComponents } from './packComponents';

describe('packComponents', () => {
  it('packs many components into a block of about the target shape, each moved as a whole', async () => {
    // 160 tables and 110 links: a forest of about 50 components, many of them lone tables.
    const graph = buildErGraph(syntheticSnapshot(160, 110, 3));
    const components = connectedComponents(graph);
    expect(components.length).toBeGreaterThan(20);
    const raw = await layoutErGraph(graph, { packComponents: false });
    const packed = packComponents(graph, raw);
    expect(Object.keys(packed.nodes).sort()).toEqual(Object.keys(raw.nodes).sort());
    expect(overlappingPairs(packed)).toEqual([]);
    // Fitted into a 1.6 : 1 window the packed diagram is drawn at least as large, and takes less room.
    const fit = (l: { width: number; height: number }): number => Math.min(1.6 / l.width, 1 / l.height);
    expect(fit(packed)).toBeGreaterThanOrEqual(fit(raw));
    expect(packed.width * packed.height).toBeLessThan(raw.width * raw.height);
    for (const ids of components) {
      if (ids.length < 2) continue;
      // One translation for every node of the component, and for its edges' routes.
      const dx = packed.nodes[ids[0]!]!.x - raw.nodes[ids[0]!]!.x;
      const dy = packed.nodes[ids[0]!]!.y - raw.nodes[ids[0]!]!.y;
      for (const id of ids) {
        expect(packed.nodes[id]!.x - raw.nodes[id]!.x).toBeCloseTo(dx, 6);
        expect(packed.nodes[id]!.y - raw.nodes[id]!.y).toBeCloseTo(dy, 6);
        expect(packed.nodes[id]!.width).toBe(raw.nodes[id]!.width);
      }
      for (const e of graph.edges.filter((x) => ids.includes(x.from))) {
        const before = raw.edges[e.id]!.points;
        const after = packed.edges[e.id]!.points;
        expect(after.map((p) => [p.x - dx, p.y - dy].map(Math.round))).toEqual(before.map((p) => [p.x, p.y].map(Math.round)));
      }
    }
    // Everything lies inside the reported size.
    for (const r of Object.values(packed.nodes)) {
      expect(r.x + r.width).toBeLessThanOrEqual(packed.width);
      expect(r.y + r.height).toBeLessThanOrEqual(packed.height);
    }
  });

  it('leaves a graph of one component as it is', async () => {
    const graph = buildErGraph(syntheticSnapshot(30, 40, 5));
    expect(connectedComponents(graph)).toHaveLength(1);
    const raw = await layoutErGraph(graph, { packComponents: false });
    expect(packComponents(graph, raw)).toBe(raw);
  });
});
