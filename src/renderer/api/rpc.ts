/**
 * The transport-independent heart of the renderer's API client: request/response matching over a
 * message channel, codec encoding, error rebuilding and event fan-out. Pure (no DOM, no socket):
 * `client.ts` plugs a real WebSocket into it, tests plug in a fake.
 */
import type { WireEvent, WireRequest, WireResponse } from '../../shared/contract';
import { decodeValue, encodeValue } from '../../shared/codec';
import { AppError, isErrorData } from '../../shared/errors';

/** Message from main to the renderer, as it arrives on the wire. */
export type IncomingMessage = WireResponse | WireEvent;

/** The message a user sees when the web server goes away mid-call. */
export const CONNECTION_LOST_MESSAGE =
  "Lost the connection to QueryGenie's web server: it stopped or restarted. " +
  'Start it again (npm run web) and open the URL it prints.';

/** The AppError every pending call rejects with when the connection drops. */
export function connectionLostError(): AppError {
  return new AppError('CONNECTION_LOST', CONNECTION_LOST_MESSAGE);
}

/** Rebuilds an AppError from whatever a transport delivered as an error. */
export function rebuildError(raw: unknown): AppError {
  const data = decodeValue(raw);
  if (isErrorData(data)) return AppError.fromData(data);
  const message =
    typeof data === 'object' &&
    data !== null &&
    typeof (data as { message?: unknown }).message === 'string'
      ? (data as { message: string }).message
      : 'The app returned an error it could not describe.';
  return new AppError('INTERNAL', message);
}

/** Payload subscribers by event name; each event fans out to all of them. */
export class EventFanout {
  private readonly handlers = new Map<string, Set<(payload: unknown) => void>>();

  /** Adds a handler; returns its unsubscribe. */
  add(name: string, handler: (payload: unknown) => void): () => void {
    let set = this.handlers.get(name);
    if (!set) this.handlers.set(name, (set = new Set()));
    set.add(handler);
    return () => {
      set.delete(handler);
      if (set.size === 0) this.handlers.delete(name);
    };
  }

  /** Delivers a decoded payload; one failing handler does not starve the others. */
  emit(name: string, payload: unknown): void {
    for (const handler of [...(this.handlers.get(name) ?? [])]) {
      try {
        handler(payload);
      } catch (err) {
        console.error(`Handler for "${name}" failed`, err);
      }
    }
  }
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: AppError): void;
}

/**
 * Matches responses to requests by id over one message channel. `send` returns false when the
 * channel is not open, in which case the call fails at once with CONNECTION_LOST.
 */
export class RpcSession {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** Event subscribers; shared across reconnects so subscriptions survive a new socket. */
  readonly events = new EventFanout();

  constructor(private send: (text: string) => boolean) {}

  /** Number of calls still waiting for a response. */
  get pendingCount(): number {
    return this.pending.size;
  }

  /** Points the session at a new channel (after a reconnect). */
  setSender(send: (text: string) => boolean): void {
    this.send = send;
  }

  /** Sends a request; resolves with the decoded result or rejects with a rebuilt AppError. */
  call(method: string, args: unknown): Promise<unknown> {
    const id = this.nextId++;
    const message: WireRequest = { t: 'req', id, method, args: encodeValue(args) };
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      let sent = false;
      try {
        sent = this.send(JSON.stringify(message));
      } catch {
        sent = false;
      }
      if (!sent) {
        this.pending.delete(id);
        reject(connectionLostError());
      }
    });
  }

  /** Handles one text frame from the channel. Unknown or malformed frames are ignored. */
  receive(text: string): void {
    let message: IncomingMessage;
    try {
      message = JSON.parse(text) as IncomingMessage;
    } catch {
      return;
    }
    if (message.t === 'evt') {
      this.events.emit(message.name, decodeValue(message.payload));
      return;
    }
    if (message.t !== 'res') return;
    const pending = this.pending.get(message.id);
    if (!pending) return;
    this.pending.delete(message.id);
    if (message.ok) pending.resolve(decodeValue(message.result));
    else pending.reject(rebuildError(message.error));
  }

  /** Rejects every pending call (the channel dropped). */
  failAll(error: AppError): void {
    const all = [...this.pending.values()];
    this.pending.clear();
    for (const p of all) p.reject(error);
  }
}

/** Delay before reconnect attempt `attempt` (0-based): exponential, capped, with a little jitter. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(250 * 2 ** Math.max(0, attempt), 5_000);
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** The WebSocket URL of web mode for a page location, carrying the token if the page has one. */
export function webSocketUrl(
  location: { protocol: string; host: string; search: string },
  path: string,
  tokenParam: string,
): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const token = new URLSearchParams(location.search).get(tokenParam);
  const query = token ? `?${tokenParam}=${encodeURIComponent(token)}` : '';
  return `${scheme}://${location.host}${path}${query}`;
}
