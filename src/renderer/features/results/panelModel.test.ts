import { describe, expect, it } from 'vitest';
import type { RunOutcome } from '../../../shared/contract';
import type { StatementOutcome } from '../../../shared/query';
import { messageEntries, resultTabs, runState } from './panelModel';

const base = { line: 1, column: 1, kind: 'read' as const, messages: [], rowsAffected: null, durationMs: 5 };
const cols = [{ name: 'a', type: 'int' }];

function outcome(statements: StatementOutcome[], cancelled = false): RunOutcome {
  return { runId: 'run-1', statements, cancelled, durationMs: 12 };
}

describe('results panel model', () => {
  it('makes one sub-tab per result set across statements', () => {
    const o = outcome([
      { ...base, index: 0, sql: 'SELECT 1', resultSets: [{ resultId: 'r1', columns: cols, rowCount: 1, complete: true }] },
      { ...base, index: 1, sql: 'UPDATE t SET a=1', kind: 'write', rowsAffected: 3, resultSets: [] },
      { ...base, index: 2, sql: 'SELECT 2', resultSets: [{ resultId: 'r2', columns: cols, rowCount: 1, complete: true }] },
    ]);
    expect(resultTabs(o, []).map((t) => [t.resultId, t.label])).toEqual([
      ['r1', 'Result 1'],
      ['r2', 'Result 2'],
    ]);
    expect(messageEntries(o).map((m) => m.text)).toEqual(['1 row returned', '3 rows affected', '1 row returned']);
  });

  it('shows live result sets while running', () => {
    const tabs = resultTabs(null, [{ runId: 'x', statementIndex: 0, resultId: 'r9', columns: cols }]);
    expect(tabs).toMatchObject([{ resultId: 'r9', label: 'Result', complete: false }]);
    expect(runState(null, { runId: 'x', startedAt: 0 })).toBe('running');
  });

  it('reports errors with line and column, notices, and cancellation', () => {
    const o = outcome(
      [
        {
          ...base,
          index: 0,
          sql: 'SELEC 1',
          line: 3,
          resultSets: [],
          messages: [{ severity: 'notice', message: 'table "x" does not exist, skipping' }],
          error: { code: 'SYNTAX_ERROR', message: 'syntax error at or near "SELEC"', detail: { position: { line: 3, column: 1 } } },
        },
      ],
      true,
    );
    const entries = messageEntries(o);
    expect(entries[0]).toMatchObject({
      severity: 'error',
      where: 'statement 1 · line 3 · error at line 3, column 1',
      position: { line: 3, column: 1 },
    });
    expect(entries[1]).toMatchObject({ severity: 'notice', text: 'table "x" does not exist, skipping' });
    expect(entries[2]).toMatchObject({ severity: 'warning', text: 'The run was cancelled.' });
    expect(runState(o, null)).toBe('cancelled');
  });

  it('treats a cancel as a warning that keeps the rows received so far', () => {
    const o = outcome(
      [
        {
          ...base,
          index: 0,
          sql: 'SELECT * FROM big',
          resultSets: [{ resultId: 'r1', columns: cols, rowCount: 6000, complete: true }],
          error: { code: 'QUERY_CANCELLED', message: 'The query was cancelled.' },
        },
      ],
      true,
    );
    expect(messageEntries(o)).toMatchObject([{ severity: 'warning', text: 'Cancelled after 6,000 rows.' }]);
    expect(resultTabs(o, [])).toHaveLength(1);
  });
});
