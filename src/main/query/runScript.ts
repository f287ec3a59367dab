/**
 * Runs a script on one driver connection: split into statements, check every statement against
 * the read-only guard BEFORE running any, execute one by one streaming rows into spools, and
 * report each statement's outcome. Stops at the first error; a cancel stops the running
 * statement for real (the driver's cancel) and skips the rest.
 */
import { randomUUID } from 'node:crypto';
import type { ResultSetStarted, RunOutcome } from '../../shared/contract';
import { AppError, toAppError } from '../../shared/errors';
import type { ColumnMeta, ResultSetInfo, StatementOutcome } from '../../shared/query';
import type { Row } from '../../shared/values';
import type { DriverConnection, RowSink } from '../drivers/types';
import { DESTRUCTIVE_TEXT, looksDestructive } from './classify';
import { assertReadOnlyAllowed, classifyStatement } from './guard';
import { positionInScript, splitScript, type ScriptStatement } from './splitter';
import { ResultSpool, type MemoryBudget } from './spool';

/** What a run needs besides the connection. */
export interface RunScriptOptions {
  runId?: string;
  readOnly: boolean;
  budget: MemoryBudget;
  tempDir: string;
  /** Called when a statement starts a result set (the spool is live from then on). */
  onResultSet?: (info: ResultSetStarted, spool: ResultSpool) => void;
  /** Called at most every `progressIntervalMs` while rows arrive. */
  onProgress?: (p: { statementIndex: number; resultId: string | null; rowCount: number }) => void;
  progressIntervalMs?: number;
  /** Aborting cancels the running statement and skips the rest. */
  signal?: AbortSignal;
  /**
   * Asks for confirmation before anything runs: destructive statements (DELETE/UPDATE without
   * WHERE, DROP, TRUNCATE) always; every write, DDL or session change on a `prod` connection.
   * Absent or `confirmed: true`: no gate (the CLI, a confirmed re-run).
   */
  confirmation?: { environment: string | null; confirmed: boolean };
}

/** Runs every statement of `sql` in order. Never throws for statement errors: they are in the outcome. */
export async function runScript(conn: DriverConnection, sql: string, opts: RunScriptOptions): Promise<RunOutcome> {
  const runId = opts.runId ?? randomUUID();
  const started = performance.now();
  const statements = splitScript(sql, conn.dialect.splitter);
  const outcomes: StatementOutcome[] = [];
  const engine = conn.dialect.engine;

  if (opts.readOnly) {
    // Refuse the whole script before anything runs, so a refusal changes nothing.
    for (const [index, st] of statements.entries()) {
      try {
        await assertReadOnlyAllowed(st.sql, engine);
      } catch (err) {
        outcomes.push(failedOutcome(index, st, toAppError(err), 'write'));
        return { runId, statements: outcomes, cancelled: false, durationMs: performance.now() - started };
      }
    }
  }

  if (opts.confirmation && !opts.confirmation.confirmed) {
    const reasons = await confirmationReasons(statements, conn, opts.confirmation.environment === 'prod');
    if (reasons.length > 0) {
      const err = new AppError('CONFIRMATION_REQUIRED', `Confirm before running: ${reasons.map((r) => r.reason).join('; ')}.`, { statements: reasons });
      outcomes.push(failedOutcome(reasons[0]!.index, statements[reasons[0]!.index]!, err, 'write'));
      return { runId, statements: outcomes, cancelled: false, durationMs: performance.now() - started };
    }
  }

  let cancelled = false;
  const onAbort = (): void => {
    cancelled = true;
    void conn.cancel().catch(() => undefined);
  };
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    for (const [index, st] of statements.entries()) {
      if (cancelled || opts.signal?.aborted) {
        cancelled = true;
        break;
      }
      const outcome = await runStatement(conn, index, st, opts);
      outcomes.push(outcome);
      if (outcome.error) {
        if (outcome.error.code === 'QUERY_CANCELLED') cancelled = true;
        break;
      }
    }
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
  }
  return { runId, statements: outcomes, cancelled, durationMs: performance.now() - started };
}

async function runStatement(conn: DriverConnection, index: number, st: ScriptStatement, opts: RunScriptOptions): Promise<StatementOutcome> {
  const t0 = performance.now();
  const kind = await safeKind(st.sql, conn);
  const resultSets: ResultSetInfo[] = [];
  let current: { info: ResultSetInfo; spool: ResultSpool } | null = null;
  let lastProgress = 0;
  const interval = opts.progressIntervalMs ?? 100;
  const rowsArrived = (c: { info: ResultSetInfo; spool: ResultSpool }): void => {
    c.info.rowCount = c.spool.total;
    const now = performance.now();
    if (opts.onProgress && now - lastProgress >= interval) {
      lastProgress = now;
      opts.onProgress({ statementIndex: index, resultId: c.info.resultId, rowCount: c.spool.total });
    }
  };

  const sink: RowSink = {
    beginResultSet(columns: ColumnMeta[]) {
      const spool = new ResultSpool({ id: randomUUID(), columns, budget: opts.budget, tempDir: opts.tempDir });
      const info: ResultSetInfo = { resultId: spool.id, columns, rowCount: 0, complete: false };
      current = { info, spool };
      resultSets.push(info);
      opts.onResultSet?.({ runId: opts.runId ?? '', statementIndex: index, resultId: spool.id, columns }, spool);
    },
    async rows(batch: Row[]) {
      const c = current;
      if (!c) throw new AppError('INTERNAL', 'Driver sent rows before a result set began.');
      await c.spool.append(batch);
      rowsArrived(c);
    },
    async encodedRows(chunk: Buffer, rowCount: number) {
      const c = current;
      if (!c) throw new AppError('INTERNAL', 'Driver sent rows before a result set began.');
      await c.spool.appendEncoded(chunk, rowCount);
      rowsArrived(c);
    },
    endResultSet() {
      if (!current) return;
      current.spool.finish();
      current.info.rowCount = current.spool.total;
      current.info.complete = true;
      current = null;
    },
  };

  try {
    const summary = await conn.execute(st.sql, sink);
    sink.endResultSet();
    return { index, sql: st.sql, line: st.line, column: st.column, kind, resultSets, rowsAffected: summary.rowsAffected, durationMs: performance.now() - t0, messages: summary.messages };
  } catch (err) {
    const c = current as { info: ResultSetInfo; spool: ResultSpool } | null;
    if (c) {
      c.spool.fail(err);
      c.info.rowCount = c.spool.total;
      c.info.complete = true;
    }
    const outcome = failedOutcome(index, st, withScriptPosition(toAppError(err), st), kind);
    outcome.resultSets = resultSets;
    outcome.durationMs = performance.now() - t0;
    return outcome;
  }
}

/** Why each statement needs confirmation (empty: none does). */
async function confirmationReasons(statements: ScriptStatement[], conn: DriverConnection, prod: boolean): Promise<Array<{ index: number; reason: string; sql: string }>> {
  const out: Array<{ index: number; reason: string; sql: string }> = [];
  for (const [index, st] of statements.entries()) {
    const destructive = looksDestructive(st.sql, conn.dialect.splitter);
    if (destructive) {
      out.push({ index, reason: `statement ${index + 1}: ${DESTRUCTIVE_TEXT[destructive]}`, sql: st.sql.slice(0, 200) });
      continue;
    }
    if (prod) {
      const kind = await safeKind(st.sql, conn);
      if (kind !== 'read' && kind !== 'transaction') out.push({ index, reason: `statement ${index + 1} changes a prod database (${kind})`, sql: st.sql.slice(0, 200) });
    }
  }
  return out;
}

async function safeKind(sql: string, conn: DriverConnection): Promise<StatementOutcome['kind']> {
  try {
    return (await classifyStatement(sql, conn.dialect.engine)).kind;
  } catch {
    return 'other';
  }
}

/** Rewrites a driver error's statement-relative position into script line/column. */
function withScriptPosition(err: AppError, st: ScriptStatement): AppError {
  const pos = err.detail?.position;
  if (!pos) return err;
  const scriptPos =
    pos.offset !== undefined
      ? positionInScript(st, pos.offset)
      : { line: st.line + pos.line - 1, column: pos.line === 1 ? st.column + pos.column - 1 : pos.column, offset: undefined };
  return new AppError(err.code, err.message, { ...err.detail, position: { line: scriptPos.line, column: scriptPos.column, ...(scriptPos.offset !== undefined ? { offset: scriptPos.offset } : {}) } });
}

function failedOutcome(index: number, st: ScriptStatement, err: AppError, kind: StatementOutcome['kind']): StatementOutcome {
  return { index, sql: st.sql, line: st.line, column: st.column, kind, resultSets: [], rowsAffected: null, durationMs: 0, messages: [], error: err.toData() };
}
