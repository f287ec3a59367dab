import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import {
  createBridgeClient,
  createWebSocketClient,
  type LinkStatus,
  type SocketLike,
} from './client';

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: string[] = [];
  onopen: ((ev: unknown) => void) | null = null;
  onclose: ((ev: unknown) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  send(text: string): void {
    this.sent.push(text);
  }
  close(): void {
    this.drop();
  }
  open(): void {
    this.readyState = 1;
    this.onopen?.({});
  }
  drop(): void {
    this.readyState = 3;
    this.onclose?.({});
  }
  reply(result: unknown, index = this.sent.length - 1): void {
    const { id } = JSON.parse(this.sent[index]!) as { id: number };
    this.onmessage?.({ data: JSON.stringify({ t: 'res', id, ok: true, result }) });
  }
}

function harness() {
  const sockets: FakeSocket[] = [];
  const timers: { fn: () => void; ms: number }[] = [];
  const statuses: LinkStatus[] = [];
  const client = createWebSocketClient({
    url: 'ws://x/ws',
    openSocket: () => {
      const s = new FakeSocket();
      sockets.push(s);
      return s;
    },
    schedule: (fn, ms) => timers.push({ fn, ms }),
  });
  client.onStatus((s) => statuses.push(s));
  return { client, sockets, timers, statuses };
}

describe('web-mode client', () => {
  it('queues calls made while connecting and sends them once the socket opens', async () => {
    const { client, sockets } = harness();
    const info = client.call('app.echo', { value: 'hi' });
    expect(sockets[0]!.sent).toHaveLength(0);
    sockets[0]!.open();
    expect(sockets[0]!.sent).toHaveLength(1);
    sockets[0]!.reply('hi');
    expect(await info).toBe('hi');
  });

  it('rejects pending calls with CONNECTION_LOST when the server stops, then reconnects with backoff', async () => {
    const { client, sockets, timers, statuses } = harness();
    sockets[0]!.open();
    const pending = client.call('app.info', {});
    sockets[0]!.drop();
    const err = (await pending.catch((e: unknown) => e)) as AppError;
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe('CONNECTION_LOST');
    expect(err.message).toMatch(/web server/);
    expect(client.status()).toBe('reconnecting');
    // While down, calls fail fast rather than hang.
    await expect(client.call('app.info', {})).rejects.toMatchObject({ code: 'CONNECTION_LOST' });
    expect(timers).toHaveLength(1);
    timers[0]!.fn();
    expect(sockets).toHaveLength(2);
    sockets[1]!.open();
    expect(statuses).toEqual(['open', 'reconnecting', 'open']);
    const again = client.call('app.echo', { value: 1 });
    sockets[1]!.reply(1);
    expect(await again).toBe(1);
  });

  it('keeps event subscriptions across a reconnect', () => {
    const { client, sockets, timers } = harness();
    const seen: unknown[] = [];
    client.on('export.progress', (p) => seen.push(p.rows));
    sockets[0]!.open();
    sockets[0]!.drop();
    timers[0]!.fn();
    sockets[1]!.open();
    sockets[1]!.onmessage?.({
      data: JSON.stringify({
        t: 'evt',
        name: 'export.progress',
        payload: { exportId: 'e', rows: 3, bytes: 9, done: false },
      }),
    });
    expect(seen).toEqual([3]);
  });

  it('stops reconnecting after close()', () => {
    const { client, sockets, timers } = harness();
    sockets[0]!.open();
    client.close();
    expect(timers).toHaveLength(0);
  });
});

describe('Electron bridge client', () => {
  it('encodes arguments, decodes results and rebuilds errors', async () => {
    const calls: unknown[] = [];
    const client = createBridgeClient({
      async call(method, args) {
        calls.push([method, args]);
        if (method === 'app.echo') return { ok: true, result: { $qg: 'big', v: '7' } };
        return { ok: false, error: { code: 'NOT_FOUND', message: 'No such connection.' } };
      },
      on: () => () => undefined,
    });
    expect(await client.call('app.echo', { value: 7n })).toBe(7n);
    expect(calls[0]).toEqual(['app.echo', { value: { $qg: 'big', v: '7' } }]);
    await expect(client.call('connections.test', { connectionId: 'z' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'No such connection.',
    });
  });
});
