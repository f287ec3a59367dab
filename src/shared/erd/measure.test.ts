import { describe, expect, it } from 'vitest';
import type { ErNode } from './graph';
import { ER_CHAR_WIDTH, ER_HEADER_HEIGHT, ER_MAX_WIDTH, ER_MIN_WIDTH, ER_ROW_HEIGHT, measureNode, nodeRows, rowCenterY } from './measure';

const node = (cols: [string, string][], extra: Partial<ErNode> = {}): ErNode => ({
  id: 's.t',
  schema: 's',
  name: 't',
  kind: 'table',
  columns: cols.map(([name, type], i) => ({ name, type, nullable: false, pk: i === 0, fk: name.endsWith('_id') })),
  ...extra,
});

describe('measureNode', () => {
  it('is a header plus one row per column', () => {
    const s = measureNode(node([['id', 'int'], ['name', 'text'], ['x', 'int']]));
    expect(s.height).toBeGreaterThanOrEqual(ER_HEADER_HEIGHT + 3 * ER_ROW_HEIGHT);
    expect(s.height).toBeLessThan(ER_HEADER_HEIGHT + 4 * ER_ROW_HEIGHT);
    expect(s.width).toBe(ER_MIN_WIDTH);
  });

  it('grows with the longest "name  type" and stops at the maximum width', () => {
    const short = measureNode(node([['id', 'int']]));
    const long = measureNode(node([['id', 'int'], ['a_rather_long_column_name', 'timestamp with time zone']]));
    expect(long.width).toBeGreaterThan(short.width);
    expect(long.width - ('a_rather_long_column_name  timestamp with time zone'.length * ER_CHAR_WIDTH)).toBeGreaterThan(0);
    expect(measureNode(node([['x'.repeat(200), 'int']])).width).toBe(ER_MAX_WIDTH);
  });

  it('folds long tables but keeps every key column visible', () => {
    const cols: [string, string][] = Array.from({ length: 80 }, (_, i) => [i === 70 ? 'owner_id' : `c${i}`, 'int']);
    const rows = nodeRows(node(cols), 10);
    expect(rows).toHaveLength(10);
    expect(rows.some((r) => r.kind === 'column' && r.column.name === 'owner_id')).toBe(true);
    expect(rows.at(-1)).toEqual({ kind: 'more', count: 71 });
  });

  it('puts row centres below the header, one row height apart', () => {
    expect(rowCenterY(0)).toBe(ER_HEADER_HEIGHT + ER_ROW_HEIGHT / 2);
    expect(rowCenterY(3) - rowCenterY(2)).toBe(ER_ROW_HEIGHT);
  });
});
