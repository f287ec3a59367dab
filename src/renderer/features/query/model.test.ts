import { describe, expect, it } from 'vitest';
import type { RunOutcome } from '../../../shared/contract';
import type { StatementOutcome } from '../../../shared/query';
import { Decimal } from '../../../shared/values';
import {
  errorLocation,
  formatCell,
  formatDuration,
  initialSql,
  resultCaption,
  viewOfRun,
} from './model';

const stmt = (over: Partial<StatementOutcome>): StatementOutcome => ({
  index: 0,
  sql: 'SELECT 1',
  line: 1,
  column: 1,
  kind: 'read',
  resultSets: [],
  rowsAffected: null,
  durationMs: 3,
  messages: [],
  ...over,
});
const run = (statements: StatementOutcome[], cancelled = false): RunOutcome => ({
  runId: 'r',
  statements,
  cancelled,
  durationMs: 1500,
});

describe('query model', () => {
  it('shows NULL distinctly from empty text, and exact numbers unchanged', () => {
    expect(formatCell(null)).toEqual({ text: 'NULL', kind: 'null' });
    expect(formatCell('')).toEqual({ text: '', kind: 'text' });
    expect(formatCell(9007199254740993n)).toEqual({ text: '9007199254740993', kind: 'number' });
    expect(formatCell(new Decimal('10.50'))).toEqual({ text: '10.50', kind: 'number' });
    expect(formatCell(new Uint8Array([1, 255])).text).toBe('0x01ff (2 B)');
    expect(formatCell('a\nb').text).toBe('a ⏎ b');
  });

  it('shows the first failing statement before any result', () => {
    const error = {
      code: 'SYNTAX_ERROR' as const,
      message: 'near "FORM"',
      detail: { position: { line: 2, column: 5 } },
    };
    const view = viewOfRun(
      run([
        stmt({ resultSets: [{ resultId: 'x', columns: [], rowCount: 1, complete: true }] }),
        stmt({ index: 1, error }),
      ]),
    );
    expect(view.kind).toBe('error');
    if (view.kind === 'error') expect(errorLocation(view.error)).toBe('line 2, column 5');
  });

  it('picks the first result set, else summarises affected rows', () => {
    const withResult = viewOfRun(
      run([
        stmt({ kind: 'write', rowsAffected: 2 }),
        stmt({
          index: 1,
          resultSets: [{ resultId: 'r1', columns: [], rowCount: 5, complete: true }],
        }),
      ]),
    );
    expect(withResult.kind === 'result' && withResult.result.resultId).toBe('r1');
    expect(
      viewOfRun(
        run([stmt({ kind: 'write', rowsAffected: 1 }), stmt({ kind: 'write', rowsAffected: 2 })]),
      ),
    ).toEqual({
      kind: 'done',
      message: 'Ran 2 statements, 3 rows affected in 1.50 s.',
    });
    expect(viewOfRun(run([stmt({})], true))).toEqual({ kind: 'cancelled' });
  });

  it('captions results and durations readably', () => {
    expect(resultCaption(200, 50000, true, 12)).toBe('first 200 rows of 50,000 · 12 ms');
    expect(resultCaption(1, 1, true, 3)).toBe('1 row · 3 ms');
    expect(resultCaption(200, 400, false, 3)).toBe('first 200 rows of 400+ · 3 ms');
    expect(formatDuration(125_000)).toBe('2 min 5 s');
  });

  it('starts demo tabs on the customers table', () => {
    expect(initialSql({ isDemo: true, engine: 'sqlite' })).toMatch(/customers/);
  });
});
