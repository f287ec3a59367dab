/** ConnectionParams → `pg` client configuration (TLS included). */
import { readFileSync } from 'node:fs';
import type { ClientConfig } from 'pg';
import type { ConnectionOptions } from 'node:tls';
import type { ConnectionParams, SslOptions } from '../../../shared/connection';
import { AppError } from '../../../shared/errors';

/** TLS options for `pg`, or false for a plain connection. */
export function pgSsl(ssl: SslOptions | undefined): false | ConnectionOptions {
  if (!ssl || ssl.mode === 'disable') return false;
  const read = (path: string | undefined, what: string): string | undefined => {
    if (!path) return undefined;
    try {
      return readFileSync(path, 'utf8');
    } catch {
      throw new AppError(
        'USAGE',
        `Cannot read the SSL ${what} file ${path}. Check the path in the connection's SSL settings.`,
      );
    }
  };
  const out: ConnectionOptions = {};
  const ca = read(ssl.ca, 'CA certificate');
  const cert = read(ssl.cert, 'client certificate');
  const key = read(ssl.key, 'client key');
  if (ca) out.ca = ca;
  if (cert) out.cert = cert;
  if (key) out.key = key;
  if (ssl.mode === 'verify-full') out.rejectUnauthorized = true;
  else if (ssl.mode === 'verify-ca') {
    out.rejectUnauthorized = true;
    // verify-ca checks the chain but not the host name, as libpq does.
    out.checkServerIdentity = () => undefined;
  } else out.rejectUnauthorized = false;
  return out;
}

/** The `pg` Client configuration for these params (`ssl` decided by the caller for "prefer"). */
export function pgClientConfig(
  params: ConnectionParams,
  ssl: false | ConnectionOptions,
): ClientConfig {
  const config: ClientConfig = {
    host: params.host ?? 'localhost',
    port: params.port ?? 5432,
    database: params.database ?? params.user ?? 'postgres',
    ssl,
    connectionTimeoutMillis: Number(params.options?.connect_timeout ?? 0) * 1000 || 15_000,
    application_name: params.options?.application_name ?? 'QueryGenie',
  };
  if (params.user !== undefined) config.user = params.user;
  if (params.password !== undefined) config.password = params.password;
  return config;
}
