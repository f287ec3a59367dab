/**
 * Saved ER views in the app database, and their reconciliation with the live schema: a view keeps
 * the tables it was saved with; those that no longer exist are reported `missing` (never silently
 * dropped), and tables created since it was saved that have foreign keys to or from its tables are
 * `suggested`.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { ErdView, ErdViewSummary } from '../../shared/contracts/erd';
import { nodeId } from '../../shared/erd/graph';
import { AppError } from '../../shared/errors';
import type { SchemaSnapshot } from '../../shared/schema';

interface ViewRow {
  id: string;
  connection_id: string;
  name: string;
  tables_json: string;
  positions_json: string;
  focus: string | null;
  hops: number | null;
  known_tables_json: string;
  created_at: string;
  updated_at: string;
}

/** What `save` takes. */
export interface SaveViewInput {
  connectionId: string;
  viewId?: string;
  name: string;
  tables: string[];
  positions?: Record<string, { x: number; y: number }>;
  focus?: string | null;
  hops?: number | null;
}

function toView(r: ViewRow): ErdView {
  const tables = JSON.parse(r.tables_json) as string[];
  return {
    id: r.id,
    connectionId: r.connection_id,
    name: r.name,
    tableCount: tables.length,
    focus: r.focus,
    hops: r.hops,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    tables,
    positions: JSON.parse(r.positions_json) as ErdView['positions'],
  };
}

/** Every table id of a snapshot. */
export function tableIds(snapshot: SchemaSnapshot): string[] {
  return snapshot.schemas.flatMap((s) => s.tables.map((t) => nodeId(s.name, t.name)));
}

/** Stores saved views; one instance per app database. */
export class ErdViewStore {
  constructor(private readonly db: Database.Database) {}

  /** Views of a connection, newest first. */
  list(connectionId: string): ErdViewSummary[] {
    const rows = this.db.prepare('SELECT * FROM erd_views WHERE connection_id = ? ORDER BY updated_at DESC, name').all(connectionId) as ViewRow[];
    return rows.map((r) => {
      const { tables: _t, positions: _p, ...summary } = toView(r);
      return summary;
    });
  }

  /** One view with its known-tables list; NOT_FOUND when it does not exist. */
  get(viewId: string): { view: ErdView; knownTables: string[] } {
    const row = this.db.prepare('SELECT * FROM erd_views WHERE id = ?').get(viewId) as ViewRow | undefined;
    if (!row) throw new AppError('NOT_FOUND', 'This saved diagram no longer exists; reopen the list of views.');
    return { view: toView(row), knownTables: JSON.parse(row.known_tables_json) as string[] };
  }

  /** Creates or replaces a view; `knownTables` is every table id of the live schema now. */
  save(input: SaveViewInput, knownTables: string[]): ErdView {
    const now = new Date().toISOString();
    const tables = [...new Set(input.tables)];
    const wanted = new Set(tables);
    // Positions only for tables of the view: a stale entry would resurrect nothing but costs space.
    const positions = Object.fromEntries(Object.entries(input.positions ?? {}).filter(([k]) => wanted.has(k)));
    const clash = this.db.prepare('SELECT id FROM erd_views WHERE connection_id = ? AND name = ?').get(input.connectionId, input.name) as { id: string } | undefined;
    if (clash && clash.id !== input.viewId) throw new AppError('BAD_REQUEST', `A diagram named "${input.name}" already exists for this connection; choose another name.`);
    if (input.viewId) {
      const existing = this.get(input.viewId).view;
      if (existing.connectionId !== input.connectionId) throw new AppError('BAD_REQUEST', 'This saved diagram belongs to another connection.');
      this.db
        .prepare('UPDATE erd_views SET name = ?, tables_json = ?, positions_json = ?, focus = ?, hops = ?, known_tables_json = ?, updated_at = ? WHERE id = ?')
        .run(input.name, JSON.stringify(tables), JSON.stringify(positions), input.focus ?? null, input.hops ?? null, JSON.stringify(knownTables), now, input.viewId);
      return this.get(input.viewId).view;
    }
    const viewId = randomUUID();
    this.db
      .prepare('INSERT INTO erd_views (id, connection_id, name, tables_json, positions_json, focus, hops, known_tables_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(viewId, input.connectionId, input.name, JSON.stringify(tables), JSON.stringify(positions), input.focus ?? null, input.hops ?? null, JSON.stringify(knownTables), now, now);
    return this.get(viewId).view;
  }

  /** Deletes a view. */
  delete(viewId: string): boolean {
    return this.db.prepare('DELETE FROM erd_views WHERE id = ?').run(viewId).changes > 0;
  }
}

/** Splits a view's tables against the live schema: which still exist, which are missing, which new ones relate to it. */
export function reconcileView(view: ErdView, knownTables: string[], snapshot: SchemaSnapshot): { present: string[]; missing: string[]; suggested: string[] } {
  const live = new Set(tableIds(snapshot));
  const present = view.tables.filter((t) => live.has(t));
  const missing = view.tables.filter((t) => !live.has(t));
  const inView = new Set(present);
  const known = new Set(knownTables);
  const suggested = new Set<string>();
  for (const s of snapshot.schemas) {
    for (const t of s.tables) {
      const self = nodeId(s.name, t.name);
      for (const fk of t.foreignKeys) {
        const ref = nodeId(fk.refSchema, fk.refTable);
        if (inView.has(ref) && !inView.has(self) && !known.has(self)) suggested.add(self);
        if (inView.has(self) && !inView.has(ref) && !known.has(ref)) suggested.add(ref);
      }
    }
  }
  return { present, missing, suggested: [...suggested].sort() };
}
