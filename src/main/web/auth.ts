/**
 * Web-mode authentication: a random per-run token printed in the URL; the first request that
 * carries it gets an HttpOnly, SameSite=Strict session cookie; everything else gets 401. Origin
 * and Host are checked too, so another web page (or a DNS-rebinding attack) cannot drive the app.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { WEB_COOKIE_NAME, WEB_TOKEN_PARAM } from '../../shared/transport';

/** The outcome of checking a request. */
export type AuthDecision =
  | { ok: true; viaToken: boolean }
  | { ok: false; status: 401 | 403; reason: string };

/** Holds the run's token and session secret and judges requests. */
export class WebAuth {
  readonly token = randomBytes(24).toString('base64url');
  private readonly session = randomBytes(24).toString('base64url');
  private port = 0;

  /** Sets the port once the server listens (Origin and Host are checked against it). */
  setPort(port: number): void {
    this.port = port;
  }

  /** The Set-Cookie header value for a browser that presented the token. */
  cookieHeader(): string {
    return `${WEB_COOKIE_NAME}=${this.session}; HttpOnly; SameSite=Strict; Path=/`;
  }

  /** Decides whether a request (HTTP or WebSocket upgrade) may proceed. */
  check(req: IncomingMessage, opts: { requireOrigin: boolean }): AuthDecision {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${this.port}` && host !== `localhost:${this.port}`) {
      return { ok: false, status: 403, reason: 'Forbidden: unexpected Host header.' };
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !this.isOwnOrigin(origin)) {
      return { ok: false, status: 403, reason: 'Forbidden: requests from other origins are refused.' };
    }
    if (opts.requireOrigin && origin === undefined) {
      return { ok: false, status: 403, reason: 'Forbidden: missing Origin.' };
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    const token = url.searchParams.get(WEB_TOKEN_PARAM);
    if (token !== null && safeEqual(token, this.token)) return { ok: true, viaToken: true };
    const cookie = readCookie(req.headers.cookie, WEB_COOKIE_NAME);
    if (cookie !== undefined && safeEqual(cookie, this.session)) return { ok: true, viaToken: false };
    return {
      ok: false,
      status: 401,
      reason: 'Unauthorized: open the URL that `querygenie web` printed (it carries the access token).',
    };
  }

  private isOwnOrigin(origin: string): boolean {
    return origin === `http://127.0.0.1:${this.port}` || origin === `http://localhost:${this.port}`;
  }
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Reads one cookie from a Cookie header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
