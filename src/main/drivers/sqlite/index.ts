/** The SQLite driver: better-sqlite3 in one host process per connection (see worker.ts for why). */
import { AppError } from '../../../shared/errors';
import type { ConnectionParams } from '../../../shared/connection';
import type { Driver, DriverConnection } from '../types';
import { SqliteConnection } from './connection';
import { sqliteDialect } from './dialect';

/** The SQLite driver. */
export const sqliteDriver: Driver = {
  dialect: sqliteDialect,
  async connect(params: ConnectionParams): Promise<DriverConnection> {
    if (!params.filePath) throw new AppError('USAGE', 'A SQLite connection needs a file path, e.g. sqlite:///home/me/data.db.');
    return SqliteConnection.open({ file: params.filePath, readOnly: params.readOnly === true }, params.statementTimeoutMs ?? 0);
  },
};

export { SqliteConnection } from './connection';
export { sqliteDialect } from './dialect';
