import { describe, expect, it } from 'vitest';
import type { SslOptions } from '../../../shared/connection';
import { AppError } from '../../../shared/errors';
import { openWithSslMode, type TlsOpener } from './tls';

/** An opener whose server speaks TLS or not; records the TLS option of each attempt. */
function fakeServer(speaksTls: boolean, attempts: string[]): TlsOpener<string, string> {
  return {
    tls: (ssl) => (ssl && ssl.mode !== 'disable' ? `tls:${ssl.mode}` : 'plain'),
    plain: 'plain',
    open: async (tls) => {
      attempts.push(tls);
      if (tls !== 'plain' && !speaksTls) throw new Error('server does not support SSL');
      return `session over ${tls}`;
    },
    serverHasNoTls: (err) => /does not support SSL/.test((err as Error).message),
    mapError: (err) => new AppError('TLS_REQUIRED', (err as Error).message),
  };
}

describe('openWithSslMode', () => {
  it('prefer: TLS without verifying when the server has it', async () => {
    const attempts: string[] = [];
    const r = await openWithSslMode({ mode: 'prefer' }, fakeServer(true, attempts));
    expect(r).toEqual({ session: 'session over tls:require', tls: 'tls:require' });
    expect(attempts).toEqual(['tls:require']);
  });

  it('prefer: plain, and says so, when the server has no TLS', async () => {
    const attempts: string[] = [];
    const r = await openWithSslMode({ mode: 'prefer' }, fakeServer(false, attempts));
    expect(r).toEqual({ session: 'session over plain', tls: 'plain' });
    expect(attempts).toEqual(['tls:require', 'plain']);
  });

  it('require: no fallback, the failure is mapped', async () => {
    const attempts: string[] = [];
    const ssl: SslOptions = { mode: 'require' };
    const err = await openWithSslMode(ssl, fakeServer(false, attempts)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('TLS_REQUIRED');
    expect(attempts).toEqual(['tls:require']);
  });

  it('no SSL settings: one plain attempt', async () => {
    const attempts: string[] = [];
    const r = await openWithSslMode(undefined, fakeServer(false, attempts));
    expect(r.tls).toBe('plain');
    expect(attempts).toEqual(['plain']);
  });
});
