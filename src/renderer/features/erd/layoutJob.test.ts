import { describe, expect, it } from 'vitest';
import type { ErGraph } from './erTypes';
import { createLayoutRunner, LayoutCancelled } from './layoutJob';

const col = (name: string) => ({
  name,
  type: 'integer',
  nullable: false,
  pk: name === 'id',
  fk: name !== 'id',
});
const graph = (n: number): ErGraph => ({
  nodes: Array.from({ length: n }, (_, i) => ({
    id: `s.t${i}`,
    schema: 's',
    name: `t${i}`,
    kind: 'table' as const,
    columns: [col('id'), col('p_id')],
  })),
  edges: Array.from({ length: n - 1 }, (_, i) => ({
    id: `e${i}`,
    from: `s.t${i + 1}`,
    fromColumns: ['p_id'],
    to: `s.t${i}`,
    toColumns: ['id'],
    name: `fk${i}`,
    selfLoop: false,
  })),
  hiddenLinks: 0,
});

// Node has no Web Worker global: the runner takes its fallback path and lays out in this thread.
describe('layout runner without workers', () => {
  it('lays the graph out and keeps pinned positions', async () => {
    const runner = createLayoutRunner();
    const layout = await runner.run(graph(4), { 's.t0': { x: 900, y: 700 } });
    expect(Object.keys(layout.nodes).sort()).toEqual(['s.t0', 's.t1', 's.t2', 's.t3']);
    expect(layout.nodes['s.t0']).toMatchObject({ x: 900, y: 700 });
    expect(Object.keys(layout.edges)).toHaveLength(3);
    runner.dispose();
  });

  it('rejects a layout that a newer request replaced, and answers the newer one', async () => {
    const runner = createLayoutRunner();
    const stale = runner.run(graph(6));
    const fresh = runner.run(graph(3));
    await expect(stale).rejects.toBeInstanceOf(LayoutCancelled);
    expect(Object.keys((await fresh).nodes)).toHaveLength(3);
    runner.dispose();
  });
});
