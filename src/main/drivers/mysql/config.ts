/** ConnectionParams → mysql2 connection options (TLS included). */
import type { ConnectionOptions, SslOptions as MysqlSsl } from 'mysql2';
import type { ConnectionParams, SslOptions } from '../../../shared/connection';
import { connectTimeoutMs } from '../common/connectTimeout';
import { readPemFiles } from '../common/tls';

/** mysql2 TLS options, or undefined for a plain connection. */
export function mysqlSsl(ssl: SslOptions | undefined): MysqlSsl | undefined {
  if (!ssl || ssl.mode === 'disable') return undefined;
  return {
    rejectUnauthorized: ssl.mode === 'verify-full' || ssl.mode === 'verify-ca',
    ...readPemFiles(ssl),
  };
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
    connectTimeout: connectTimeoutMs(params),
    multipleStatements: false,
  };
  if (ssl) options.ssl = ssl;
  if (params.user !== undefined) options.user = params.user;
  if (params.password !== undefined) options.password = params.password;
  if (params.database) options.database = params.database;
  return options;
}
