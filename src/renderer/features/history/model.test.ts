import { createTwoFilesPatch } from 'diff';
import { describe, expect, it } from 'vitest';
import { formatDuration, formatRows, formatWhen, patchToRows, sqlPreview } from './model';

describe('history formatting', () => {
  it('formats durations and row counts the way a user reads them', () => {
    expect(formatDuration(0.2)).toBe('<1 ms');
    expect(formatDuration(12.4)).toBe('12 ms');
    expect(formatDuration(1430)).toBe('1.43 s');
    expect(formatDuration(125_000)).toBe('2 min 5 s');
    expect(formatRows(1)).toBe('1 row');
    expect(formatRows(12345)).toBe('12,345 rows');
    expect(formatRows(null)).toBe('');
  });

  it('shows the time today, "Yesterday" and a date further back', () => {
    const now = new Date(2026, 2, 10, 15, 0, 0);
    expect(formatWhen(new Date(2026, 2, 10, 14, 3, 21).toISOString(), now)).toBe('14:03:21');
    expect(formatWhen(new Date(2026, 2, 9, 9, 12).toISOString(), now)).toBe('Yesterday 09:12');
    expect(formatWhen(new Date(2026, 2, 4, 9, 12).toISOString(), now)).toBe('Mar 4, 09:12');
    expect(formatWhen(new Date(2025, 2, 4, 9, 12).toISOString(), now)).toBe('Mar 4 2025, 09:12');
  });

  it('collapses SQL to one line for previews', () => {
    expect(sqlPreview('SELECT *\n  FROM   orders\n')).toBe('SELECT * FROM orders');
    expect(sqlPreview('x'.repeat(200), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});

describe('side-by-side diff rows', () => {
  it('pairs a changed line and numbers both sides', () => {
    const patch = createTwoFilesPatch(
      'a',
      'b',
      'SELECT id\nFROM t\nLIMIT 10\n',
      'SELECT id\nFROM t\nLIMIT 20\nOFFSET 5\n',
    );
    const rows = patchToRows(patch);
    expect(rows[0]!.kind).toBe('hunk');
    expect(rows.filter((r) => r.kind === 'context').map((r) => r.left!.text)).toEqual([
      'SELECT id',
      'FROM t',
    ]);
    const change = rows.find((r) => r.kind === 'change')!;
    expect(change.left).toEqual({ no: 3, text: 'LIMIT 10' });
    expect(change.right).toEqual({ no: 3, text: 'LIMIT 20' });
    expect(rows.at(-1)).toEqual({ kind: 'add', left: null, right: { no: 4, text: 'OFFSET 5' } });
  });
});
