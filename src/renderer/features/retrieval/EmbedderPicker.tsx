/**
 * The embedder choice of a connection's index: the built-in offline one or an enabled AI
 * provider's model (typed when the provider lists none). Applying a new one rebuilds the index.
 */
import { useState, type ReactNode } from 'react';
import type { AiProviderInfo } from '../../../shared/contracts/aiSettings';
import type { RetrievalStatusInfo } from '../../../shared/contracts/retrieval';
import { Field } from '../../ui/Field';
import { choiceLabel, embedderArg, embedderChanged, embedderOptions, selectedEmbedder } from './model';

/** Props: the saved choice, the providers, and what to do with a new choice. */
export interface EmbedderPickerProps {
  choice: RetrievalStatusInfo['embedderChoice'];
  providers: readonly AiProviderInfo[] | undefined;
  disabled: boolean;
  onApply(embedder: { provider: string; model: string } | null): void;
}

/** A select, a free-text model field when needed, and "Use and rebuild". */
export function EmbedderPicker(props: EmbedderPickerProps): ReactNode {
  const options = embedderOptions(props.providers ?? []);
  // null: follow the saved choice (it changes after an apply).
  const [picked, setPicked] = useState<{ value: string; customModel: string } | null>(null);
  const current = picked ?? selectedEmbedder(props.choice, options);
  // A saved choice whose provider was removed or disabled still shows, so the user sees what is in use.
  const shown = options.some((o) => o.value === current.value)
    ? options
    : [...options, { value: current.value, label: `${props.choice?.provider ?? '?'} · ${props.choice?.model ?? ''} (unavailable)`, provider: null, model: null, remote: false }];
  const option = shown.find((o) => o.value === current.value);
  const free = option !== undefined && option.provider !== null && option.model === null;
  const arg = embedderArg(current.value, current.customModel, options);
  // An unfinished free-text model still shows the (disabled) button, so the user sees what is missing.
  const changed = arg.ok ? embedderChanged(arg.embedder, props.choice) : picked !== null;
  const label = arg.ok ? choiceLabel(arg.embedder, props.providers ?? []) : '';

  return (
    <div className="retrieval-embedder">
      <Field label="Embedder" hint={props.providers === undefined ? 'Loading AI providers…' : 'Providers come from Settings → AI (Anthropic has no embeddings).'}>
        {(id) => (
          <select id={id} className="select" value={current.value} disabled={props.disabled} onChange={(e) => setPicked({ value: e.target.value, customModel: current.customModel })}>
            {shown.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      {free && (
        <Field label="Embedding model" error={current.customModel && !arg.ok ? arg.error : undefined}>
          {(id) => (
            <input
              id={id}
              className={`input input-mono${current.customModel && !arg.ok ? ' is-invalid' : ''}`}
              placeholder="e.g. nomic-embed-text"
              value={current.customModel}
              disabled={props.disabled}
              onChange={(e) => setPicked({ value: current.value, customModel: e.target.value })}
            />
          )}
        </Field>
      )}
      {changed && (
        <div className="retrieval-embedder-change">
          <span className="field-hint" data-testid="retrieval-embedder-note">
            {arg.ok ? `The index will be rebuilt with ${label}: every chunk is embedded again${option?.remote ? ', and the schema text is sent to the provider' : ''}.` : ''}
          </span>
          <button
            type="button"
            className="btn"
            disabled={props.disabled || !arg.ok}
            onClick={() => {
              if (!arg.ok) return;
              setPicked(null);
              props.onApply(arg.embedder);
            }}
          >
            Use and rebuild
          </button>
        </div>
      )}
    </div>
  );
}
