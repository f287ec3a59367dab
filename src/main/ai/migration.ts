/** The app-database migration of this feature (its number is fixed: see app/migrations.ts). */
import type { Migration } from '../app/migrations';

/**
 * Migration 8: AI providers, settings, response cache, usage, request log. Keys are NOT here:
 * they live in the keychain (SecretStore kind 'ai-key', id = provider id). Times are epoch ms.
 */
export const AI_MIGRATION: Migration = {
  version: 8,
  name: 'AI providers, settings, response cache, usage, request log',
  sql: `
    CREATE TABLE ai_providers (
      id          TEXT PRIMARY KEY,
      kind        TEXT NOT NULL CHECK (kind IN ('openai','anthropic','gemini','openai-compatible')),
      name        TEXT NOT NULL,
      base_url    TEXT,
      enabled     INTEGER NOT NULL DEFAULT 1,
      models_json TEXT NOT NULL DEFAULT '[]',
      position    INTEGER NOT NULL DEFAULT 0,
      created_at  INTEGER NOT NULL,
      updated_at  INTEGER NOT NULL
    );
    -- One row per setting (AiSettings field name -> JSON value), so new settings need no migration.
    CREATE TABLE ai_settings (
      key        TEXT PRIMARY KEY,
      value_json TEXT NOT NULL
    );
    -- User edits of the price table (defaults ship in code). USD per 1M tokens.
    CREATE TABLE ai_prices (
      model       TEXT PRIMARY KEY,
      input_per_m  REAL NOT NULL,
      output_per_m REAL NOT NULL,
      cached_per_m REAL,
      updated_at  INTEGER NOT NULL
    );
    -- Response cache: sha256 of (provider, model, messages, parameters).
    CREATE TABLE ai_cache (
      fingerprint   TEXT PRIMARY KEY,
      provider_id   TEXT NOT NULL,
      model         TEXT NOT NULL,
      response_text TEXT NOT NULL,
      usage_json    TEXT NOT NULL,
      created_at    INTEGER NOT NULL
    );
    CREATE INDEX ai_cache_by_time ON ai_cache(created_at);
    -- Every call (and cache answer): the exact payload sent (never a key or a header), tokens, cost.
    CREATE TABLE ai_requests (
      id            INTEGER PRIMARY KEY,
      at            INTEGER NOT NULL,
      task          TEXT NOT NULL,
      provider_id   TEXT NOT NULL,
      provider_kind TEXT NOT NULL,
      model         TEXT NOT NULL,
      connection_id TEXT,
      payload_json  TEXT NOT NULL,
      response_text TEXT,
      input_tokens  INTEGER NOT NULL DEFAULT 0,
      output_tokens INTEGER NOT NULL DEFAULT 0,
      cached_tokens INTEGER NOT NULL DEFAULT 0,
      cost_usd      REAL NOT NULL DEFAULT 0,
      latency_ms    INTEGER NOT NULL DEFAULT 0,
      outcome       TEXT NOT NULL CHECK (outcome IN ('ok','cached','error','cancelled')),
      error_code    TEXT,
      error_message TEXT,
      note          TEXT
    );
    CREATE INDEX ai_requests_by_time ON ai_requests(at);
  `,
};
