/** TLS pieces shared by the server drivers: PEM files from the SSL settings, sslmode=prefer. */
import { readFileSync } from 'node:fs';
import type { SslOptions } from '../../../shared/connection';
import { AppError } from '../../../shared/errors';

/** The PEM contents named by the SSL settings; a key is present only when its file is set. */
export interface PemFiles {
  ca?: string;
  cert?: string;
  key?: string;
}

/** Reads the CA, client certificate and client key files; a file that cannot be read is a USAGE error. */
export function readPemFiles(ssl: SslOptions): PemFiles {
  const out: PemFiles = {};
  const ca = readPem(ssl.ca, 'CA certificate');
  const cert = readPem(ssl.cert, 'client certificate');
  const key = readPem(ssl.key, 'client key');
  if (ca) out.ca = ca;
  if (cert) out.cert = cert;
  if (key) out.key = key;
  return out;
}

function readPem(path: string | undefined, what: string): string | undefined {
  if (!path) return undefined;
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new AppError(
      'USAGE',
      `Cannot read the SSL ${what} file ${path}. Check the path in the connection's SSL settings.`,
    );
  }
}

/** How a driver opens a session with its own TLS option type `S`. */
export interface TlsOpener<S, C> {
  /** The driver's TLS option for these settings (its "plain" value for none or `disable`). */
  tls: (ssl: SslOptions | undefined) => S;
  /** The driver's option for a plain (unencrypted) connection. */
  plain: S;
  /** Opens a session with that TLS option. */
  open: (tls: S) => Promise<C>;
  /** True when `err` says the server does not speak TLS at all. */
  serverHasNoTls: (err: unknown) => boolean;
  /** Turns a failed connect into the driver's AppError. */
  mapError: (err: unknown) => AppError;
}

/**
 * Opens a session as libpq's sslmode asks: `prefer` tries TLS (unverified) first and falls back
 * to plain only when the server has no TLS; every other mode opens once. Returns the TLS option
 * used, for the short side sessions (cancel) that must connect the same way.
 */
export async function openWithSslMode<S, C>(
  ssl: SslOptions | undefined,
  opener: TlsOpener<S, C>,
): Promise<{ session: C; tls: S }> {
  const prefer = ssl?.mode === 'prefer';
  const tls = opener.tls(prefer ? { ...ssl, mode: 'require' } : ssl);
  try {
    return { session: await opener.open(tls), tls };
  } catch (err) {
    if (!prefer || !opener.serverHasNoTls(err)) throw opener.mapError(err);
  }
  const session = await opener.open(opener.plain).catch((e: unknown) => {
    throw opener.mapError(e);
  });
  return { session, tls: opener.plain };
}
