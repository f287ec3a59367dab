/** SchemaSnapshots per connection: read from the catalog, cached in memory and in the app database. */
import type Database from 'better-sqlite3';
import type { SchemaSnapshot } from '../../shared/schema';
import type { DriverConnection } from '../drivers/types';
import type { SessionManager } from '../query/sessions';

/** Serves and caches schema snapshots. */
export class SchemaService {
  private readonly memory = new Map<string, SchemaSnapshot>();

  constructor(
    private readonly db: Database.Database,
    private readonly sessions: SessionManager,
  ) {}

  /** The cached snapshot, or a fresh one when `refresh` or when none is cached. */
  async get(connectionId: string, refresh = false): Promise<SchemaSnapshot> {
    if (!refresh) {
      const cached = this.memory.get(connectionId) ?? this.latestStored(connectionId);
      if (cached) {
        this.memory.set(connectionId, cached);
        return cached;
      }
    }
    // A separate connection, so introspection never waits behind a long query.
    const { conn } = await this.sessions.openUnshared(connectionId);
    try {
      const snapshot = await conn.introspect();
      this.memory.set(connectionId, snapshot);
      this.store(connectionId, snapshot);
      return snapshot;
    } finally {
      await conn.close().catch(() => undefined);
    }
  }

  /** Names only (not cached: cheap to re-read, and never mistaken for a full snapshot). */
  async names(connectionId: string): Promise<SchemaSnapshot> {
    return this.withConnection(connectionId, (conn) => conn.introspect({ namesOnly: true }));
  }

  /** Full details of the given `schema.table` names. */
  async details(connectionId: string, tables: string[]): Promise<SchemaSnapshot> {
    const wanted = new Set(tables);
    const snap = await this.withConnection(connectionId, (conn) => conn.introspect({ tables }));
    // Drivers may list the other tables as partial entries; return exactly what was asked for.
    const schemas = snap.schemas
      .map((s) => ({ ...s, tables: s.tables.filter((t) => wanted.has(`${s.name}.${t.name}`) && !t.partial) }))
      .filter((s) => s.tables.length > 0);
    return { ...snap, schemas };
  }

  private async withConnection<T>(connectionId: string, fn: (conn: DriverConnection) => Promise<T>): Promise<T> {
    const { conn } = await this.sessions.openUnshared(connectionId);
    try {
      return await fn(conn);
    } finally {
      await conn.close().catch(() => undefined);
    }
  }

  /**
   * Keeps the snapshot for the history (docs diff), unless the schema is the same as the last
   * stored one (a refresh that changed nothing adds no entry); the oldest beyond the limit go.
   */
  private store(connectionId: string, snapshot: SchemaSnapshot): void {
    const latest = this.latestStored(connectionId);
    if (latest && sameSchema(latest, snapshot)) return;
    this.db.prepare('INSERT INTO schema_snapshots (connection_id, captured_at, snapshot_json) VALUES (?, ?, ?)').run(connectionId, snapshot.capturedAt, JSON.stringify(snapshot));
    this.db
      .prepare('DELETE FROM schema_snapshots WHERE connection_id = ? AND id NOT IN (SELECT id FROM schema_snapshots WHERE connection_id = ? ORDER BY captured_at DESC, id DESC LIMIT ?)')
      .run(connectionId, connectionId, SNAPSHOTS_KEPT);
  }

  private latestStored(connectionId: string): SchemaSnapshot | undefined {
    const row = this.db
      .prepare('SELECT snapshot_json FROM schema_snapshots WHERE connection_id = ? ORDER BY captured_at DESC, id DESC LIMIT 1')
      .get(connectionId) as { snapshot_json: string } | undefined;
    return row ? (JSON.parse(row.snapshot_json) as SchemaSnapshot) : undefined;
  }
}

/** Snapshots kept per connection for the history. */
export const SNAPSHOTS_KEPT = 200;

/** Equal schemas, whenever they were read (row estimates are statistics, not schema). */
function sameSchema(a: SchemaSnapshot, b: SchemaSnapshot): boolean {
  const strip = (s: SchemaSnapshot): string =>
    JSON.stringify({ ...s, capturedAt: '', schemas: s.schemas.map((x) => ({ ...x, tables: x.tables.map((t) => ({ ...t, rowEstimate: null })) })) });
  return strip(a) === strip(b);
}
