/**
 * Connection parameters and URL parsing, shared by the CLI, the services and the renderer's
 * "paste a URL" field. Pure: no Node, no DOM.
 */
import { AppError } from './errors';

/** The database engines QueryGenie speaks. */
export type Engine = 'sqlite' | 'postgres' | 'mysql' | 'mssql';

/** All engines, in display order. */
export const ENGINES: readonly Engine[] = ['sqlite', 'postgres', 'mysql', 'mssql'];

/** TLS options, from URL query parameters (`sslmode`, `ssl`, …). */
export interface SslOptions {
  /** `disable` never uses TLS; `require` uses it without verifying; `verify-full` verifies. */
  mode: 'disable' | 'prefer' | 'require' | 'verify-ca' | 'verify-full';
  /** Paths to PEM files (never their content). */
  ca?: string;
  cert?: string;
  key?: string;
}

/** An SSH tunnel in front of a database server. */
export interface SshOptions {
  /** Host name, or an alias from ~/.ssh/config (HostName, User, Port, IdentityFile, ProxyJump). */
  host: string;
  port?: number;
  user?: string;
  auth: 'password' | 'key' | 'agent';
  /** Private key file (key auth); defaults to the alias's IdentityFile. */
  privateKeyPath?: string;
  /** In memory only (from the SecretStore). */
  password?: string;
  /** In memory only: the private key's passphrase. */
  passphrase?: string;
  /** SHA256 fingerprint the user accepted on first use (`SHA256:…`). */
  trustedHostKey?: string;
}

/** Everything a driver needs to open a connection. The password is only ever held in memory. */
export interface ConnectionParams {
  engine: Engine;
  host?: string;
  port?: number;
  database?: string;
  user?: string;
  /** In memory only; never persisted, never logged. */
  password?: string;
  /** SQLite: the database file. */
  filePath?: string;
  ssl?: SslOptions;
  readOnly?: boolean;
  /** The schema to use by default (PostgreSQL search_path, SQL Server default schema). */
  defaultSchema?: string;
  /** Per-statement timeout in milliseconds (0 or undefined: none). */
  statementTimeoutMs?: number;
  /** Engine-specific extra options from the URL query string. */
  options?: Record<string, string>;
  /** Reach the server through an SSH tunnel. */
  ssh?: SshOptions;
}

const SCHEMES: Record<string, Engine> = {
  sqlite: 'sqlite',
  file: 'sqlite',
  postgres: 'postgres',
  postgresql: 'postgres',
  mysql: 'mysql',
  mariadb: 'mysql',
  mssql: 'mssql',
  sqlserver: 'mssql',
};

/** Default port per engine. */
export const DEFAULT_PORTS: Record<Engine, number | undefined> = {
  sqlite: undefined,
  postgres: 5432,
  mysql: 3306,
  mssql: 1433,
};

/**
 * Parses a connection URL: a plain file path or `sqlite:///abs/path.db` for SQLite;
 * `postgres://`, `postgresql://`, `mysql://`, `mariadb://`, `mssql://`, `sqlserver://`.
 * Query parameters: `sslmode`/`ssl`, `sslrootcert`, `sslcert`, `sslkey`, `readonly`,
 * `statement_timeout` (ms); anything else lands in `options`.
 */
export function parseConnectionUrl(url: string): ConnectionParams {
  const text = url.trim();
  if (!text) throw new AppError('USAGE', 'Empty connection URL. Give a file path or a URL such as postgres://user@host/db.');
  const schemeMatch = /^([a-z][a-z0-9+.-]*):/i.exec(text);
  const scheme = schemeMatch?.[1]?.toLowerCase();
  // A Windows drive letter (C:\…) is a path, not a scheme.
  if (!scheme || (scheme.length === 1 && /^[a-z]:[\\/]/i.test(text))) {
    return { engine: 'sqlite', filePath: text };
  }
  const engine = SCHEMES[scheme];
  if (!engine) {
    throw new AppError(
      'USAGE',
      `Unknown URL scheme "${scheme}:". Use sqlite:, postgres:, mysql:, mariadb:, mssql: or sqlserver:, or give a SQLite file path.`,
    );
  }
  if (engine === 'sqlite') {
    let path = decodeURIComponent(text.slice(schemeMatch![0].length).replace(/\?.*$/, ''));
    // sqlite:///abs/path → /abs/path ; sqlite://relative → relative ; sqlite:path → path
    if (path.startsWith('//')) path = path.slice(2);
    const query = text.includes('?') ? new URLSearchParams(text.slice(text.indexOf('?') + 1)) : null;
    const params: ConnectionParams = { engine, filePath: path };
    if (query) applyQuery(params, query);
    return params;
  }
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    throw new AppError('USAGE', `Cannot parse the connection URL. Expected ${scheme}://user:password@host:port/database`);
  }
  const params: ConnectionParams = { engine };
  if (parsed.hostname) params.host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  if (parsed.port) params.port = Number(parsed.port);
  else if (DEFAULT_PORTS[engine]) params.port = DEFAULT_PORTS[engine];
  if (parsed.username) params.user = decodeURIComponent(parsed.username);
  if (parsed.password) params.password = decodeURIComponent(parsed.password);
  const db = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (db) params.database = db;
  applyQuery(params, parsed.searchParams);
  return params;
}

function applyQuery(params: ConnectionParams, query: URLSearchParams): void {
  for (const [key, value] of query) {
    const k = key.toLowerCase();
    if (k === 'sslmode') params.ssl = { ...params.ssl, mode: normaliseSslMode(value) };
    else if (k === 'ssl' || k === 'tls' || k === 'encrypt')
      params.ssl = { ...params.ssl, mode: /^(1|true|require|on|yes)$/i.test(value) ? 'require' : 'disable' };
    else if (k === 'sslrootcert' || k === 'sslca') params.ssl = { mode: 'verify-full', ...params.ssl, ca: value };
    else if (k === 'sslcert') params.ssl = { mode: 'require', ...params.ssl, cert: value };
    else if (k === 'sslkey') params.ssl = { mode: 'require', ...params.ssl, key: value };
    else if (k === 'readonly' || k === 'read_only') params.readOnly = /^(1|true|yes|on)$/i.test(value);
    else if (k === 'statement_timeout') params.statementTimeoutMs = Number(value) || 0;
    else params.options = { ...params.options, [key]: value };
  }
}

function normaliseSslMode(value: string): SslOptions['mode'] {
  const v = value.toLowerCase();
  if (v === 'disable' || v === 'allow') return 'disable';
  if (v === 'prefer') return 'prefer';
  if (v === 'require') return 'require';
  if (v === 'verify-ca') return 'verify-ca';
  if (v === 'verify-full') return 'verify-full';
  throw new AppError('USAGE', `Unknown sslmode "${value}". Use disable, prefer, require, verify-ca or verify-full.`);
}

/**
 * Formats params back into a URL. The password is left out (display, "copy as URL") unless
 * `includePassword` is set, for a URL handed straight to a driver and never shown.
 */
export function formatConnectionUrl(p: ConnectionParams, opts: { includePassword?: boolean } = {}): string {
  if (p.engine === 'sqlite') {
    const q = p.readOnly ? '?readonly=true' : '';
    return `sqlite://${p.filePath?.startsWith('/') ? '' : '/'}${encodeURI(p.filePath ?? '').replace(/\?/g, '%3F')}${q}`;
  }
  const secret = opts.includePassword && p.password !== undefined ? `:${encodeURIComponent(p.password)}` : '';
  const user = p.user ? `${encodeURIComponent(p.user)}${secret}@` : '';
  const port = p.port && p.port !== DEFAULT_PORTS[p.engine] ? `:${p.port}` : '';
  const host = p.host?.includes(':') ? `[${p.host}]` : (p.host ?? 'localhost');
  const db = p.database ? `/${encodeURIComponent(p.database)}` : '';
  const q = new URLSearchParams();
  if (p.ssl) q.set('sslmode', p.ssl.mode);
  if (p.ssl?.ca) q.set('sslrootcert', p.ssl.ca);
  if (p.ssl?.cert) q.set('sslcert', p.ssl.cert);
  if (p.ssl?.key) q.set('sslkey', p.ssl.key);
  if (p.readOnly) q.set('readonly', 'true');
  if (p.statementTimeoutMs) q.set('statement_timeout', String(p.statementTimeoutMs));
  for (const [k, v] of Object.entries(p.options ?? {})) q.set(k, v);
  const qs = q.toString();
  return `${p.engine}://${user}${host}${port}${db}${qs ? `?${qs}` : ''}`;
}

/** A description of a target safe to print: never includes the password. */
export function describeTarget(p: ConnectionParams): string {
  if (p.engine === 'sqlite') return `SQLite file ${p.filePath}`;
  return `${p.engine} ${p.user ? `${p.user}@` : ''}${p.host ?? 'localhost'}:${p.port ?? DEFAULT_PORTS[p.engine]}${p.database ? `/${p.database}` : ''}`;
}
