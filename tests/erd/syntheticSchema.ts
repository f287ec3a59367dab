/**
 * A generated SchemaSnapshot for ER tests and benchmarks: `tables` tables in a few schemas and
 * `foreignKeys` foreign keys (tree-like backbone plus random extra links, some self-references
 * and composite keys), deterministic for a given seed.
 */
import { createRandom } from '../../src/main/demo/generateDemo';
import type { SchemaSnapshot, TableInfo } from '../../src/shared/schema';

/** Deterministic pseudo-random numbers (the demo's mulberry32), so every run draws the same schema. */
const rng = createRandom;

const TYPES = ['integer', 'bigint', 'text', 'varchar(80)', 'numeric(12,2)', 'timestamp with time zone', 'boolean', 'date', 'jsonb'];
const WORDS = ['customer', 'order', 'invoice', 'product', 'supplier', 'region', 'account', 'payment', 'shipment', 'ledger', 'user', 'role', 'team', 'project', 'task', 'event'];

/** Builds the synthetic snapshot. */
export function syntheticSnapshot(tables: number, foreignKeys: number, seed = 1, schemaCount = 3): SchemaSnapshot {
  const r = rng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)]!;
  const list: { schema: string; table: TableInfo }[] = [];
  for (let i = 0; i < tables; i++) {
    const schema = `s${i % schemaCount}`;
    const name = `${pick(WORDS)}_${i}`;
    const columns = [{ name: 'id', dataType: 'integer', nullable: false, default: null, comment: null, ordinal: 1 }];
    const extra = 2 + Math.floor(r() * 8);
    for (let c = 0; c < extra; c++) columns.push({ name: `${pick(WORDS)}_attr_${c}`, dataType: pick(TYPES), nullable: r() < 0.5, default: null, comment: null, ordinal: columns.length + 1 });
    list.push({ schema, table: { name, kind: 'table', comment: null, rowEstimate: null, columns, primaryKey: ['id'], foreignKeys: [], indexes: [], constraints: [] } });
  }
  for (let k = 0; k < foreignKeys && tables > 1; k++) {
    // The first tables-1 links form a forest (each table points to an earlier one); the rest are random.
    const childIdx = k < tables - 1 ? k + 1 : Math.floor(r() * tables);
    const selfRef = k >= tables - 1 && r() < 0.03;
    const parentIdx = selfRef ? childIdx : k < tables - 1 ? Math.floor(r() * (k + 1)) : Math.floor(r() * tables);
    const child = list[childIdx]!;
    const parent = list[parentIdx]!;
    const col = `${parent.table.name}_id_${k}`;
    child.table.columns.push({ name: col, dataType: 'integer', nullable: r() < 0.3, default: null, comment: null, ordinal: child.table.columns.length + 1 });
    child.table.foreignKeys.push({ name: `fk_${k}`, columns: [col], refSchema: parent.schema, refTable: parent.table.name, refColumns: ['id'], onDelete: 'NO ACTION', onUpdate: 'NO ACTION' });
  }
  const schemas = Array.from({ length: schemaCount }, (_, i) => ({
    name: `s${i}`,
    tables: list.filter((x) => x.schema === `s${i}`).map((x) => x.table).sort((a, b) => a.name.localeCompare(b.name)),
    routines: [],
    enums: [],
  }));
  return { engine: 'postgres', database: 'synthetic', capturedAt: new Date(0).toISOString(), schemas };
}

/** A chain a ← b ← c ← d (b references a, …), e references itself and a, plus a view and a second schema. */
export function chainSnapshot(): SchemaSnapshot {
  const t = (name: string, fks: [string, string, boolean?][] = [], kind: TableInfo['kind'] = 'table'): TableInfo => ({
    name,
    kind,
    comment: null,
    rowEstimate: null,
    columns: [
      { name: 'id', dataType: 'integer', nullable: false, default: null, comment: null, ordinal: 1 },
      ...fks.map(([col, , nullable], i) => ({ name: col, dataType: 'integer', nullable: nullable ?? false, default: null, comment: null, ordinal: i + 2 })),
    ],
    primaryKey: kind === 'table' ? ['id'] : [],
    foreignKeys: fks.map(([col, ref]) => {
      const [refSchema, refTable] = ref.includes('.') ? ref.split('.') : ['app', ref];
      return { name: `${name}_${col}_fkey`, columns: [col], refSchema: refSchema!, refTable: refTable!, refColumns: ['id'], onDelete: 'CASCADE', onUpdate: 'NO ACTION' };
    }),
    indexes: [],
    constraints: [],
  });
  return {
    engine: 'postgres',
    database: 'db',
    capturedAt: '2026-01-01T00:00:00Z',
    schemas: [
      { name: 'app', tables: [t('a'), t('b', [['a_id', 'a']]), t('c', [['b_id', 'b']]), t('d', [['c_id', 'c', true]]), t('e', [['parent_id', 'e', true], ['a_id', 'a']]), t('v', [], 'view')], routines: [], enums: [] },
      { name: 'audit', tables: [t('log', [['d_id', 'app.d']])], routines: [], enums: [] },
    ],
  };
}

