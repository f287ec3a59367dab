/** Contract part — AI providers and their keys, per-task defaults, spend cap, usage, prices, cache, request log. */
import { z } from 'zod';
import { id, request } from './define';

/** The provider protocols (mirrors main's ProviderKind). */
export const AI_PROVIDER_KINDS = ['openai', 'anthropic', 'gemini', 'openai-compatible'] as const;
/** A provider protocol. */
export type AiProviderKind = (typeof AI_PROVIDER_KINDS)[number];
/** Tasks that have a default model (mirrors main's AiTask). */
export const AI_TASKS = ['ask', 'explain', 'fix', 'optimise', 'describe', 'mock'] as const;
/** A task with a default model. */
export type AiTaskName = (typeof AI_TASKS)[number];

/** A configured provider as the renderer sees it: never the key, only `hasKey`. */
export interface AiProviderInfo {
  id: string;
  kind: AiProviderKind;
  name: string;
  baseUrl: string | null;
  enabled: boolean;
  models: string[];
  hasKey: boolean;
  /** Runs on this machine (localhost/127.0.0.1 base URL): allowed under "local only", costs nothing. */
  local: boolean;
}

/** A provider and model pair. */
export interface AiModelRef {
  provider: string;
  model: string;
}

/** The AI settings. */
export interface AiSettings {
  /** Default provider/model per task. */
  defaults: Partial<Record<AiTaskName, AiModelRef>>;
  /** Tried in order after the task's default fails with a retryable error. */
  fallback: AiModelRef[];
  /** Spend caps in USD; null = no cap. */
  dailyCapUsd: number | null;
  monthlyCapUsd: number | null;
  /** Response cache lifetime; 0 turns the cache off. */
  cacheTtlSeconds: number;
  /** Refuse every remote provider. */
  localOnly: boolean;
  /** Show the exact prompt before every send. */
  previewPrompt: boolean;
  /** The Ollama / local OpenAI-compatible endpoint: detection lists its models, and OpenAI-compatible providers without a base URL use `<ollamaUrl>/v1`. */
  ollamaUrl: string;
}

/** The settings as Settings → AI shows them: plus what the environment overrides. */
export interface AiSettingsView extends AiSettings {
  /** QG_OLLAMA_URL when set: it wins over `ollamaUrl` until it is unset. */
  ollamaUrlFromEnv: string | null;
}

/** Where the Ollama endpoint is looked for before the user sets one. */
export const DEFAULT_OLLAMA_URL = 'http://localhost:11434';
/** The environment variable that overrides the Ollama endpoint setting. */
export const OLLAMA_URL_ENV = 'QG_OLLAMA_URL';

/** Spend and tokens over a period. */
export interface AiUsageTotals {
  costUsd: number;
  requests: number;
  inputTokens: number;
  outputTokens: number;
  cachedTokens: number;
}

/** Usage today, this month, and this month by provider/model, with the caps. */
export interface AiUsage {
  today: AiUsageTotals;
  month: AiUsageTotals;
  byModel: (AiUsageTotals & { provider: string; model: string })[];
  dailyCapUsd: number | null;
  monthlyCapUsd: number | null;
}

/** A price in USD per 1M tokens. */
export interface AiPrice {
  /** A model name or a prefix of it (`claude-3-5-haiku` prices `claude-3-5-haiku-20241022`). */
  model: string;
  inputPerM: number;
  outputPerM: number;
  /** Price of input tokens served from the provider's prompt cache; null = the input price. */
  cachedPerM: number | null;
  /** 'default' = shipped with the app; 'user' = edited. */
  source: 'default' | 'user';
}

/** One row of the request log (summary). */
export interface AiLogEntry {
  id: number;
  /** ISO time. */
  at: string;
  task: string;
  provider: string;
  model: string;
  connectionId: string | null;
  inputTokens: number;
  outputTokens: number;
  cachedTokens: number;
  costUsd: number;
  latencyMs: number;
  outcome: 'ok' | 'cached' | 'error' | 'cancelled';
  errorCode: string | null;
  errorMessage: string | null;
  /** Note shown beside the cost (e.g. no price known for the model). */
  note: string | null;
}

/** A log row with the exact payload sent (never a key) and the answer. */
export interface AiLogDetail extends AiLogEntry {
  payloadJson: string;
  responseText: string | null;
}

/** A page of the log, newest first. */
export interface AiLogPage {
  entries: AiLogEntry[];
  total: number;
}

/** Result of testing a provider. */
export interface AiTestResult {
  ok: boolean;
  /** Models the provider listed (when it could). */
  models: string[];
  latencyMs: number;
  errorCode?: string;
  message?: string;
}

/** What Ollama detection found. */
export interface AiOllamaInfo {
  found: boolean;
  url: string;
  models: string[];
}

const modelName = z.string().min(1).max(200);
const modelRef = z.strictObject({ provider: id, model: modelName });
const usd = z.number().min(0).max(1_000_000).nullable();
const price = z.number().min(0).max(100_000);
/** An http(s) URL (the Ollama endpoint); anything else (file:, javascript:, a bare host) is refused. */
export const httpUrl = z.url({ protocol: /^https?$/, error: 'Use an http:// or https:// URL, e.g. http://localhost:11434.' }).max(2000);

/** Requests of this feature (method names must also be listed in contractNames.ts). */
export const aiSettingsRequests = {
  /** AI providers (never a key, only `hasKey`). */
  'ai.providers.list': request<AiProviderInfo[]>()(z.strictObject({})),
  /** Adds or updates a provider; `key` goes to the keychain (empty string removes it; absent keeps it). */
  'ai.providers.save': request<AiProviderInfo>()(
    z.strictObject({
      id: id.optional(),
      kind: z.enum(AI_PROVIDER_KINDS),
      name: z.string().min(1).max(200),
      baseUrl: z.string().max(2000).nullable().optional(),
      enabled: z.boolean().optional(),
      models: z.array(modelName).max(200).optional(),
      key: z.string().max(4000).optional(),
    }),
  ),
  /** Removes a provider and its key. */
  'ai.providers.delete': request<{ deleted: boolean }>()(z.strictObject({ id })),
  /** Tests a provider with the cheapest call (list models). */
  'ai.providers.test': request<AiTestResult>()(z.strictObject({ id })),
  /** Looks for Ollama (at `url`, else the Ollama endpoint in effect) and lists its models. */
  'ai.ollama.detect': request<AiOllamaInfo>()(z.strictObject({ url: httpUrl.optional() })),
  /** The AI settings. */
  'ai.settings.get': request<AiSettingsView>()(z.strictObject({})),
  /** Saves (part of) the AI settings. */
  'ai.settings.save': request<AiSettingsView>()(
    z.strictObject({
      defaults: z.partialRecord(z.enum(AI_TASKS), modelRef).optional(),
      fallback: z.array(modelRef).max(20).optional(),
      dailyCapUsd: usd.optional(),
      monthlyCapUsd: usd.optional(),
      cacheTtlSeconds: z.number().int().min(0).max(365 * 86_400).optional(),
      localOnly: z.boolean().optional(),
      previewPrompt: z.boolean().optional(),
      ollamaUrl: httpUrl.optional(),
    }),
  ),
  /** Spend and tokens today, this month, by provider/model. */
  'ai.usage': request<AiUsage>()(z.strictObject({})),
  /** The price table (defaults merged with edits). */
  'ai.prices.get': request<AiPrice[]>()(z.strictObject({})),
  /** Sets (or with `remove`, resets to default) prices of models. */
  'ai.prices.save': request<AiPrice[]>()(
    z.strictObject({
      prices: z.array(z.strictObject({ model: modelName, inputPerM: price, outputPerM: price, cachedPerM: price.nullable() })).max(500).optional(),
      remove: z.array(modelName).max(500).optional(),
    }),
  ),
  /** A page of the request log, newest first. */
  'ai.log.list': request<AiLogPage>()(z.strictObject({ offset: z.number().int().min(0).optional(), limit: z.number().int().min(1).max(500).optional() })),
  /** One log entry with its exact payload. */
  'ai.log.get': request<AiLogDetail>()(z.strictObject({ id: z.number().int().min(1) })),
  /** Empties the request log. */
  'ai.log.clear': request<{ deleted: number }>()(z.strictObject({})),
  /** Empties the response cache. */
  'ai.cache.clear': request<{ deleted: number }>()(z.strictObject({})),
} as const;

/** Events of this feature (names must also be listed in contractNames.ts). */
export const aiSettingsEvents = {} as const;
