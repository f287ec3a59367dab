/**
 * Connection profiles in the app database. Passwords never come here: `params_json` is the
 * ConnectionParams with the password removed; secrets live in the SecretStore.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { ConnectionParams, Engine } from '../../shared/connection';
import { AppError } from '../../shared/errors';

/** Deployment environment tag of a profile. */
export type EnvironmentTag = 'local' | 'dev' | 'staging' | 'prod';

/** A stored connection profile. */
export interface ConnectionProfile {
  id: string;
  name: string;
  engine: Engine;
  /** Never contains a password. */
  params: ConnectionParams;
  color: string | null;
  environment: EnvironmentTag | null;
  readOnly: boolean;
  isDemo: boolean;
}

/** Fields for creating a profile. */
export type NewConnectionProfile = Omit<ConnectionProfile, 'id' | 'isDemo'> & { isDemo?: boolean };

interface Row {
  id: string;
  name: string;
  engine: Engine;
  params_json: string;
  color: string | null;
  environment: EnvironmentTag | null;
  read_only: number;
  is_demo: number;
}

/** CRUD for connection profiles. */
export class ConnectionStore {
  constructor(private readonly db: Database.Database) {}

  /** Every profile, demo first, then by name. */
  list(): ConnectionProfile[] {
    const rows = this.db.prepare('SELECT * FROM connections ORDER BY is_demo DESC, name COLLATE NOCASE').all() as Row[];
    return rows.map(fromRow);
  }

  /** One profile by id or (case-insensitive) name; throws NOT_FOUND with advice. */
  get(idOrName: string): ConnectionProfile {
    const row = this.db
      .prepare('SELECT * FROM connections WHERE id = ? OR name = ? COLLATE NOCASE')
      .get(idOrName, idOrName) as Row | undefined;
    if (!row) {
      throw new AppError('NOT_FOUND', `No connection named "${idOrName}". List them with: querygenie connections list`);
    }
    return fromRow(row);
  }

  /** Creates a profile; the password in `params`, if any, is dropped here (store it in the SecretStore). */
  create(profile: NewConnectionProfile): ConnectionProfile {
    const id = randomUUID();
    const { password: _password, ...params } = profile.params;
    try {
      this.db
        .prepare(
          `INSERT INTO connections (id, name, engine, params_json, color, environment, read_only, is_demo)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(id, profile.name, profile.engine, JSON.stringify(params), profile.color, profile.environment, profile.readOnly ? 1 : 0, profile.isDemo ? 1 : 0);
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
        throw new AppError('BAD_REQUEST', `A connection named "${profile.name}" already exists. Choose another name.`);
      }
      throw err;
    }
    return this.get(id);
  }

  /** Replaces a profile's fields; the password in `params`, if any, is dropped. */
  update(id: string, profile: Omit<NewConnectionProfile, 'isDemo'>): ConnectionProfile {
    const { password: _password, ...params } = profile.params;
    try {
      const changed = this.db
        .prepare(
          `UPDATE connections SET name = ?, engine = ?, params_json = ?, color = ?, environment = ?, read_only = ?,
             updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`,
        )
        .run(profile.name, profile.engine, JSON.stringify(params), profile.color, profile.environment, profile.readOnly ? 1 : 0, id).changes;
      if (changed === 0) throw new AppError('NOT_FOUND', 'This connection no longer exists. Reload the list.');
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
        throw new AppError('BAD_REQUEST', `A connection named "${profile.name}" already exists. Choose another name.`);
      }
      throw err;
    }
    return this.get(id);
  }

  /** A name not used yet, based on `base` ("Name", "Name (2)", …). */
  freeName(base: string): string {
    const taken = new Set(this.list().map((c) => c.name.toLowerCase()));
    if (!taken.has(base.toLowerCase())) return base;
    for (let i = 2; ; i++) if (!taken.has(`${base} (${i})`.toLowerCase())) return `${base} (${i})`;
  }

  /** Deletes a profile. */
  remove(id: string): boolean {
    return this.db.prepare('DELETE FROM connections WHERE id = ?').run(id).changes > 0;
  }
}

function fromRow(r: Row): ConnectionProfile {
  const params = JSON.parse(r.params_json) as ConnectionParams;
  return {
    id: r.id,
    name: r.name,
    engine: r.engine,
    params: { ...params, readOnly: r.read_only === 1 || params.readOnly === true },
    color: r.color,
    environment: r.environment,
    readOnly: r.read_only === 1,
    isDemo: r.is_demo === 1,
  };
}
