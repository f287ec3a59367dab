/**
 * The seam between the AI router (providers, keys, retries, fallback, cache, cost, log) and the
 * AI tasks (ask/explain/fix/optimise/describe). Tasks only ever call `AiRouter`; they never see a
 * key or an SDK.
 */

/** The provider protocols we speak. `openai-compatible` is Ollama, LM Studio, llama.cpp, vLLM … */
export type ProviderKind = 'openai' | 'anthropic' | 'gemini' | 'openai-compatible';

/** What a request is for: picks the default model and appears in the usage and the log. */
export type AiTask = 'ask' | 'explain' | 'fix' | 'optimise' | 'describe' | 'mock' | 'test';

/** One message. `cacheable` marks the stable prefix (the schema) for provider prompt caching. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
  cacheable?: boolean;
}

/** A completion request as a task makes it. */
export interface CompletionRequest {
  task: AiTask;
  messages: ChatMessage[];
  /** A provider id (from the settings); absent: the task's default, then the fallback chain. */
  provider?: string;
  model?: string;
  temperature?: number;
  maxTokens?: number;
  /** Skip the response cache (the answer is still stored). */
  bypassCache?: boolean;
  signal?: AbortSignal;
  /** Streamed text deltas, in order. */
  onToken?: (delta: string) => void;
  /** For the request log and per-connection privacy checks. */
  connectionId?: string;
}

/** Token counts from the provider's usage fields. */
export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
  /** Input tokens served from the provider's prompt cache, when reported. */
  cachedInputTokens?: number;
  /** Input tokens written into the provider's prompt cache (Anthropic bills them above the input price). */
  cacheWriteInputTokens?: number;
}

/** A finished completion. */
export interface CompletionResult {
  text: string;
  /** The provider id and model that answered (after any fallback). */
  provider: string;
  model: string;
  usage: TokenUsage;
  costUsd: number;
  /** Answered from the local response cache (no call made). */
  cached: boolean;
  latencyMs: number;
  /** The request-log entry id. */
  logId: number;
}

/** Embeddings for the retrieval index (provider embedders). */
export interface EmbedRequest {
  provider: string;
  model: string;
  texts: string[];
  signal?: AbortSignal;
}

/** What tasks and the retrieval index use. */
export interface AiRouter {
  complete(req: CompletionRequest): Promise<CompletionResult>;
  embed(req: EmbedRequest): Promise<number[][]>;
  /** True when "local only" is on and `provider` is remote (tasks say so before trying). */
  isBlocked(provider: string): boolean;
}
