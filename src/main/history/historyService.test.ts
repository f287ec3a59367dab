import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { RunOutcome } from '../../shared/contract';
import type { StatementOutcome } from '../../shared/query';
import { AppError } from '../../shared/errors';
import { migrate } from '../app/appDb';
import { HistoryService } from './historyService';

const stmt = (over: Partial<StatementOutcome>): StatementOutcome =>
  ({
    index: 0,
    sql: 'x',
    line: 1,
    column: 1,
    kind: 'read',
    resultSets: [],
    rowsAffected: null,
    durationMs: 1,
    messages: [],
    ...over,
  }) as StatementOutcome;

const outcome = (statements: StatementOutcome[], cancelled = false): RunOutcome => ({
  runId: 'r',
  statements,
  cancelled,
  durationMs: 12,
});

describe('HistoryService.recordRun', () => {
  const db = new Database(':memory:');
  migrate(db);
  const heard: number[] = [];
  const history = new HistoryService(db, (e) => heard.push(e.id));
  const run = (sql: string) => ({
    connectionId: 'c1',
    sql,
    startedAt: new Date('2026-01-01T10:00:00Z'),
    durationMs: 5,
  });

  it('sums rows returned and affected over the script', () => {
    history.recordRun(
      run('select; update'),
      outcome([
        stmt({ resultSets: [{ resultId: 'a', columns: [], rowCount: 7, complete: true }] }),
        stmt({ index: 1, rowsAffected: 3 }),
      ]),
    );
    const [e] = history.search({ query: 'update' }).entries;
    expect(e).toMatchObject({ status: 'ok', rowCount: 10, durationMs: 12, errorMessage: null });
    expect(heard).toHaveLength(1);
  });

  it('marks cancelled runs, failed runs and runs that threw', () => {
    history.recordRun(
      run('cancelled one'),
      outcome([stmt({ error: { code: 'QUERY_CANCELLED', message: 'Cancelled' } })], true),
    );
    history.recordRun(
      run('failed one'),
      outcome([stmt({ error: { code: 'QUERY_ERROR', message: 'no such table: x' } })]),
    );
    history.recordRun(
      run('threw one'),
      new AppError('CONNECTION_REFUSED', 'Nothing listens on port 5432.'),
    );
    expect(history.search({ query: 'cancelled' }).entries[0]).toMatchObject({
      status: 'cancelled',
      errorMessage: null,
    });
    expect(history.search({ query: 'failed' }).entries[0]).toMatchObject({
      status: 'error',
      errorMessage: 'no such table: x',
    });
    expect(history.search({ query: 'threw' }).entries[0]).toMatchObject({
      status: 'error',
      rowCount: null,
      errorMessage: 'Nothing listens on port 5432.',
    });
  });

  it('does not record a run refused for want of confirmation, nor empty text', () => {
    const before = history.search({}).total;
    history.recordRun(
      run('DELETE FROM t'),
      outcome([stmt({ error: { code: 'CONFIRMATION_REQUIRED', message: 'Confirm' } })]),
    );
    history.recordRun(run('   '), outcome([]));
    expect(history.search({}).total).toBe(before);
  });

  it('prunes the oldest entries past the cap', () => {
    const small = new HistoryService(db, () => {}, 5);
    for (let i = 0; i < 1000; i++)
      small.record({
        connectionId: 'c2',
        sql: `q${i}`,
        startedAt: new Date(2026, 0, 1, 0, 0, i).toISOString(),
        durationMs: 1,
        rowCount: 0,
        status: 'ok',
        errorMessage: null,
      });
    const left = small.search({ limit: 1000 }).entries.map((e) => e.sql);
    expect(left).toHaveLength(5);
    expect(left[0]).toBe('q999');
  });
});
