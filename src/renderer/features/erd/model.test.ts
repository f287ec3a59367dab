import { describe, expect, it } from 'vitest';
import { buildErGraph } from '../../../shared/erd/graph';
import { ER_HEADER_HEIGHT, rowCenterY } from '../../../shared/erd/measure';
import type { SchemaSnapshot, TableInfo } from '../../../shared/schema';
import type { ErLayout } from './erTypes';
import {
  adjacency,
  defaultKeysOnly,
  edgeSides,
  handleId,
  handleTop,
  keysOnlyGraph,
  litClass,
  neighbourhood,
  positionsOf,
  reconcileNotice,
  searchTables,
  toFlow,
  withClasses,
} from './model';

function table(
  name: string,
  cols: string[],
  pk: string[],
  fks: { cols: string[]; ref: string; refCols: string[] }[] = [],
): TableInfo {
  return {
    name,
    kind: 'table',
    comment: null,
    rowEstimate: null,
    columns: cols.map((c, i) => ({
      name: c,
      dataType: c === 'id' ? 'integer' : 'text',
      nullable: c === 'note',
      default: null,
      comment: null,
      ordinal: i + 1,
    })),
    primaryKey: pk,
    foreignKeys: fks.map((f, i) => ({
      name: `${name}_fk${i}`,
      columns: f.cols,
      refSchema: 'main',
      refTable: f.ref,
      refColumns: f.refCols,
      onDelete: 'NO ACTION',
      onUpdate: 'NO ACTION',
    })),
    indexes: [],
    constraints: [],
  };
}

const snapshot: SchemaSnapshot = {
  engine: 'sqlite',
  database: 'shop',
  capturedAt: '2026-01-01T00:00:00Z',
  schemas: [
    {
      name: 'main',
      routines: [],
      enums: [],
      tables: [
        table('customers', ['id', 'name', 'note'], ['id']),
        table(
          'orders',
          ['id', 'note', 'customer_id'],
          ['id'],
          [{ cols: ['customer_id'], ref: 'customers', refCols: ['id'] }],
        ),
        table(
          'items',
          ['id', 'order_id', 'product_id', 'qty'],
          ['id'],
          [
            { cols: ['order_id'], ref: 'orders', refCols: ['id'] },
            { cols: ['product_id'], ref: 'products', refCols: ['id'] },
          ],
        ),
        table('products', ['id', 'title'], ['id']),
        table('audit', ['id', 'note'], ['id']),
        table(
          'employees',
          ['id', 'boss_id'],
          ['id'],
          [{ cols: ['boss_id'], ref: 'employees', refCols: ['id'] }],
        ),
      ],
    },
  ],
};

/** A hand-made layout: tables on a row, 300 px apart, routes from right port to left port. */
function layoutOf(graph: ReturnType<typeof buildErGraph>): ErLayout {
  const layout: ErLayout = { nodes: {}, edges: {}, width: 0, height: 0 };
  graph.nodes.forEach(
    (n, i) => (layout.nodes[n.id] = { x: i * 300, y: 0, width: 200, height: 120 }),
  );
  for (const e of graph.edges) {
    const a = layout.nodes[e.from]!;
    const b = layout.nodes[e.to]!;
    const forward = a.x < b.x;
    layout.edges[e.id] = {
      points: [
        { x: forward ? a.x + a.width : a.x, y: 40 },
        { x: 250, y: 40 },
        { x: forward ? b.x : b.x + b.width, y: 60 },
      ],
      fromSide: forward ? 'right' : 'left',
      toSide: forward ? 'left' : 'right',
    };
  }
  return layout;
}

describe('toFlow', () => {
  const graph = buildErGraph(snapshot);
  const { nodes, edges } = toFlow(graph, layoutOf(graph));

  it('makes one node per table at its layout box and one edge per foreign key', () => {
    expect(nodes.map((n) => n.id).sort()).toEqual(graph.nodes.map((n) => n.id).sort());
    expect(edges).toHaveLength(graph.edges.length);
    const orders = nodes.find((n) => n.id === 'main.orders')!;
    const i = graph.nodes.findIndex((n) => n.id === 'main.orders');
    expect(orders.position).toEqual({ x: i * 300, y: 0 });
    expect([orders.width, orders.height]).toEqual([200, 120]);
  });

  it('anchors each edge to the columns it joins, on the side its route uses', () => {
    const e = edges.find((x) => x.source === 'main.orders' && x.target === 'main.customers')!;
    // customers sorts before orders, so the route goes right to left.
    expect(e.sourceHandle).toBe(handleId('s', 'l', 'customer_id'));
    expect(e.targetHandle).toBe(handleId('t', 'r', 'id'));
    const orders = nodes.find((n) => n.id === 'main.orders')!;
    // Only the handles edges use exist: customer_id leaves left, id is entered from the right (items).
    expect(orders.data.handles.map((h) => h.id).sort()).toEqual(
      [handleId('s', 'l', 'customer_id'), handleId('t', 'l', 'id')].sort(),
    );
    expect(nodes.find((n) => n.id === 'main.audit')!.data.handles).toEqual([]);
  });

  it('keeps the self-referencing key as an edge from and to the same table', () => {
    const self = edges.find((x) => x.source === 'main.employees')!;
    expect(self.target).toBe('main.employees');
    expect(self.data.selfLoop).toBe(true);
  });

  it('drops the route of an edge that has none, so the edge draws its own path', () => {
    const layout = layoutOf(graph);
    const id = graph.edges[0]!.id;
    delete layout.edges[id];
    const flow = toFlow(graph, layout);
    expect(flow.edges.find((e) => e.id === id)!.data.points).toBeUndefined();
  });
});

describe('edge sides without a route', () => {
  const box = (x: number) => ({ x, y: 0, width: 100, height: 50 });
  it('faces the tables towards each other', () => {
    expect(edgeSides(box(0), box(300), undefined, false)).toEqual(['r', 'l']);
    expect(edgeSides(box(300), box(0), undefined, false)).toEqual(['l', 'r']);
    expect(edgeSides(box(0), box(0), undefined, true)).toEqual(['r', 'r']);
  });
});

describe('handle positions', () => {
  it('puts a column handle at its row centre and a header handle in the header', () => {
    const graph = buildErGraph(snapshot);
    const orders = graph.nodes.find((n) => n.id === 'main.orders')!;
    expect(handleTop(orders, 'customer_id')).toBe(rowCenterY(2));
    expect(handleTop(orders, '')).toBe(ER_HEADER_HEIGHT / 2);
  });
});

describe('keys only', () => {
  it('keeps primary, foreign and referenced columns only', () => {
    const graph = keysOnlyGraph(buildErGraph(snapshot));
    const cols = (id: string) => graph.nodes.find((n) => n.id === id)!.columns.map((c) => c.name);
    expect(cols('main.orders')).toEqual(['id', 'customer_id']);
    expect(cols('main.items')).toEqual(['id', 'order_id', 'product_id']);
    expect(cols('main.audit')).toEqual(['id']);
  });

  it('is the default above 150 tables', () => {
    expect(defaultKeysOnly(150)).toBe(false);
    expect(defaultKeysOnly(151)).toBe(true);
  });
});

describe('neighbours', () => {
  const graph = buildErGraph(snapshot);
  const { edges } = toFlow(graph, layoutOf(graph));
  const adj = adjacency(edges);

  it('finds the tables one foreign key away, in both directions, and their edges', () => {
    const n = neighbourhood(adj, 'main.orders');
    expect([...n.nodes].sort()).toEqual(['main.customers', 'main.items', 'main.orders']);
    expect(n.edges.size).toBe(2);
    expect([...neighbourhood(adj, 'main.audit').nodes]).toEqual(['main.audit']);
  });

  it('changes only the items whose highlight changes', () => {
    const { nodes } = toFlow(graph, layoutOf(graph));
    const lit = neighbourhood(adj, 'main.products').nodes;
    const next = withClasses(nodes, (n) => litClass(lit, n.id, null));
    const changed = next
      .filter((n, i) => n !== nodes[i])
      .map((n) => n.id)
      .sort();
    expect(changed).toEqual(['main.items', 'main.products']);
    expect(next.find((n) => n.id === 'main.items')!.className).toBe('is-lit');
    // Clearing goes back to no class, and a second identical pass returns the same array.
    const cleared = withClasses(next, (n) => litClass(null, n.id, null));
    expect(cleared.every((n) => n.className === undefined)).toBe(true);
    expect(withClasses(cleared, () => undefined)).toBe(cleared);
  });

  it('marks the found table', () => {
    expect(litClass(null, 'main.orders', 'main.orders')).toBe('is-found');
    expect(litClass(new Set(['main.orders']), 'main.orders', 'main.orders')).toBe(
      'is-lit is-found',
    );
  });
});

describe('search', () => {
  const items = buildErGraph(snapshot).nodes;
  it('ranks exact, then prefix, then substring matches', () => {
    expect(searchTables(items, 'orders').map((i) => i.id)[0]).toBe('main.orders');
    expect(searchTables(items, 'ORD').map((i) => i.id)).toEqual(['main.orders']);
    expect(searchTables(items, 'tem').map((i) => i.id)).toEqual(['main.items']);
    expect(searchTables(items, 'main.prod').map((i) => i.id)).toEqual(['main.products']);
    expect(searchTables(items, '   ')).toEqual([]);
    expect(searchTables(items, 'zzz')).toEqual([]);
  });
});

describe('saved view notices', () => {
  it('words missing and suggested tables', () => {
    expect(reconcileNotice([], [])).toEqual({ missing: null, suggested: null });
    const n = reconcileNotice(['main.gone'], ['main.a', 'main.b', 'main.c']);
    expect(n.missing).toBe('1 table of this view is no longer in the database');
    expect(n.suggested).toBe('3 new tables link to this view — add them');
    expect(reconcileNotice([], ['main.a']).suggested).toBe(
      '1 new table links to this view — add it',
    );
  });

  it('rounds positions for saving', () => {
    expect(positionsOf([{ id: 'a', position: { x: 10.4, y: 20.6 } }])).toEqual({
      a: { x: 10, y: 21 },
    });
  });
});
