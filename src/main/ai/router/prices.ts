/**
 * The price table: USD per 1M tokens. Defaults ship in code (list prices when written; the user
 * edits them in Settings → AI); edits live in `ai_prices`. A model is priced by the longest entry
 * that equals it or prefixes it, so dated snapshots (`gpt-4o-2024-08-06`) find their family.
 */
import type Database from 'better-sqlite3';
import type { AiPrice } from '../../../shared/contracts/aiSettings';
import type { TokenUsage } from '../types';

type Row = [model: string, input: number, output: number, cached: number | null];

/** Shipped defaults (USD per 1M input, output, cached-input tokens). */
export const DEFAULT_PRICES: readonly Row[] = [
  ['gpt-5', 1.25, 10, 0.125],
  ['gpt-5-mini', 0.25, 2, 0.025],
  ['gpt-5-nano', 0.05, 0.4, 0.005],
  ['gpt-4.1', 2, 8, 0.5],
  ['gpt-4.1-mini', 0.4, 1.6, 0.1],
  ['gpt-4.1-nano', 0.1, 0.4, 0.025],
  ['gpt-4o', 2.5, 10, 1.25],
  ['gpt-4o-mini', 0.15, 0.6, 0.075],
  ['o3', 2, 8, 0.5],
  ['o4-mini', 1.1, 4.4, 0.275],
  ['text-embedding-3-small', 0.02, 0, null],
  ['text-embedding-3-large', 0.13, 0, null],
  ['claude-opus-4', 15, 75, 1.5],
  ['claude-sonnet-4', 3, 15, 0.3],
  ['claude-3-7-sonnet', 3, 15, 0.3],
  ['claude-3-5-sonnet', 3, 15, 0.3],
  ['claude-haiku-4-5', 1, 5, 0.1],
  ['claude-3-5-haiku', 0.8, 4, 0.08],
  ['gemini-2.5-pro', 1.25, 10, 0.31],
  ['gemini-2.5-flash', 0.3, 2.5, 0.075],
  ['gemini-2.5-flash-lite', 0.1, 0.4, 0.025],
  ['gemini-2.0-flash', 0.1, 0.4, 0.025],
  ['gemini-2.0-flash-lite', 0.075, 0.3, null],
];

/** The merged table: defaults overlaid with the user's edits. */
export function listPrices(db: Database.Database): AiPrice[] {
  const map = new Map<string, AiPrice>();
  for (const [model, inputPerM, outputPerM, cachedPerM] of DEFAULT_PRICES) map.set(model, { model, inputPerM, outputPerM, cachedPerM, source: 'default' });
  const rows = db.prepare('SELECT model, input_per_m, output_per_m, cached_per_m FROM ai_prices').all() as { model: string; input_per_m: number; output_per_m: number; cached_per_m: number | null }[];
  for (const r of rows) map.set(r.model, { model: r.model, inputPerM: r.input_per_m, outputPerM: r.output_per_m, cachedPerM: r.cached_per_m, source: 'user' });
  return [...map.values()].sort((a, b) => a.model.localeCompare(b.model));
}

/** Saves edited prices and resets removed ones to their defaults. */
export function savePrices(db: Database.Database, prices: Omit<AiPrice, 'source'>[], remove: string[], now: number): void {
  const put = db.prepare('INSERT INTO ai_prices (model, input_per_m, output_per_m, cached_per_m, updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT(model) DO UPDATE SET input_per_m = excluded.input_per_m, output_per_m = excluded.output_per_m, cached_per_m = excluded.cached_per_m, updated_at = excluded.updated_at');
  const del = db.prepare('DELETE FROM ai_prices WHERE model = ?');
  db.transaction(() => {
    for (const m of remove) del.run(m);
    for (const p of prices) put.run(p.model, p.inputPerM, p.outputPerM, p.cachedPerM, now);
  })();
}

/** The price entry for a model (exact, else the longest prefix), or undefined. */
export function priceFor(table: AiPrice[], model: string): AiPrice | undefined {
  const m = model.replace(/^models\//, '').toLowerCase();
  let best: AiPrice | undefined;
  for (const p of table) {
    const k = p.model.toLowerCase();
    if ((m === k || m.startsWith(`${k}-`) || m.startsWith(`${k}:`) || m.startsWith(`${k}@`)) && (!best || k.length > best.model.length)) best = p;
  }
  return best;
}

/** Writing a prompt-cache entry (Anthropic, 5-minute lifetime) costs 1.25 × the input price. */
export const CACHE_WRITE_FACTOR = 1.25;

/** Cost of a call in USD; unknown models cost 0 with a note saying how to fix it. */
export function costOf(table: AiPrice[], model: string, usage: TokenUsage, local: boolean): { costUsd: number; note: string | null } {
  if (local) return { costUsd: 0, note: null };
  const p = priceFor(table, model);
  if (!p) return { costUsd: 0, note: `No price for "${model}": counted as $0. Add it under Settings → AI → Prices.` };
  const cached = Math.min(usage.cachedInputTokens ?? 0, usage.inputTokens);
  const written = Math.min(usage.cacheWriteInputTokens ?? 0, usage.inputTokens - cached);
  const fresh = usage.inputTokens - cached - written;
  const cost = (fresh * p.inputPerM + cached * (p.cachedPerM ?? p.inputPerM) + written * p.inputPerM * CACHE_WRITE_FACTOR + usage.outputTokens * p.outputPerM) / 1_000_000;
  return { costUsd: cost, note: null };
}
