/** Resolves `--url` / `--conn` into connection params, for every command that talks to a database. */
import { describeTarget, parseConnectionUrl, type ConnectionParams } from '../../shared/connection';
import { AppError } from '../../shared/errors';
import { openAppDatabase } from '../app/appDb';
import { appPaths, defaultHome } from '../app/paths';
import { ConnectionStore } from '../connections/store';
import path from 'node:path';
import { openConnection } from '../connections/openConnection';
import type { DriverConnection } from '../drivers/types';
import { chooseSecretStore } from '../secrets/chooseSecretStore';
import { UsageError } from './io';
import { promptSecret } from './prompt';

/** The options every database command accepts. */
export interface TargetOptions {
  url?: string;
  conn?: string;
  readOnly?: boolean;
}

/**
 * Params from `--url` or a saved `--conn NAME` (its password from the OS keychain); with neither
 * a URL password nor a keychain entry, the password comes from QG_PASSWORD.
 */
export async function resolveTarget(opts: TargetOptions): Promise<ConnectionParams> {
  let params: ConnectionParams;
  if (opts.url && opts.conn) throw new UsageError('Give either --url or --conn, not both.');
  if (opts.url) params = parseConnectionUrl(opts.url);
  else if (opts.conn) {
    const { db } = openAppDatabase(appPaths(defaultHome()).appDb);
    try {
      const profile = new ConnectionStore(db).get(opts.conn);
      params = { ...profile.params, readOnly: profile.readOnly };
      if (profile.engine !== 'sqlite') {
        const { store } = await chooseSecretStore({ service: process.env.QG_KEYCHAIN_SERVICE });
        const password = await store.get(profile.id, 'db-password');
        if (password !== undefined) params.password = password;
      }
    } finally {
      db.close();
    }
  } else throw new UsageError('Say which database: --url URL (e.g. postgres://user@localhost/db or a SQLite file) or --conn NAME.');
  if (params.password === undefined && process.env.QG_PASSWORD) params.password = process.env.QG_PASSWORD;
  if (opts.readOnly) params.readOnly = true;
  return params;
}

/**
 * Opens a connection for a command (through its SSH tunnel when it has one). When the server
 * wants a password we do not have and a person is at the terminal, asks for it once.
 */
export async function openTarget(params: ConnectionParams): Promise<DriverConnection> {
  const env = { appKnownHosts: path.join(appPaths(defaultHome()).home, 'known_hosts') };
  try {
    return await openConnection(params, env);
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'AUTH_FAILED' || params.password !== undefined || !process.stdin.isTTY) throw err;
    const password = await promptSecret(`Password for ${describeTarget(params)}: `);
    return openConnection({ ...params, password }, env);
  }
}
