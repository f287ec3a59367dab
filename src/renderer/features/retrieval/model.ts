/** Pure logic of the "Retrieval index" dialog: status words, embedder choices, progress, input checks. */
import type { AiProviderInfo } from '../../../shared/contracts/aiSettings';
import type { RetrievalProgress, RetrievalStatusInfo } from '../../../shared/contracts/retrieval';

/** The select value of the built-in embedder. */
export const BUILTIN_VALUE = 'builtin';

/** One entry of the embedder select. */
export interface EmbedderOption {
  /** Select value: `builtin`, `model:<provider>:<model>` or `custom:<provider>` (free-text model). */
  value: string;
  label: string;
  /** Null for the built-in embedder. */
  provider: string | null;
  /** The model, or null when the user types it (free text) or for the built-in one. */
  model: string | null;
  remote: boolean;
}

/** Provider kinds that offer an embeddings API (Anthropic has none). */
const EMBEDDING_KINDS: ReadonlySet<AiProviderInfo['kind']> = new Set(['openai', 'gemini', 'openai-compatible']);

/** The select value of a listed provider model. */
export function modelValue(provider: string, model: string): string {
  return `model:${provider}:${model}`;
}

/** The select value of "type the model" for a provider. */
export function customValue(provider: string): string {
  return `custom:${provider}`;
}

/**
 * The built-in embedder first, then each enabled provider that can embed: one entry per listed
 * model and one "other model…" entry (listed models are often chat models, so typing one must stay possible).
 */
export function embedderOptions(providers: readonly AiProviderInfo[]): EmbedderOption[] {
  const out: EmbedderOption[] = [{ value: BUILTIN_VALUE, label: 'Built-in (offline)', provider: null, model: null, remote: false }];
  for (const p of providers) {
    if (!p.enabled || !EMBEDDING_KINDS.has(p.kind)) continue;
    const remote = !p.local;
    const tag = remote ? ' (remote)' : '';
    for (const m of p.models) out.push({ value: modelValue(p.id, m), label: `${p.name} · ${m}${tag}`, provider: p.id, model: m, remote });
    out.push({ value: customValue(p.id), label: `${p.name} · ${p.models.length ? 'other model…' : 'type a model…'}${tag}`, provider: p.id, model: null, remote });
  }
  return out;
}

/** Which option shows the saved choice, and the free-text model to prefill when it is not listed. */
export function selectedEmbedder(choice: RetrievalStatusInfo['embedderChoice'], options: readonly EmbedderOption[]): { value: string; customModel: string } {
  if (!choice) return { value: BUILTIN_VALUE, customModel: '' };
  const listed = options.find((o) => o.provider === choice.provider && o.model === choice.model);
  if (listed) return { value: listed.value, customModel: '' };
  return { value: customValue(choice.provider), customModel: choice.model };
}

/** Checks a typed model name: not empty, at most 200 characters, no spaces. */
export function validateModelName(text: string): { ok: true; model: string } | { ok: false; error: string } {
  const model = text.trim();
  if (!model) return { ok: false, error: 'Type the embedding model, e.g. text-embedding-3-small or nomic-embed-text.' };
  if (model.length > 200) return { ok: false, error: 'The model name is too long (at most 200 characters).' };
  if (/\s/.test(model)) return { ok: false, error: 'A model name has no spaces.' };
  return { ok: true, model };
}

/** What `retrieval.options.save` should get for the current select value and typed model, or why not. */
export function embedderArg(
  value: string,
  customModel: string,
  options: readonly EmbedderOption[],
): { ok: true; embedder: { provider: string; model: string } | null } | { ok: false; error: string } {
  const option = options.find((o) => o.value === value);
  if (!option) return { ok: false, error: 'Pick an embedder.' };
  if (option.provider === null) return { ok: true, embedder: null };
  if (option.model !== null) return { ok: true, embedder: { provider: option.provider, model: option.model } };
  const typed = validateModelName(customModel);
  return typed.ok ? { ok: true, embedder: { provider: option.provider, model: typed.model } } : typed;
}

/** Whether two embedder choices differ (null = built-in). */
export function embedderChanged(a: RetrievalStatusInfo['embedderChoice'], b: RetrievalStatusInfo['embedderChoice']): boolean {
  if (a === null || b === null) return a !== b;
  return a.provider !== b.provider || a.model !== b.model;
}

/** An index's embedder id (`builtin:hash-v2`, `provider:<id>:<model>`) in words. */
export function describeEmbedder(embedderId: string, providers: readonly AiProviderInfo[] = []): string {
  if (!embedderId) return 'none yet';
  if (embedderId.startsWith('builtin')) return 'Built-in (offline)';
  const m = /^provider:([^:]+):(.+)$/.exec(embedderId);
  if (!m) return embedderId;
  const p = providers.find((x) => x.id === m[1]);
  return p ? `${p.name} · ${m[2]}${p.local ? '' : ' (remote)'}` : `${m[1]} · ${m[2]}`;
}

/** A chosen embedder in words (null: the built-in one). */
export function choiceLabel(choice: RetrievalStatusInfo['embedderChoice'], providers: readonly AiProviderInfo[]): string {
  return choice ? describeEmbedder(`provider:${choice.provider}:${choice.model}`, providers) : 'Built-in (offline)';
}

/** "just now", "5 min ago", "3 h ago", otherwise the local date and time (YYYY-MM-DD HH:MM). */
export function formatBuiltAt(iso: string | null, now: Date = new Date()): string {
  if (!iso) return 'never';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const minutes = Math.floor((now.getTime() - at.getTime()) / 60_000);
  if (minutes >= 0 && minutes < 1) return 'just now';
  if (minutes >= 1 && minutes < 60) return `${minutes} min ago`;
  if (minutes >= 60 && minutes < 24 * 60) return `${Math.floor(minutes / 60)} h ago`;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/** One line for the top of the dialog. */
export function statusHeadline(status: RetrievalStatusInfo): string {
  if (!status.built) return 'Not built yet: build the index so the AI gets the tables that matter for each question.';
  return status.chunks ? 'Built' : 'Built, but empty: the connection has no tables yet.';
}

/** "1 chunk", "1,234 chunks". */
export function countWord(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

/** Percent done (0..100, whole) of a progress event; `done` is 100. */
export function progressPercent(p: Pick<RetrievalProgress, 'phase' | 'done' | 'total'>): number {
  if (p.phase === 'done') return 100;
  if (p.total <= 0) return 0;
  return Math.min(100, Math.max(0, Math.floor((p.done / p.total) * 100)));
}

/** The words beside the progress bar. */
export function progressText(p: Pick<RetrievalProgress, 'phase' | 'done' | 'total'> | null): string {
  if (!p) return 'Starting…';
  if (p.phase === 'done') return 'Done';
  if (p.phase === 'writing') return 'Writing the index…';
  return p.total ? `Embedding ${p.done.toLocaleString('en-US')} / ${countWord(p.total, 'chunk')}` : 'Embedding…';
}

/** What a finished build did, in one sentence. */
export function describeBuild(r: { total: number; embedded: number; removed: number; unchanged: number; rebuilt: boolean }): string {
  const parts = [`${countWord(r.total, 'chunk')} in the index`, `${r.embedded.toLocaleString('en-US')} embedded`, `${r.unchanged.toLocaleString('en-US')} unchanged`];
  if (r.removed) parts.push(`${r.removed.toLocaleString('en-US')} removed`);
  return `${r.rebuilt ? 'Rebuilt' : 'Updated'}: ${parts.join(', ')}.`;
}

/** A search score with 3 significant digits, and its bar width relative to the best one (0..100). */
export function scoreCells(scores: readonly number[]): Array<{ text: string; width: number }> {
  const best = Math.max(0, ...scores);
  return scores.map((s) => ({ text: s.toPrecision(3), width: best > 0 ? Math.round((Math.max(0, s) / best) * 100) : 0 }));
}
