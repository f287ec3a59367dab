/**
 * DocsStore: the user's documentation of each connection in the app database — descriptions
 * (Markdown, keyed by target name so they survive re-introspection), glossary terms, lint rule
 * switches — and read access to the stored schema snapshots (one per introspection).
 */
import type Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import type { DescriptionEntry, GlossaryTerm, LintRuleId, LintSettings, SnapshotSummary } from '../../shared/docs';
import { LINT_RULES } from '../../shared/docs';
import { snapshotCounts, type SchemaSnapshot } from '../../shared/schema';

const KNOWN_RULES = new Set<string>(LINT_RULES.map((r) => r.id));

/** Persists descriptions, glossary and docs settings per connection. */
export class DocsStore {
  private readonly countCache = new Map<number, { tables: number; views: number; columns: number }>();

  constructor(private readonly db: Database.Database) {}

  /** Every description of a connection, sorted by target. */
  listDescriptions(connectionId: string): DescriptionEntry[] {
    return this.db
      .prepare('SELECT target, text, updated_at AS updatedAt FROM doc_descriptions WHERE connection_id = ? ORDER BY target')
      .all(connectionId) as DescriptionEntry[];
  }

  /** Descriptions as a map target → text. */
  descriptions(connectionId: string): Map<string, string> {
    return new Map(this.listDescriptions(connectionId).map((d) => [d.target, d.text]));
  }

  /** Saves one description; blank text deletes it (returns null then). */
  saveDescription(connectionId: string, target: string, text: string): DescriptionEntry | null {
    const name = target.trim();
    if (!name) throw new AppError('BAD_REQUEST', 'A description needs a target such as "schema.table" or "schema.table.column".');
    if (!text.trim()) {
      this.db.prepare('DELETE FROM doc_descriptions WHERE connection_id = ? AND target = ?').run(connectionId, name);
      return null;
    }
    const updatedAt = new Date().toISOString();
    this.db
      .prepare(
        `INSERT INTO doc_descriptions (connection_id, target, text, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (connection_id, target) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at`,
      )
      .run(connectionId, name, text, updatedAt);
    return { target: name, text, updatedAt };
  }

  /** Saves several descriptions in one transaction (blank text deletes). */
  saveDescriptions(connectionId: string, entries: { target: string; text: string }[]): void {
    this.db.transaction(() => {
      for (const e of entries) this.saveDescription(connectionId, e.target, e.text);
    })();
  }

  /** The glossary, sorted by term (case-insensitive). */
  glossary(connectionId: string): GlossaryTerm[] {
    return this.db
      .prepare('SELECT term, definition FROM doc_glossary WHERE connection_id = ? ORDER BY term COLLATE NOCASE')
      .all(connectionId) as GlossaryTerm[];
  }

  /** Adds or updates a term; `previousTerm` renames an existing one. */
  saveTerm(connectionId: string, term: string, definition: string, previousTerm?: string): GlossaryTerm[] {
    const name = term.trim();
    if (!name) throw new AppError('BAD_REQUEST', 'A glossary term needs a name.');
    const now = new Date().toISOString();
    this.db.transaction(() => {
      if (previousTerm !== undefined && previousTerm.trim().toLowerCase() !== name.toLowerCase()) {
        const clash = this.db.prepare('SELECT 1 FROM doc_glossary WHERE connection_id = ? AND term = ?').get(connectionId, name);
        if (clash) throw new AppError('BAD_REQUEST', `The glossary already has "${name}". Pick another name or edit that term.`);
        this.db.prepare('DELETE FROM doc_glossary WHERE connection_id = ? AND term = ?').run(connectionId, previousTerm.trim());
      }
      // Re-insert rather than update so a change of letter case in the term is kept.
      this.db.prepare('DELETE FROM doc_glossary WHERE connection_id = ? AND term = ?').run(connectionId, name);
      this.db
        .prepare('INSERT INTO doc_glossary (connection_id, term, definition, updated_at) VALUES (?, ?, ?, ?)')
        .run(connectionId, name, definition, now);
    })();
    return this.glossary(connectionId);
  }

  /** Deletes a term (case-insensitive). */
  deleteTerm(connectionId: string, term: string): GlossaryTerm[] {
    this.db.prepare('DELETE FROM doc_glossary WHERE connection_id = ? AND term = ?').run(connectionId, term.trim());
    return this.glossary(connectionId);
  }

  /** Lint rules turned off for a connection. */
  lintSettings(connectionId: string): LintSettings {
    const settings = this.readSettings(connectionId);
    const disabled = Array.isArray(settings.disabledRules) ? settings.disabledRules : [];
    return { disabled: disabled.filter((r): r is LintRuleId => typeof r === 'string' && KNOWN_RULES.has(r)) };
  }

  /** Saves which lint rules are off. */
  saveLintSettings(connectionId: string, disabled: LintRuleId[]): LintSettings {
    const unknown = disabled.filter((r) => !KNOWN_RULES.has(r));
    if (unknown.length) throw new AppError('BAD_REQUEST', `Unknown lint rule: ${unknown.join(', ')}. Known: ${[...KNOWN_RULES].join(', ')}.`);
    const settings = { ...this.readSettings(connectionId), disabledRules: [...new Set(disabled)].sort() };
    this.db
      .prepare(
        `INSERT INTO doc_settings (connection_id, settings_json, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (connection_id) DO UPDATE SET settings_json = excluded.settings_json, updated_at = excluded.updated_at`,
      )
      .run(connectionId, JSON.stringify(settings), new Date().toISOString());
    return this.lintSettings(connectionId);
  }

  /** Stored snapshots of a connection, newest first. */
  snapshots(connectionId: string, limit = 100): SnapshotSummary[] {
    const rows = this.db
      .prepare('SELECT id, captured_at FROM schema_snapshots WHERE connection_id = ? ORDER BY captured_at DESC, id DESC LIMIT ?')
      .all(connectionId, limit) as { id: number; captured_at: string }[];
    return rows.map((r) => ({ id: String(r.id), capturedAt: r.captured_at, ...this.countsOf(r.id) }));
  }

  /** Counts of a stored snapshot; snapshots never change, so each is parsed once per process. */
  private countsOf(id: number): { tables: number; views: number; columns: number } {
    let counts = this.countCache.get(id);
    if (!counts) {
      const row = this.db.prepare('SELECT snapshot_json FROM schema_snapshots WHERE id = ?').get(id) as { snapshot_json: string };
      const c = snapshotCounts(JSON.parse(row.snapshot_json) as SchemaSnapshot);
      counts = { tables: c.tables, views: c.views, columns: c.columns };
      this.countCache.set(id, counts);
    }
    return counts;
  }

  /** One stored snapshot by id; NOT_FOUND when it is not this connection's. */
  snapshot(connectionId: string, snapshotId: string): SchemaSnapshot {
    const row = /^\d+$/.test(snapshotId)
      ? (this.db
          .prepare('SELECT snapshot_json FROM schema_snapshots WHERE connection_id = ? AND id = ?')
          .get(connectionId, Number(snapshotId)) as { snapshot_json: string } | undefined)
      : undefined;
    if (!row) throw new AppError('NOT_FOUND', `Snapshot ${snapshotId} does not exist for this connection. List them with docs.snapshots.list.`);
    return JSON.parse(row.snapshot_json) as SchemaSnapshot;
  }

  private readSettings(connectionId: string): { disabledRules?: unknown } & Record<string, unknown> {
    const row = this.db.prepare('SELECT settings_json FROM doc_settings WHERE connection_id = ?').get(connectionId) as
      | { settings_json: string }
      | undefined;
    if (!row) return {};
    try {
      const parsed = JSON.parse(row.settings_json) as unknown;
      return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  }
}
