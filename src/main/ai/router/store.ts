/** Providers and settings in the app database (never a key: those are in the SecretStore). */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { DEFAULT_OLLAMA_URL, type AiSettings } from '../../../shared/contracts/aiSettings';
import type { ProviderKind } from '../types';
import type { ProviderConfig } from './providers';

/** Settings before the user changed any. */
export const DEFAULT_SETTINGS: AiSettings = {
  defaults: {},
  fallback: [],
  dailyCapUsd: null,
  monthlyCapUsd: null,
  cacheTtlSeconds: 7 * 86_400,
  localOnly: false,
  previewPrompt: false,
  ollamaUrl: DEFAULT_OLLAMA_URL,
};

interface ProviderRow {
  id: string;
  kind: ProviderKind;
  name: string;
  base_url: string | null;
  enabled: number;
  models_json: string;
}

const toConfig = (r: ProviderRow): ProviderConfig => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  baseUrl: r.base_url,
  enabled: r.enabled === 1,
  models: JSON.parse(r.models_json) as string[],
});

/** Reads and writes AI providers and settings. */
export class AiStore {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => number = Date.now,
  ) {}

  /** Every provider, in the user's order. */
  providers(): ProviderConfig[] {
    return (this.db.prepare('SELECT * FROM ai_providers ORDER BY position, created_at').all() as ProviderRow[]).map(toConfig);
  }

  /** One provider, or undefined. */
  provider(id: string): ProviderConfig | undefined {
    const r = this.db.prepare('SELECT * FROM ai_providers WHERE id = ?').get(id) as ProviderRow | undefined;
    return r ? toConfig(r) : undefined;
  }

  /** Inserts (no id) or updates a provider; returns it. */
  saveProvider(p: Omit<ProviderConfig, 'id'> & { id?: string }): ProviderConfig {
    const t = this.now();
    const id = p.id ?? randomUUID();
    const models = JSON.stringify(p.models);
    const exists = p.id !== undefined && this.provider(p.id) !== undefined;
    if (exists) {
      this.db.prepare('UPDATE ai_providers SET kind = ?, name = ?, base_url = ?, enabled = ?, models_json = ?, updated_at = ? WHERE id = ?').run(p.kind, p.name, p.baseUrl, p.enabled ? 1 : 0, models, t, id);
    } else {
      const pos = (this.db.prepare('SELECT COALESCE(MAX(position), -1) + 1 AS n FROM ai_providers').get() as { n: number }).n;
      this.db.prepare('INSERT INTO ai_providers (id, kind, name, base_url, enabled, models_json, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(id, p.kind, p.name, p.baseUrl, p.enabled ? 1 : 0, models, pos, t, t);
    }
    return this.provider(id)!;
  }

  /** Deletes a provider and drops it from defaults and the fallback chain. */
  deleteProvider(id: string): boolean {
    const deleted = this.db.prepare('DELETE FROM ai_providers WHERE id = ?').run(id).changes > 0;
    if (deleted) {
      const s = this.settings();
      const defaults = Object.fromEntries(Object.entries(s.defaults).filter(([, v]) => v.provider !== id));
      this.saveSettings({ defaults, fallback: s.fallback.filter((f) => f.provider !== id) });
    }
    return deleted;
  }

  /** The settings (defaults for anything never saved). */
  settings(): AiSettings {
    const rows = this.db.prepare('SELECT key, value_json FROM ai_settings').all() as { key: string; value_json: string }[];
    const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    for (const r of rows) if (r.key in DEFAULT_SETTINGS) out[r.key] = JSON.parse(r.value_json) as unknown;
    return out as unknown as AiSettings;
  }

  /** Saves the given fields; returns the whole settings. */
  saveSettings(patch: Partial<AiSettings>): AiSettings {
    const put = this.db.prepare('INSERT INTO ai_settings (key, value_json) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json');
    this.db.transaction(() => {
      for (const [k, v] of Object.entries(patch)) if (k in DEFAULT_SETTINGS && v !== undefined) put.run(k, JSON.stringify(v));
    })();
    return this.settings();
  }
}

/** True when a base URL points at this machine (Ollama, LM Studio, llama.cpp … run locally). */
export function isLocalUrl(url: string | null): boolean {
  if (!url) return false;
  try {
    const host = new URL(url).hostname.replace(/^\[|\]$/g, '').toLowerCase();
    return host === 'localhost' || host === '::1' || host.startsWith('127.') || host.endsWith('.localhost');
  } catch {
    return false;
  }
}

/** A provider runs locally: OpenAI-compatible on a loopback address (remote kinds never count, whatever their URL). */
export function isLocalProvider(p: Pick<ProviderConfig, 'kind' | 'baseUrl'>): boolean {
  return p.kind === 'openai-compatible' && isLocalUrl(p.baseUrl);
}
