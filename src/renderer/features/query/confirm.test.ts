import { describe, expect, it } from 'vitest';
import type { RunOutcome } from '../../../shared/contract';
import type { StatementOutcome } from '../../../shared/query';
import { confirmationFromError, confirmationOf, confirmationTitle, formatReason, sqlPreview } from './confirm';

const refused = (detail: Record<string, unknown>): RunOutcome => ({
  runId: 'r',
  cancelled: false,
  durationMs: 1,
  statements: [
    {
      index: 1,
      sql: 'DELETE FROM t',
      line: 1,
      column: 1,
      kind: 'write',
      resultSets: [],
      rowsAffected: null,
      durationMs: 0,
      messages: [],
      error: {
        code: 'CONFIRMATION_REQUIRED',
        message: 'Confirm before running: statement 2: DELETE without WHERE.',
        detail,
      },
    } satisfies StatementOutcome,
  ],
});

describe('run confirmation model', () => {
  it('lists the reasons and SQL main gave', () => {
    const request = confirmationOf(
      refused({
        statements: [
          { index: 1, reason: 'statement 2: DELETE without WHERE', sql: 'DELETE FROM t' },
          {
            index: 2,
            reason: 'statement 3 changes a prod database (write)',
            sql: 'UPDATE t SET a=1 WHERE id=2',
          },
          { bogus: true },
        ],
      }),
    );
    expect(request?.items.map(formatReason)).toEqual([
      'Statement 2: DELETE without WHERE',
      'Statement 3 changes a prod database (write)',
    ]);
    expect(request?.items[1]?.sql).toBe('UPDATE t SET a=1 WHERE id=2');
  });

  it('still asks when the detail is missing, and not at all for an ordinary run', () => {
    expect(confirmationOf(refused({}))).toEqual({
      message: 'Confirm before running: statement 2: DELETE without WHERE.',
      items: [],
    });
    expect(
      confirmationOf({ runId: 'r', cancelled: false, durationMs: 1, statements: [] }),
    ).toBeNull();
  });

  it('reads a thrown CONFIRMATION_REQUIRED (Run to file) the same way', () => {
    const item = { index: 0, reason: 'DELETE without WHERE removes every row', sql: 'DELETE FROM t RETURNING id' };
    expect(confirmationFromError({ message: 'Confirm first.', detail: { statements: [item, { index: 'x' }] } })).toEqual({ message: 'Confirm first.', items: [item] });
    expect(confirmationFromError({ message: 'Confirm first.' })).toEqual({ message: 'Confirm first.', items: [] });
  });

  it('titles prod runs loudly and bounds long SQL', () => {
    expect(confirmationTitle(1, true)).toBe('Run this statement on PRODUCTION?');
    expect(confirmationTitle(3, false)).toBe('Run these 3 statements?');
    expect(sqlPreview(`  ${'x'.repeat(300)} `)).toHaveLength(201);
  });
});
