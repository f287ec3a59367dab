/**
 * The app database: better-sqlite3 in the data folder, WAL mode, numbered migrations, and an
 * integrity check on open. A corrupt file is moved aside with a timestamp (never deleted) and
 * the caller gets a warning to show the user.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import { MIGRATIONS, type Migration } from './migrations';

/** An open app database plus anything the user must be told about opening it. */
export interface OpenedAppDb {
  db: Database.Database;
  warnings: string[];
  /** Where a corrupt file was moved, when that happened. */
  movedAside?: string;
}

/** Opens (creating if needed) and migrates the app database at `file`. */
export function openAppDatabase(file: string, migrations: Migration[] = MIGRATIONS): OpenedAppDb {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const warnings: string[] = [];
  let movedAside: string | undefined;
  let db: Database.Database;
  try {
    db = openAndCheck(file);
  } catch (err) {
    if (!isCorruption(err)) throw err;
    movedAside = moveAside(file);
    warnings.push(
      `The app database was damaged and has been moved aside to ${movedAside}. ` +
        'A new one was created; your connections may need to be added again (the old file is kept for recovery).',
    );
    db = openAndCheck(file);
  }
  migrate(db, migrations);
  return movedAside ? { db, warnings, movedAside } : { db, warnings };
}

function openAndCheck(file: string): Database.Database {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const result = db.pragma('quick_check', { simple: true });
    if (result !== 'ok') {
      throw new AppError('APP_DB_CORRUPT', `App database integrity check failed: ${String(result)}`);
    }
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

function isCorruption(err: unknown): boolean {
  if (err instanceof AppError) return err.code === 'APP_DB_CORRUPT';
  const code = (err as { code?: string } | null)?.code ?? '';
  return code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || code.startsWith('SQLITE_CORRUPT');
}

function moveAside(file: string): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = `${file}.corrupt-${stamp}`;
  fs.renameSync(file, target);
  for (const suffix of ['-wal', '-shm']) {
    if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, target + suffix);
  }
  return target;
}

/** Applies every migration newer than the database's `user_version`, each in a transaction. */
export function migrate(db: Database.Database, migrations: Migration[] = MIGRATIONS): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  if (current > latest) {
    throw new AppError(
      'APP_DB_CORRUPT',
      `The app database was written by a newer QueryGenie (schema ${current}, this build knows ${latest}). Update QueryGenie or point QG_HOME elsewhere.`,
    );
  }
  let applied = 0;
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
    applied++;
  }
  return applied;
}
