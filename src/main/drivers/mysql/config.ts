/** ConnectionParams → mysql2 connection options (TLS included). */
import { readFileSync } from 'node:fs';
import type { ConnectionOptions, SslOptions as MysqlSsl } from 'mysql2';
import type { ConnectionParams, SslOptions } from '../../../shared/connection';
import { AppError } from '../../../shared/errors';

/** mysql2 TLS options, or undefined for a plain connection. */
export function mysqlSsl(ssl: SslOptions | undefined): MysqlSsl | undefined {
  if (!ssl || ssl.mode === 'disable') return undefined;
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
  const out: MysqlSsl = {
    rejectUnauthorized: ssl.mode === 'verify-full' || ssl.mode === 'verify-ca',
  };
  const ca = read(ssl.ca, 'CA certificate');
  const cert = read(ssl.cert, 'client certificate');
  const key = read(ssl.key, 'client key');
  if (ca) out.ca = ca;
  if (cert) out.cert = cert;
  if (key) out.key = key;
  return out;
}

/**
 * mysql2 options: numbers and dates come as the server's text (so nothing passes through a
 * float or a JS Date), JSON as text; one statement per call (no multipleStatements).
 */
export function mysqlOptions(
  params: ConnectionParams,
  ssl: MysqlSsl | undefined,
): ConnectionOptions {
  const options: ConnectionOptions = {
    host: params.host ?? 'localhost',
    port: params.port ?? 3306,
    supportBigNumbers: true,
    bigNumberStrings: true,
    dateStrings: true,
    jsonStrings: true,
    charset: 'UTF8MB4_GENERAL_CI',
    connectTimeout: Number(params.options?.connect_timeout ?? 0) * 1000 || 15_000,
    multipleStatements: false,
  };
  if (ssl) options.ssl = ssl;
  if (params.user !== undefined) options.user = params.user;
  if (params.password !== undefined) options.password = params.password;
  if (params.database) options.database = params.database;
  return options;
}
