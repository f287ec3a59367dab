/**
 * Retrieval inside the app: one index per connection in `<data>/index/<connection-id>.db`, kept
 * in line with the live schema, the user's descriptions and glossary, the connection's saved
 * queries and the accepted question→SQL pairs. Builds are incremental (content hashes) and
 * serialised per connection; each reports progress and can be cancelled.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { RetrievalStatusInfo } from '../../shared/contracts/retrieval';
import { AppError } from '../../shared/errors';
import type { SchemaSnapshot } from '../../shared/schema';
import type { SavedQueryService } from '../history';
import type { SessionManager } from '../query/sessions';
import type { SchemaService } from '../schema/schemaService';
import type { DocsAccess } from '../docs/access';
import type { ContextRequest, RetrievalAccess } from './access';
import { buildChunks, type ExtraChunk, type TableValueSamples } from './chunks';
import type { PromptContext } from './contextBuilder';
import type { Embedder } from './embedders/types';
import type { BuildProgress, BuildStats } from './index';
import { collectValueSamples } from './valueSamples';
import { IndexHost } from './worker/indexHost';
import type { EmbedderSpec, IndexOp, IndexOpResults } from './worker/protocol';

/** What the app needs to keep indexes. */
export interface AppRetrievalDeps {
  home: string;
  db: Database.Database;
  schemas: SchemaService;
  sessions: SessionManager;
  saved: SavedQueryService;
  docs: DocsAccess;
  /** The embedder for a connection (built-in unless the user chose a provider; may probe the provider). */
  embedder: (connectionId: string) => Promise<Embedder>;
  onProgress?: (connectionId: string, buildId: string, p: BuildProgress) => void;
}

/** The index state of a connection, for the UI. */
export type RetrievalStatus = RetrievalStatusInfo;

const VALUE_SAMPLES_KEY = (connectionId: string): string => `retrieval.valueSamples.${connectionId}`;
const EMBEDDER_KEY = (connectionId: string): string => `retrieval.embedder.${connectionId}`;

/** A provider embedder the user chose for a connection (absent: the built-in one). */
export type EmbedderChoice = NonNullable<RetrievalStatusInfo['embedderChoice']>;

/** The app's retrieval service. */
export class AppRetrieval implements RetrievalAccess {
  private readonly host: IndexHost;
  /** Embedders in use, by id (the worker asks main to run provider embedders). */
  private readonly embedders = new Map<string, Embedder>();
  /** Index files opened in the worker, by connection. */
  private readonly files = new Map<string, string>();
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly running = new Map<string, AbortController>();

  constructor(private readonly deps: AppRetrievalDeps) {
    this.host = new IndexHost((embedderId) => this.embedders.get(embedderId));
  }

  /** Whether value samples are indexed for a connection (opt-in; off by default). */
  valueSamplesEnabled(connectionId: string): boolean {
    const row = this.deps.db.prepare('SELECT value FROM settings WHERE key = ?').get(VALUE_SAMPLES_KEY(connectionId)) as { value: string } | undefined;
    return row?.value === 'true';
  }

  /** Turns value samples on or off; the next build adds or removes them. */
  setValueSamples(connectionId: string, enabled: boolean): void {
    this.deps.db.prepare('INSERT OR REPLACE INTO settings(key, value) VALUES (?, ?)').run(VALUE_SAMPLES_KEY(connectionId), String(enabled));
  }

  /** The provider embedder chosen for a connection, or null for the built-in one. */
  embedderChoice(connectionId: string): EmbedderChoice | null {
    const row = this.deps.db.prepare('SELECT value FROM settings WHERE key = ?').get(EMBEDDER_KEY(connectionId)) as { value: string } | undefined;
    return row ? (JSON.parse(row.value) as EmbedderChoice) : null;
  }

  /** Chooses the embedder of a connection; the next build re-embeds everything with it. */
  setEmbedder(connectionId: string, choice: EmbedderChoice | null): void {
    if (choice) this.deps.db.prepare('INSERT OR REPLACE INTO settings(key, value) VALUES (?, ?)').run(EMBEDDER_KEY(connectionId), JSON.stringify(choice));
    else this.deps.db.prepare('DELETE FROM settings WHERE key = ?').run(EMBEDDER_KEY(connectionId));
  }

  /** Runs an operation on a connection's index in the worker (which rebuilds it when the embedder changed). */
  private async op<O extends IndexOp>(connectionId: string, body: O, opts: { signal?: AbortSignal; onProgress?: (p: BuildProgress) => void } = {}): Promise<IndexOpResults[O['op']]> {
    const file = path.join(this.deps.home, 'index', `${connectionId.replace(/[^\w.-]/g, '_')}.db`);
    // Closing needs no embedder (and must not wake a provider up).
    if (body.op === 'close') return this.host.call(file, { id: '', dimensions: 0, builtin: true }, body, opts);
    const embedder = await this.deps.embedder(connectionId);
    this.embedders.set(embedder.id, embedder);
    const spec: EmbedderSpec = { id: embedder.id, dimensions: embedder.dimensions, builtin: embedder.id.startsWith('builtin') };
    this.files.set(connectionId, file);
    return this.host.call(file, spec, body, opts);
  }

  /** The status of a connection's index. */
  async status(connectionId: string): Promise<RetrievalStatus> {
    const s = await this.op(connectionId, { op: 'status' });
    return { ...s, valueSamples: this.valueSamplesEnabled(connectionId), embedderChoice: this.embedderChoice(connectionId) };
  }

  /** Runs `fn` after any build of the same connection (one build at a time per index). */
  private serial<T>(connectionId: string, fn: () => Promise<T>): Promise<T> {
    const prev = this.queues.get(connectionId) ?? Promise.resolve();
    const next = prev.then(fn, fn);
    this.queues.set(connectionId, next.catch(() => undefined));
    return next;
  }

  private async extraChunks(connectionId: string): Promise<ExtraChunk[]> {
    const out: ExtraChunk[] = [];
    for (const g of this.deps.docs.glossary(connectionId)) out.push({ key: g.term.toLowerCase(), kind: 'glossary', text: `${g.term}: ${g.definition}` });
    for (const q of this.deps.saved.list({})) {
      if (q.connectionId !== connectionId) continue;
      out.push({ key: q.id, kind: 'saved_query', text: [q.name, q.description].filter(Boolean).join(': '), sql: q.sql });
    }
    for (const e of await this.op(connectionId, { op: 'examples' })) out.push({ key: String(e.id), kind: 'example', text: e.question, sql: e.sql });
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
    const chunks = buildChunks({ snapshot, valueSamples, includeValueSamples: samplesOn, extraChunks: await this.extraChunks(connectionId), descriptions });
    const stats = await this.op(connectionId, { op: 'build', chunks }, { signal, onProgress: (p) => this.deps.onProgress?.(connectionId, buildId, p) });
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
    await this.build(connectionId);
    const result = await this.op(connectionId, { op: 'search', question, k });
    return result.tables.map((t) => ({ table: t.table, score: t.score }));
  }

  /** The prompt context for a question. */
  async context(connectionId: string, question: string, opts: ContextRequest = {}): Promise<PromptContext> {
    if (!question.trim()) throw new AppError('INVALID_REQUEST', 'Ask a question first: the context is chosen for it.');
    await this.build(connectionId);
    const snapshot = await this.deps.schemas.get(connectionId);
    const options = { budget: opts.budgetTokens, include: opts.include, exclude: opts.exclude };
    return this.op(connectionId, { op: 'context', snapshot, question, options }, { signal: opts.signal });
  }

  /** Records an accepted pair; it is indexed at the next build (the next question builds). */
  async addExample(connectionId: string, question: string, sql: string): Promise<void> {
    await this.op(connectionId, { op: 'addExample', question: question.trim(), sql: sql.trim() });
  }

  /** Closes every index file. */
  async close(): Promise<void> {
    for (const c of this.running.values()) c.abort();
    await Promise.all([...this.queues.values()]);
    await Promise.all([...this.files.keys()].map((id) => this.op(id, { op: 'close' }).catch(() => undefined)));
    this.files.clear();
    await this.host.close();
  }
}
