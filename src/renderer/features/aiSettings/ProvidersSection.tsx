/** The provider list: add, edit, enable, test, delete, and detect Ollama on this machine. */
import { useState, type ReactNode } from 'react';
import type { AiOllamaInfo, AiProviderInfo, AiTestResult } from '../../../shared/contracts/aiSettings';
import { useApi } from '../../api/hooks';
import { ProviderForm } from './ProviderForm';
import { KIND_LABELS, draftFrom, newDraft, ollamaDraft, ollamaEndpoint, saveArgs, usesOllamaEndpoint, type ProviderDraft } from './model';
import { OllamaEndpoint } from './OllamaEndpoint';
import type { AiSettingsState } from './useAiSettings';

/** Providers and their keys. */
export function ProvidersSection({ state }: { state: AiSettingsState }): ReactNode {
  const api = useApi();
  const [editing, setEditing] = useState<ProviderDraft | null>(null);
  const [tests, setTests] = useState<Record<string, AiTestResult | 'running'>>({});
  const [ollama, setOllama] = useState<AiOllamaInfo | 'running' | null>(null);
  const { act, reload } = state;
  const endpoint = state.settings ? ollamaEndpoint(state.settings) : undefined;

  const save = async (d: ProviderDraft): Promise<void> => {
    const saved = await act(() => api.call('ai.providers.save', saveArgs(d)));
    if (saved) {
      setEditing(null);
      reload();
    }
  };
  const test = async (p: AiProviderInfo): Promise<void> => {
    setTests((t) => ({ ...t, [p.id]: 'running' }));
    const r = await act(() => api.call('ai.providers.test', { id: p.id }));
    setTests((t) => ({ ...t, [p.id]: r ?? { ok: false, models: [], latencyMs: 0, message: 'The test could not run.' } }));
  };
  const remove = async (p: AiProviderInfo): Promise<void> => {
    if (!window.confirm(`Remove ${p.name} and its key?`)) return;
    await act(() => api.call('ai.providers.delete', { id: p.id }));
    reload();
  };
  const toggle = async (p: AiProviderInfo): Promise<void> => {
    await act(() => api.call('ai.providers.save', { id: p.id, kind: p.kind, name: p.name, baseUrl: p.baseUrl, models: p.models, enabled: !p.enabled }));
    reload();
  };
  // A server that lists its models (LM Studio, llama.cpp …) can fill an empty model list.
  const adoptModels = async (p: AiProviderInfo, models: string[]): Promise<void> => {
    await act(() => api.call('ai.providers.save', { id: p.id, kind: p.kind, name: p.name, baseUrl: p.baseUrl, models: models.slice(0, 200) }));
    reload();
  };
  const detect = async (): Promise<void> => {
    setOllama('running');
    setOllama((await act(() => api.call('ai.ollama.detect', {}))) ?? null);
  };

  return (
    <section className="ais-section" aria-label="Providers">
      <header className="ais-section-head">
        <h2>Providers</h2>
        <span className="ais-spacer" />
        <button type="button" className="btn btn-small" onClick={() => void detect()} disabled={ollama === 'running'}>
          Detect Ollama
        </button>
        <button type="button" className="btn btn-small btn-primary" onClick={() => setEditing(newDraft('openai'))}>
          Add provider
        </button>
      </header>
      <OllamaEndpoint state={state} />
      {ollama && ollama !== 'running' && (
        <div className={`alert ${ollama.found ? 'alert-ok' : 'ais-alert-muted'}`} role="status">
          {ollama.found ? (
            <>
              Ollama at {ollama.url}: {ollama.models.length} model{ollama.models.length === 1 ? '' : 's'} ({ollama.models.slice(0, 4).join(', ') || 'none pulled yet'}).{' '}
              {state.providers?.some((p) => usesOllamaEndpoint(p, ollama.url)) ? (
                <span>Added ✓</span>
              ) : (
                <button type="button" className="btn btn-small" onClick={() => setEditing(ollamaDraft(ollama.models))}>
                  Add Ollama
                </button>
              )}
            </>
          ) : (
            <>No Ollama answered at {ollama.url}. Start it (`ollama serve`) and try again.</>
          )}
        </div>
      )}
      {editing && !editing.id && <ProviderForm initial={editing} ollamaApi={endpoint && `${endpoint}/v1`} onSave={(d) => void save(d)} onCancel={() => setEditing(null)} />}
      {state.providers?.length === 0 && !editing && <p className="ais-empty">No provider yet. Add one with your own key, or detect a local Ollama.</p>}
      <ul className="ais-providers">
        {state.providers?.map((p) =>
          editing?.id === p.id ? (
            <li key={p.id}>
              <ProviderForm initial={editing} ollamaApi={endpoint && `${endpoint}/v1`} onSave={(d) => void save(d)} onCancel={() => setEditing(null)} />
            </li>
          ) : (
            <li key={p.id} className={`ais-provider${p.enabled ? '' : ' is-disabled'}`} aria-label={`Provider ${p.name}`}>
              <div className="ais-provider-main">
                <div className="ais-provider-title">
                  <strong>{p.name}</strong>
                  <span className="ais-tag">{KIND_LABELS[p.kind].split(' (')[0]}</span>
                  {p.local && <span className="ais-tag ais-tag-local">local</span>}
                  {!p.enabled && <span className="ais-tag">disabled</span>}
                  {p.hasKey ? <span className="ais-key-ok">key stored ✓</span> : p.kind !== 'openai-compatible' && <span className="ais-key-missing">no key</span>}
                </div>
                <div className="ais-provider-meta">
                  {p.baseUrl ? <code>{p.baseUrl}</code> : p.kind === 'openai-compatible' && endpoint && <code title="Follows the Ollama endpoint setting">{endpoint}/v1 (Ollama endpoint)</code>}
                  <span>{p.models.join(', ') || 'no models listed'}</span>
                </div>
                <TestResult result={tests[p.id]} onUseModels={p.models.length === 0 ? (models) => void adoptModels(p, models) : undefined} />
              </div>
              <div className="ais-provider-actions">
                <button type="button" className="btn btn-small" onClick={() => void test(p)} disabled={tests[p.id] === 'running'}>
                  {tests[p.id] === 'running' ? 'Testing…' : 'Test'}
                </button>
                <button type="button" className="btn btn-small" onClick={() => setEditing(draftFrom(p))}>
                  Edit
                </button>
                <button type="button" className="btn btn-small" onClick={() => void toggle(p)}>
                  {p.enabled ? 'Disable' : 'Enable'}
                </button>
                <button type="button" className="btn btn-small" onClick={() => void remove(p)} aria-label={`Remove ${p.name}`}>
                  Remove
                </button>
              </div>
            </li>
          ),
        )}
      </ul>
    </section>
  );
}

function TestResult({ result, onUseModels }: { result: AiTestResult | 'running' | undefined; onUseModels: ((models: string[]) => void) | undefined }): ReactNode {
  if (!result || result === 'running') return null;
  return result.ok ? (
    <div className="ais-test ais-test-ok" role="status">
      ✓ Works ({result.latencyMs} ms){result.models.length > 0 && ` — ${result.models.length} model${result.models.length === 1 ? '' : 's'} available`}
      {onUseModels && result.models.length > 0 && (
        <>
          {' '}
          <button type="button" className="btn btn-small" onClick={() => onUseModels(result.models)}>
            Use these models
          </button>
        </>
      )}
    </div>
  ) : (
    <div className="ais-test ais-test-fail" role="alert">
      ✗ {result.errorCode ? `${result.errorCode}: ` : ''}
      {result.message}
    </div>
  );
}
