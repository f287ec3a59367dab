import { describe, expect, it } from 'vitest';
import type { RunOutcome } from '../../../shared/contract';
import type { ErrorData } from '../../../shared/errors';
import { failedStatement } from './failedRun';

function outcome(statements: Array<{ sql: string; error?: ErrorData }>): RunOutcome {
  return {
    runId: 'r',
    durationMs: 1,
    cancelled: false,
    statements: statements.map((s, index) => ({ index, sql: s.sql, line: 1, column: 1, kind: 'read', resultSets: [], rowsAffected: null, durationMs: 1, messages: [], ...(s.error ? { error: s.error } : {}) })),
  } as unknown as RunOutcome;
}

describe('failedStatement', () => {
  it('picks the first statement the engine rejected, with its message', () => {
    const state = { phase: 'done' as const, outcome: outcome([{ sql: 'SELECT 1' }, { sql: 'SELECT nme FROM t', error: { code: 'QUERY_ERROR', message: 'no such column: nme' } }]) };
    expect(failedStatement(state)).toEqual({ sql: 'SELECT nme FROM t', error: 'no such column: nme' });
  });
  it('offers nothing for a cancel, a refused write, a success or a run that never started', () => {
    expect(failedStatement({ phase: 'done', outcome: outcome([{ sql: 'SELECT 1', error: { code: 'QUERY_CANCELLED', message: 'x' } }]) })).toBeNull();
    expect(failedStatement({ phase: 'done', outcome: outcome([{ sql: 'DELETE FROM t', error: { code: 'READ_ONLY_VIOLATION', message: 'x' } }]) })).toBeNull();
    expect(failedStatement({ phase: 'done', outcome: outcome([{ sql: 'SELECT 1' }]) })).toBeNull();
    expect(failedStatement({ phase: 'idle' })).toBeNull();
    expect(failedStatement({ phase: 'failed', error: { toData: () => ({ code: 'CONNECTION_LOST', message: 'gone', detail: { statement: 'SELECT 1' } }) } })).toBeNull();
    expect(failedStatement({ phase: 'failed', error: { toData: () => ({ code: 'SYNTAX_ERROR', message: 'near x', detail: { statement: 'SELEC 1' } }) } })).toEqual({ sql: 'SELEC 1', error: 'near x' });
  });
});
