/**
 * The AI router: picks provider and model per task, answers from the response cache, enforces
 * "local only" and the spend caps before anything is sent (reserving each paid request's estimated
 * cost, so concurrent requests cannot overshoot a cap together), calls the provider through its SDK
 * (streaming when the caller wants tokens), retries retryable failures with backoff (honouring
 * Retry-After), falls back along the chain, and logs every call with its exact payload.
 */
import { AppError } from '../../../shared/errors';
import type { AiSettings } from '../../../shared/contracts/aiSettings';
import type { AiRouter, CompletionRequest, CompletionResult, EmbedRequest, TokenUsage } from '../types';
import { classify } from './classify';
import { resolveKey, needsKey } from './keys';
import { fingerprint } from './ledger';
import { costOf, listPrices } from './prices';
import type { ProviderAdapter, ProviderConfig, ProviderPayload } from './providers';
import { retryDelay } from './retry';
import { estimateCompletionUsd, estimateEmbedUsd, type SpendReservation } from './spendGuard';
import { isLocalProvider } from './store';
import { type RouterContext } from './context';

/** One step of the chain. */
interface Candidate {
  config: ProviderConfig;
  model: string;
}

/** The provider/model chain for a request: explicit choice or the task default, then the fallback list. */
export function chainFor(ctx: RouterContext, req: Pick<CompletionRequest, 'task' | 'provider' | 'model'>, settings: AiSettings): Candidate[] {
  const providers = ctx.allProviders().filter((p) => p.enabled);
  const byId = new Map(providers.map((p) => [p.id, p]));
  const out: Candidate[] = [];
  const add = (providerId: string | undefined, model: string | undefined): void => {
    const config = providerId ? byId.get(providerId) : undefined;
    const m = model ?? config?.models[0];
    if (config && m && !out.some((c) => c.config.id === config.id && c.model === m)) out.push({ config, model: m });
  };
  if (req.provider) {
    if (!byId.has(req.provider)) throw new AppError('AI_NO_PROVIDER', `There is no enabled AI provider "${req.provider}"; add or enable it in Settings → AI.`);
    add(req.provider, req.model);
    if (out.length === 0) throw new AppError('AI_NO_PROVIDER', `${byId.get(req.provider)!.name} has no model to use; list one in Settings → AI or pick a model.`);
  } else {
    const def = (settings.defaults as Record<string, { provider: string; model: string } | undefined>)[req.task];
    if (def) add(def.provider, req.model ?? def.model);
  }
  for (const f of settings.fallback) add(f.provider, f.model);
  // Nothing configured for the task: the first provider with a model, so a fresh setup just works.
  if (out.length === 0) for (const p of providers) if (p.models[0]) { add(p.id, req.model); break; }
  if (out.length === 0) throw new AppError('AI_NO_PROVIDER', 'No AI provider is set up; add one (a key, or a local Ollama) in Settings → AI.');
  return out;
}

/** Builds the router over a context (see createRouter). */
export function routerCore(ctx: RouterContext): AiRouter {
  const zero: TokenUsage = { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0 };

  /** Calls one adapter with retries; returns the reply or throws the classified error of the last attempt. */
  async function withRetries<T>(
    cand: Candidate,
    key: string | undefined,
    req: { task: string; connectionId?: string; signal?: AbortSignal },
    payloadJson: string,
    run: (adapter: ProviderAdapter, signal: AbortSignal, touch: () => void) => Promise<{ value: T; usage: TokenUsage; text: string | null }>,
    streamed: () => boolean,
  ): Promise<{ value: T; usage: TokenUsage; costUsd: number; latencyMs: number; logId: number }> {
    const local = isLocalProvider(cand.config);
    const log = (started: number, outcome: 'ok' | 'error' | 'cancelled', usage: TokenUsage, text: string | null, err?: AppError): { logId: number; costUsd: number; latencyMs: number } => {
      const latencyMs = ctx.now() - started;
      const { costUsd, note } = costOf(listPrices(ctx.db), cand.model, usage, local);
      const logId = ctx.ledger.log({
        at: started, task: req.task, providerId: cand.config.id, providerKind: cand.config.kind, model: cand.model, connectionId: req.connectionId ?? null,
        payloadJson, responseText: text, usage, costUsd, latencyMs, outcome, errorCode: err?.code ?? null, errorMessage: err?.message ?? null, note,
      });
      return { logId, costUsd, latencyMs };
    };
    for (let attempt = 1; ; attempt++) {
      if (req.signal?.aborted) throw new AppError('AI_CANCELLED', 'The AI request was cancelled.');
      const started = ctx.now();
      const idle = new AbortController();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const touch = (): void => {
        clearTimeout(timer);
        timer = setTimeout(() => idle.abort(new Error('attempt timed out')), ctx.retry.idleTimeoutMs);
      };
      touch();
      const signal = req.signal ? AbortSignal.any([req.signal, idle.signal]) : idle.signal;
      try {
        const adapter = ctx.adapterFor(cand.config, key);
        const r = await run(adapter, signal, touch);
        const logged = log(started, 'ok', r.usage, r.text);
        return { value: r.value, usage: r.usage, ...logged };
      } catch (err) {
        const cancelled = req.signal?.aborted === true;
        const c = classify(err, { provider: cand.config, model: cand.model, key, cancelled, timedOut: !cancelled && idle.signal.aborted }, ctx.now());
        log(started, cancelled ? 'cancelled' : 'error', zero, null, c.error);
        // Tokens already reached the UI: a retry would repeat them, so stop here.
        if (!c.retryable || streamed() || attempt >= ctx.retry.maxAttempts) throw Object.assign(c.error, { retryable: c.retryable && !streamed() });
        try {
          await ctx.sleep(retryDelay(attempt, ctx.retry, ctx.random, c.retryAfterMs), req.signal);
        } catch {
          throw new AppError('AI_CANCELLED', 'The AI request was cancelled.');
        }
      } finally {
        clearTimeout(timer);
      }
    }
  }

  /** The chain with "local only" and the spend cap applied, and each provider's key. */
  async function usable(chain: Candidate[], settings: AiSettings): Promise<{ cand: Candidate; key: string | undefined }[]> {
    let refusal: AppError | undefined;
    const out: { cand: Candidate; key: string | undefined }[] = [];
    for (const cand of chain) {
      const local = isLocalProvider(cand.config);
      if (settings.localOnly && !local) {
        refusal ??= new AppError('AI_LOCAL_ONLY', `"Local only" is on, so ${cand.config.name} (a remote provider) is not used; turn it off in Settings → AI, or use a local model (Ollama).`);
        continue;
      }
      const key = await resolveKey(ctx.secrets, cand.config, ctx.env);
      if (!key && needsKey(cand.config.kind)) {
        refusal ??= new AppError('AI_NO_PROVIDER', `${cand.config.name} has no key; add it in Settings → AI${ctx.env ? ' or set the provider\'s API-key environment variable' : ''}.`);
        continue;
      }
      out.push({ cand, key });
    }
    if (out.length === 0) throw refusal ?? new AppError('AI_NO_PROVIDER', 'No AI provider is usable; check Settings → AI.');
    return out;
  }

  return {
    async complete(req: CompletionRequest): Promise<CompletionResult> {
      const settings = ctx.store.settings();
      const steps = await usable(chainFor(ctx, req, settings), settings);
      const call = { messages: req.messages, ...(req.temperature !== undefined ? { temperature: req.temperature } : {}), ...(req.maxTokens !== undefined ? { maxTokens: req.maxTokens } : {}) };
      const ttlMs = settings.cacheTtlSeconds * 1000;
      let lastError: AppError | undefined;
      for (const { cand, key } of steps) {
        const adapterPayload = (stream: boolean): ProviderPayload => ctx.adapterFor(cand.config, undefined).payload({ ...call, model: cand.model }, stream);
        const fp = fingerprint(cand.config.id, cand.model, adapterPayload(false));
        const hit = req.bypassCache ? undefined : ctx.ledger.cached(fp, ttlMs, ctx.now());
        if (hit) {
          req.onToken?.(hit.text);
          const logId = ctx.ledger.log({
            at: ctx.now(), task: req.task, providerId: cand.config.id, providerKind: cand.config.kind, model: cand.model, connectionId: req.connectionId ?? null,
            payloadJson: JSON.stringify(adapterPayload(false)), responseText: hit.text, usage: hit.usage, costUsd: 0, latencyMs: 0, outcome: 'cached', errorCode: null, errorMessage: null, note: 'answered from the local cache',
          });
          return { text: hit.text, provider: cand.config.id, model: cand.model, usage: hit.usage, costUsd: 0, cached: true, latencyMs: 0, logId };
        }
        let reservation: SpendReservation | undefined;
        if (!isLocalProvider(cand.config)) {
          try {
            reservation = ctx.spend.admit(estimateCompletionUsd(listPrices(ctx.db), cand.model, req.messages, req.maxTokens), settings);
          } catch (err) {
            lastError = err as AppError;
            continue;
          }
        }
        let emitted = false;
        try {
          const stream = req.onToken !== undefined;
          const r = await withRetries(cand, key, req, JSON.stringify(adapterPayload(stream)), async (adapter, signal, touch) => {
            const reply = await adapter.complete({
              ...call, model: cand.model, signal,
              ...(req.onToken ? { onToken: (d: string) => { emitted = true; touch(); req.onToken?.(d); } } : {}),
            });
            return { value: reply.text, usage: reply.usage, text: reply.text };
          }, () => emitted);
          ctx.ledger.store(fp, cand.config.id, cand.model, { text: r.value, usage: r.usage }, ttlMs, ctx.now());
          return { text: r.value, provider: cand.config.id, model: cand.model, usage: r.usage, costUsd: r.costUsd, cached: false, latencyMs: r.latencyMs, logId: r.logId };
        } catch (err) {
          const e = err as AppError & { retryable?: boolean };
          if (!e.retryable) throw e;
          lastError = e;
        } finally {
          // Every attempt is logged with its actual cost by now, which replaces the estimate.
          reservation?.release();
        }
      }
      throw lastError ?? new AppError('AI_NO_PROVIDER', 'No AI provider answered; check Settings → AI.');
    },

    async embed(req: EmbedRequest): Promise<number[][]> {
      const settings = ctx.store.settings();
      const config = ctx.allProviders().find((p) => p.id === req.provider && p.enabled);
      if (!config) throw new AppError('AI_NO_PROVIDER', `There is no enabled AI provider "${req.provider}"; add or enable it in Settings → AI.`);
      const [{ cand, key }] = (await usable([{ config, model: req.model }], settings)) as [{ cand: Candidate; key: string | undefined }];
      const reservation = isLocalProvider(config) ? undefined : ctx.spend.admit(estimateEmbedUsd(listPrices(ctx.db), req.model, req.texts), settings);
      const payloadJson = JSON.stringify({ model: req.model, inputs: req.texts.length, characters: req.texts.reduce((n, t) => n + t.length, 0) });
      try {
        const r = await withRetries(cand, key, { task: 'embed', ...(req.signal ? { signal: req.signal } : {}) }, payloadJson, async (adapter, signal) => {
          const e = await adapter.embed(req.model, req.texts, signal);
          return { value: e.vectors, usage: { inputTokens: e.inputTokens, outputTokens: 0, cachedInputTokens: 0 }, text: null };
        }, () => false);
        return r.value;
      } finally {
        reservation?.release();
      }
    },

    isBlocked(provider: string): boolean {
      const config = ctx.allProviders().find((p) => p.id === provider);
      return config !== undefined && ctx.store.settings().localOnly && !isLocalProvider(config);
    },
  };
}
