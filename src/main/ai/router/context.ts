/** What the router's parts share: storage, keys, clock, sleep and randomness (injectable for tests). */
import type Database from 'better-sqlite3';
import type { SecretStore } from '../../secrets/secretStore';
import { OLLAMA_URL_ENV } from '../../../shared/contracts/aiSettings';
import { AiLedger } from './ledger';
import { createAdapter, type ProviderAdapter, type ProviderConfig } from './providers';
import { abortableSleep, DEFAULT_RETRY, type RetryPolicy } from './retry';
import { SpendGuard } from './spendGuard';
import { AiStore } from './store';

/** Dependencies of `createRouter`. */
export interface RouterDeps {
  /** The app database (migration 8 applied). */
  db: Database.Database;
  /** Where keys live (kind 'ai-key', id = provider id). */
  secrets: SecretStore;
  /** Environment for key fallback (OPENAI_API_KEY …). The CLI passes `process.env`; the app does not. */
  env?: Record<string, string | undefined>;
  /** Providers that are not stored (e.g. the CLI's `--provider/--base-url`); they win over stored ones with the same id. */
  extraProviders?: ProviderConfig[];
  /** Overrides the saved Ollama endpoint (the app passes QG_OLLAMA_URL; tests a stand-in). */
  ollamaUrl?: string;
  retry?: Partial<RetryPolicy>;
  now?: () => number;
  /** Waits between retries; must reject when `signal` aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  /** Replaces the SDK adapters (tests of the router logic alone). */
  adapterFor?: (config: ProviderConfig, key: string | undefined) => ProviderAdapter;
}

/** The resolved context. */
export interface RouterContext {
  db: Database.Database;
  secrets: SecretStore;
  env: Record<string, string | undefined> | undefined;
  store: AiStore;
  ledger: AiLedger;
  /** Reserves estimated costs of paid requests in flight against the spend caps. */
  spend: SpendGuard;
  retry: RetryPolicy;
  /** The Ollama endpoint override (deps.ollamaUrl), if any. */
  ollamaUrlOverride: string | undefined;
  /** The Ollama endpoint in effect: the override, else the saved setting. */
  ollamaUrl(): string;
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  random: () => number;
  adapterFor: (config: ProviderConfig, key: string | undefined) => ProviderAdapter;
  /** Stored providers plus `extraProviders`; an OpenAI-compatible one without a base URL gets the Ollama endpoint's. */
  allProviders(): ProviderConfig[];
}

/** Fills in the defaults. */
export function routerContext(deps: RouterDeps): RouterContext {
  const now = deps.now ?? Date.now;
  const store = new AiStore(deps.db, now);
  const extra = deps.extraProviders ?? [];
  const ledger = new AiLedger(deps.db);
  // The CLI passes its environment: QG_OLLAMA_URL overrides the saved endpoint there too.
  const override = deps.ollamaUrl ?? (deps.env?.[OLLAMA_URL_ENV] || undefined);
  const ollamaUrl = (): string => trimSlashes(override ?? store.settings().ollamaUrl);
  return {
    db: deps.db,
    secrets: deps.secrets,
    env: deps.env,
    store,
    ledger,
    spend: new SpendGuard(ledger, now),
    retry: { ...DEFAULT_RETRY, ...deps.retry },
    ollamaUrlOverride: override,
    ollamaUrl,
    now,
    sleep: deps.sleep ?? abortableSleep,
    random: deps.random ?? Math.random,
    adapterFor: deps.adapterFor ?? createAdapter,
    allProviders: () => [...extra, ...store.providers().filter((p) => !extra.some((e) => e.id === p.id))].map((p) => withOllamaEndpoint(p, ollamaUrl)),
  };
}

/** The OpenAI-compatible API of the Ollama endpoint, for compatible providers saved without a base URL. */
export function withOllamaEndpoint(p: ProviderConfig, ollamaUrl: () => string): ProviderConfig {
  return p.kind === 'openai-compatible' && !p.baseUrl ? { ...p, baseUrl: `${ollamaUrl()}/v1` } : p;
}

const trimSlashes = (url: string): string => url.trim().replace(/\/+$/, '');
