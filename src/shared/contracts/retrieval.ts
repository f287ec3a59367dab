/** Contract part — the local retrieval index per connection: status, build with progress, cancel, options, search. */
import { z } from 'zod';
import { event, id, request } from './define';

/** The index state of a connection. */
export interface RetrievalStatusInfo {
  built: boolean;
  chunks: number;
  /** Which embedder built it, e.g. `builtin:hash-v1`. */
  embedder: string;
  builtAt: string | null;
  /** Distinct values of low-cardinality text columns are indexed (opt-in). */
  valueSamples: boolean;
  /** Accepted question→SQL pairs. */
  examples: number;
  /** The provider embedder chosen for the connection, or null for the built-in one. */
  embedderChoice: { provider: string; model: string } | null;
}

/** What a build did. */
export interface RetrievalBuildResult {
  buildId: string;
  total: number;
  embedded: number;
  removed: number;
  unchanged: number;
  rebuilt: boolean;
}

/** Progress of a build. */
export interface RetrievalProgress {
  connectionId: string;
  buildId: string;
  phase: 'embedding' | 'writing' | 'done';
  done: number;
  total: number;
}

/** Requests of this feature. */
export const retrievalRequests = {
  /** The connection's index: built, size, embedder, options. */
  'retrieval.status': request<RetrievalStatusInfo>()(z.strictObject({ connectionId: id })),
  /** Builds or updates the index (only changed chunks are re-embedded); progress: `retrieval.progress`. */
  'retrieval.build': request<RetrievalBuildResult>()(
    z.strictObject({ connectionId: id, buildId: id.optional(), refreshSchema: z.boolean().optional() }),
  ),
  /** Cancels a running build; the index keeps its previous content. */
  'retrieval.cancel': request<{ cancelled: boolean }>()(z.strictObject({ buildId: id })),
  /**
   * Per-connection options: value samples on or off (off by default); the embedder — a provider
   * and model from the AI settings, or null for the built-in offline one. A new embedder rebuilds the index.
   */
  'retrieval.options.save': request<RetrievalStatusInfo>()(
    z.strictObject({
      connectionId: id,
      valueSamples: z.boolean().optional(),
      embedder: z.strictObject({ provider: id, model: z.string().min(1).max(200) }).nullable().optional(),
    }),
  ),
  /** Tables ranked for a question (hybrid vector + keyword search, no expansion). */
  'retrieval.search': request<Array<{ table: string; score: number }>>()(
    z.strictObject({ connectionId: id, question: z.string().min(1).max(10_000), k: z.number().int().min(1).max(200).optional() }),
  ),
} as const;

/** Events of this feature. */
export const retrievalEvents = {
  'retrieval.progress': event<RetrievalProgress>(),
} as const;
