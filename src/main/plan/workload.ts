/**
 * Workload statistics: the server's top statements by total time. PostgreSQL reads
 * pg_stat_statements, MySQL/MariaDB performance_schema digests, SQL Server
 * sys.dm_exec_query_stats; SQLite keeps no such statistics. When a source is off, the result
 * says how to turn it on instead of failing.
 */
import type { Engine } from '../../shared/connection';
import type { WorkloadResult, WorkloadStatement } from '../../shared/plan/types';
import type { CellValue } from '../../shared/values';
import { toNumber } from './rows';

/** Reads rows of one statement (injected, so the SQL Server path is testable without a server). */
export type ObjectQuery = (sql: string) => Promise<Array<Record<string, CellValue>>>;

/** How many statements the view shows. */
export const TOP_STATEMENTS = 50;

/** Per-engine workload SQL (named columns: query, calls, total_ms, mean_ms, rows). */
export const WORKLOAD_SQL = {
  postgres: `SELECT query, calls, total_exec_time AS total_ms, mean_exec_time AS mean_ms, rows FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) ORDER BY total_exec_time DESC LIMIT ${TOP_STATEMENTS}`,
  mysql: `SELECT DIGEST_TEXT AS query, COUNT_STAR AS calls, SUM_TIMER_WAIT / 1000000000 AS total_ms, AVG_TIMER_WAIT / 1000000000 AS mean_ms, SUM_ROWS_SENT + SUM_ROWS_AFFECTED AS \`rows\` FROM performance_schema.events_statements_summary_by_digest WHERE DIGEST_TEXT IS NOT NULL AND (SCHEMA_NAME = DATABASE() OR DATABASE() IS NULL) ORDER BY SUM_TIMER_WAIT DESC LIMIT ${TOP_STATEMENTS}`,
  mssql: `SELECT TOP (${TOP_STATEMENTS}) SUBSTRING(t.text, (s.statement_start_offset / 2) + 1, ((CASE s.statement_end_offset WHEN -1 THEN DATALENGTH(t.text) ELSE s.statement_end_offset END - s.statement_start_offset) / 2) + 1) AS query, s.execution_count AS calls, s.total_elapsed_time / 1000.0 AS total_ms, s.total_elapsed_time / 1000.0 / NULLIF(s.execution_count, 0) AS mean_ms, s.total_rows AS rows FROM sys.dm_exec_query_stats s CROSS APPLY sys.dm_exec_sql_text(s.sql_handle) t WHERE t.dbid = DB_ID() OR t.dbid IS NULL ORDER BY s.total_elapsed_time DESC`,
} as const;

/** How to enable the source, said plainly. */
export const ENABLE_HINTS = {
  postgres:
    "pg_stat_statements is not enabled on this database. Add it to shared_preload_libraries in postgresql.conf (shared_preload_libraries = 'pg_stat_statements'), restart the server, then run CREATE EXTENSION pg_stat_statements; in this database.",
  mysql:
    'performance_schema is off on this server. Set performance_schema = ON in the [mysqld] section of my.cnf and restart the server (it cannot be turned on at runtime); the statement digest consumer is on by default.',
  mssql: 'Reading sys.dm_exec_query_stats needs the VIEW SERVER STATE (or VIEW SERVER PERFORMANCE STATE) permission: GRANT VIEW SERVER STATE TO <login>.',
  sqlite: 'SQLite keeps no statement statistics: there is no workload to read. Use Explain on individual queries instead.',
} as const;

function toStatements(rows: Array<Record<string, CellValue>>): WorkloadStatement[] {
  return rows.map((r) => ({
    query: String(r.query ?? '').trim(),
    calls: toNumber(r.calls),
    totalMs: toNumber(r.total_ms),
    meanMs: toNumber(r.mean_ms),
    rows: toNumber(r.rows),
  }));
}

/** Reads the workload of the connected database. */
export async function readWorkload(engine: Engine, query: ObjectQuery): Promise<WorkloadResult> {
  if (engine === 'sqlite') return { available: false, message: ENABLE_HINTS.sqlite, statements: [] };
  if (engine === 'postgres') {
    const ext = await query("SELECT 1 AS present FROM pg_extension WHERE extname = 'pg_stat_statements'");
    if (ext.length === 0) return { available: false, message: ENABLE_HINTS.postgres, statements: [] };
    try {
      const statements = toStatements(await query(WORKLOAD_SQL.postgres));
      return { available: true, message: `Top ${statements.length} statements by total time (pg_stat_statements).`, statements };
    } catch (err) {
      // Installed but not preloaded: "pg_stat_statements must be loaded via shared_preload_libraries".
      return { available: false, message: `${ENABLE_HINTS.postgres} (${err instanceof Error ? err.message : String(err)})`, statements: [] };
    }
  }
  if (engine === 'mysql') {
    const on = await query('SELECT @@performance_schema AS ps');
    if (toNumber(on[0]?.ps) !== 1) return { available: false, message: ENABLE_HINTS.mysql, statements: [] };
    const statements = toStatements(await query(WORKLOAD_SQL.mysql));
    return { available: true, message: `Top ${statements.length} statement digests by total time (performance_schema).`, statements };
  }
  try {
    const statements = toStatements(await query(WORKLOAD_SQL.mssql));
    return { available: true, message: `Top ${statements.length} statements by total elapsed time (sys.dm_exec_query_stats).`, statements };
  } catch (err) {
    return { available: false, message: `${ENABLE_HINTS.mssql} (${err instanceof Error ? err.message : String(err)})`, statements: [] };
  }
}
