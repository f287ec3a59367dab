/**
 * The low-level bridge shapes both transports share. Values on the wire are codec-encoded JSON
 * (`encodeValue`), so Electron IPC and the web-mode WebSocket behave identically.
 */
import type { Json } from './codec';

/** A response as it crosses a transport: a result, or an error as data. */
export type BridgeResponse = { ok: true; result: Json } | { ok: false; error: Json };

/** What the preload exposes on `window.api` (only contract methods/events are accepted). */
export interface PreloadBridge {
  /** Calls a contract method with codec-encoded arguments. */
  call(method: string, encodedArgs: Json): Promise<BridgeResponse>;
  /** Subscribes to a contract event; the payload is codec-encoded. Returns an unsubscribe. */
  on(event: string, handler: (encodedPayload: Json) => void): () => void;
}

/** The WebSocket path of web mode. */
export const WEB_SOCKET_PATH = '/ws';
/** The query parameter carrying the per-run token in web mode. */
export const WEB_TOKEN_PARAM = 'token';
/** The cookie that authenticates a browser after its first tokened request. */
export const WEB_COOKIE_NAME = 'qg_session';
