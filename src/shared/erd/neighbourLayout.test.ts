import { describe, expect, it } from 'vitest';
import { overlappingPairs } from '../../../tests/erd/geometry';
import { chainSnapshot, syntheticSnapshot } from '../../../tests/erd/syntheticSchema';
import { buildErGraph, type ErGraph } from './graph';
import type { ErLayout } from './layout';
import { layoutNeighbourhood, renderNeighbourSvg } from './neighbourLayout';

/** Orthogonal segments that run along the same line and overlap (two edges sharing a track). */
function sharedTracks(layout: ErLayout): number {
  const segs = Object.values(layout.edges).flatMap((r, k) => r.points.slice(1).map((p, i) => ({ k, a: r.points[i]!, b: p })));
  let shared = 0;
  for (let i = 0; i < segs.length; i++) {
    for (let j = i + 1; j < segs.length; j++) {
      const s = segs[i]!;
      const t = segs[j]!;
      if (s.k === t.k) continue;
      const vert = (x: typeof s): boolean => x.a.x === x.b.x && x.a.y !== x.b.y;
      if (vert(s) && vert(t) && s.a.x === t.a.x) {
        const [s0, s1] = [Math.min(s.a.y, s.b.y), Math.max(s.a.y, s.b.y)];
        const [t0, t1] = [Math.min(t.a.y, t.b.y), Math.max(t.a.y, t.b.y)];
        if (Math.min(s1, t1) - Math.max(s0, t0) > 1) shared++;
      }
    }
  }
  return shared;
}

function orthogonal(graph: ErGraph, layout: ErLayout): boolean {
  return graph.edges.every((e) => layout.edges[e.id]!.points.every((p, i, ps) => i === 0 || p.x === ps[i - 1]!.x || p.y === ps[i - 1]!.y));
}

describe('layoutNeighbourhood', () => {
  it('puts referencing tables left, referenced ones right, with no overlap and no shared track', () => {
    const graph = buildErGraph(chainSnapshot(), { focus: 'app.a', hops: 1 });
    const layout = layoutNeighbourhood(graph, 'app.a');
    const a = layout.nodes['app.a']!;
    for (const id of ['app.b', 'app.e']) expect(layout.nodes[id]!.x + layout.nodes[id]!.width).toBeLessThan(a.x);
    expect(overlappingPairs(layout)).toEqual([]);
    expect(orthogonal(graph, layout)).toBe(true);
    expect(sharedTracks(layout)).toBe(0);
  });

  it('handles self references, two hops and neighbours related to each other, inside its bounds', () => {
    const snap = syntheticSnapshot(120, 260, 11);
    for (const s of snap.schemas) {
      for (const t of s.tables.slice(0, 15)) {
        const focus = `${s.name}.${t.name}`;
        for (const hops of [1, 2]) {
          const graph = buildErGraph(snap, { focus, hops });
          const layout = layoutNeighbourhood(graph, focus);
          expect(overlappingPairs(layout)).toEqual([]);
          expect(orthogonal(graph, layout)).toBe(true);
          for (const r of Object.values(layout.edges)) for (const p of r.points) expect(p.x >= 0 && p.y >= 0 && p.x <= layout.width && p.y <= layout.height).toBe(true);
        }
      }
    }
    const self = buildErGraph(chainSnapshot(), { focus: 'app.e', hops: 1 });
    expect(layoutNeighbourhood(self, 'app.e').edges[self.edges.find((e) => e.selfLoop)!.id]!.points).toHaveLength(4);
  });

  it('renders a neighbour SVG with the focus highlighted', () => {
    const svg = renderNeighbourSvg(chainSnapshot(), 'c');
    expect(svg.match(/class="node focus"/g)).toHaveLength(1);
    expect(svg).toContain('data-id="app.b"');
    expect(svg).toContain('data-id="app.d"');
    expect(svg).not.toContain('data-id="app.a"');
  });
});
