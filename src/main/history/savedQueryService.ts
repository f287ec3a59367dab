/**
 * The saved-queries library: folders, tags, descriptions and a new version on every save (a
 * version is never overwritten), with diff, restore and FTS5 search.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { createTwoFilesPatch, structuredPatch } from 'diff';
import { AppError } from '../../shared/errors';
import type { SavedQuery, SavedQueryDiff, SavedQueryVersion } from '../../shared/history';
import { toFtsMatch } from './ftsQuery';
import { normalizeFolder, normalizeTags, tagsFromText, tagsToText } from './savedModel';

/** What a save carries; without `id` it creates a new saved query. */
export interface SaveQueryInput {
  id?: string;
  name: string;
  folder?: string;
  description?: string;
  tags?: string[];
  connectionId?: string | null;
  sql: string;
  /** Why this version exists (optional). */
  note?: string;
}

/** Filters of the saved-queries list. */
export interface SavedListFilter {
  query?: string;
  folder?: string;
  tag?: string;
}

interface QueryRow {
  id: string;
  name: string;
  folder: string;
  description: string;
  tags: string;
  connection_id: string | null;
  sql: string;
  version_count: number;
  created_at: string;
  updated_at: string;
}

interface VersionRow {
  query_id: string;
  version: number;
  name: string;
  description: string;
  tags: string;
  sql: string;
  note: string;
  created_at: string;
}

/** Saved queries and their versions. */
export class SavedQueryService {
  constructor(private readonly db: Database.Database) {}

  /** Saves a new query or a new version of an existing one; returns the latest state. */
  save(input: SaveQueryInput): SavedQuery {
    const now = new Date().toISOString();
    const name = input.name.trim();
    if (!name) throw new AppError('BAD_REQUEST', 'Give the saved query a name.');
    const folder = normalizeFolder(input.folder);
    const tags = tagsToText(normalizeTags(input.tags));
    const description = input.description?.trim() ?? '';
    const id = input.id ?? randomUUID();
    this.db.transaction(() => {
      const existing = input.id ? this.row(input.id) : undefined;
      if (input.id && !existing) throw notFound(input.id);
      if (existing) {
        this.db
          .prepare(
            `UPDATE saved_queries SET name = ?, folder = ?, description = ?, tags = ?, connection_id = ?, sql = ?,
               version_count = version_count + 1, updated_at = ? WHERE id = ?`,
          )
          .run(
            name,
            folder,
            description,
            tags,
            input.connectionId === undefined ? existing.connection_id : input.connectionId,
            input.sql,
            now,
            id,
          );
      } else {
        this.db
          .prepare(
            `INSERT INTO saved_queries (id, name, folder, description, tags, connection_id, sql, version_count, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
          )
          .run(
            id,
            name,
            folder,
            description,
            tags,
            input.connectionId ?? null,
            input.sql,
            now,
            now,
          );
      }
      const version = (this.row(id) as QueryRow).version_count;
      this.db
        .prepare(
          `INSERT INTO saved_query_versions (query_id, version, sql, name, description, tags, note, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(id, version, input.sql, name, description, tags, input.note ?? '', now);
    })();
    return this.get(id);
  }

  /** Saved queries matching the filter, by folder then name. */
  list(filter: SavedListFilter = {}): SavedQuery[] {
    const where: string[] = [];
    const params: string[] = [];
    const match = filter.query ? toFtsMatch(filter.query) : null;
    if (match !== null) {
      where.push('seq IN (SELECT rowid FROM saved_queries_fts WHERE saved_queries_fts MATCH ?)');
      params.push(match);
    }
    if (filter.folder !== undefined) {
      const folder = normalizeFolder(filter.folder);
      // A folder shows its sub-folders' queries too.
      where.push("(folder = ? OR folder LIKE ? ESCAPE '\\')");
      params.push(folder, `${folder.replace(/[\\%_]/g, (c) => `\\${c}`)}/%`);
    }
    if (filter.tag) {
      where.push("(' ' || tags || ' ') LIKE ?");
      params.push(`% ${normalizeTags([filter.tag])[0] ?? ''} %`);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const rows = this.db
      .prepare(`SELECT * FROM saved_queries ${clause} ORDER BY folder, name COLLATE NOCASE`)
      .all(...params) as QueryRow[];
    return rows.map(toQuery);
  }

  /** The latest state of a saved query. */
  get(id: string): SavedQuery {
    const row = this.row(id);
    if (!row) throw notFound(id);
    return toQuery(row);
  }

  /** Every version, newest first. */
  versions(id: string): SavedQueryVersion[] {
    this.get(id);
    const rows = this.db
      .prepare('SELECT * FROM saved_query_versions WHERE query_id = ? ORDER BY version DESC')
      .all(id) as VersionRow[];
    return rows.map(toVersion);
  }

  /** One version. */
  version(id: string, version: number): SavedQueryVersion {
    const row = this.db
      .prepare('SELECT * FROM saved_query_versions WHERE query_id = ? AND version = ?')
      .get(id, version) as VersionRow | undefined;
    if (!row)
      throw new AppError(
        'NOT_FOUND',
        `Version ${version} of this saved query does not exist; pick one from its versions list.`,
      );
    return toVersion(row);
  }

  /** A unified diff of the SQL of two versions (from → to). */
  diff(id: string, from: number, to: number): SavedQueryDiff {
    const a = this.version(id, from);
    const b = this.version(id, to);
    const before = withNewline(a.sql);
    const after = withNewline(b.sql);
    const patch = createTwoFilesPatch(
      `${a.name} (version ${from})`,
      `${b.name} (version ${to})`,
      before,
      after,
      undefined,
      undefined,
      { context: 3 },
    );
    let added = 0;
    let removed = 0;
    for (const hunk of structuredPatch('a', 'b', before, after).hunks) {
      for (const line of hunk.lines) {
        if (line.startsWith('+')) added++;
        else if (line.startsWith('-')) removed++;
      }
    }
    return { queryId: id, from, to, patch, added, removed };
  }

  /** Makes an old version current again by saving a new version equal to it. */
  restore(id: string, version: number): SavedQuery {
    const old = this.version(id, version);
    return this.save({
      id,
      name: old.name,
      description: old.description,
      tags: old.tags,
      sql: old.sql,
      folder: this.get(id).folder,
      note: `Restored from version ${version}`,
    });
  }

  /** Deletes a saved query with all its versions. */
  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM saved_queries WHERE id = ?').run(id).changes > 0;
  }

  private row(id: string): QueryRow | undefined {
    return this.db.prepare('SELECT * FROM saved_queries WHERE id = ?').get(id) as
      QueryRow | undefined;
  }
}

function notFound(id: string): AppError {
  return new AppError(
    'NOT_FOUND',
    `The saved query ${id} does not exist (it may have been deleted); refresh the list.`,
  );
}

// Without a final newline the diff prints "\ No newline at end of file", which is noise here.
function withNewline(s: string): string {
  return s.endsWith('\n') ? s : `${s}\n`;
}

function toQuery(r: QueryRow): SavedQuery {
  return {
    id: r.id,
    name: r.name,
    folder: r.folder,
    description: r.description,
    tags: tagsFromText(r.tags),
    connectionId: r.connection_id,
    sql: r.sql,
    version: r.version_count,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function toVersion(r: VersionRow): SavedQueryVersion {
  return {
    queryId: r.query_id,
    version: r.version,
    name: r.name,
    description: r.description,
    tags: tagsFromText(r.tags),
    sql: r.sql,
    note: r.note,
    createdAt: r.created_at,
  };
}
