import { describe, expect, it } from 'vitest';
import type { SchemaSnapshot, TableInfo } from '../../shared/schema';
import { expandAlongForeignKeys, reciprocalRankFusion, tablesInSql } from './search';

function table(name: string, fks: string[] = []): TableInfo {
  return {
    name,
    kind: 'table',
    comment: null,
    rowEstimate: null,
    columns: [{ name: 'id', dataType: 'integer', nullable: false, default: null, comment: null, ordinal: 1 }],
    primaryKey: ['id'],
    foreignKeys: fks.map((ref) => ({ name: `fk_${ref}`, columns: [`${ref}_id`], refSchema: 'main', refTable: ref, refColumns: ['id'], onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })),
    indexes: [],
    constraints: [],
  };
}

// students ← enrollments → courses → teachers ; rooms stands alone
const snapshot: SchemaSnapshot = {
  engine: 'sqlite',
  database: 'school',
  capturedAt: '2026-01-01T00:00:00Z',
  schemas: [{ name: 'main', tables: [table('students'), table('courses', ['teachers']), table('enrollments', ['students', 'courses']), table('teachers'), table('rooms')], routines: [], enums: [] }],
};

describe('search helpers', () => {
  it('fuses ranked lists: an id ranked by both beats ids ranked by one', () => {
    const s = reciprocalRankFusion([{ ids: [1, 2, 3], weight: 1 }, { ids: [3, 4], weight: 1 }], 60);
    expect([...s.entries()].sort((a, b) => b[1] - a[1])[0]![0]).toBe(3);
  });

  it('adds the bridge table on a foreign-key path between two chosen tables', () => {
    const r = expandAlongForeignKeys(['main.students', 'main.courses'], snapshot);
    expect(r.tables).toEqual(['main.students', 'main.courses', 'main.enrollments']);
    expect(r.added[0]!.reason).toMatch(/joins main.students and main.courses/);
  });

  it('does not add tables beyond the hop limit or unrelated ones', () => {
    expect(expandAlongForeignKeys(['main.students', 'main.teachers'], snapshot, { maxHops: 2 }).added).toEqual([]);
    expect(expandAlongForeignKeys(['main.students', 'main.teachers'], snapshot).added.map((a) => a.table).sort()).toEqual(['main.courses', 'main.enrollments']);
    expect(expandAlongForeignKeys(['main.students', 'main.rooms'], snapshot).added).toEqual([]);
  });

  it('pulls in the tables of a matching example query', () => {
    expect(tablesInSql('SELECT * FROM "rooms" r JOIN main.teachers t ON 1=1', snapshot)).toEqual(['main.rooms', 'main.teachers']);
    expect(expandAlongForeignKeys(['main.students'], snapshot, { exampleSql: ['select count(*) from rooms'] }).tables).toContain('main.rooms');
  });
});
