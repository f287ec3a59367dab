import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { createApp, type App } from '../../src/main/app/createApp';
import { startWebServer, type WebServer } from '../../src/main/web/server';
import { Decimal } from '../../src/shared/values';
import { call, httpGet, loginCookie, openSocket } from '../harness/webClient';

let home: string;
let staticDir: string;
let app: App;
let server: WebServer;
let echoCalls = 0;
let wsUrl: string;

beforeAll(async () => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'qg-web-'));
  staticDir = path.join(home, 'static');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>QueryGenie</title><div id="root"></div>');
  app = await createApp({ home, mode: 'web' });
  const echo = app.handlers['app.echo'];
  app.handlers['app.echo'] = async (args) => {
    echoCalls++;
    return echo(args);
  };
  server = await startWebServer({ app, staticDir });
  wsUrl = `${server.origin.replace('http', 'ws')}/ws`;
});

afterAll(async () => {
  await server?.close();
  await app?.close();
  fs.rmSync(home, { recursive: true, force: true });
});

describe('web mode: the contract over a real WebSocket', () => {
  let ws: WebSocket;
  beforeAll(async () => {
    const cookie = await loginCookie(server.url);
    ws = await openSocket(wsUrl, { Origin: server.origin, Cookie: cookie });
  });
  afterAll(() => ws?.close());

  it('listens on 127.0.0.1 only and prints a URL carrying the token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
  });

  it('round-trips bigint, decimal, binary and date values intact', async () => {
    const value = {
      big: -9223372036854775808n,
      dec: new Decimal('0.1000000000000000000000000001'),
      bin: new Uint8Array([0xde, 0xad, 0xbe, 0xef, 0]),
      at: new Date('2001-02-03T04:05:06.789Z'),
      nothing: null,
      empty: '',
    };
    const res = await call(ws, 'app.echo', { value });
    expect(res.ok).toBe(true);
    const back = res.result as typeof value;
    expect(back.big).toBe(-9223372036854775808n);
    expect(back.dec).toEqual(new Decimal('0.1000000000000000000000000001'));
    expect(Array.from(back.bin)).toEqual([0xde, 0xad, 0xbe, 0xef, 0]);
    expect(back.at.getTime()).toBe(value.at.getTime());
    expect(back.nothing).toBeNull();
    expect(back.empty).toBe('');
  });

  it('sends errors across as {code, message}', async () => {
    const res = await call(ws, 'result.page', { resultId: 'no-such-result', offset: 0, limit: 10 });
    expect(res.ok).toBe(false);
    expect(res.error).toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/Run the query again/) });
  });

  it('validates arguments at the boundary', async () => {
    const res = await call(ws, 'result.page', { resultId: 'x', offset: -1, limit: 10 });
    expect(res.error).toMatchObject({ code: 'INVALID_REQUEST', message: expect.stringMatching(/offset/) });
    const unknown = await call(ws, 'fs.readFile', { path: '/etc/passwd' });
    expect(unknown.error).toMatchObject({ code: 'INVALID_REQUEST', message: expect.stringMatching(/Unknown method/) });
    const extra = await call(ws, 'connections.list', { sneaky: true });
    expect(extra.error).toMatchObject({ code: 'INVALID_REQUEST' });
    const wrongType = await call(ws, 'query.run', { connectionId: 42, sql: 'DELETE FROM customers' });
    expect(wrongType.error).toMatchObject({ code: 'INVALID_REQUEST' });
  });

  it('refuses huge strings and malformed envelopes without running anything', async () => {
    const before = echoCalls;
    const huge = await call(ws, 'connections.get', { connectionId: 'x'.repeat(100_000) });
    expect(huge.error).toMatchObject({ code: 'INVALID_REQUEST', message: expect.stringMatching(/connectionId/) });
    const sneakyPassword = await call(ws, 'connections.save', { name: 'x', engine: 'postgres', params: { host: 'h', password: 'leak' } });
    expect(sneakyPassword.error).toMatchObject({ code: 'INVALID_REQUEST' });
    expect(echoCalls).toBe(before);
  });

  it('closes a socket that sends a malformed frame', async () => {
    const cookie = await loginCookie(server.url);
    const other = await openSocket(wsUrl, { Origin: server.origin, Cookie: cookie });
    const closed = new Promise<number>((resolve) => other.once('close', (code) => resolve(code)));
    other.send('{"t":"req","id":"not-a-number","method":"app.echo"}');
    expect(await closed).toBe(1003);
  });

  it('lists the demo connection without any secret', async () => {
    const res = await call(ws, 'connections.list', {});
    const list = res.result as Array<Record<string, unknown>>;
    expect(list.find((c) => c.isDemo)).toMatchObject({ name: 'Demo (SQLite)', engine: 'sqlite', hasSecret: false });
    expect(JSON.stringify(list)).not.toMatch(/password/i);
  });
});

describe('web mode: authentication', () => {
  it('answers 401 to the bare / and to a wrong token, and serves nothing', async () => {
    const bare = await httpGet(`${server.origin}/`);
    expect(bare.status).toBe(401);
    expect(bare.body).not.toContain('QueryGenie</title>');
    const wrong = await httpGet(`${server.origin}/?token=${'x'.repeat(server.token.length)}`);
    expect(wrong.status).toBe(401);
    const asset = await httpGet(`${server.origin}/index.html`);
    expect(asset.status).toBe(401);
  });

  it('trades the token for an HttpOnly, SameSite=Strict cookie that then serves the page', async () => {
    const first = await httpGet(server.url);
    expect(first.status).toBe(302);
    expect(first.headers.location).toBe('/');
    const cookie = first.headers['set-cookie']![0]!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await httpGet(`${server.origin}/`, { Cookie: cookie.split(';')[0]! });
    expect(page.status).toBe(200);
    expect(page.body).toContain('QueryGenie</title>');
    expect(page.headers['content-security-policy']).toMatch(/default-src 'self'/);
  });

  it('refuses a foreign Origin even with a valid cookie', async () => {
    const cookie = await loginCookie(server.url);
    const res = await httpGet(`${server.origin}/`, { Cookie: cookie, Origin: 'http://evil.example' });
    expect(res.status).toBe(403);
    await expect(openSocket(wsUrl, { Origin: 'http://evil.example', Cookie: cookie })).rejects.toThrow(/refused: 403/);
  });

  it('refuses a WebSocket without a token or cookie, or with a wrong one, and executes nothing', async () => {
    const before = echoCalls;
    await expect(openSocket(wsUrl, { Origin: server.origin })).rejects.toThrow(/refused: 401/);
    await expect(openSocket(`${wsUrl}?token=wrong`, { Origin: server.origin })).rejects.toThrow(/refused: 401/);
    await expect(openSocket(wsUrl, { Origin: server.origin, Cookie: 'qg_session=forged' })).rejects.toThrow(/refused: 401/);
    expect(echoCalls).toBe(before);
  });

  it('refuses a rebinding Host header', async () => {
    const res = await httpGet(server.url, { Host: 'attacker.example:80' });
    expect(res.status).toBe(403);
  });
});
