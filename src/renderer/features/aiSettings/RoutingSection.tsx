/** Which model answers each task, the fallback chain, and the privacy/cache switches. */
import { useState, type ReactNode } from 'react';
import { AI_TASKS, type AiModelRef } from '../../../shared/contracts/aiSettings';
import { useApi } from '../../api/hooks';
import { TASK_LABELS, modelChoices, refKey, withDefault } from './model';
import type { AiSettingsState } from './useAiSettings';

/** Defaults per task and the fallback chain. */
export function RoutingSection({ state }: { state: AiSettingsState }): ReactNode {
  const { settings, providers } = state;
  if (!settings || !providers) return null;
  const choices = modelChoices(providers);
  const byKey = new Map(choices.map((c) => [c.value, c.ref]));
  const pick = (value: string): AiModelRef | null => byKey.get(value) ?? null;
  const unused = choices.filter((c) => !settings.fallback.some((f) => refKey(f) === c.value));
  const move = (i: number, by: number): void => {
    const list = [...settings.fallback];
    const [item] = list.splice(i, 1);
    list.splice(Math.max(0, Math.min(list.length, i + by)), 0, item!);
    void state.saveSettings({ fallback: list });
  };
  return (
    <section className="ais-section" aria-label="Models per task">
      <header className="ais-section-head">
        <h2>Models per task</h2>
      </header>
      <div className="ais-defaults">
        {AI_TASKS.map((task) => {
          const current = settings.defaults[task];
          return (
            <label key={task} className="ais-default">
              <span>{TASK_LABELS[task]}</span>
              <select className="select" value={current ? refKey(current) : ''} onChange={(e) => void state.saveSettings({ defaults: withDefault(settings.defaults, task, pick(e.target.value)) })}>
                <option value="">First available</option>
                {choices.map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))}
              </select>
            </label>
          );
        })}
      </div>
      <h3>Fallback chain</h3>
      <p className="ais-help">When the task’s model fails with a rate limit, a server error, a timeout or a network error (after retries), these are tried in order.</p>
      <ol className="ais-chain">
        {settings.fallback.map((f, i) => (
          <li key={refKey(f)}>
            <span>{choices.find((c) => c.value === refKey(f))?.label ?? `${f.provider} · ${f.model} (unavailable)`}</span>
            <button type="button" className="btn btn-small" disabled={i === 0} onClick={() => move(i, -1)} aria-label="Move up">↑</button>
            <button type="button" className="btn btn-small" disabled={i === settings.fallback.length - 1} onClick={() => move(i, 1)} aria-label="Move down">↓</button>
            <button type="button" className="btn btn-small" onClick={() => void state.saveSettings({ fallback: settings.fallback.filter((_, j) => j !== i) })}>Remove</button>
          </li>
        ))}
      </ol>
      {unused.length > 0 && (
        <select className="select" value="" aria-label="Add to fallback chain" onChange={(e) => { const r = pick(e.target.value); if (r) void state.saveSettings({ fallback: [...settings.fallback, r] }); }}>
          <option value="">Add a fallback…</option>
          {unused.map((c) => (
            <option key={c.value} value={c.value}>{c.label}</option>
          ))}
        </select>
      )}
    </section>
  );
}

/** Local only, prompt preview, and the response cache. */
export function PrivacySection({ state }: { state: AiSettingsState }): ReactNode {
  const api = useApi();
  const [cleared, setCleared] = useState<number | null>(null);
  const { settings } = state;
  if (!settings) return null;
  const hours = settings.cacheTtlSeconds / 3600;
  return (
    <section className="ais-section" aria-label="Privacy and cache">
      <header className="ais-section-head">
        <h2>Privacy and cache</h2>
      </header>
      <label className="ais-switch">
        <input type="checkbox" checked={settings.localOnly} onChange={(e) => void state.saveSettings({ localOnly: e.target.checked })} />
        <span>
          <strong>Local only</strong> — never contact a remote provider; only models on this machine (Ollama, LM Studio …) answer.
        </span>
      </label>
      <label className="ais-switch">
        <input type="checkbox" checked={settings.previewPrompt} onChange={(e) => void state.saveSettings({ previewPrompt: e.target.checked })} />
        <span>
          <strong>Preview every prompt</strong> — show exactly what will be sent, and send only after you confirm.
        </span>
      </label>
      <div className="ais-row">
        <label className="ais-inline">
          Keep cached answers for
          <input className="input ais-num" type="number" min={0} step={1} value={Number.isInteger(hours) ? hours : hours.toFixed(2)} onChange={(e) => { const h = Number(e.target.value); if (Number.isFinite(h) && h >= 0) void state.saveSettings({ cacheTtlSeconds: Math.round(h * 3600) }); }} />
          hours (0 turns the cache off)
        </label>
        <button type="button" className="btn btn-small" onClick={() => void state.act(() => api.call('ai.cache.clear', {})).then((r) => setCleared(r?.deleted ?? null))}>
          Clear cache
        </button>
        {cleared !== null && <span className="ais-help" role="status">{cleared} cached answer{cleared === 1 ? '' : 's'} removed</span>}
      </div>
    </section>
  );
}
