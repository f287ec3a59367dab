/**
 * Retrieval inside the app: one index per connection in `<data>/index/<connection-id>.db`, kept
 * in line with the live schema, the user's descriptions and glossary, the connection's saved
 * queries and the accepted question→SQL pairs. Builds are incremental (content hashes) and
 * serialised per connection; each reports progress and can be cancelled.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import type { SchemaSnapshot } from '../../shared/schema';
import type { SavedQueryService } from '../history';
import type { SessionManager } from '../query/sessions';
import type { SchemaService } from '../schema/schemaService';
import type { DocsAccess } from '../docs/access';
import type { ContextRequest, RetrievalAccess } from './access';
import { buildChunks, type ExtraChunk, type TableValueSamples } from './chunks';
import { buildPromptContext, type PromptContext } from './contextBuilder';
import type { Embedder } from './embedders/types';
import { RetrievalIndex, type BuildProgress, type BuildStats } from './index';
import { hybridSearch } from './search';
import { collectValueSamples } from './valueSamples';

/** What the app needs to keep indexes. */
export interface AppRetrievalDeps {
  home: string;
  db: Database.Database;
  schemas: SchemaService;
  sessions: SessionManager;
  saved: SavedQueryService;
  docs: DocsAccess;
  /** The embedder for a connection (built-in unless the user chose a provider). */
  embedder: (connectionId: string) => Embedder;
  onProgress?: (connectionId: string, buildId: string, p: BuildProgress) => void;
}

/** The index state of a connection, for the UI. */
export interface RetrievalStatus {
  built: boolean;
  chunks: number;
  embedder: string;
  builtAt: string | null;
  valueSamples: boolean;
  examples: number;
}

const VALUE_SAMPLES_KEY = (connectionId: string): string => `retrieval.valueSamples.${connectionId}`;

/** The app's retrieval service. */
export class AppRetrieval implements RetrievalAccess {
  private readonly indexes = new Map<string, RetrievalIndex>();
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly running = new Map<string, AbortController>();

  constructor(private readonly deps: AppRetrievalDeps) {}

  /** Whether value samples are indexed for a connection (opt-in; off by default). */
  valueSamplesEnabled(connectionId: string): boolean {
    const row = this.deps.db.prepare('SELECT value FROM settings WHERE key = ?').get(VALUE_SAMPLES_KEY(connectionId)) as { value: string } | undefined;
    return row?.value === 'true';
  }

  /** Turns value samples on or off; the next build adds or removes them. */
  setValueSamples(connectionId: string, enabled: boolean): void {
    this.deps.db.prepare('INSERT OR REPLACE INTO settings(key, value) VALUES (?, ?)').run(VALUE_SAMPLES_KEY(connectionId), String(enabled));
  }

  /** The index of a connection (opened on first use; rebuilt when the embedder changed). */
  private index(connectionId: string): RetrievalIndex {
    const embedder = this.deps.embedder(connectionId);
    let index = this.indexes.get(connectionId);
    if (index && index.embedder.id !== embedder.id) {
      index.close();
      index = undefined;
    }
    if (!index) {
      index = RetrievalIndex.open(path.join(this.deps.home, 'index', `${connectionId.replace(/[^\w.-]/g, '_')}.db`), embedder);
      this.indexes.set(connectionId, index);
    }
    return index;
  }

  /** The status of a connection's index. */
  status(connectionId: string): RetrievalStatus {
    const index = this.index(connectionId);
    return {
      built: index.isBuilt(),
      chunks: index.isBuilt() ? index.chunkCount() : 0,
      embedder: index.embedder.id,
      builtAt: index.getMeta('builtAt') ?? null,
      valueSamples: this.valueSamplesEnabled(connectionId),
      examples: index.examples().length,
    };
  }

  /** Runs `fn` after any build of the same connection (one build at a time per index). */
  private serial<T>(connectionId: string, fn: () => Promise<T>): Promise<T> {
    const prev = this.queues.get(connectionId) ?? Promise.resolve();
    const next = prev.then(fn, fn);
    this.queues.set(connectionId, next.catch(() => undefined));
    return next;
  }

  private extraChunks(connectionId: string, index: RetrievalIndex): ExtraChunk[] {
    const out: ExtraChunk[] = [];
    for (const g of this.deps.docs.glossary(connectionId)) out.push({ key: g.term.toLowerCase(), kind: 'glossary', text: `${g.term}: ${g.definition}` });
    for (const q of this.deps.saved.list({})) {
      if (q.connectionId !== connectionId) continue;
      out.push({ key: q.id, kind: 'saved_query', text: [q.name, q.description].filter(Boolean).join(': '), sql: q.sql });
    }
    for (const e of index.examples()) out.push({ key: String(e.id), kind: 'example', text: e.question, sql: e.sql });
    return out;
  }

  /** Brings a connection's index up to date (only changed chunks are re-embedded). */
  build(connectionId: string, opts: { buildId?: string; refreshSchema?: boolean } = {}): Promise<BuildStats & { buildId: string }> {
    const buildId = opts.buildId ?? randomUUID();
    return this.serial(connectionId, async () => {
      const controller = new AbortController();
      this.running.set(buildId, controller);
      try {
        const snapshot = await this.deps.schemas.get(connectionId, opts.refreshSchema ?? false);
        const stats = await this.buildFrom(connectionId, snapshot, controller.signal, buildId);
        return { ...stats, buildId };
      } finally {
        this.running.delete(buildId);
      }
    });
  }

  private async buildFrom(connectionId: string, snapshot: SchemaSnapshot, signal: AbortSignal, buildId: string): Promise<BuildStats> {
    const index = this.index(connectionId);
    const samplesOn = this.valueSamplesEnabled(connectionId);
    let valueSamples: TableValueSamples[] = [];
    if (samplesOn) {
      const { conn } = await this.deps.sessions.openUnshared(connectionId);
      try {
        valueSamples = await collectValueSamples(conn, snapshot, { signal });
      } finally {
        await conn.close().catch(() => undefined);
      }
    }
    const descriptions = this.deps.docs.descriptions(connectionId);
    const chunks = buildChunks({ snapshot, valueSamples, includeValueSamples: samplesOn, extraChunks: this.extraChunks(connectionId, index), descriptions });
    const stats = await index.build(chunks, { signal, onProgress: (p) => this.deps.onProgress?.(connectionId, buildId, p) });
    index.setMeta('snapshot', JSON.stringify(snapshot));
    return stats;
  }

  /** Cancels a running build; the index keeps its previous content. */
  cancel(buildId: string): boolean {
    const c = this.running.get(buildId);
    c?.abort();
    return c !== undefined;
  }

  /** Ranked tables for a question (pure ranking, no expansion). */
  async search(connectionId: string, question: string, k: number): Promise<Array<{ table: string; score: number }>> {
    const index = await this.ready(connectionId);
    const result = await hybridSearch(index, question, { k });
    return result.tables.map((t) => ({ table: t.table, score: t.score }));
  }

  /** The index, built or brought up to date against the cached snapshot. */
  private async ready(connectionId: string): Promise<RetrievalIndex> {
    await this.build(connectionId);
    return this.index(connectionId);
  }

  /** The prompt context for a question. */
  async context(connectionId: string, question: string, opts: ContextRequest = {}): Promise<PromptContext> {
    if (!question.trim()) throw new AppError('INVALID_REQUEST', 'Ask a question first: the context is chosen for it.');
    const index = await this.ready(connectionId);
    const snapshot = await this.deps.schemas.get(connectionId);
    return buildPromptContext(index, snapshot, question, { budget: opts.budgetTokens, include: opts.include, exclude: opts.exclude });
  }

  /** Records an accepted pair; it is indexed at the next build (the next question builds). */
  async addExample(connectionId: string, question: string, sql: string): Promise<void> {
    this.index(connectionId).addExample(question.trim(), sql.trim());
  }

  /** Closes every index file. */
  async close(): Promise<void> {
    for (const c of this.running.values()) c.abort();
    await Promise.all([...this.queues.values()]);
    for (const i of this.indexes.values()) i.close();
    this.indexes.clear();
  }
}
