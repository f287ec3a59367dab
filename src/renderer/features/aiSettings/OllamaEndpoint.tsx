/** The Ollama / local OpenAI-compatible endpoint: where detection looks and what compatible providers without a base URL use. */
import { useState, type ReactNode } from 'react';
import { DEFAULT_OLLAMA_URL, OLLAMA_URL_ENV } from '../../../shared/contracts/aiSettings';
import { parseOllamaUrl } from './model';
import type { AiSettingsState } from './useAiSettings';

/** The endpoint field, saved on Enter, blur or Save; says when the environment overrides it. */
export function OllamaEndpoint({ state }: { state: AiSettingsState }): ReactNode {
  const { settings } = state;
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!settings) return null;
  const value = text ?? settings.ollamaUrl;
  const save = (): void => {
    if (text === null || text === settings.ollamaUrl) return;
    const r = parseOllamaUrl(text);
    if ('error' in r) return setError(r.error);
    setError(null);
    void state.saveSettings({ ollamaUrl: r.value }).then(() => setText(null));
  };
  const env = settings.ollamaUrlFromEnv;
  return (
    <div className="ais-endpoint">
      <label className="ais-inline">
        Ollama endpoint
        <input
          className="input input-mono ais-endpoint-input"
          aria-label="Ollama endpoint"
          value={value}
          placeholder={DEFAULT_OLLAMA_URL}
          spellCheck={false}
          onChange={(e) => {
            setText(e.target.value);
            setError(null);
          }}
          onBlur={save}
          onKeyDown={(e) => e.key === 'Enter' && save()}
        />
      </label>
      {text !== null && text !== settings.ollamaUrl && (
        <button type="button" className="btn btn-small" onMouseDown={(e) => e.preventDefault()} onClick={save}>
          Save
        </button>
      )}
      {settings.ollamaUrl !== DEFAULT_OLLAMA_URL && text === null && (
        <button type="button" className="btn btn-small" onClick={() => void state.saveSettings({ ollamaUrl: DEFAULT_OLLAMA_URL })}>
          Reset
        </button>
      )}
      {error ? (
        <span className="field-error" role="alert">{error}</span>
      ) : env ? (
        <span className="ais-endpoint-env" role="note">
          {OLLAMA_URL_ENV} is set, so <code>{env}</code> is used instead until it is unset.
        </span>
      ) : (
        <span className="ais-help">Detection looks here; OpenAI-compatible providers without a base URL use its <code>/v1</code> API.</span>
      )}
    </div>
  );
}
