/** A minimal Node client for web mode, as a browser would behave: token → cookie → WebSocket. */
import http from 'node:http';
import WebSocket from 'ws';
import { decodeValue, encodeValue } from '../../src/shared/codec';
import type { WireResponse } from '../../src/shared/contract';

/** GET a path with optional headers; resolves status, headers and body. */
export function httpGet(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      })
      .on('error', reject);
  });
}

/** Trades the token URL for the session cookie, like a browser's first visit. */
export async function loginCookie(tokenUrl: string): Promise<string> {
  const res = await httpGet(tokenUrl);
  const setCookie = res.headers['set-cookie']?.[0];
  if (res.status !== 302 || !setCookie) throw new Error(`login failed: ${res.status}`);
  return setCookie.split(';')[0]!;
}

/** Opens a WebSocket with the given headers; rejects with the HTTP status when refused. */
export function openSocket(wsUrl: string, headers: Record<string, string>): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(wsUrl, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`refused: ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

/** Calls a contract method over an open socket and returns the decoded response. */
export function call(
  ws: WebSocket,
  method: string,
  args: unknown,
): Promise<{ ok: boolean; result?: unknown; error?: unknown }> {
  const id = Math.floor(Math.random() * 1e9);
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData): void => {
      const msg = JSON.parse(String(data)) as WireResponse;
      if (msg.t !== 'res' || msg.id !== id) return;
      ws.off('message', onMessage);
      resolve(
        msg.ok
          ? { ok: true, result: decodeValue(msg.result) }
          : { ok: false, error: decodeValue(msg.error) },
      );
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ t: 'req', id, method, args: encodeValue(args) }));
  });
}
