import { describe, expect, it, vi } from 'vitest';
import { decodeValue } from '../../shared/codec';
import { METHODS, requestChannel } from '../../shared/contract';
import type { App } from '../app/createApp';
import { EventBus } from '../app/events';

const handlers = new Map<string, (e: unknown, args: unknown) => Promise<unknown>>();
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, fn: (e: unknown, args: unknown) => Promise<unknown>) => handlers.set(channel, fn),
    removeHandler: (channel: string) => handlers.delete(channel),
  },
}));

const { bindIpc } = await import('./bind');

function fakeApp(calls: string[]): App {
  const events = new EventBus();
  const handlerObj = new Proxy({}, { get: (_t, method: string) => async (args: unknown) => (calls.push(method), { echoed: args }) });
  return { handlers: handlerObj as App['handlers'], retrieval: {} as App['retrieval'], events, info: {} as App['info'], close: async () => undefined };
}

describe('Electron IPC binding', () => {
  it('binds one channel per contract method, derived from the contract', () => {
    handlers.clear();
    const unbind = bindIpc(fakeApp([]), () => true, () => []);
    expect([...handlers.keys()].sort()).toEqual(METHODS.map(requestChannel).sort());
    unbind();
    expect(handlers.size).toBe(0);
  });

  it('refuses a call from an untrusted frame and runs nothing', async () => {
    handlers.clear();
    const calls: string[] = [];
    bindIpc(fakeApp(calls), (e) => (e as unknown as { trusted: boolean }).trusted, () => []);
    const res = (await handlers.get(requestChannel('app.echo'))!({ trusted: false }, { value: 1 })) as { ok: boolean; error: unknown };
    expect(res.ok).toBe(false);
    expect(decodeValue(res.error)).toMatchObject({ code: 'UNAUTHORIZED' });
    expect(calls).toEqual([]);
  });

  it('validates arguments before the service runs', async () => {
    handlers.clear();
    const calls: string[] = [];
    bindIpc(fakeApp(calls), () => true, () => []);
    const bad = (await handlers.get(requestChannel('result.page'))!({}, { resultId: 'r', offset: 'zero', limit: 1 })) as { ok: boolean; error: unknown };
    expect(decodeValue(bad.error)).toMatchObject({ code: 'INVALID_REQUEST' });
    const good = (await handlers.get(requestChannel('app.echo'))!({}, { value: { $qg: 'big', v: '12' } })) as { ok: boolean; result: unknown };
    expect(good.ok).toBe(true);
    expect(decodeValue(good.result)).toEqual({ echoed: { value: 12n } });
    expect(calls).toEqual(['app.echo']);
  });
});
