/**
 * Web mode: serves the built renderer and the contract over a WebSocket, bound to 127.0.0.1
 * only, every request authenticated (see auth.ts). The same dispatcher as Electron IPC runs the
 * requests, so the browser and the desktop window behave the same.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { encodeValue } from '../../shared/codec';
import type { WireEvent, WireRequest, WireResponse } from '../../shared/contract';
import { WEB_SOCKET_PATH, WEB_TOKEN_PARAM } from '../../shared/transport';
import type { App } from '../app/createApp';
import { createDispatcher } from '../rpc/dispatch';
import { WebAuth } from './auth';
import { securityHeaders, serveStatic } from './static';

/** Options for web mode. */
export interface WebServerOptions {
  app: App;
  /** The built renderer folder (`out/renderer`). */
  staticDir: string;
  /** 0 or absent: a free port. */
  port?: number;
}

/** A running web-mode server. */
export interface WebServer {
  /** The URL to open, carrying the access token. */
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

/** Starts web mode on 127.0.0.1. */
export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const auth = new WebAuth();
  const dispatch = createDispatcher(opts.app.handlers);

  const server = http.createServer((req, res) => {
    const decision = auth.check(req, { requireOrigin: false });
    if (!decision.ok) {
      res.writeHead(decision.status, { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' }).end(decision.reason);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, securityHeaders()).end('Method not allowed');
      return;
    }
    if (decision.viaToken) {
      // Trade the token for a cookie and drop it from the address bar and history.
      const url = new URL(req.url ?? '/', 'http://x');
      url.searchParams.delete(WEB_TOKEN_PARAM);
      res.writeHead(302, { ...securityHeaders(), 'Set-Cookie': auth.cookieHeader(), Location: url.pathname + url.search }).end();
      return;
    }
    serveStatic(opts.staticDir, req.url ?? '/', res);
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const decision = auth.check(req, { requireOrigin: true });
    if (path !== WEB_SOCKET_PATH || !decision.ok) {
      const status = path !== WEB_SOCKET_PATH ? 404 : decision.ok ? 200 : decision.status;
      socket.end(`HTTP/1.1 ${status} ${status === 401 ? 'Unauthorized' : status === 403 ? 'Forbidden' : 'Not Found'}\r\nConnection: close\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveSocket(ws));
  });

  function serveSocket(ws: WebSocket): void {
    const unsubscribe = opts.app.events.subscribe((name, payload) => {
      const evt: WireEvent = { t: 'evt', name, payload: encodeValue(payload) };
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(evt));
    });
    ws.on('close', unsubscribe);
    ws.on('message', (data) => {
      let req: WireRequest;
      try {
        req = JSON.parse(String(data)) as WireRequest;
        if (req.t !== 'req' || typeof req.id !== 'number' || typeof req.method !== 'string') throw new Error('bad envelope');
      } catch {
        ws.close(1003, 'Malformed message');
        return;
      }
      void dispatch(req.method, req.args).then((r) => {
        const res: WireResponse = r.ok ? { t: 'res', id: req.id, ok: true, result: r.result } : { t: 'res', id: req.id, ok: false, error: r.error };
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(res));
      });
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  auth.setPort(port);
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?${WEB_TOKEN_PARAM}=${auth.token}`,
    origin,
    token: auth.token,
    async close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
