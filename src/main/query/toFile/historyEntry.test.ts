import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { FILE_RUN_NOTE, fileRunHistoryEntry } from './historyEntry';

const run = { connectionId: 'c1', sql: 'SELECT 1', startedAt: new Date('2026-01-02T03:04:05Z'), durationMs: 12.5 };

describe('fileRunHistoryEntry', () => {
  it('records a written file as ok, with its rows and a note naming the file first', () => {
    const e = fileRunHistoryEntry(run, { path: '/data/exports/run-1.csv', rows: 42 });
    expect(e).toEqual({
      connectionId: 'c1',
      sql: 'SELECT 1',
      startedAt: '2026-01-02T03:04:05.000Z',
      durationMs: 12.5,
      rowCount: 42,
      status: 'ok',
      errorMessage: `${FILE_RUN_NOTE} run-1.csv in /data/exports`,
    });
  });

  it('records a failure with its message and a cancel as cancelled', () => {
    const failed = fileRunHistoryEntry(run, { error: new AppError('QUERY_ERROR', 'relation "nope" does not exist') });
    expect(failed).toMatchObject({ status: 'error', rowCount: null });
    expect(failed?.errorMessage).toBe(`${FILE_RUN_NOTE} failed: relation "nope" does not exist`);
    const cancelled = fileRunHistoryEntry(run, { error: new AppError('QUERY_CANCELLED', 'stopped') });
    expect(cancelled).toMatchObject({ status: 'cancelled', rowCount: null });
    expect(cancelled?.errorMessage).toContain(FILE_RUN_NOTE);
  });

  it('records nothing for a statement awaiting confirmation, or for blank SQL', () => {
    expect(fileRunHistoryEntry(run, { error: new AppError('CONFIRMATION_REQUIRED', 'Confirm first') })).toBeNull();
    expect(fileRunHistoryEntry({ ...run, sql: '  \n' }, { path: '/x.csv', rows: 1 })).toBeNull();
  });
});
