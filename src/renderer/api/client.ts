/**
 * The renderer's API client: the ONLY module that touches `window.api` (Electron preload) or the
 * web-mode WebSocket. Everything else in the renderer calls `Api` methods and never sees a
 * transport.
 */
import type { Api, ArgsOf, EventName, Method, PayloadOf, ResultOf } from '../../shared/contract';
import { decodeValue, encodeValue, type Json } from '../../shared/codec';
import { AppError } from '../../shared/errors';
import { WEB_SOCKET_PATH, WEB_TOKEN_PARAM, type PreloadBridge } from '../../shared/transport';
import { RpcSession, backoffDelay, connectionLostError, rebuildError, webSocketUrl } from './rpc';

declare global {
  interface Window {
    /** Present only inside Electron, exposed by the preload. */
    api?: PreloadBridge;
  }
}

/** Whether the client can currently reach main. */
export type LinkStatus = 'connecting' | 'open' | 'reconnecting';

/** The Api plus what the shell shows about the link itself. */
export interface ApiClient extends Api {
  /** Which front door the renderer runs behind. */
  readonly transport: 'electron' | 'web';
  /** Current link status (Electron is always open). */
  status(): LinkStatus;
  /** Subscribes to link status changes; returns an unsubscribe. */
  onStatus(listener: (status: LinkStatus) => void): () => void;
  /** Closes the link for good (tests, page unload). */
  close(): void;
}

/** Picks the Electron bridge when the preload exposed one, else the web-mode WebSocket. */
export function createApiClient(): ApiClient {
  if (typeof window !== 'undefined' && window.api) return createBridgeClient(window.api);
  return createWebSocketClient({
    url: webSocketUrl(window.location, WEB_SOCKET_PATH, WEB_TOKEN_PARAM),
  });
}

/** Client over the Electron preload bridge. */
export function createBridgeClient(bridge: PreloadBridge): ApiClient {
  return {
    transport: 'electron',
    async call<M extends Method>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>> {
      const response = await bridge.call(method, encodeValue(args));
      if (!response.ok) throw rebuildError(response.error);
      return decodeValue(response.result) as ResultOf<M>;
    },
    on<E extends EventName>(event: E, handler: (payload: PayloadOf<E>) => void): () => void {
      return bridge.on(event, (encoded: Json) => handler(decodeValue(encoded) as PayloadOf<E>));
    },
    status: () => 'open',
    onStatus: () => () => undefined,
    close: () => undefined,
  };
}

/** The subset of a WebSocket the client uses (a fake in tests). */
export interface SocketLike {
  readonly readyState: number;
  send(text: string): void;
  close(): void;
  onopen: ((ev: unknown) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
}

/** Options of the web-mode client. */
export interface WebSocketClientOptions {
  url: string;
  /** Opens a socket; defaults to the browser's WebSocket. */
  openSocket?: (url: string) => SocketLike;
  /** Schedules a reconnect; defaults to setTimeout. */
  schedule?: (fn: () => void, ms: number) => unknown;
}

const OPEN = 1;

/**
 * Client over the web-mode WebSocket. Calls made while the socket is still connecting wait for
 * it; when it drops, pending calls reject with CONNECTION_LOST and it reconnects with backoff.
 */
export function createWebSocketClient(options: WebSocketClientOptions): ApiClient {
  const openSocket =
    options.openSocket ?? ((url: string) => new WebSocket(url) as unknown as SocketLike);
  const schedule = options.schedule ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
  const statusListeners = new Set<(s: LinkStatus) => void>();
  let status: LinkStatus = 'connecting';
  let socket: SocketLike | null = null;
  let attempt = 0;
  let closed = false;
  // Frames queued while the socket is connecting; flushed on open.
  let queue: string[] = [];

  const setStatus = (next: LinkStatus): void => {
    if (next === status) return;
    status = next;
    for (const l of [...statusListeners]) l(next);
  };

  const session = new RpcSession((text) => {
    if (socket && socket.readyState === OPEN) {
      socket.send(text);
      return true;
    }
    if (socket && status !== 'reconnecting') {
      queue.push(text);
      return true;
    }
    return false;
  });

  const connect = (): void => {
    if (closed) return;
    const s = openSocket(options.url);
    socket = s;
    s.onopen = () => {
      if (socket !== s) return;
      attempt = 0;
      setStatus('open');
      const frames = queue;
      queue = [];
      for (const f of frames) s.send(f);
    };
    s.onmessage = (ev) => {
      if (socket === s && typeof ev.data === 'string') session.receive(ev.data);
    };
    s.onerror = () => undefined; // onclose follows and does the work.
    s.onclose = () => {
      if (socket !== s) return;
      socket = null;
      queue = [];
      session.failAll(connectionLostError());
      if (closed) return;
      setStatus('reconnecting');
      schedule(connect, backoffDelay(attempt++));
    };
  };
  connect();

  return {
    transport: 'web',
    call<M extends Method>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>> {
      if (closed)
        return Promise.reject(new AppError('CONNECTION_LOST', 'The API client was closed.'));
      return session.call(method, args) as Promise<ResultOf<M>>;
    },
    on<E extends EventName>(event: E, handler: (payload: PayloadOf<E>) => void): () => void {
      return session.events.add(event, handler as (payload: unknown) => void);
    },
    status: () => status,
    onStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    close() {
      closed = true;
      const s = socket;
      socket = null;
      queue = [];
      session.failAll(new AppError('CONNECTION_LOST', 'The API client was closed.'));
      s?.close();
    },
  };
}
