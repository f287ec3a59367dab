/**
 * The app side of mock data (issue 9): plan, preview, insert (with progress, cancel and the
 * read-only / prod guards) and export, on a fresh unshared connection per call so a long insert
 * never blocks the user's query session.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type { EmitEvent } from '../../shared/contract';
import type { DriverConnection } from '../drivers/types';
import type { SessionManager } from '../query/sessions';
import type { ConnectionProfile } from '../connections/store';
import { buildPlan, insertMockData, previewMockData, writeMockCsv, writeMockScript, type MockOptions, type PreviewTable } from './index';

/** What the mock calls share: which tables, how many rows, which seed and overrides. */
export interface MockRequest {
  connectionId: string;
  tables: string[];
  rows: number;
  rowsPerTable?: Record<string, number>;
  seed?: number;
  overrides?: MockOptions['overrides'];
}

/** Runs the mock generator for the contract's `mock.*` methods. */
export class MockService {
  private readonly running = new Map<string, AbortController>();

  constructor(
    private readonly sessions: SessionManager,
    private readonly exportsDir: string,
    private readonly emit: EmitEvent,
  ) {}

  private async withConn<T>(connectionId: string, fn: (conn: DriverConnection, profile: ConnectionProfile) => Promise<T>): Promise<T> {
    const { profile, conn } = await this.sessions.openUnshared(connectionId);
    try {
      return await fn(conn, profile);
    } finally {
      await conn.close().catch(() => undefined);
    }
  }

  /** The tables in insert order; parents added because a chosen table needs them are `auto`. */
  async plan(connectionId: string, tables: string[]): Promise<{ tables: { schema: string; table: string; auto: boolean }[] }> {
    return this.withConn(connectionId, async (conn) => {
      const plan = buildPlan(await conn.introspect(), tables);
      return { tables: plan.tables.map((p) => ({ schema: p.schema, table: p.table.name, auto: p.auto })) };
    });
  }

  /** Sample rows per table; nothing is written. */
  async preview(req: MockRequest): Promise<PreviewTable[]> {
    return this.withConn(req.connectionId, (conn) => previewMockData(conn, options(req)));
  }

  /** Inserts in one transaction; refused on read-only, and on prod unless `confirmed`. */
  async insert(req: MockRequest & { mockId?: string; confirmed?: boolean }): Promise<{ mockId: string; tables: { schema: string; table: string; rows: number }[]; totalRows: number }> {
    const mockId = req.mockId ?? randomUUID();
    return this.withConn(req.connectionId, async (conn, profile) => {
      if (profile.readOnly) throw new AppError('READ_ONLY_VIOLATION', `"${profile.name}" is read-only. Turn off read-only in the connection's settings to insert mock data, or save it as SQL/CSV instead.`);
      if (profile.environment === 'prod' && !req.confirmed)
        throw new AppError('CONFIRMATION_REQUIRED', `"${profile.name}" is tagged prod. Confirm to insert mock data into it, or save it as SQL/CSV instead.`);
      const controller = new AbortController();
      this.running.set(mockId, controller);
      try {
        const result = await insertMockData(conn, options(req), {
          readOnly: profile.readOnly,
          signal: controller.signal,
          onProgress: (p) => this.emit('mock.progress', { mockId, table: p.table, rows: p.doneAll, total: p.totalAll }),
        });
        return { mockId, ...result };
      } finally {
        this.running.delete(mockId);
      }
    });
  }

  /** Cancels a running insert (it rolls back). */
  cancel(mockId: string): boolean {
    const c = this.running.get(mockId);
    c?.abort();
    return c !== undefined;
  }

  /** Writes an SQL script (one file) or CSV files (one folder) under the exports folder. */
  async export(req: MockRequest & { format: 'sql' | 'csv' }): Promise<{ path: string; files: string[]; totalRows: number }> {
    return this.withConn(req.connectionId, async (conn) => {
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      if (req.format === 'sql') {
        const file = path.join(this.exportsDir, `mock-${stamp}.sql`);
        const r = await writeMockScript(conn, options(req), file);
        return { path: file, files: [file], totalRows: r.totalRows };
      }
      const dir = path.join(this.exportsDir, `mock-${stamp}`);
      fs.mkdirSync(dir, { recursive: true });
      const r = await writeMockCsv(conn, options(req), dir);
      return { path: dir, files: fs.readdirSync(dir).sort().map((f) => path.join(dir, f)), totalRows: r.totalRows };
    });
  }
}

function options(req: MockRequest): MockOptions {
  const o: MockOptions = { rows: req.rows, tables: req.tables };
  if (req.seed !== undefined) o.seed = req.seed;
  if (req.overrides) o.overrides = req.overrides;
  if (req.rowsPerTable) o.rowsPerTable = req.rowsPerTable;
  return o;
}
