import { describe, expect, it } from 'vitest';
import { nodeFor, parseTree } from './explain';

describe('MySQL plan normalisation', () => {
  it('normalises a MySQL 8 EXPLAIN FORMAT=JSON nested loop', () => {
    const plan = nodeFor('query_block', {
      select_id: 1,
      cost_info: { query_cost: '10.25' },
      nested_loop: [
        {
          table: {
            table_name: 'o',
            access_type: 'ALL',
            rows_examined_per_scan: 100,
            cost_info: { prefix_cost: '10.25' },
            used_columns: ['id', 'c'],
          },
        },
        {
          table: {
            table_name: 'c',
            access_type: 'eq_ref',
            key: 'PRIMARY',
            rows_examined_per_scan: 1,
            cost_info: { prefix_cost: '45.25' },
          },
        },
      ],
    });
    expect(plan.op).toBe('Query Block');
    expect(plan.cost).toBe(10.25);
    const loop = plan.children[0]!;
    expect(loop.op).toBe('Nested Loop');
    expect(loop.children.map((c) => [c.op, c.relation, c.estimatedRows, c.cost])).toEqual([
      ['Table Scan', 'o', 100, 10.25],
      ['Unique Index Lookup', 'c', 1, 45.25],
    ]);
    expect(loop.children[1]!.detail?.key).toBe('PRIMARY');
  });

  it('normalises a MariaDB ANALYZE FORMAT=JSON node with actual rows and time', () => {
    const plan = nodeFor('query_block', {
      select_id: 1,
      r_loops: 1,
      r_total_time_ms: 0.12,
      table: {
        table_name: 't',
        access_type: 'ALL',
        rows: 100,
        r_rows: 100,
        r_total_time_ms: 0.05,
        filtered: 100,
        r_filtered: 50,
      },
    });
    expect(plan.timeMs).toBe(0.12);
    expect(plan.children[0]).toMatchObject({
      op: 'Table Scan',
      relation: 't',
      estimatedRows: 100,
      actualRows: 100,
      timeMs: 0.05,
    });
  });

  it('parses the EXPLAIN ANALYZE tree text of MySQL', () => {
    const plan = parseTree(
      [
        '-> Nested loop inner join  (cost=45.25 rows=100) (actual time=0.05..0.4 rows=100 loops=1)',
        '    -> Table scan on o  (cost=10.25 rows=100) (actual time=0.03..0.1 rows=100 loops=1)',
        '    -> Single-row index lookup on c using PRIMARY (id=o.c)  (cost=0.25 rows=1) (actual time=0.002..0.002 rows=1 loops=100)',
      ].join('\n'),
    );
    expect(plan).toMatchObject({
      op: 'Nested loop inner join',
      cost: 45.25,
      estimatedRows: 100,
      actualRows: 100,
      timeMs: 0.4,
    });
    expect(plan.children.map((c) => [c.op, c.relation, c.actualRows])).toEqual([
      ['Table scan on o', 'o', 100],
      ['Single-row index lookup on c using PRIMARY (id=o.c)', 'c', 1],
    ]);
  });
});
