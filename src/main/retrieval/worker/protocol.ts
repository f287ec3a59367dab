/**
 * Messages between the main process and the retrieval worker thread. The worker owns every open
 * index file (better-sqlite3 + sqlite-vec), so embedding, writing and searching never hold the
 * main event loop. Embeddings by a provider are asked of main (`embed`), where the AI router lives.
 */
import type { ErrorData } from '../../../shared/errors';
import type { SchemaSnapshot } from '../../../shared/schema';
import type { Chunk } from '../chunks';
import type { ContextOptions, PromptContext } from '../contextBuilder';
import type { BuildProgress, BuildStats } from '../index';
import type { SearchResult } from '../search';

/** The embedder an index is opened with: the built-in one runs in the worker; others run in main. */
export interface EmbedderSpec {
  id: string;
  dimensions: number;
  /** True for the built-in embedder (no round trip to main). */
  builtin: boolean;
}

/** An operation on one index file. */
export type IndexOp =
  | { op: 'status' }
  | { op: 'build'; chunks: Chunk[] }
  | { op: 'search'; question: string; k: number }
  | { op: 'context'; snapshot: SchemaSnapshot; question: string; options: ContextOptions }
  | { op: 'addExample'; question: string; sql: string }
  | { op: 'examples' }
  | { op: 'setMeta'; key: string; value: string }
  | { op: 'getMeta'; key: string }
  | { op: 'close' };

/** Results by operation. */
export interface IndexOpResults {
  status: { built: boolean; chunks: number; embedder: string; builtAt: string | null; examples: number };
  build: BuildStats;
  search: SearchResult;
  context: PromptContext;
  addExample: null;
  examples: Array<{ id: number; question: string; sql: string }>;
  setMeta: null;
  getMeta: string | null;
  close: null;
}

/** Main → worker. */
export type ToWorker =
  | { type: 'call'; id: number; file: string; embedder: EmbedderSpec; body: IndexOp }
  | { type: 'cancel'; id: number }
  | { type: 'embedded'; id: number; vectors?: Float32Array[]; error?: ErrorData };

/** Worker → main. */
export type FromWorker =
  | { type: 'result'; id: number; ok: true; value: unknown }
  | { type: 'result'; id: number; ok: false; error: ErrorData }
  | { type: 'progress'; id: number; progress: BuildProgress }
  | { type: 'embed'; id: number; embedder: string; texts: string[] };
