import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { Decimal } from '../../shared/values';
import { encodeValue } from '../../shared/codec';
import { RpcSession, backoffDelay, rebuildError, webSocketUrl } from './rpc';

/** A fake channel that records what the session sent. */
function fakeChannel() {
  const sent: { id: number; method: string; args: unknown }[] = [];
  const session = new RpcSession((text) => {
    sent.push(JSON.parse(text));
    return true;
  });
  return { sent, session };
}

describe('RpcSession', () => {
  it('matches out-of-order responses to their requests and decodes values', async () => {
    const { sent, session } = fakeChannel();
    const a = session.call('app.echo', { value: 1n });
    const b = session.call('app.echo', { value: new Decimal('1.50') });
    expect(sent.map((m) => m.method)).toEqual(['app.echo', 'app.echo']);
    expect(sent[0]!.args).toEqual({ value: { $qg: 'big', v: '1' } });
    session.receive(
      JSON.stringify({
        t: 'res',
        id: sent[1]!.id,
        ok: true,
        result: encodeValue(new Decimal('1.50')),
      }),
    );
    session.receive(
      JSON.stringify({ t: 'res', id: sent[0]!.id, ok: true, result: encodeValue(2n ** 63n) }),
    );
    expect(await a).toBe(2n ** 63n);
    const dec = await b;
    expect(dec).toBeInstanceOf(Decimal);
    expect(String(dec)).toBe('1.50');
    expect(session.pendingCount).toBe(0);
  });

  it('rebuilds an error response as an AppError with its code and message', async () => {
    const { sent, session } = fakeChannel();
    const p = session.call('connections.test', { connectionId: 'x' });
    session.receive(
      JSON.stringify({
        t: 'res',
        id: sent[0]!.id,
        ok: false,
        error: { code: 'AUTH_FAILED', message: 'Wrong password.', detail: { hint: 'Check it' } },
      }),
    );
    const err = await p.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('AUTH_FAILED');
    expect((err as AppError).message).toBe('Wrong password.');
    expect((err as AppError).detail?.hint).toBe('Check it');
  });

  it('ignores responses for unknown ids and malformed frames', async () => {
    const { sent, session } = fakeChannel();
    const p = session.call('app.info', {});
    session.receive('not json');
    session.receive(JSON.stringify({ t: 'res', id: 999, ok: true, result: 'wrong' }));
    session.receive(JSON.stringify({ t: 'res', id: sent[0]!.id, ok: true, result: 'right' }));
    expect(await p).toBe('right');
  });

  it('fans events out to every subscriber until they unsubscribe', () => {
    const { session } = fakeChannel();
    const seen: unknown[] = [];
    const off1 = session.events.add('query.progress', (p) => seen.push(['one', p]));
    session.events.add('query.progress', (p) => seen.push(['two', p]));
    session.receive(
      JSON.stringify({
        t: 'evt',
        name: 'query.progress',
        payload: { rowCount: { $qg: 'big', v: '5' } },
      }),
    );
    off1();
    session.receive(JSON.stringify({ t: 'evt', name: 'query.progress', payload: { rowCount: 6 } }));
    expect(seen).toEqual([
      ['one', { rowCount: 5n }],
      ['two', { rowCount: 5n }],
      ['two', { rowCount: 6 }],
    ]);
  });

  it('fails a call at once when the channel is closed, and all pending calls on failAll', async () => {
    let open = true;
    const session = new RpcSession(() => open);
    const pending = session.call('app.info', {});
    session.failAll(new AppError('CONNECTION_LOST', 'gone'));
    await expect(pending).rejects.toMatchObject({ code: 'CONNECTION_LOST' });
    open = false;
    await expect(session.call('app.info', {})).rejects.toMatchObject({ code: 'CONNECTION_LOST' });
  });
});

describe('rebuildError', () => {
  it('turns an unrecognised error shape into INTERNAL with its message', () => {
    const err = rebuildError({ code: 'NOPE', message: 'odd' });
    expect(err.code).toBe('INTERNAL');
    expect(err.message).toBe('odd');
  });
});

describe('backoffDelay', () => {
  it('grows exponentially and is capped at about five seconds', () => {
    const mid = () => 0.5;
    expect(backoffDelay(0, mid)).toBe(250);
    expect(backoffDelay(2, mid)).toBe(1000);
    expect(backoffDelay(20, mid)).toBe(5000);
  });
});

describe('webSocketUrl', () => {
  it('uses the page host, wss on https, and forwards the token', () => {
    expect(
      webSocketUrl(
        { protocol: 'http:', host: '127.0.0.1:4000', search: '?token=a b' },
        '/ws',
        'token',
      ),
    ).toBe('ws://127.0.0.1:4000/ws?token=a%20b');
    expect(webSocketUrl({ protocol: 'https:', host: 'h', search: '' }, '/ws', 'token')).toBe(
      'wss://h/ws',
    );
  });
});
