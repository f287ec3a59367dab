/** Pure logic of Settings → AI and the request log: drafts, validation, usage bars, formatting. */
import { httpUrl, type AiLogEntry, type AiModelRef, type AiPrice, type AiProviderInfo, type AiProviderKind, type AiSettings, type AiSettingsView, type AiTaskName } from '../../../shared/contracts/aiSettings';

/** A provider being edited. The key field is write-only: empty means "keep the stored key". */
export interface ProviderDraft {
  id?: string;
  kind: AiProviderKind;
  name: string;
  baseUrl: string;
  /** Models, one per line or comma-separated. */
  modelsText: string;
  key: string;
  enabled: boolean;
  /** The provider already has a key in the keychain. */
  hasKey: boolean;
}

/** Labels of the provider kinds. */
export const KIND_LABELS: Record<AiProviderKind, string> = {
  openai: 'OpenAI',
  anthropic: 'Anthropic',
  gemini: 'Google Gemini',
  'openai-compatible': 'OpenAI-compatible (Ollama, LM Studio, llama.cpp, vLLM)',
};

/** Suggested models per kind (the user can type any). */
export const SUGGESTED_MODELS: Record<AiProviderKind, string[]> = {
  openai: ['gpt-4.1-mini', 'gpt-4o-mini'],
  anthropic: ['claude-sonnet-4-5', 'claude-haiku-4-5'],
  gemini: ['gemini-2.5-flash'],
  'openai-compatible': [],
};

/** Labels of the tasks with a default model. */
export const TASK_LABELS: Record<AiTaskName, string> = {
  ask: 'Ask (question → SQL)',
  explain: 'Explain',
  fix: 'Fix',
  optimise: 'Optimise',
  describe: 'Describe (docs)',
  mock: 'Mock data',
};

/** A new provider of a kind. */
export function newDraft(kind: AiProviderKind): ProviderDraft {
  return { kind, name: KIND_LABELS[kind].split(' (')[0]!, baseUrl: '', modelsText: SUGGESTED_MODELS[kind].join('\n'), key: '', enabled: true, hasKey: false };
}

/** A draft of an existing provider (the key is never shown, only whether one is stored). */
export function draftFrom(p: AiProviderInfo): ProviderDraft {
  return { id: p.id, kind: p.kind, name: p.name, baseUrl: p.baseUrl ?? '', modelsText: p.models.join('\n'), key: '', enabled: p.enabled, hasKey: p.hasKey };
}

/** The draft for the Ollama that detection found: no base URL, so it follows the Ollama endpoint setting. */
export function ollamaDraft(models: string[]): ProviderDraft {
  return { kind: 'openai-compatible', name: 'Ollama', baseUrl: '', modelsText: models.join('\n'), key: '', enabled: true, hasKey: false };
}

/** The Ollama endpoint in effect: QG_OLLAMA_URL when set, else the saved one. */
export function ollamaEndpoint(s: Pick<AiSettingsView, 'ollamaUrl' | 'ollamaUrlFromEnv'>): string {
  return (s.ollamaUrlFromEnv ?? s.ollamaUrl).replace(/\/+$/, '');
}

/** True when a provider talks to the Ollama endpoint (saved without a base URL, or pointing at its API). */
export function usesOllamaEndpoint(p: Pick<AiProviderInfo, 'kind' | 'baseUrl'>, endpoint: string): boolean {
  return p.kind === 'openai-compatible' && (!p.baseUrl || p.baseUrl.replace(/\/+$/, '') === `${endpoint}/v1`);
}

/** The Ollama endpoint typed by the user, or what is wrong with it (same rule as the contract). */
export function parseOllamaUrl(text: string): { value: string } | { error: string } {
  const r = httpUrl.safeParse(text.trim());
  return r.success ? { value: r.data.replace(/\/+$/, '') } : { error: 'Use an http:// or https:// URL, e.g. http://localhost:11434.' };
}

/** Models typed in the draft. */
export function parseModels(text: string): string[] {
  return [...new Set(text.split(/[\n,]/).map((m) => m.trim()).filter(Boolean))];
}

/** Problems with a draft, by field (empty: savable). */
export function validateDraft(d: ProviderDraft): Partial<Record<'name' | 'baseUrl' | 'models' | 'key', string>> {
  const errors: Partial<Record<'name' | 'baseUrl' | 'models' | 'key', string>> = {};
  if (!d.name.trim()) errors.name = 'Give the provider a name.';
  const url = d.baseUrl.trim();
  if (url && !/^https?:\/\/[^\s/]+/.test(url)) errors.baseUrl = 'Use an http:// or https:// URL.';
  if (parseModels(d.modelsText).length === 0) errors.models = 'List at least one model.';
  if (d.kind !== 'openai-compatible' && !d.hasKey && !d.key.trim()) errors.key = 'Paste the API key (it goes to the keychain).';
  return errors;
}

/** The `ai.providers.save` arguments of a draft: the key only when typed. */
export function saveArgs(d: ProviderDraft): { id?: string; kind: AiProviderKind; name: string; baseUrl: string | null; enabled: boolean; models: string[]; key?: string } {
  return {
    ...(d.id ? { id: d.id } : {}),
    kind: d.kind,
    name: d.name.trim(),
    baseUrl: d.baseUrl.trim() || null,
    enabled: d.enabled,
    models: parseModels(d.modelsText),
    ...(d.key.trim() ? { key: d.key.trim() } : {}),
  };
}

/** Every provider/model pair the defaults can pick from. */
export function modelChoices(providers: AiProviderInfo[]): { value: string; label: string; ref: AiModelRef }[] {
  return providers
    .filter((p) => p.enabled)
    .flatMap((p) => p.models.map((model) => ({ value: refKey({ provider: p.id, model }), label: `${p.name} · ${model}`, ref: { provider: p.id, model } })));
}

/** A stable string for a provider/model pair (select values). */
export const refKey = (r: AiModelRef): string => `${r.provider}\u0000${r.model}`;

/** Sets or clears a task's default. */
export function withDefault(s: AiSettings['defaults'], task: AiTaskName, ref: AiModelRef | null): AiSettings['defaults'] {
  const out = { ...s };
  if (ref) out[task] = ref;
  else delete out[task];
  return out;
}

/** Spend against a cap, for a bar: percent (0–100) and a tone. */
export function capBar(spent: number, cap: number | null): { percent: number; tone: 'ok' | 'warn' | 'over' | 'none'; label: string } {
  if (cap === null) return { percent: 0, tone: 'none', label: `${formatUsd(spent)} (no cap)` };
  const ratio = cap <= 0 ? 1 : spent / cap;
  const tone = ratio >= 1 ? 'over' : ratio >= 0.8 ? 'warn' : 'ok';
  return { percent: Math.min(100, Math.round(ratio * 100)), tone, label: `${formatUsd(spent)} of ${formatUsd(cap)}` };
}

/** Dollars with enough digits for tiny per-request costs. */
export function formatUsd(n: number): string {
  if (n === 0) return '$0';
  if (n < 0.01) return `$${n.toPrecision(2)}`;
  return `$${n.toFixed(2)}`;
}

/** Parses a cap input: blank = no cap; otherwise a non-negative number, or an error. */
export function parseCap(text: string): { value: number | null } | { error: string } {
  const t = text.trim();
  if (!t) return { value: null };
  const n = Number(t.replace(/^\$/, ''));
  return Number.isFinite(n) && n >= 0 ? { value: n } : { error: 'Enter an amount in USD, or leave empty for no cap.' };
}

/** Parses a price row being edited (USD per 1M tokens; blank cached = same as input). */
export function parsePrice(model: string, input: string, output: string, cached: string): Omit<AiPrice, 'source'> | { error: string } {
  const m = model.trim();
  const num = (t: string): number => (t.trim() === '' ? NaN : Number(t));
  const i = num(input);
  const o = num(output);
  const c = cached.trim() === '' ? null : num(cached);
  if (!m) return { error: 'Name the model (or a prefix such as "gpt-4o").' };
  if (!(i >= 0) || !(o >= 0) || (c !== null && !(c >= 0))) return { error: 'Prices are USD per 1M tokens, zero or more.' };
  return { model: m, inputPerM: i, outputPerM: o, cachedPerM: c };
}

/** One line describing a log entry's tokens. */
export function tokensLabel(e: Pick<AiLogEntry, 'inputTokens' | 'outputTokens' | 'cachedTokens'>): string {
  return `${e.inputTokens.toLocaleString('en-US')} in${e.cachedTokens ? ` (${e.cachedTokens.toLocaleString('en-US')} cached)` : ''} · ${e.outputTokens.toLocaleString('en-US')} out`;
}

/** The payload pretty-printed (it is JSON; anything else is shown as is). */
export function prettyPayload(json: string): string {
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
}

/** Total pages of a log. */
export const pageCount = (total: number, pageSize: number): number => Math.max(1, Math.ceil(total / pageSize));

/** A log time: the clock time today, else the date and time. */
export function shortTime(iso: string, now: Date = new Date()): string {
  const d = new Date(iso);
  const time = d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return d.toDateString() === now.toDateString() ? time : `${d.toLocaleDateString('en-CA')} ${time}`;
}
