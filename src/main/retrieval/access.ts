/** What other features (the AI tasks) may ask of the retrieval index. */
import type { PromptContext } from './contextBuilder';

/** Options of a context request. */
export interface ContextRequest {
  /** Tables the user added (`schema.table`): always included. */
  include?: string[];
  /** Tables the user removed: never included. */
  exclude?: string[];
  /** Token budget (default ~8,000). */
  budgetTokens?: number;
  signal?: AbortSignal;
}

/** Retrieval as a service: builds or updates the index when needed. */
export interface RetrievalAccess {
  /** The prompt context for a question on a connection (whole schema when it fits the budget). */
  context(connectionId: string, question: string, opts?: ContextRequest): Promise<PromptContext>;
  /** Records an accepted question→SQL pair as a retrieval example. */
  addExample(connectionId: string, question: string, sql: string): Promise<void>;
}
