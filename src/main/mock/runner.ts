/**
 * Runs a mock-data generation: plan, existing keys, rows table by table (parents first) into a
 * sink in batches, then the second pass that fills foreign keys deferred to break cycles.
 */
import { Faker, en } from '@faker-js/faker';
import { AppError } from '../../shared/errors';
import type { ColumnInfo, SchemaSnapshot } from '../../shared/schema';
import type { CellValue, Row } from '../../shared/values';
import type { DriverConnection } from '../drivers/types';
import { loadExistingKeys } from './existing';
import { buildPlan, type PlannedTable } from './plan';
import { Prng } from './prng';
import { KeyState } from './state';
import { TableGen } from './tableGen';
import type { MockOptions, MockProgress, MockResult } from './types';

/** Where generated rows go (a database, an SQL script, CSV files, memory). */
export interface MockSink {
  /** Rows per batch for a table of `columnCount` columns. */
  batchRows(columnCount: number): number;
  begin(): Promise<void>;
  rows(p: PlannedTable, columns: ColumnInfo[], rows: Row[]): Promise<void>;
  /** Second pass: each row is the new `setCols` values followed by the `keyCols` values. */
  update(p: PlannedTable, setCols: string[], keyCols: string[], rows: CellValue[][]): Promise<void>;
  /** Called once every row is written (before `commit`) with the tables that got rows. */
  finish(tables: PlannedTable[]): Promise<void>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
}

/** Run options besides what to generate. */
export interface RunControl {
  signal?: AbortSignal;
  onProgress?: (p: MockProgress) => void;
}

function cancelled(): AppError {
  return new AppError('QUERY_CANCELLED', 'Mock data generation was cancelled; nothing was kept (the transaction was rolled back).');
}

/** The row count for `p`: its `rowsPerTable` entry (`schema.table`, then `table`), else `rows`. */
function rowsFor(p: PlannedTable, options: MockOptions): number {
  const per = options.rowsPerTable;
  return per?.[p.key] ?? per?.[p.table.name] ?? options.rows;
}

/** Generates rows for `options` and hands them to `sink`; `conn` (optional) supplies existing keys. */
export async function runMock(conn: DriverConnection | undefined, snapshot: SchemaSnapshot, options: MockOptions, sink: MockSink, control: RunControl = {}): Promise<MockResult> {
  const plan = buildPlan(snapshot, options.tables);
  for (const name of Object.keys(options.rowsPerTable ?? {}))
    if (!plan.tables.some((p) => p.key === name || p.table.name === name))
      throw new AppError('NOT_FOUND', `"${name}" has a row count but is not among the tables being filled (${plan.tables.map((p) => p.table.name).join(', ')}). Check its spelling, or add it to the tables.`);
  const keys = new KeyState();
  for (const p of plan.tables) for (const f of [...p.fks, ...p.deferred]) keys.needPool(f.parent, f.fk.refColumns);
  if (conn) await loadExistingKeys(conn, plan, keys);
  const seed = options.seed ?? 1;
  const faker = new Faker({ locale: [en] });
  faker.seed(seed);
  const ctx = { faker, prng: new Prng(seed) };
  const enums = snapshot.schemas.flatMap((s) => s.enums);
  const targets = plan.tables.map((p) => (p.auto && keys.nonEmpty.has(p.key) ? 0 : Math.max(0, Math.floor(rowsFor(p, options)))));
  const totalAll = targets.reduce((a, b) => a + b, 0);
  const result: MockResult = { tables: [], totalRows: 0 };
  const gens: TableGen[] = [];
  const { signal, onProgress } = control;
  // One batch in flight while the next is generated: the database works while we generate.
  let inflight: Promise<void> | undefined;
  const flush = async (): Promise<void> => {
    const p = inflight;
    inflight = undefined;
    await p;
  };
  await sink.begin();
  try {
    for (const [ti, p] of plan.tables.entries()) {
      const gen = new TableGen(p, snapshot.engine, enums, keys, ctx, options.overrides ?? {});
      gens.push(gen);
      const target = targets[ti]!;
      const per = Math.max(1, sink.batchRows(gen.columns.length));
      let done = 0;
      let exhausted = false;
      while (done < target && !exhausted) {
        if (signal?.aborted) throw cancelled();
        const batch: Row[] = [];
        const want = Math.min(per, target - done);
        while (batch.length < want) {
          const row = gen.next();
          if (!row) {
            exhausted = true;
            break;
          }
          batch.push(row);
        }
        await flush();
        if (batch.length) {
          inflight = sink.rows(p, gen.columns, batch);
          // Handled here so a failure while the next batch is generated is not "unhandled"; flush rethrows it.
          inflight.catch(() => undefined);
        }
        done += batch.length;
        result.totalRows += batch.length;
        onProgress?.({ table: p.key, done, total: target, doneAll: result.totalRows, totalAll, phase: 'insert' });
      }
      result.tables.push({ schema: p.schema, table: p.table.name, rows: done });
    }
    await flush();
    for (const [ti, p] of plan.tables.entries()) {
      if (!p.deferred.length || !p.table.primaryKey.length) continue;
      const gen = gens[ti]!;
      const setCols = p.deferred.flatMap((d) => d.fk.columns);
      const updates: CellValue[][] = [];
      for (const key of gen.generatedKeys) {
        const values: CellValue[] = [];
        for (const d of p.deferred) {
          const pool = keys.pool(d.parent, d.fk.refColumns) ?? [];
          const tuple = pool.length && !ctx.prng.chance(0.1) ? pool[Math.floor(ctx.prng.next() * pool.length)]! : d.fk.columns.map(() => null);
          values.push(...tuple);
        }
        if (values.some((v) => v !== null)) updates.push([...values, ...key]);
      }
      const per = Math.max(1, Math.floor(sink.batchRows(setCols.length + p.table.primaryKey.length)));
      for (let i = 0; i < updates.length; i += per) {
        if (signal?.aborted) throw cancelled();
        await sink.update(p, setCols, p.table.primaryKey, updates.slice(i, i + per));
        onProgress?.({ table: p.key, done: Math.min(i + per, updates.length), total: updates.length, doneAll: result.totalRows, totalAll, phase: 'update' });
      }
    }
    if (signal?.aborted) throw cancelled();
    await sink.finish(plan.tables);
    await sink.commit();
  } catch (err) {
    await inflight?.catch(() => undefined);
    await sink.rollback().catch(() => undefined);
    throw err;
  }
  return result;
}
