/** ConnectionParams → `pg` client configuration (TLS included). */
import type { ClientConfig } from 'pg';
import type { ConnectionOptions } from 'node:tls';
import type { ConnectionParams, SslOptions } from '../../../shared/connection';
import { connectTimeoutMs } from '../common/connectTimeout';
import { readPemFiles } from '../common/tls';

/** TLS options for `pg`, or false for a plain connection. */
export function pgSsl(ssl: SslOptions | undefined): false | ConnectionOptions {
  if (!ssl || ssl.mode === 'disable') return false;
  const out: ConnectionOptions = readPemFiles(ssl);
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
    connectionTimeoutMillis: connectTimeoutMs(params),
    application_name: params.options?.application_name ?? 'QueryGenie',
  };
  if (params.user !== undefined) config.user = params.user;
  if (params.password !== undefined) config.password = params.password;
  return config;
}
