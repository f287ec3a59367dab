/**
 * The changes between two SchemaSnapshots: schemas, tables, views, columns (type, nullability,
 * default), indexes, foreign keys, primary keys and constraints, each flagged `breaking` when it
 * can break existing readers or writers (removals, types that change other than widening, NOT
 * NULL added, keys and constraints that restrict writes). Pure.
 */
import type { SchemaChange, SchemaDiff } from '../../shared/docs';
import type { ColumnInfo, ConstraintInfo, ForeignKeyInfo, IndexInfo, SchemaSnapshot, TableInfo } from '../../shared/schema';
import { columnTypeChange } from './typeWidening';

type Obj = SchemaChange['object'];

/** Diffs two snapshots; changes come grouped by table, in name order. */
export function diffSnapshots(from: SchemaSnapshot, to: SchemaSnapshot): SchemaDiff {
  const changes: SchemaChange[] = [];
  const a = byName(from.schemas);
  const b = byName(to.schemas);
  for (const name of unionNames(a, b)) {
    const sa = a.get(name);
    const sb = b.get(name);
    if (!sa) changes.push({ change: 'added', object: 'schema', target: name, breaking: false });
    if (!sb) changes.push({ change: 'removed', object: 'schema', target: name, breaking: true });
    const ta = byName(sa?.tables ?? []);
    const tb = byName(sb?.tables ?? []);
    for (const t of unionNames(ta, tb)) changes.push(...diffTable(name, ta.get(t), tb.get(t)));
  }
  return {
    from: { capturedAt: from.capturedAt, database: from.database },
    to: { capturedAt: to.capturedAt, database: to.database },
    changes,
    breaking: changes.some((c) => c.breaking),
  };
}

const relObject = (t: TableInfo): Obj => (t.kind === 'table' ? 'table' : 'view');

function diffTable(schema: string, a: TableInfo | undefined, b: TableInfo | undefined): SchemaChange[] {
  const table = `${schema}.${(a ?? b)!.name}`;
  const kindNote = (t: TableInfo): string | undefined => (t.kind === 'table' || t.kind === 'view' ? undefined : t.kind.replace('_', ' '));
  if (!a) return [{ change: 'added', object: relObject(b!), target: table, table, breaking: false, detail: kindNote(b!) }];
  if (!b) return [{ change: 'removed', object: relObject(a), target: table, table, breaking: true, detail: kindNote(a) }];
  // Names-only entries carry no detail to compare; comparing them would report every column as removed.
  if (a.partial || b.partial) return [];
  const out: SchemaChange[] = [];
  const push = (c: Omit<SchemaChange, 'table'>): void => void out.push({ ...c, table });
  if (a.kind !== b.kind) {
    push({ change: 'changed', object: relObject(b), target: table, before: a.kind, after: b.kind, breaking: true, detail: `${a.kind} → ${b.kind}` });
  } else if (a.kind !== 'table' && norm(a.definition) !== norm(b.definition) && a.definition !== undefined && b.definition !== undefined) {
    push({ change: 'changed', object: 'view', target: table, before: a.definition, after: b.definition, breaking: false, detail: 'definition changed' });
  }
  out.push(...diffColumns(table, a, b));
  const pkA = a.primaryKey.join(', ');
  const pkB = b.primaryKey.join(', ');
  if (pkA !== pkB) {
    const change = !pkA ? 'added' : !pkB ? 'removed' : 'changed';
    push({ change, object: 'primary_key', target: table, before: pkA ? `(${pkA})` : undefined, after: pkB ? `(${pkB})` : undefined, breaking: true });
  }
  out.push(...diffNamed(table, 'index', a.indexes.filter((i) => !i.primary), b.indexes.filter((i) => !i.primary), (i) => i.name, indexText, indexBreaking));
  out.push(...diffNamed(table, 'foreign_key', a.foreignKeys, b.foreignKeys, fkKey, fkText, () => true));
  out.push(...diffNamed(table, 'constraint', a.constraints, b.constraints, (c) => c.name, constraintText, () => true));
  return out;
}

function diffColumns(table: string, a: TableInfo, b: TableInfo): SchemaChange[] {
  const out: SchemaChange[] = [];
  const ca = byName(a.columns);
  const cb = byName(b.columns);
  for (const name of unionNames(ca, cb)) {
    const x = ca.get(name);
    const y = cb.get(name);
    const target = `${table}.${name}`;
    if (!x) {
      // A new NOT NULL column without a default breaks every INSERT that does not name it.
      const required = !y!.nullable && y!.default === null && !y!.autoIncrement;
      out.push({ change: 'added', object: 'column', target, table, after: columnText(y!), breaking: required, detail: required ? 'NOT NULL without a default' : undefined });
    } else if (!y) {
      out.push({ change: 'removed', object: 'column', target, table, before: columnText(x), breaking: true });
    } else {
      const { details, breaking } = columnChanges(x, y);
      if (details.length) out.push({ change: 'changed', object: 'column', target, table, before: columnText(x), after: columnText(y), breaking, detail: details.join('; ') });
    }
  }
  return out;
}

/** What changed in a column, and whether any of it can break readers or writers. */
export function columnChanges(x: ColumnInfo, y: ColumnInfo): { details: string[]; breaking: boolean } {
  const details: string[] = [];
  let breaking = false;
  const type = x.dataType === y.dataType ? 'same' : columnTypeChange(x.dataType, y.dataType);
  if (type !== 'same') {
    details.push(`type ${x.dataType} → ${y.dataType}${type === 'widened' ? ' (widened)' : type === 'narrowed' ? ' (narrowed)' : ''}`);
    if (type !== 'widened') breaking = true;
  }
  if (x.nullable && !y.nullable) {
    details.push('NOT NULL added');
    breaking = true;
  } else if (!x.nullable && y.nullable) details.push('NOT NULL dropped');
  if (norm(x.default) !== norm(y.default)) {
    details.push(`default ${x.default ?? 'none'} → ${y.default ?? 'none'}`);
    // Losing the default of a NOT NULL column breaks inserts that relied on it.
    if (y.default === null && !y.nullable && !y.autoIncrement) breaking = true;
  }
  if (Boolean(x.autoIncrement) !== Boolean(y.autoIncrement)) {
    details.push(y.autoIncrement ? 'auto-increment added' : 'auto-increment removed');
    if (!y.autoIncrement && !y.nullable && y.default === null) breaking = true;
  }
  return { details, breaking };
}

function diffNamed<T>(
  table: string,
  object: Obj,
  before: T[],
  after: T[],
  key: (x: T) => string,
  text: (x: T) => string,
  changedBreaking: (x: T, y: T) => boolean,
): SchemaChange[] {
  const out: SchemaChange[] = [];
  const a = new Map(before.map((x) => [key(x), x]));
  const b = new Map(after.map((x) => [key(x), x]));
  const label = (x: T): string => `${table}.${(x as { name: string }).name}`;
  for (const k of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    const x = a.get(k);
    const y = b.get(k);
    // Adding a key or constraint to an existing table can make existing writes fail; added indexes cannot (unless unique).
    if (!x) out.push({ change: 'added', object, target: label(y!), table, after: text(y!), breaking: object === 'index' ? (y as IndexInfo).unique : true });
    else if (!y) out.push({ change: 'removed', object, target: label(x), table, before: text(x), breaking: true });
    else if (text(x) !== text(y)) out.push({ change: 'changed', object, target: label(y), table, before: text(x), after: text(y), breaking: changedBreaking(x, y) });
  }
  return out;
}

const indexText = (i: IndexInfo): string => `${i.unique ? 'UNIQUE ' : ''}(${i.columns.join(', ')})`;
const indexBreaking = (x: IndexInfo, y: IndexInfo): boolean => y.unique && (!x.unique || x.columns.join() !== y.columns.join());
/** Foreign keys match by what they join (generated names differ between engines and runs), then by name. */
const fkKey = (f: ForeignKeyInfo): string => `${f.columns.join(',')}->${f.refSchema}.${f.refTable}(${f.refColumns.join(',')})`;
const fkText = (f: ForeignKeyInfo): string =>
  `(${f.columns.join(', ')}) → ${f.refSchema}.${f.refTable}(${f.refColumns.join(', ')}) ON DELETE ${f.onDelete} ON UPDATE ${f.onUpdate}`;
const constraintText = (c: ConstraintInfo): string =>
  c.kind === 'unique' ? `UNIQUE (${c.columns.join(', ')})` : `CHECK ${norm(c.definition) ?? ''}`;

/** A column as one line: `varchar(80) NOT NULL DEFAULT 'x'`. */
export function columnText(c: ColumnInfo): string {
  return [c.dataType, c.nullable ? 'NULL' : 'NOT NULL', c.default !== null ? `DEFAULT ${c.default}` : '', c.autoIncrement ? 'AUTO_INCREMENT' : '']
    .filter(Boolean)
    .join(' ');
}

const norm = (s: string | null | undefined): string | null | undefined => (typeof s === 'string' ? s.replace(/\s+/g, ' ').trim() : s);

function byName<T extends { name: string }>(xs: readonly T[]): Map<string, T> {
  return new Map(xs.map((x) => [x.name, x]));
}

function unionNames(a: Map<string, unknown>, b: Map<string, unknown>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].sort();
}
