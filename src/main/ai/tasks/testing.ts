/** Test helpers of the AI tasks: small snapshots, a scripted router and a fake target (used by unit tests only). */
import Database from 'better-sqlite3';
import type { Engine } from '../../../shared/connection';
import { AppError } from '../../../shared/errors';
import type { ExplainResult } from '../../../shared/query';
import type { ColumnInfo, SchemaSnapshot, TableInfo } from '../../../shared/schema';
import { assembleContext } from '../../retrieval/contextBuilder';
import type { AiRouter, CompletionRequest, CompletionResult } from '../types';
import { AI_TASKS_MIGRATION } from './migration';
import { checkNames } from './names';
import { parseRefs } from './sqlRefs';
import type { TaskTarget } from './types';

/** A table from `name type` column specs; `pk` names the key, `fks` maps column → `table.column`. */
export function table(name: string, cols: string[], opts: { pk?: string; fks?: Record<string, string> } = {}): TableInfo {
  const columns: ColumnInfo[] = cols.map((c, i) => {
    const [n, ...t] = c.split(' ');
    return { name: n, dataType: t.join(' ') || 'text', nullable: true, default: null, comment: null, ordinal: i + 1 };
  });
  return {
    name,
    kind: 'table',
    comment: null,
    rowEstimate: null,
    columns,
    primaryKey: opts.pk ? [opts.pk] : [],
    foreignKeys: Object.entries(opts.fks ?? {}).map(([col, ref]) => {
      const [refTable, refCol] = ref.split('.');
      return { name: `${name}_${col}_fk`, columns: [col], refSchema: '', refTable, refColumns: [refCol], onDelete: 'NO ACTION', onUpdate: 'NO ACTION' };
    }),
    indexes: [],
    constraints: [],
  };
}

/** A snapshot with one schema. */
export function snapshotOf(engine: Engine, schema: string, tables: TableInfo[]): SchemaSnapshot {
  for (const t of tables) for (const fk of t.foreignKeys) fk.refSchema ||= schema;
  return { engine, database: 'test', capturedAt: new Date(0).toISOString(), schemas: [{ name: schema, tables, routines: [], enums: [] }] };
}

/** The shop schema used across the unit tests. */
export function shopSnapshot(engine: Engine = 'postgres', schema = engine === 'sqlite' ? 'main' : 'public'): SchemaSnapshot {
  return snapshotOf(engine, schema, [
    table('customer', ['customer_id integer', 'first_name text', 'last_name text', 'email text', 'active boolean', 'city text'], { pk: 'customer_id' }),
    table('orders', ['order_id integer', 'customer_id integer', 'status text', 'total numeric', 'created_at timestamp'], { pk: 'order_id', fks: { customer_id: 'customer.customer_id' } }),
    table('product', ['product_id integer', 'title text', 'price numeric'], { pk: 'product_id' }),
  ]);
}

/** A router that answers from a script and records every request. */
export function scriptedRouter(replies: string[], opts: { blocked?: string[] } = {}): AiRouter & { requests: CompletionRequest[] } {
  const requests: CompletionRequest[] = [];
  return {
    requests,
    async complete(req: CompletionRequest): Promise<CompletionResult> {
      requests.push(req);
      const text = replies.shift() ?? '';
      for (const piece of text.match(/.{1,8}/gs) ?? []) req.onToken?.(piece);
      return { text, provider: 'fake', model: 'fake-1', usage: { inputTokens: 100, outputTokens: 10 }, costUsd: 0.001, cached: false, latencyMs: 1, logId: requests.length };
    },
    async embed() {
      return [];
    },
    isBlocked: (p) => (opts.blocked ?? []).includes(p),
  };
}

/** A target over a snapshot; EXPLAIN fails for names the snapshot lacks (like a real engine would). */
export function fakeTarget(snapshot: SchemaSnapshot, opts: { readOnly?: boolean; explain?: (sql: string) => Promise<ExplainResult>; samples?: TaskTarget['samples'] } = {}): TaskTarget & { explained: string[] } {
  const explained: string[] = [];
  const tables = snapshot.schemas.flatMap((s) => s.tables.map((t) => `${s.name}.${t.name}`));
  return {
    explained,
    engine: snapshot.engine,
    readOnly: opts.readOnly ?? false,
    snapshot: async () => snapshot,
    explain: async (sql) => {
      explained.push(sql);
      if (opts.explain) return opts.explain(sql);
      // Like a real engine: unknown names fail EXPLAIN (with the engine's kind of message).
      const parsed = parseRefs(sql, snapshot.engine);
      const bad = parsed.ok ? checkNames(parsed.refs, snapshot).problems[0] : undefined;
      if (bad) throw new AppError('QUERY_ERROR', `${bad.kind} "${bad.name}" does not exist`);
      return { raw: null, format: 'rows', plan: { op: 'Scan', children: [] } };
    },
    context: async (_q, o) => assembleContext({ snapshot, tables, exclude: new Set(o?.exclude ?? []), examples: [{ text: 'how many customers', sql: 'SELECT count(*) FROM customer' }] }),
    descriptions: () => new Map([['public.customer', 'People who bought something.']]),
    glossary: () => [{ term: 'churned', definition: 'a customer with active = false' }],
    samples: opts.samples,
  };
}

/** An in-memory app database with just what migration 10 needs. */
export function taskDb(connectionIds: string[] = ['c1']): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  db.exec('CREATE TABLE connections (id TEXT PRIMARY KEY)');
  for (const id of connectionIds) db.prepare('INSERT INTO connections (id) VALUES (?)').run(id);
  db.exec(AI_TASKS_MIGRATION.sql);
  return db;
}
