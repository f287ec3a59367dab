/**
 * Turns whatever an SDK threw into the router's decision: retry (and after how long), or a coded
 * AppError with advice. Provider messages are kept only in `detail.providerMessage`, scrubbed of
 * anything that looks like a key (OpenAI's 401 echoes part of the key).
 */
import { AppError } from '../../../shared/errors';
import type { ProviderConfig } from './providers';

/** What the router does with a failed attempt. */
export interface Classified {
  retryable: boolean;
  /** The provider's Retry-After, in ms, when it sent one. */
  retryAfterMs?: number;
  error: AppError;
}

/** Where the failure happened, for the advice. */
export interface FailureContext {
  provider: ProviderConfig;
  model: string;
  key?: string;
  /** The user cancelled (not our attempt timeout). */
  cancelled: boolean;
  timedOut: boolean;
}

const KEY_SHAPES = [/\b(?:sk|ak|rk|pk)-[A-Za-z0-9_\-*.]{4,}/g, /\bAIza[0-9A-Za-z_-]{8,}/g, /\b[Bb]earer\s+[^\s"',}]+/g];
const KEY_FIELDS = /(x-api-key|x-goog-api-key|api[_-]?key)(["']?\s*[:=]\s*["']?)[^\s"'&,}]+/gi;

/** Removes a key (and anything key-shaped) from text, and bounds its length. */
export function scrub(text: string, key?: string): string {
  let out = text;
  if (key && key.length >= 4) out = out.split(key).join('[key]');
  for (const p of KEY_SHAPES) out = out.replace(p, '[redacted]');
  out = out.replace(KEY_FIELDS, (_m, field: string, sep: string) => `${field}${sep}[redacted]`);
  return out.length > 500 ? `${out.slice(0, 500)}…` : out;
}

/** Parses `Retry-After` (seconds or an HTTP date) or `retry-after-ms`. */
export function parseRetryAfter(value: string | null | undefined, now: number, ms?: string | null): number | undefined {
  if (ms && Number.isFinite(Number(ms))) return Math.max(0, Number(ms));
  if (!value) return undefined;
  const secs = Number(value);
  if (Number.isFinite(secs)) return Math.max(0, secs * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function statusOf(err: unknown): number | undefined {
  const s = (err as { status?: unknown })?.status;
  return typeof s === 'number' && s > 0 ? s : undefined;
}

function header(err: unknown, name: string): string | null {
  const h = (err as { headers?: unknown })?.headers;
  if (h && typeof (h as Headers).get === 'function') return (h as Headers).get(name);
  if (name === 'retry-after') {
    const tagged = (err as { retryAfter?: unknown })?.retryAfter;
    if (typeof tagged === 'string') return tagged;
  }
  return null;
}

/** Classifies a failed provider call. */
export function classify(err: unknown, ctx: FailureContext, now: number): Classified {
  const who = `${ctx.provider.name} (${ctx.model})`;
  const raw = err instanceof Error ? err.message : String(err);
  const providerMessage = scrub(raw, ctx.key);
  const detail = { provider: ctx.provider.id, model: ctx.model, providerMessage };
  const fail = (code: ConstructorParameters<typeof AppError>[0], message: string, retryable = false, retryAfterMs?: number): Classified => ({
    retryable,
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    error: new AppError(code, message, { ...detail, ...(retryable ? { retryable: true } : {}) }),
  });

  if (ctx.cancelled) return fail('AI_CANCELLED', 'The AI request was cancelled.');
  if (ctx.timedOut) return fail('AI_UNAVAILABLE', `${who} did not answer in time; try again, or add a fallback provider in Settings → AI.`, true);
  const status = statusOf(err);
  const lower = raw.toLowerCase();
  if (status === undefined) {
    return fail('AI_UNAVAILABLE', `${who} could not be reached (${networkReason(err)}); check the base URL and your network, or add a fallback provider in Settings → AI.`, true);
  }
  const retryAfterMs = parseRetryAfter(header(err, 'retry-after'), now, header(err, 'retry-after-ms'));
  const quota = /insufficient_quota|billing|credit balance|exceeded your current quota.*plan/.test(lower);
  if (status === 401 || status === 403 || (status === 400 && /api[ _-]?key|api_key_invalid/.test(lower))) {
    return fail('AI_BAD_KEY', `${ctx.provider.name}: the key was refused; update it in Settings → AI.`);
  }
  if (quota && (status === 429 || status === 400 || status === 402)) {
    return fail('AI_QUOTA', `${ctx.provider.name}: the account is out of quota or credit; check its billing page, or pick another provider in Settings → AI.`);
  }
  if (status === 404) return fail('AI_MODEL_NOT_FOUND', `${ctx.provider.name} has no model "${ctx.model}"; pick another model in Settings → AI.`);
  if ((status === 400 || status === 413) && /context|too long|too many tokens|token limit|maximum.*tokens|exceeds/.test(lower)) {
    return fail('AI_CONTEXT_TOO_LONG', `The prompt is too long for ${who}; include fewer tables in the context, or pick a model with a larger context window.`);
  }
  if (status === 408 || status === 409 || status === 425 || status === 429 || status >= 500) {
    const what = status === 429 ? 'is rate-limiting requests' : `failed (HTTP ${status})`;
    return fail('AI_UNAVAILABLE', `${who} ${what}; try again later, or add a fallback provider in Settings → AI.`, true, retryAfterMs);
  }
  return fail('INVALID_REQUEST', `${who} refused the request (HTTP ${status}): ${providerMessage}`);
}

function networkReason(err: unknown): string {
  const cause = (err as { cause?: { code?: unknown } })?.cause;
  if (cause && typeof cause.code === 'string') return cause.code;
  return err instanceof Error ? scrub(err.message).slice(0, 80) : 'network error';
}
