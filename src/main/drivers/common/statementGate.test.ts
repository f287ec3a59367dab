import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { StatementGate } from './statementGate';

function gate(): StatementGate {
  return new StatementGate(
    (err, sql, cancelRequested) =>
      new AppError(cancelRequested ? 'QUERY_CANCELLED' : 'QUERY_ERROR', `${String(err)} in ${sql}`),
  );
}

describe('StatementGate', () => {
  it('refuses a second call while one runs, and opens again after it', async () => {
    const g = gate();
    let release!: () => void;
    const first = g.run(() => new Promise<string>((r) => (release = () => r('done'))));
    expect(g.running).toBe(true);
    const second = await g.run(async () => 'never').catch((e: unknown) => e);
    expect((second as AppError).code).toBe('BAD_REQUEST');
    release();
    expect(await first).toBe('done');
    expect(g.running).toBe(false);
    expect(await g.run(async () => 'again')).toBe('again');
  });

  it('maps what a call throws, knowing its SQL and whether a cancel was asked', async () => {
    const g = gate();
    const plain = await g
      .run(() => Promise.reject(new Error('boom')), 'SELECT 1')
      .catch((e: unknown) => e);
    expect(plain).toMatchObject({ code: 'QUERY_ERROR', message: 'Error: boom in SELECT 1' });
    const cancelled = await g
      .run(async () => {
        expect(g.requestCancel()).toBe(true);
        throw new Error('stopped');
      }, 'SELECT 2')
      .catch((e: unknown) => e);
    expect(cancelled).toMatchObject({ code: 'QUERY_CANCELLED' });
  });

  it('a cancel asked while idle marks nothing; each call starts uncancelled', async () => {
    const g = gate();
    expect(g.requestCancel()).toBe(false);
    expect(await g.run(async () => g.cancelRequested)).toBe(false);
    await g.run(async () => {
      g.requestCancel();
      expect(g.cancelRequested).toBe(true);
      g.forgetCancel();
      expect(g.cancelRequested).toBe(false);
    });
  });
});
