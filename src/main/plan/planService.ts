/**
 * The plan feature's service: explain + advise, what-if, workload, applying a suggestion with
 * its audit. Statistics and sandboxes use a private connection, so they never wait behind (or
 * disturb) the user's session.
 */
import type Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import type { AdviseResult, PlanAuditEntry, WhatIfResult, WorkloadResult } from '../../shared/plan/types';
import type { SchemaSnapshot } from '../../shared/schema';
import type { DriverConnection } from '../drivers/types';
import { assertReadOnlyAllowed } from '../query/guard';
import type { SessionManager } from '../query/sessions';
import type { SchemaService } from '../schema/schemaService';
import { advise } from './advisor/advise';
import { TableResolver } from './advisor/context';
import { quoteIdent } from './advisor/ddl';
import { queryObjects, toNumber } from './rows';
import { whatIfPostgres, whatIfSqlite, whatIfUnsupported } from './whatIf';
import { readWorkload } from './workload';

/** What the service needs. */
export interface PlanServiceDeps {
  db: Database.Database;
  sessions: SessionManager;
  schemas: SchemaService;
}

/** Statements `plan.apply` accepts: index and statistics DDL only, one statement. */
const APPLY = /^(create\s+(unique\s+)?index|analyze|update\s+statistics|create\s+statistics)\b/i;
const UNDO = /^(drop\s+(index|statistics)\b|$)/i;

/** Explains, advises, sandboxes and applies. */
export class PlanService {
  constructor(private readonly deps: PlanServiceDeps) {}

  /** Explains `sql` on the connection's session and runs the advisor over the plan. */
  async advise(connectionId: string, sql: string, analyze: boolean): Promise<AdviseResult> {
    // A private connection: explaining never waits behind (or blocks) a query running in the tab.
    const { profile, conn } = await this.deps.sessions.openUnshared(connectionId);
    try {
      if (analyze && profile.readOnly) await assertReadOnlyAllowed(sql, profile.engine);
      const explain = await conn.explain(sql, { analyze });
      // The advisor works without a snapshot (fewer rules): a failed introspection is no failure here.
      const snapshot = await this.deps.schemas.get(connectionId).catch(() => undefined);
      const tableRows = profile.engine === 'sqlite' ? await sqliteRowCounts(conn, sql, snapshot) : undefined;
      const findings = advise(explain.plan, { engine: profile.engine, sql, ...(snapshot ? { snapshot } : {}), ...(tableRows ? { tableRows } : {}) });
      return { explain, findings };
    } finally {
      await conn.close().catch(() => undefined);
    }
  }

  /** Plans before and after a hypothetical index; nothing is kept. */
  async whatIf(connectionId: string, sql: string, createIndex: string, analyze: boolean): Promise<WhatIfResult> {
    const { profile, conn } = await this.deps.sessions.openUnshared(connectionId);
    try {
      if (profile.engine === 'postgres') {
        if (analyze && profile.readOnly && !/^\s*(select|with|values|table)\b/i.test(sql))
          throw new AppError('READ_ONLY_VIOLATION', `"${profile.name}" is read-only: the what-if can only ANALYZE read statements there. Untick "analyze" to compare estimated plans.`);
        return await whatIfPostgres(conn, sql, createIndex, analyze);
      }
      if (profile.engine === 'sqlite') {
        if (!profile.params.filePath || profile.params.filePath === ':memory:')
          return { supported: false, message: 'This SQLite database has no file to copy (in-memory): the what-if needs a database file.' };
        return await whatIfSqlite(profile.params.filePath, sql, createIndex);
      }
      return whatIfUnsupported(profile.engine);
    } finally {
      // Closing also rolls back anything a failure or a cancel left open on PostgreSQL.
      await conn.close().catch(() => undefined);
    }
  }

  /** Top statements of the server's workload statistics, or how to enable them. */
  async workload(connectionId: string): Promise<WorkloadResult> {
    const { profile, conn } = await this.deps.sessions.openUnshared(connectionId);
    try {
      return await readWorkload(profile.engine, (q) => queryObjects(conn, q));
    } finally {
      await conn.close().catch(() => undefined);
    }
  }

  /** Runs an index/statistics suggestion: refused on read-only, confirmed on prod, always audited when it ran. */
  async apply(connectionId: string, sql: string, undo: string, confirmed: boolean): Promise<PlanAuditEntry> {
    const body = sql.trim().replace(/;\s*$/, '');
    if (!APPLY.test(body) || body.includes(';') || !UNDO.test(undo.trim()))
      throw new AppError('BAD_REQUEST', 'Only one CREATE INDEX / ANALYZE / UPDATE STATISTICS / CREATE STATISTICS statement can be applied, with a DROP as its undo. Run other SQL from the editor.');
    const { profile, conn } = await this.deps.sessions.openUnshared(connectionId);
    try {
      if (profile.readOnly)
        throw new AppError('READ_ONLY_VIOLATION', `"${profile.name}" is read-only: the suggestion was not applied. Turn off read-only in the connection's settings, or copy the SQL and run it elsewhere.`);
      if (profile.environment === 'prod' && !confirmed)
        throw new AppError('CONFIRMATION_REQUIRED', `"${profile.name}" is tagged prod. Confirm to run "${body.slice(0, 120)}" on it.`, { statement: body.slice(0, 200) });
      const started = Date.now();
      let error: string | undefined;
      try {
        await queryObjects(conn, body);
      } catch (err) {
        error = err instanceof Error ? err.message : String(err);
      }
      const entry = this.record(connectionId, body, undo.trim(), error, Date.now() - started);
      if (error !== undefined) throw new AppError('QUERY_ERROR', `The suggestion failed and nothing was changed: ${error}`, { statement: body.slice(0, 200) });
      return entry;
    } finally {
      await conn.close().catch(() => undefined);
    }
  }

  /** Applied suggestions of a connection, newest first. */
  auditList(connectionId: string): PlanAuditEntry[] {
    const rows = this.deps.db
      .prepare('SELECT id, connection_id, applied_at, sql, rollback_sql, outcome, error FROM plan_audit WHERE connection_id = ? ORDER BY applied_at DESC, id DESC LIMIT 500')
      .all(connectionId) as Array<{ id: number; connection_id: string; applied_at: string; sql: string; rollback_sql: string; outcome: 'applied' | 'failed'; error: string | null }>;
    return rows.map((r) => ({ id: r.id, connectionId: r.connection_id, appliedAt: r.applied_at, sql: r.sql, rollbackSql: r.rollback_sql, outcome: r.outcome, ...(r.error ? { error: r.error } : {}) }));
  }

  private record(connectionId: string, sql: string, undo: string, error: string | undefined, durationMs: number): PlanAuditEntry {
    const appliedAt = new Date().toISOString();
    const outcome = error === undefined ? 'applied' : 'failed';
    const info = this.deps.db
      .prepare('INSERT INTO plan_audit (connection_id, applied_at, sql, rollback_sql, outcome, error, duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(connectionId, appliedAt, sql, undo, outcome, error ?? null, durationMs);
    return { id: Number(info.lastInsertRowid), connectionId, appliedAt, sql, rollbackSql: undo, outcome, ...(error ? { error } : {}) };
  }
}

/** SQLite without ANALYZE has no row estimates: count (bounded) the statement's tables. */
async function sqliteRowCounts(conn: DriverConnection, sql: string, snapshot: SchemaSnapshot | undefined): Promise<Record<string, number> | undefined> {
  const tables = new TableResolver({ engine: 'sqlite', sql, ...(snapshot ? { snapshot } : {}) }).statementTables().filter((t) => t.info && t.info.rowEstimate === null);
  if (!tables.length) return undefined;
  const out: Record<string, number> = {};
  for (const t of tables.slice(0, 8)) {
    const rows = await queryObjects(conn, `SELECT count(*) AS n FROM (SELECT 1 FROM ${quoteIdent('sqlite', t.name)} LIMIT 1000000)`).catch(() => []);
    if (rows[0]) out[t.name] = toNumber(rows[0].n);
  }
  return out;
}
