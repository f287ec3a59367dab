/** Runs scripts for the renderer: sessions, spools, events, cancel. */
import { randomUUID } from 'node:crypto';
import type { EmitEvent, RunOutcome } from '../../shared/contract';
import type { ExplainResult } from '../../shared/query';
import type { RowSink } from '../drivers/types';
import { assertReadOnlyAllowed } from './guard';
import { TRANSACTION_SQL } from './transactions';
import type { ResultRegistry } from './resultRegistry';
import { runScript } from './runScript';
import type { SessionManager } from './sessions';
import type { MemoryBudget } from './spool';

/** Executes scripts on profile sessions and keeps their results readable. */
export class QueryService {
  private readonly running = new Map<string, AbortController>();

  constructor(
    private readonly deps: {
      sessions: SessionManager;
      results: ResultRegistry;
      budget: MemoryBudget;
      tempDir: string;
      emit: EmitEvent;
      /** Called once per finished run with its outcome or the error it threw (query history). */
      recordRun?: (run: { connectionId: string; sql: string; startedAt: Date; durationMs: number }, result: unknown) => void;
    },
  ) {}

  /** Runs a script and resolves with every statement's outcome. */
  async run(args: { connectionId: string; sql: string; runId?: string; confirmed?: boolean; history?: boolean }): Promise<RunOutcome> {
    const runId = args.runId ?? randomUUID();
    const controller = new AbortController();
    this.running.set(runId, controller);
    const t0 = performance.now();
    const startedAt = new Date();
    let result: unknown;
    try {
      const outcome = await this.deps.sessions.exclusive(args.connectionId, (s) =>
        runScript(s.conn, args.sql, {
          runId,
          readOnly: s.profile.readOnly,
          confirmation: { environment: s.profile.environment, confirmed: args.confirmed === true },
          budget: this.deps.budget,
          tempDir: this.deps.tempDir,
          signal: controller.signal,
          onResultSet: (info, spool) => {
            this.deps.results.add(spool);
            this.deps.emit('query.resultSet', info);
          },
          onProgress: (p) => this.deps.emit('query.progress', { runId, ...p, elapsedMs: performance.now() - t0 }),
        }),
      );
      // A lost connection is not reused: the next run reconnects.
      if (outcome.statements.some((st) => st.error?.code === 'CONNECTION_LOST')) await this.deps.sessions.evict(args.connectionId);
      result = outcome;
      return outcome;
    } catch (err) {
      result = err;
      throw err;
    } finally {
      this.running.delete(runId);
      if (args.history !== false) this.record(args, startedAt, performance.now() - t0, result);
    }
  }

  // History must never break a run: a failure to record is swallowed.
  private record(args: { connectionId: string; sql: string }, startedAt: Date, durationMs: number, result: unknown): void {
    try {
      this.deps.recordRun?.({ connectionId: args.connectionId, sql: args.sql, startedAt, durationMs }, result);
    } catch {
      // The app database being busy or full is not the user's query failing.
    }
  }

  /** Explains a statement on the session; on a read-only connection, analyze only for reads. */
  async explain(connectionId: string, sql: string, analyze: boolean): Promise<ExplainResult> {
    return this.deps.sessions.exclusive(connectionId, async (s) => {
      if (analyze && s.profile.readOnly) await assertReadOnlyAllowed(sql, s.conn.dialect.engine);
      return s.conn.explain(sql, { analyze });
    });
  }

  /** Begins, commits or rolls back a transaction on the connection's session. */
  async transaction(connectionId: string, action: 'begin' | 'commit' | 'rollback'): Promise<{ inTransaction: boolean }> {
    return this.deps.sessions.exclusive(connectionId, async (s) => {
      await s.conn.execute(TRANSACTION_SQL[s.conn.dialect.engine][action], IGNORE_ROWS);
      return { inTransaction: s.conn.inTransaction() };
    });
  }

  /** Closes a session; refuses while a transaction is open unless `force` (which rolls it back). */
  async closeSession(connectionId: string, force: boolean): Promise<{ closed: boolean; openTransaction: boolean }> {
    return this.deps.sessions.close(connectionId, force);
  }

  /** Cancels a running script; false when it already ended. */
  async cancel(runId: string): Promise<boolean> {
    const c = this.running.get(runId);
    if (!c) return false;
    c.abort();
    return true;
  }
}

const IGNORE_ROWS: RowSink = { beginResultSet() {}, rows() {}, endResultSet() {} };
