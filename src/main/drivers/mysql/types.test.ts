import { describe, expect, it } from 'vitest';
import { Decimal, type Row } from '../../../shared/values';
import { columnMeta, rowFixer } from './types';

describe('MySQL value mapping', () => {
  it('converts only BIGINT, DECIMAL and BIT columns, leaving other cells untouched', () => {
    const fix = rowFixer([
      { name: 'a', columnType: 8 },
      { name: 'b', columnType: 246 },
      { name: 'c', columnType: 16 },
      { name: 'd', columnType: 253 },
    ])!;
    const rows: Row[] = [
      ['18446744073709551615', '1.50', Buffer.from([1, 0]), 'x'],
      [null, null, null, null],
    ];
    fix(rows);
    expect(rows[0]).toEqual([18446744073709551615n, new Decimal('1.50'), 256, 'x']);
    expect(rows[1]).toEqual([null, null, null, null]);
    expect(rowFixer([{ name: 'd', columnType: 253 }])).toBeNull();
  });

  it('names column types the way a user writes them', () => {
    expect(columnMeta({ name: 'x', columnType: 8, flags: 32 })).toEqual({
      name: 'x',
      type: 'BIGINT UNSIGNED',
    });
    expect(columnMeta({ name: 'x', columnType: 252, characterSet: 63 }).type).toBe('BLOB');
    expect(columnMeta({ name: 'x', columnType: 252, characterSet: 45 }).type).toBe('TEXT');
    expect(
      columnMeta({ name: 'x', columnType: 252, characterSet: 45, extendedFormat: 'json' }).type,
    ).toBe('JSON');
  });
});
