/**
 * `createRouter`: the router (AiRouter, for tasks) plus what Settings → AI needs (providers and
 * keys, test, Ollama detection, settings, usage, prices, log, cache).
 */
import { AppError } from '../../../shared/errors';
import { DEFAULT_OLLAMA_URL, type AiOllamaInfo, type AiPrice, type AiProviderInfo, type AiProviderKind, type AiSettings, type AiSettingsView, type AiTestResult, type AiUsage } from '../../../shared/contracts/aiSettings';
import type { AiRouter, CompletionRequest } from '../types';
import { classify } from './classify';
import { routerContext, type RouterContext, type RouterDeps } from './context';
import { AI_KEY_KIND, needsKey, resolveKey } from './keys';
import { periodStarts, type AiLedger } from './ledger';
import { listPrices, savePrices } from './prices';
import type { ProviderPayload } from './providers';
import { chainFor, routerCore } from './router';
import { isLocalProvider } from './store';

/** A provider as saved from Settings (the key travels once, to the keychain). */
export interface ProviderInput {
  id?: string;
  kind: AiProviderKind;
  name: string;
  baseUrl?: string | null;
  enabled?: boolean;
  models?: string[];
  /** New key; '' removes it; absent keeps the stored one. */
  key?: string;
}

/** The router and its settings surface. */
export interface AiRouterService extends AiRouter {
  /** The request log and response cache. */
  readonly ledger: AiLedger;
  providers(): Promise<AiProviderInfo[]>;
  saveProvider(input: ProviderInput): Promise<AiProviderInfo>;
  deleteProvider(id: string): Promise<boolean>;
  /** The cheapest call (list models) → ok or a coded error. */
  testProvider(id: string): Promise<AiTestResult>;
  /** Ollama's models at `url` (default: the Ollama endpoint in effect). */
  detectOllama(url?: string): Promise<AiOllamaInfo>;
  settings(): AiSettingsView;
  /** Saves the given fields (`ollamaUrl` must be http(s); '' resets it to the default). */
  saveSettings(patch: Partial<AiSettings>): AiSettingsView;
  usage(): AiUsage;
  /** USD reserved by paid requests still running (counted against the caps until they are logged). */
  reservedUsd(): number;
  prices(): AiPrice[];
  savePrices(prices: Omit<AiPrice, 'source'>[], remove: string[]): AiPrice[];
  /** Which provider/model would answer first and the exact payload it would get (prompt preview). */
  preview(req: Pick<CompletionRequest, 'task' | 'messages' | 'provider' | 'model' | 'temperature' | 'maxTokens'>): { provider: string; model: string; payload: ProviderPayload };
}

/** Builds the router. The app passes `{db, secrets}`; the CLI adds `env: process.env` (and `extraProviders` for flags). */
export function createRouter(deps: RouterDeps): AiRouterService {
  const ctx = routerContext(deps);
  const core = routerCore(ctx);
  const info = async (id: string): Promise<AiProviderInfo> => {
    const p = ctx.allProviders().find((x) => x.id === id);
    if (!p) throw new AppError('NOT_FOUND', `There is no AI provider "${id}".`);
    // The renderer sees the saved base URL (null = follows the Ollama endpoint); `local` is judged on the one in effect.
    const stored = ctx.store.provider(id);
    return { ...p, baseUrl: stored ? stored.baseUrl : p.baseUrl, hasKey: await ctx.secrets.has(p.id, AI_KEY_KIND), local: isLocalProvider(p) };
  };
  return {
    ...core,
    ledger: ctx.ledger,
    async providers() {
      return Promise.all(ctx.allProviders().map((p) => info(p.id)));
    },
    async saveProvider(input) {
      const baseUrl = normaliseBaseUrl(input.baseUrl ?? null);
      const old = input.id ? ctx.store.provider(input.id) : undefined;
      const saved = ctx.store.saveProvider({
        ...(input.id ? { id: input.id } : {}),
        kind: input.kind,
        name: input.name.trim(),
        baseUrl,
        enabled: input.enabled ?? old?.enabled ?? true,
        models: (input.models ?? old?.models ?? []).map((m) => m.trim()).filter(Boolean),
      });
      const key = input.key?.trim();
      if (key === '') await ctx.secrets.delete(saved.id, AI_KEY_KIND);
      else if (key !== undefined) await ctx.secrets.set(saved.id, AI_KEY_KIND, key);
      return info(saved.id);
    },
    async deleteProvider(id) {
      const deleted = ctx.store.deleteProvider(id);
      await ctx.secrets.delete(id, AI_KEY_KIND);
      return deleted;
    },
    testProvider: (id) => testProvider(ctx, id),
    detectOllama: (url) => detectOllama(url ?? ctx.ollamaUrl()),
    settings: () => settingsView(ctx, ctx.store.settings()),
    saveSettings(patch) {
      const ollamaUrl = patch.ollamaUrl === undefined ? {} : { ollamaUrl: normaliseBaseUrl(patch.ollamaUrl) ?? DEFAULT_OLLAMA_URL };
      return settingsView(ctx, ctx.store.saveSettings({ ...patch, ...ollamaUrl }));
    },
    usage() {
      const { day, month } = periodStarts(ctx.now());
      const s = ctx.store.settings();
      return { today: ctx.ledger.totals(day), month: ctx.ledger.totals(month), byModel: ctx.ledger.totalsByModel(month), dailyCapUsd: s.dailyCapUsd, monthlyCapUsd: s.monthlyCapUsd };
    },
    reservedUsd: () => ctx.spend.reservedUsd(),
    prices: () => listPrices(ctx.db),
    savePrices(prices, remove) {
      savePrices(ctx.db, prices, remove, ctx.now());
      return listPrices(ctx.db);
    },
    preview(req) {
      const [first] = chainFor(ctx, req, ctx.store.settings());
      const c = first!;
      const call = { model: c.model, messages: req.messages, ...(req.temperature !== undefined ? { temperature: req.temperature } : {}), ...(req.maxTokens !== undefined ? { maxTokens: req.maxTokens } : {}) };
      return { provider: c.config.id, model: c.model, payload: ctx.adapterFor(c.config, undefined).payload(call, false) };
    },
  };
}

/** The settings plus the endpoint override the user cannot change from the UI. */
function settingsView(ctx: RouterContext, s: AiSettings): AiSettingsView {
  return { ...s, ollamaUrlFromEnv: ctx.ollamaUrlOverride ?? null };
}

/** A base URL must be http(s); trailing slashes are dropped. */
function normaliseBaseUrl(url: string | null): string | null {
  const u = url?.trim();
  if (!u) return null;
  let parsed: URL;
  try {
    parsed = new URL(u);
  } catch {
    throw new AppError('BAD_REQUEST', `"${u}" is not a URL; use e.g. http://localhost:11434/v1.`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new AppError('BAD_REQUEST', 'The base URL must start with http:// or https://.');
  return u.replace(/\/+$/, '');
}

async function testProvider(ctx: RouterContext, id: string): Promise<AiTestResult> {
  const p = ctx.allProviders().find((x) => x.id === id);
  if (!p) throw new AppError('NOT_FOUND', `There is no AI provider "${id}".`);
  const started = ctx.now();
  const fail = (code: string, message: string): AiTestResult => ({ ok: false, models: [], latencyMs: ctx.now() - started, errorCode: code, message });
  if (ctx.store.settings().localOnly && !isLocalProvider(p)) return fail('AI_LOCAL_ONLY', `"Local only" is on: ${p.name} is remote and was not contacted.`);
  const key = await resolveKey(ctx.secrets, p, ctx.env);
  if (!key && needsKey(p.kind)) return fail('AI_NO_PROVIDER', `${p.name} has no key; add it first.`);
  const signal = AbortSignal.timeout(15_000);
  try {
    const models = await ctx.adapterFor(p, key).listModels(signal);
    return { ok: true, models, latencyMs: ctx.now() - started };
  } catch (err) {
    const c = classify(err, { provider: p, model: p.models[0] ?? '-', ...(key ? { key } : {}), cancelled: false, timedOut: signal.aborted }, ctx.now());
    return fail(c.error.code, c.error.message);
  }
}

/** Asks Ollama for its models (short timeout: it is either running here or not). */
export async function detectOllama(url: string): Promise<AiOllamaInfo> {
  const base = url.replace(/\/+$/, '');
  if (!/^https?:\/\//i.test(base)) throw new AppError('BAD_REQUEST', 'The Ollama address must start with http:// or https://.');
  try {
    const res = await fetch(`${base}/api/tags`, { signal: AbortSignal.timeout(1500) });
    if (!res.ok) return { found: false, url: base, models: [] };
    const body = (await res.json()) as { models?: { name?: string; model?: string }[] };
    const models = (body.models ?? []).map((m) => m.name ?? m.model ?? '').filter(Boolean);
    return { found: true, url: base, models };
  } catch {
    return { found: false, url: base, models: [] };
  }
}
