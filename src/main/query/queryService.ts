/** Runs scripts for the renderer: sessions, spools, events, cancel. */
import { randomUUID } from 'node:crypto';
import type { EmitEvent, RunOutcome } from '../../shared/contract';
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
    },
  ) {}

  /** Runs a script and resolves with every statement's outcome. */
  async run(args: { connectionId: string; sql: string; runId?: string }): Promise<RunOutcome> {
    const runId = args.runId ?? randomUUID();
    const controller = new AbortController();
    this.running.set(runId, controller);
    const t0 = performance.now();
    try {
      return await this.deps.sessions.exclusive(args.connectionId, (s) =>
        runScript(s.conn, args.sql, {
          runId,
          readOnly: s.profile.readOnly,
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
    } finally {
      this.running.delete(runId);
    }
  }

  /** Cancels a running script; false when it already ended. */
  async cancel(runId: string): Promise<boolean> {
    const c = this.running.get(runId);
    if (!c) return false;
    c.abort();
    return true;
  }
}
