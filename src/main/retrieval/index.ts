/**
 * RetrievalIndex: one SQLite file per connection holding the chunks, their vectors (sqlite-vec
 * `vec0`, cosine) and an FTS5 keyword index over the same normalised tokens. Builds are
 * incremental (only chunks whose content hash changed are re-embedded), atomic (written in one
 * transaction after embedding, so a cancelled build leaves the previous index intact), and
 * rebuild everything when the embedder changes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import Database from 'better-sqlite3';
import * as sqliteVec from 'sqlite-vec';
import { AppError } from '../../shared/errors';
import type { Chunk, ChunkKind } from './chunks';
import { asymmetricTop, codeWords, dot, signBits } from './binaryPrefilter';
import { tokenize } from './embedders/tokenize';
import type { Embedder } from './embedders/types';

/** Bumped when the index layout changes (forces a rebuild). */
const LAYOUT_VERSION = '6';
/** Up to this many chunks, vector search is exact KNN in sqlite-vec; above, sign-bit prefilter + rerank. */
export const EXACT_KNN_LIMIT = 20_000;
/** BM25 weight of a table's own name relative to the rest of its card. */
const TITLE_WEIGHT = 10;
/** Chunks embedded (or written) between two yields to the event loop (~10–20 ms of work). */
const EMBED_BATCH = 32;
const WRITE_BATCH = 256;

/** Progress of a build. */
export interface BuildProgress {
  phase: 'embedding' | 'writing' | 'done';
  done: number;
  total: number;
}

/** What a build did. */
export interface BuildStats {
  total: number;
  embedded: number;
  removed: number;
  unchanged: number;
  /** True when the whole index was rebuilt (new file, new embedder or layout). */
  rebuilt: boolean;
}

/** Options of `build`. */
export interface BuildOptions {
  onProgress?: (p: BuildProgress) => void;
  signal?: AbortSignal;
}

/** A stored chunk as search returns it. */
export interface StoredChunk {
  id: number;
  key: string;
  kind: ChunkKind;
  tableRef: string | null;
  text: string;
  sql: string | null;
  /** Linked tables (table cards only). */
  links: string[];
}

/** The per-connection index database. */
export class RetrievalIndex {
  private constructor(
    private readonly db: Database.Database,
    readonly embedder: Embedder,
    private needsRebuild: boolean,
  ) {}

  /** Sign-bit codes of all chunks, loaded on first large search (dropped on every build). */
  private codes: { codes: Uint32Array; ids: Int32Array } | undefined;
  private count: number | undefined;

  /** Opens (creating when missing) the index file at `file` for `embedder`. */
  static open(file: string, embedder: Embedder): RetrievalIndex {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    sqliteVec.load(db);
    db.exec('CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
    // Accepted question→SQL pairs are a source, not derived data: they survive full rebuilds.
    db.exec(
      'CREATE TABLE IF NOT EXISTS examples (id INTEGER PRIMARY KEY, question TEXT NOT NULL, sql TEXT NOT NULL, created_at TEXT NOT NULL, UNIQUE (question, sql))',
    );
    const meta = new Map(
      (
        db.prepare('SELECT key, value FROM meta').all() as Array<{ key: string; value: string }>
      ).map((r) => [r.key, r.value]),
    );
    const stale =
      meta.get('embedder') !== embedder.id ||
      meta.get('dimensions') !== String(embedder.dimensions) ||
      meta.get('layout') !== LAYOUT_VERSION;
    const index = new RetrievalIndex(db, embedder, stale);
    // A new file gets its tables now. An index built by another embedder (or layout) stays as it
    // is until a build replaces it inside the build's transaction: a cancelled rebuild keeps it.
    if (!meta.has('layout')) index.resetTables();
    return index;
  }

  /** True when the index has been built at least once for this embedder. */
  isBuilt(): boolean {
    const row = this.db.prepare("SELECT value FROM meta WHERE key = 'builtAt'").get() as
      { value: string } | undefined;
    return row !== undefined && !this.needsRebuild;
  }

  /** Number of chunks stored. */
  chunkCount(): number {
    this.count ??= (this.db.prepare('SELECT count(*) AS n FROM chunks').get() as { n: number }).n;
    return this.count;
  }

  private resetTables(): void {
    this.db.exec(`
      DROP TABLE IF EXISTS chunks; DROP TABLE IF EXISTS terms;
      CREATE TABLE terms (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID; DROP TABLE IF EXISTS chunk_vec; DROP TABLE IF EXISTS chunk_fts;
      DELETE FROM meta;
      CREATE TABLE chunks (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, table_ref TEXT,
        text TEXT NOT NULL, sql TEXT, links TEXT, hash TEXT NOT NULL,
        bits BLOB NOT NULL, vec BLOB NOT NULL);
      CREATE VIRTUAL TABLE chunk_vec USING vec0(embedding float[${this.embedder.dimensions}] distance_metric=cosine);
      CREATE VIRTUAL TABLE chunk_fts USING fts5(title, body, tokenize='porter unicode61');
    `);
    const put = this.db.prepare('INSERT INTO meta(key, value) VALUES (?, ?)');
    put.run('embedder', this.embedder.id);
    put.run('dimensions', String(this.embedder.dimensions));
    put.run('layout', LAYOUT_VERSION);
  }

  /** Brings the index in line with `chunks`: embeds new/changed ones, deletes removed ones. */
  async build(chunks: Chunk[], opts: BuildOptions = {}): Promise<BuildStats> {
    const rebuilt = this.needsRebuild;
    this.codes = undefined;
    this.count = undefined;
    // A rebuild starts from nothing (the old tables are replaced inside the transaction below).
    const existing = rebuilt
      ? new Map<string, { id: number; key: string; hash: string; text: string }>()
      : new Map(
          (
            this.db.prepare('SELECT id, key, hash, text FROM chunks').all() as Array<{
              id: number;
              key: string;
              hash: string;
              text: string;
            }>
          ).map((r) => [r.key, r]),
        );
    const wanted = new Map(chunks.map((c) => [c.key, c]));
    const changed = chunks.filter((c) => existing.get(c.key)?.hash !== c.hash);
    const removed = [...existing.values()].filter(
      (r) => !wanted.has(r.key) || wanted.get(r.key)!.hash !== r.hash,
    );
    const vectors: Float32Array[] = [];
    for (let i = 0; i < changed.length; i += EMBED_BATCH) {
      if (opts.signal?.aborted)
        throw new AppError(
          'QUERY_CANCELLED',
          'Indexing was cancelled; the previous index is unchanged.',
        );
      const batch = changed.slice(i, i + EMBED_BATCH);
      vectors.push(...(await this.embedder.embed(batch.map((c) => c.text))));
      opts.onProgress?.({
        phase: 'embedding',
        done: Math.min(i + EMBED_BATCH, changed.length),
        total: changed.length,
      });
      await yieldToLoop();
    }
    if (opts.signal?.aborted)
      throw new AppError(
        'QUERY_CANCELLED',
        'Indexing was cancelled; the previous index is unchanged.',
      );
    opts.onProgress?.({ phase: 'writing', done: 0, total: changed.length });
    // One transaction (all or nothing); a rebuild replaces the old tables inside it, so a cancel
    // or a failure leaves the previous index exactly as it was.
    this.db.exec('BEGIN IMMEDIATE');
    try {
      if (rebuilt) this.resetTables();
      const delChunk = this.db.prepare('DELETE FROM chunks WHERE id = ?');
      const delVec = this.db.prepare('DELETE FROM chunk_vec WHERE rowid = ?');
      const delFts = this.db.prepare('DELETE FROM chunk_fts WHERE rowid = ?');
      const insChunk = this.db.prepare(
        'INSERT INTO chunks(key, kind, table_ref, text, sql, links, hash, bits, vec) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      );
      const insVec = this.db.prepare('INSERT INTO chunk_vec(rowid, embedding) VALUES (?, ?)');
      const insFts = this.db.prepare('INSERT INTO chunk_fts(rowid, title, body) VALUES (?, ?, ?)');
      const dfAdd = this.db.prepare(
        'INSERT INTO terms(term, df) VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET df = df + excluded.df',
      );
      // Written in slices with yields so a big build does not hold the event loop; a cancel
      // between slices rolls everything back.
      const dfDelta = new Map<string, number>();
      const count = (tokens: string[], d: number): void => {
        for (const t of new Set(tokens)) dfDelta.set(t, (dfDelta.get(t) ?? 0) + d);
      };
      for (const r of removed) {
        delChunk.run(r.id);
        delVec.run(BigInt(r.id));
        delFts.run(r.id);
        count(tokenize(r.text), -1);
      }
      for (let i = 0; i < changed.length; i++) {
        const c = changed[i]!;
        const v = vectors[i]!;
        const blob = Buffer.from(v.buffer, v.byteOffset, v.byteLength);
        const id = BigInt(
          insChunk.run(
            c.key,
            c.kind,
            c.tableRef,
            c.text,
            c.sql ?? null,
            c.links?.length ? JSON.stringify(c.links) : null,
            c.hash,
            Buffer.from(signBits(v).buffer),
            blob,
          ).lastInsertRowid,
        );
        insVec.run(id, v);
        const tokens = tokenize(c.text);
        // The table's own name in a column of its own: BM25 weighs it up (see keywordSearch), so a
        // 100-column table still wins when the question names it.
        const title =
          c.kind === 'table' && c.tableRef
            ? tokenize(c.tableRef.slice(c.tableRef.indexOf('.') + 1)).join(' ')
            : '';
        insFts.run(id, title, tokens.join(' '));
        count(tokens, 1);
        if ((i + 1) % WRITE_BATCH === 0) {
          opts.onProgress?.({ phase: 'writing', done: i + 1, total: changed.length });
          await yieldToLoop();
          if (opts.signal?.aborted)
            throw new AppError(
              'QUERY_CANCELLED',
              'Indexing was cancelled; the previous index is unchanged.',
            );
        }
      }
      for (const [t, d] of dfDelta) if (d !== 0) dfAdd.run(t, d);
      this.db.exec('DELETE FROM terms WHERE df <= 0');
      this.db
        .prepare("INSERT OR REPLACE INTO meta(key, value) VALUES ('builtAt', ?)")
        .run(new Date().toISOString());
      this.db.exec('COMMIT');
    } catch (err) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw err;
    }
    this.needsRebuild = false;
    // A big build leaves a big WAL; searches read through it until it is checkpointed.
    if (changed.length + removed.length > 1000) this.db.pragma('wal_checkpoint(TRUNCATE)');
    opts.onProgress?.({ phase: 'done', done: changed.length, total: changed.length });
    const replaced = removed.filter((r) => wanted.has(r.key)).length;
    return {
      total: chunks.length,
      embedded: changed.length,
      removed: removed.length - replaced,
      unchanged: chunks.length - changed.length,
      rebuilt,
    };
  }

  /** Nearest chunks to a query vector (cosine distance, ascending). */
  vectorSearch(vector: Float32Array, k: number): Array<{ id: number; distance: number }> {
    if (this.chunkCount() <= EXACT_KNN_LIMIT) {
      return this.db
        .prepare('SELECT rowid AS id, distance FROM chunk_vec WHERE embedding MATCH ? AND k = ?')
        .all(vector, k) as Array<{ id: number; distance: number }>;
    }
    if (!this.codes) {
      const words = codeWords(this.embedder.dimensions);
      const rows = this.db.prepare('SELECT id, bits FROM chunks ORDER BY id').raw().all() as Array<
        [number, Buffer]
      >;
      const codes = new Uint32Array(rows.length * words);
      const ids = new Int32Array(rows.length);
      rows.forEach(([id, bits], i) => {
        ids[i] = id;
        codes.set(
          new Uint32Array(bits.buffer.slice(bits.byteOffset, bits.byteOffset + words * 4)),
          i * words,
        );
      });
      this.codes = { codes, ids };
    }
    const shortlist = asymmetricTop(
      this.codes.codes,
      this.codes.ids,
      vector,
      Math.max(500, k * 10),
    );
    const rows = this.db
      .prepare(`SELECT id, vec FROM chunks WHERE id IN (${shortlist.map(() => '?').join(',')})`)
      .raw()
      .all(...shortlist) as Array<[number, Buffer]>;
    return rows
      .map(([id, blob]) => ({
        id,
        distance:
          1 -
          dot(
            vector,
            new Float32Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength)),
          ),
      }))
      .sort((a, b) => a.distance - b.distance)
      .slice(0, k);
  }

  /** BM25 keyword hits for normalised query tokens (any token may match), best first. Callers drop very common terms first (see search.ts). */
  keywordSearch(tokens: string[], k: number): Array<{ id: number; score: number }> {
    const terms = [...new Set(tokens)].filter((t) => /^[a-z0-9]+$/.test(t)).map((t) => `"${t}"`);
    if (!terms.length) return [];
    return this.db
      .prepare(
        'SELECT rowid AS id, bm25(chunk_fts, ?, 1.0) AS score FROM chunk_fts WHERE chunk_fts MATCH ? ORDER BY score LIMIT ?',
      )
      .all(TITLE_WEIGHT, terms.join(' OR '), k) as Array<{ id: number; score: number }>;
  }

  /** Inverse document frequency of normalised terms, ln(1 + N / df); unseen terms get the maximum. */
  termIdf(tokens: string[]): Map<string, number> {
    const n = this.chunkCount();
    const get = this.db.prepare('SELECT df FROM terms WHERE term = ?');
    const out = new Map<string, number>();
    for (const t of new Set(tokens)) {
      const df = (get.get(t) as { df: number } | undefined)?.df ?? 0;
      out.set(t, Math.log(1 + n / Math.max(df, 1)));
    }
    return out;
  }

  /** Chunks by id. */
  getChunks(ids: number[]): Map<number, StoredChunk> {
    const out = new Map<number, StoredChunk>();
    if (!ids.length) return out;
    const rows = this.db
      .prepare(
        `SELECT id, key, kind, table_ref AS tableRef, text, sql, links FROM chunks WHERE id IN (${ids.map(() => '?').join(',')})`,
      )
      .all(...ids) as Array<Omit<StoredChunk, 'links'> & { links: string | null }>;
    for (const r of rows)
      out.set(r.id, { ...r, links: r.links ? (JSON.parse(r.links) as string[]) : [] });
    return out;
  }

  /** Reads a stored metadata value (e.g. the snapshot the index was built from). */
  getMeta(key: string): string | undefined {
    return (
      this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as
        { value: string } | undefined
    )?.value;
  }

  /** Stores a metadata value (kept until the next full rebuild). */
  setMeta(key: string, value: string): void {
    this.db.prepare('INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)').run(key, value);
  }

  /** Records an accepted question→SQL pair (a duplicate is ignored). */
  addExample(question: string, sql: string): void {
    this.db
      .prepare('INSERT OR IGNORE INTO examples(question, sql, created_at) VALUES (?, ?, ?)')
      .run(question, sql, new Date().toISOString());
  }

  /** Every accepted pair, oldest first. */
  examples(): Array<{ id: number; question: string; sql: string }> {
    return this.db.prepare('SELECT id, question, sql FROM examples ORDER BY id').all() as Array<{
      id: number;
      question: string;
      sql: string;
    }>;
  }

  /** Closes the file. */
  close(): void {
    this.db.close();
  }
}
