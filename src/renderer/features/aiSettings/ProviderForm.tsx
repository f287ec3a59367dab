/** Add or edit one AI provider. The key field is a password input; a stored key is never shown. */
import { useState, type ReactNode } from 'react';
import { AI_PROVIDER_KINDS, type AiProviderKind } from '../../../shared/contracts/aiSettings';
import { Field } from '../../ui/Field';
import { KIND_LABELS, newDraft, validateDraft, type ProviderDraft } from './model';

/** The form. `onSave` gets the draft once it validates. */
export function ProviderForm(props: { initial: ProviderDraft; onSave(d: ProviderDraft): void; onCancel(): void; busy?: boolean; /** The Ollama endpoint's OpenAI API (what an empty base URL means). */ ollamaApi?: string | undefined }): ReactNode {
  const [d, setD] = useState(props.initial);
  const [tried, setTried] = useState(false);
  const errors = tried ? validateDraft(d) : {};
  const set = (patch: Partial<ProviderDraft>): void => setD((x) => ({ ...x, ...patch }));
  const changeKind = (kind: AiProviderKind): void => {
    const fresh = newDraft(kind);
    setD((x) => ({ ...fresh, id: x.id, key: x.key, hasKey: x.hasKey, enabled: x.enabled }));
  };
  const submit = (): void => {
    setTried(true);
    if (Object.keys(validateDraft(d)).length === 0) props.onSave(d);
  };
  return (
    <form
      className="ais-form"
      aria-label={d.id ? `Edit provider ${d.name}` : 'Add provider'}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className="ais-form-grid">
        <Field label="Kind">
          {(id) => (
            <select id={id} className="select" value={d.kind} onChange={(e) => changeKind(e.target.value as AiProviderKind)} disabled={d.id !== undefined}>
              {AI_PROVIDER_KINDS.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABELS[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Name" error={errors.name}>
          {(id) => <input id={id} className="input" value={d.name} onChange={(e) => set({ name: e.target.value })} />}
        </Field>
        <Field label="Base URL" error={errors.baseUrl} hint={d.kind === 'openai-compatible' ? 'The server’s OpenAI API (LM Studio, llama.cpp …); empty: the Ollama endpoint above' : 'Optional: a proxy or gateway'}>
          {(id) => <input id={id} className="input input-mono" value={d.baseUrl} placeholder={d.kind === 'openai-compatible' ? `${props.ollamaApi ?? 'http://localhost:11434/v1'} (Ollama endpoint)` : 'default'} onChange={(e) => set({ baseUrl: e.target.value })} />}
        </Field>
        <Field label="API key" error={errors.key} hint={d.hasKey ? 'Key stored ✓ — type a new one to replace it' : d.kind === 'openai-compatible' ? 'Usually not needed for local servers' : 'Stored in the OS keychain, never in the app database'}>
          {(id) => <input id={id} className="input input-mono" type="password" autoComplete="off" value={d.key} placeholder={d.hasKey ? '••••••••  (stored)' : ''} onChange={(e) => set({ key: e.target.value })} />}
        </Field>
        <Field label="Models" error={errors.models} hint="One per line; the first is this provider’s default" className="ais-span2">
          {(id) => <textarea id={id} className="input input-mono ais-models" rows={3} value={d.modelsText} onChange={(e) => set({ modelsText: e.target.value })} />}
        </Field>
      </div>
      <div className="ais-form-actions">
        <label className="ais-check">
          <input type="checkbox" checked={d.enabled} onChange={(e) => set({ enabled: e.target.checked })} /> Enabled
        </label>
        <span className="ais-spacer" />
        <button type="button" className="btn" onClick={props.onCancel}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={props.busy}>
          {d.id ? 'Save provider' : 'Add provider'}
        </button>
      </div>
    </form>
  );
}
