/**
 * The response cache and the request log (which is also the usage ledger: spend caps and totals
 * are sums over it). Nothing here ever receives a key: payloads are request bodies as built by
 * the adapters, which hold no credentials.
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { AiLogDetail, AiLogEntry, AiLogPage, AiUsageTotals } from '../../../shared/contracts/aiSettings';
import type { TokenUsage } from '../types';

/** The cache key: sha256 over provider, model, messages and parameters (the request body, stable JSON). */
export function fingerprint(providerId: string, model: string, payload: unknown): string {
  return createHash('sha256').update(JSON.stringify({ providerId, model, payload })).digest('hex');
}

/** A cached answer. */
export interface CachedAnswer {
  text: string;
  usage: TokenUsage;
}

/** One request-log row to write. */
export interface LogRecord {
  at: number;
  task: string;
  providerId: string;
  providerKind: string;
  model: string;
  connectionId: string | null;
  payloadJson: string;
  responseText: string | null;
  usage: TokenUsage;
  costUsd: number;
  latencyMs: number;
  outcome: AiLogEntry['outcome'];
  errorCode: string | null;
  errorMessage: string | null;
  note: string | null;
}

interface LogRow {
  id: number; at: number; task: string; provider_id: string; model: string; connection_id: string | null;
  input_tokens: number; output_tokens: number; cached_tokens: number; cost_usd: number; latency_ms: number;
  outcome: AiLogEntry['outcome']; error_code: string | null; error_message: string | null; note: string | null;
  payload_json?: string; response_text?: string | null;
}

const SUMMARY = 'id, at, task, provider_id, model, connection_id, input_tokens, output_tokens, cached_tokens, cost_usd, latency_ms, outcome, error_code, error_message, note';

const toEntry = (r: LogRow): AiLogEntry => ({
  id: r.id, at: new Date(r.at).toISOString(), task: r.task, provider: r.provider_id, model: r.model, connectionId: r.connection_id,
  inputTokens: r.input_tokens, outputTokens: r.output_tokens, cachedTokens: r.cached_tokens, costUsd: r.cost_usd, latencyMs: r.latency_ms,
  outcome: r.outcome, errorCode: r.error_code, errorMessage: r.error_message, note: r.note,
});

/** Cache and log over the app database. */
export class AiLedger {
  constructor(private readonly db: Database.Database) {}

  /** A cached answer younger than `ttlMs`, or undefined. */
  cached(fp: string, ttlMs: number, now: number): CachedAnswer | undefined {
    if (ttlMs <= 0) return undefined;
    const r = this.db.prepare('SELECT response_text, usage_json FROM ai_cache WHERE fingerprint = ? AND created_at > ?').get(fp, now - ttlMs) as { response_text: string; usage_json: string } | undefined;
    return r ? { text: r.response_text, usage: JSON.parse(r.usage_json) as TokenUsage } : undefined;
  }

  /** Stores an answer (replacing an older one) and drops expired entries. */
  store(fp: string, providerId: string, model: string, answer: CachedAnswer, ttlMs: number, now: number): void {
    if (ttlMs <= 0) return;
    this.db.prepare('INSERT OR REPLACE INTO ai_cache (fingerprint, provider_id, model, response_text, usage_json, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(fp, providerId, model, answer.text, JSON.stringify(answer.usage), now);
    this.db.prepare('DELETE FROM ai_cache WHERE created_at <= ?').run(now - ttlMs);
  }

  /** Empties the cache. */
  clearCache(): number {
    return this.db.prepare('DELETE FROM ai_cache').run().changes;
  }

  /** Appends a log row; returns its id. */
  log(r: LogRecord): number {
    const info = this.db
      .prepare(`INSERT INTO ai_requests (at, task, provider_id, provider_kind, model, connection_id, payload_json, response_text, input_tokens, output_tokens, cached_tokens, cost_usd, latency_ms, outcome, error_code, error_message, note)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(r.at, r.task, r.providerId, r.providerKind, r.model, r.connectionId, r.payloadJson, r.responseText, r.usage.inputTokens, r.usage.outputTokens, r.usage.cachedInputTokens ?? 0, r.costUsd, Math.round(r.latencyMs), r.outcome, r.errorCode, r.errorMessage, r.note);
    return Number(info.lastInsertRowid);
  }

  /** A page of the log, newest first. */
  list(offset: number, limit: number): AiLogPage {
    const rows = this.db.prepare(`SELECT ${SUMMARY} FROM ai_requests ORDER BY id DESC LIMIT ? OFFSET ?`).all(limit, offset) as LogRow[];
    const total = (this.db.prepare('SELECT COUNT(*) AS n FROM ai_requests').get() as { n: number }).n;
    return { entries: rows.map(toEntry), total };
  }

  /** One entry with its payload, or undefined. */
  get(id: number): AiLogDetail | undefined {
    const r = this.db.prepare(`SELECT ${SUMMARY}, payload_json, response_text FROM ai_requests WHERE id = ?`).get(id) as LogRow | undefined;
    return r ? { ...toEntry(r), payloadJson: r.payload_json ?? '', responseText: r.response_text ?? null } : undefined;
  }

  /** Empties the log (and with it the usage totals). */
  clearLog(): number {
    return this.db.prepare('DELETE FROM ai_requests').run().changes;
  }

  /** Totals since `from` (epoch ms). */
  totals(from: number): AiUsageTotals {
    const r = this.db
      .prepare(`SELECT COALESCE(SUM(cost_usd), 0) AS c, COUNT(*) AS n, COALESCE(SUM(input_tokens), 0) AS i, COALESCE(SUM(output_tokens), 0) AS o, COALESCE(SUM(cached_tokens), 0) AS k
                FROM ai_requests WHERE at >= ? AND outcome <> 'cached'`)
      .get(from) as { c: number; n: number; i: number; o: number; k: number };
    return { costUsd: r.c, requests: r.n, inputTokens: r.i, outputTokens: r.o, cachedTokens: r.k };
  }

  /** Totals since `from` per provider and model. */
  totalsByModel(from: number): (AiUsageTotals & { provider: string; model: string })[] {
    const rows = this.db
      .prepare(`SELECT provider_id AS p, model AS m, SUM(cost_usd) AS c, COUNT(*) AS n, SUM(input_tokens) AS i, SUM(output_tokens) AS o, SUM(cached_tokens) AS k
                FROM ai_requests WHERE at >= ? AND outcome <> 'cached' GROUP BY provider_id, model ORDER BY c DESC`)
      .all(from) as { p: string; m: string; c: number; n: number; i: number; o: number; k: number }[];
    return rows.map((r) => ({ provider: r.p, model: r.m, costUsd: r.c, requests: r.n, inputTokens: r.i, outputTokens: r.o, cachedTokens: r.k }));
  }
}

/** Start of the local day and month of `now` (epoch ms). */
export function periodStarts(now: number): { day: number; month: number } {
  const d = new Date(now);
  return { day: new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime(), month: new Date(d.getFullYear(), d.getMonth(), 1).getTime() };
}
