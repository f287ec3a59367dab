/** What the router's parts share: storage, keys, clock, sleep and randomness (injectable for tests). */
import type Database from 'better-sqlite3';
import type { SecretStore } from '../../secrets/secretStore';
import { AiLedger } from './ledger';
import { createAdapter, type ProviderAdapter, type ProviderConfig } from './providers';
import { abortableSleep, DEFAULT_RETRY, type RetryPolicy } from './retry';
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
  /** Ollama's address for detection (default http://localhost:11434). */
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
  retry: RetryPolicy;
  ollamaUrl: string;
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  random: () => number;
  adapterFor: (config: ProviderConfig, key: string | undefined) => ProviderAdapter;
  /** Stored providers plus `extraProviders`. */
  allProviders(): ProviderConfig[];
}

/** Fills in the defaults. */
export function routerContext(deps: RouterDeps): RouterContext {
  const now = deps.now ?? Date.now;
  const store = new AiStore(deps.db, now);
  const extra = deps.extraProviders ?? [];
  return {
    db: deps.db,
    secrets: deps.secrets,
    env: deps.env,
    store,
    ledger: new AiLedger(deps.db),
    retry: { ...DEFAULT_RETRY, ...deps.retry },
    ollamaUrl: deps.ollamaUrl ?? 'http://localhost:11434',
    now,
    sleep: deps.sleep ?? abortableSleep,
    random: deps.random ?? Math.random,
    adapterFor: deps.adapterFor ?? createAdapter,
    allProviders: () => [...extra, ...store.providers().filter((p) => !extra.some((e) => e.id === p.id))],
  };
}
