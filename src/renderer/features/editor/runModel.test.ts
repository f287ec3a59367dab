import { describe, expect, it } from 'vitest';
import type { RunOutcome } from '../../../shared/contract';
import type { StatementOutcome } from '../../../shared/query';
import { errorMark, outcomeInDocument, runTarget, toDocumentPosition } from './runModel';

const doc = 'SELECT 1;\n\nSELECT *\n  FROM orderz;\nSELECT 3';

function failing(over: Partial<StatementOutcome>): RunOutcome {
  const st: StatementOutcome = {
    index: 0, sql: 'x', line: 1, column: 1, kind: 'read', resultSets: [], rowsAffected: null, durationMs: 1, messages: [],
    error: { code: 'QUERY_ERROR', message: 'no such table: orderz' },
    ...over,
  };
  return { runId: 'r', statements: [st], cancelled: false, durationMs: 1 };
}

describe('what a run sends', () => {
  it('sends the statement at the cursor, the selection, or the whole script', () => {
    const cursor = doc.indexOf('FROM');
    expect(runTarget(doc, { from: cursor, to: cursor }, 'current', 'sqlite')?.sql).toBe('SELECT *\n  FROM orderz');
    const sel = { from: doc.indexOf('SELECT 3'), to: doc.length };
    expect(runTarget(doc, sel, 'current', 'sqlite')).toEqual({ sql: 'SELECT 3', from: sel.from, to: doc.length });
    expect(runTarget(doc, { from: 0, to: 0 }, 'script', 'sqlite')?.sql).toBe(doc);
    expect(runTarget('   ', { from: 0, to: 0 }, 'script', 'sqlite')).toBeNull();
  });
});

describe('where an error is marked', () => {
  const cursor = doc.indexOf('FROM');
  const target = runTarget(doc, { from: cursor, to: cursor }, 'current', 'sqlite')!;

  it('uses the engine position, mapped from the sent statement into the document', () => {
    const mark = errorMark(failing({ error: { code: 'QUERY_ERROR', message: 'bad', detail: { position: { line: 2, column: 8 } } } }), target, target.sql, true);
    expect(doc.slice(mark!.at, mark!.at + 6)).toBe('orderz');
    expect(mark!.message).toBe('bad');
  });

  it("falls back to the failing statement's start, and to it only when parameters moved offsets", () => {
    expect(errorMark(failing({}), target, target.sql, true)!.at).toBe(target.from);
    const withPos = failing({ error: { code: 'QUERY_ERROR', message: 'bad', detail: { position: { line: 2, column: 8 } } } });
    expect(errorMark(withPos, target, target.sql, false)!.at).toBe(target.from);
  });

  it('ignores a run without errors and the confirmation request', () => {
    expect(errorMark({ ...failing({}), statements: [{ ...failing({}).statements[0]!, error: undefined }] }, target, target.sql, true)).toBeNull();
    expect(errorMark(failing({ error: { code: 'CONFIRMATION_REQUIRED', message: 'confirm' } }), target, target.sql, true)).toBeNull();
  });
});

describe('positions shown in the results', () => {
  it('are moved into editor coordinates when only part of the script ran', () => {
    const outcome = failing({ line: 1, column: 1, error: { code: 'QUERY_ERROR', message: 'bad', detail: { position: { line: 2, column: 8, offset: 17 } } } });
    const moved = outcomeInDocument(outcome, { line: 3, column: 5 }, 40).statements[0]!;
    expect([moved.line, moved.column]).toEqual([3, 5]);
    expect(moved.error?.detail?.position).toEqual({ line: 4, column: 8, offset: 57 });
    expect(toDocumentPosition({ line: 3, column: 5 }, { line: 1, column: 8 })).toEqual({ line: 3, column: 12 });
  });
});
