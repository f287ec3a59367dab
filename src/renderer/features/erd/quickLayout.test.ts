import { describe, expect, it } from 'vitest';
import type { ErGraph } from './erTypes';
import { layers, quickLayout } from './quickLayout';

const col = (name: string) => ({
  name,
  type: 'integer',
  nullable: false,
  pk: name === 'id',
  fk: name !== 'id',
});
const node = (id: string, cols = ['id']) => ({
  id: `s.${id}`,
  schema: 's',
  name: id,
  kind: 'table' as const,
  columns: cols.map(col),
});
const edge = (from: string, to: string) => ({
  id: `${from}>${to}`,
  from: `s.${from}`,
  fromColumns: [`${to}_id`],
  to: `s.${to}`,
  toColumns: ['id'],
  name: `${from}_fk`,
  selfLoop: from === to,
});

/** A random-ish graph of n tables where each table references up to 3 earlier ones. */
function generated(n: number): ErGraph {
  const nodes = [];
  const edges = [];
  for (let i = 0; i < n; i++) {
    nodes.push(node(`t${i}`, ['id', ...Array.from({ length: i % 7 }, (_, c) => `c${c}`)]));
    for (let k = 1; k <= i % 4 && i - k * 3 >= 0; k++) edges.push(edge(`t${i}`, `t${i - k * 3}`));
  }
  return { nodes, edges, hiddenLinks: 0 };
}

describe('quick layout', () => {
  it('puts a referenced table in a column right of the tables referencing it, even with cycles', () => {
    const g: ErGraph = {
      nodes: ['items', 'orders', 'customers', 'a', 'b'].map((n) => node(n)),
      edges: [
        edge('items', 'orders'),
        edge('orders', 'customers'),
        edge('a', 'b'),
        edge('b', 'a'),
        edge('a', 'a'),
      ],
      hiddenLinks: 0,
    };
    const l = layers(g);
    expect(l.get('s.items')).toBeLessThan(l.get('s.orders')!);
    expect(l.get('s.orders')).toBeLessThan(l.get('s.customers')!);
    expect(l.size).toBe(5);
    const layout = quickLayout(g);
    expect(layout.nodes['s.items']!.x).toBeLessThan(layout.nodes['s.orders']!.x);
  });

  it('places every table of a 500-table graph, without overlaps, roughly as wide as asked', () => {
    const g = generated(500);
    const layout = quickLayout(g);
    const boxes = Object.values(layout.nodes);
    expect(boxes).toHaveLength(500);
    const sorted = [...boxes].sort((a, b) => a.x - b.x);
    for (let i = 0; i < sorted.length; i++) {
      for (
        let j = i + 1;
        j < sorted.length && sorted[j]!.x < sorted[i]!.x + sorted[i]!.width;
        j++
      ) {
        const a = sorted[i]!;
        const b = sorted[j]!;
        const overlap = a.y < b.y + b.height && b.y < a.y + a.height;
        expect(overlap, `${JSON.stringify(a)} × ${JSON.stringify(b)}`).toBe(false);
      }
    }
    const ratio = layout.width / layout.height;
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(5);
    for (const b of boxes) {
      expect(b.x + b.width).toBeLessThanOrEqual(layout.width);
      expect(b.y + b.height).toBeLessThanOrEqual(layout.height);
    }
  });
});
