import { describe, expect, it } from 'vitest';
import type { SchemaChange } from '../../shared/docs';
import { diffSnapshots } from './diff';
import { col, snapshot, table } from './snapshotBuilder';
import { columnTypeChange } from './typeWidening';

const find = (cs: SchemaChange[], target: string, object?: SchemaChange['object']) => cs.filter((c) => c.target === target && (!object || c.object === object));

describe('schema diff', () => {
  const fk = { name: 'fk_a', columns: ['author_id'], refSchema: 'public', refTable: 'authors', refColumns: ['id'], onDelete: 'NO ACTION', onUpdate: 'NO ACTION' };
  const before = snapshot({
    public: [
      table('books', [col('id', 'integer', { nullable: false }), col('title', 'varchar(200)'), col('price', 'numeric(8,2)'), col('author_id'), col('isbn', 'text')], {
        primaryKey: ['id'],
        foreignKeys: [fk],
        indexes: [{ name: 'ix_title', columns: ['title'], unique: false }],
      }),
      table('authors', [col('id', 'integer', { nullable: false })], { primaryKey: ['id'] }),
      table('old_log', [col('id')]),
    ],
  });

  it('an identical snapshot has no changes', () => {
    const d = diffSnapshots(before, structuredClone(before));
    expect(d.changes).toEqual([]);
    expect(d.breaking).toBe(false);
  });

  it('finds added, removed and changed objects with the right breaking flags', () => {
    const after = structuredClone(before);
    const [books, authors] = after.schemas[0]!.tables;
    after.schemas[0]!.tables = [books!, authors!, table('reviews', [col('id')])];
    books!.columns = [
      col('id', 'bigint', { nullable: false }), // widened
      col('title', 'varchar(80)'), // narrowed
      col('price', 'numeric(10,2)', { nullable: false }), // widened, NOT NULL added
      col('author_id'),
      col('pages', 'integer'), // added nullable
    ];
    books!.indexes = [{ name: 'ix_author', columns: ['author_id'], unique: false }];
    authors!.primaryKey = [];
    const d = diffSnapshots(before, after);
    const cs = d.changes;
    expect(find(cs, 'public.reviews')[0]).toMatchObject({ change: 'added', object: 'table', breaking: false });
    expect(find(cs, 'public.old_log')[0]).toMatchObject({ change: 'removed', object: 'table', breaking: true });
    expect(find(cs, 'public.books.id')[0]).toMatchObject({ change: 'changed', breaking: false });
    expect(find(cs, 'public.books.id')[0]!.detail).toContain('widened');
    expect(find(cs, 'public.books.title')[0]).toMatchObject({ change: 'changed', breaking: true });
    expect(find(cs, 'public.books.price')[0]!.detail).toContain('NOT NULL added');
    expect(find(cs, 'public.books.price')[0]!.breaking).toBe(true);
    expect(find(cs, 'public.books.isbn')[0]).toMatchObject({ change: 'removed', object: 'column', breaking: true });
    expect(find(cs, 'public.books.pages')[0]).toMatchObject({ change: 'added', breaking: false, table: 'public.books' });
    expect(find(cs, 'public.books.ix_author')[0]).toMatchObject({ change: 'added', object: 'index', breaking: false });
    expect(find(cs, 'public.books.ix_title')[0]).toMatchObject({ change: 'removed', object: 'index', breaking: true });
    expect(find(cs, 'public.authors', 'primary_key')[0]).toMatchObject({ change: 'removed', breaking: true });
    expect(d.breaking).toBe(true);
  });

  it('only-additive changes are not breaking; a required new column is', () => {
    const after = structuredClone(before);
    after.schemas[0]!.tables[0]!.columns.push(col('note', 'text'));
    expect(diffSnapshots(before, after).breaking).toBe(false);
    after.schemas[0]!.tables[0]!.columns.push(col('sku', 'text', { nullable: false }));
    const d = diffSnapshots(before, after);
    expect(find(d.changes, 'public.books.sku')[0]).toMatchObject({ breaking: true, detail: 'NOT NULL without a default' });
  });

  it('foreign keys match by what they join, so a renamed key is no change; a changed action is', () => {
    const after = structuredClone(before);
    const books = after.schemas[0]!.tables[0]!;
    books.foreignKeys = [{ ...fk, name: 'books_author_fkey' }];
    expect(diffSnapshots(before, after).changes).toEqual([]);
    books.foreignKeys = [{ ...fk, onDelete: 'CASCADE' }];
    expect(diffSnapshots(before, after).changes.map((c) => [c.object, c.change])).toEqual([['foreign_key', 'changed']]);
  });

  it('a removed schema is breaking and lists its tables', () => {
    const after = snapshot({});
    const d = diffSnapshots(before, after);
    expect(d.changes[0]).toMatchObject({ object: 'schema', change: 'removed', breaking: true });
    expect(d.changes.filter((c) => c.object === 'table')).toHaveLength(3);
  });
});

describe('column type changes', () => {
  it.each([
    ['varchar(40)', 'varchar(80)', 'widened'],
    ['character varying(80)', 'varchar(40)', 'narrowed'],
    ['varchar(40)', 'text', 'widened'],
    ['text', 'varchar(40)', 'changed'],
    ['integer', 'bigint', 'widened'],
    ['int4', 'int8', 'widened'],
    ['bigint', 'int', 'narrowed'],
    ['int(11)', 'int(10)', 'same'],
    ['int', 'int unsigned', 'changed'],
    ['numeric(8,2)', 'numeric(10,2)', 'widened'],
    ['decimal(10,2)', 'numeric(10,3)', 'narrowed'],
    ['numeric(10,2)', 'numeric', 'widened'],
    ['integer', 'numeric(12,0)', 'widened'],
    ['integer', 'text', 'changed'],
    ['real', 'double precision', 'widened'],
    ['char(2)', 'char(3)', 'changed'],
    ["enum('a','b')", "enum('a','b','c')", 'changed'],
    ['timestamp without time zone', 'timestamp', 'same'],
    ['timestamp', 'timestamptz', 'changed'],
    ['TEXT', 'text', 'same'],
  ])('%s → %s is %s', (a, b, expected) => {
    expect(columnTypeChange(a, b)).toBe(expected);
  });
});
