/** What every provider adapter offers the router: one call, no retries, no cache, no key handling. */
import type { ChatMessage, ProviderKind, TokenUsage } from '../../types';

/** A configured provider (the key is fetched apart and never stored with it). */
export interface ProviderConfig {
  id: string;
  kind: ProviderKind;
  name: string;
  /** SDK base URL override (OpenAI-compatible servers, proxies, the test stand-in). */
  baseUrl: string | null;
  enabled: boolean;
  models: string[];
}

/** One call to a provider. */
export interface ProviderCall {
  model: string;
  messages: ChatMessage[];
  temperature?: number;
  maxTokens?: number;
  /** Aborts the HTTP request (user cancel or attempt timeout). */
  signal: AbortSignal;
  /** Present: stream and report deltas in order. */
  onToken?: (delta: string) => void;
}

/** What a call returned. `inputTokens` counts all input, cached included. */
export interface ProviderReply {
  text: string;
  usage: TokenUsage;
}

/** The exact request body an adapter sends (logged; holds no key). */
export type ProviderPayload = Record<string, unknown>;

/** One provider protocol bound to a config and a key. */
export interface ProviderAdapter {
  /** The request body a call sends, streamed or not (for the log, the cache key and the prompt preview). */
  payload(call: Omit<ProviderCall, 'signal' | 'onToken'>, stream: boolean): ProviderPayload;
  complete(call: ProviderCall): Promise<ProviderReply>;
  embed(model: string, texts: string[], signal: AbortSignal): Promise<{ vectors: number[][]; inputTokens: number }>;
  /** The cheapest call: the provider's model list. */
  listModels(signal: AbortSignal): Promise<string[]>;
}

/** Default output budget when a task sets none (Anthropic requires one). */
export const DEFAULT_MAX_TOKENS = 4096;
