/** The profile's look and safety: colour, environment tag, read-only, statement timeout. */
import type { ReactNode } from 'react';
import { CheckIcon } from '../../ui/icons';
import { COLOR_SWATCHES, ENVIRONMENTS } from './formModel';
import { environmentLabel } from './model';
import type { FieldGroupProps } from './ServerFields';
import { TextField } from './TextField';

/** Environment, timeout and read-only in one row. */
export function ProfileFields({ form, errors, update }: FieldGroupProps): ReactNode {
  return (
    <div className="form-grid form-grid-3">
      <div className="field">
        <span className="field-label" id="env-label">
          Environment
        </span>
        <div className="segmented" role="radiogroup" aria-labelledby="env-label">
          {[null, ...ENVIRONMENTS].map((env) => (
            <button
              key={env ?? 'none'}
              type="button"
              role="radio"
              aria-checked={form.environment === env}
              className={`segment${form.environment === env ? ' is-on' : ''}${env ? ` segment-${env}` : ''}`}
              onClick={() => update({ environment: env })}
            >
              {env ? environmentLabel(env) : 'None'}
            </button>
          ))}
        </div>
        {form.environment === 'prod' && (
          <span className="field-hint">
            Every write asks for confirmation; tabs get a red frame.
          </span>
        )}
      </div>
      <TextField
        label="Statement timeout (s)"
        error={errors.timeout}
        value={form.timeoutSeconds}
        inputMode="decimal"
        placeholder="None"
        onChange={(timeoutSeconds) => update({ timeoutSeconds })}
      />
      <div className="field">
        <span className="field-label">Safety</span>
        <label className="switch">
          <input
            type="checkbox"
            role="switch"
            checked={form.readOnly}
            onChange={(e) => update({ readOnly: e.target.checked })}
          />
          <span className="switch-track" aria-hidden="true" />
          Read-only
        </label>
      </div>
    </div>
  );
}

/** Colour swatches (plus "none"), shown next to the name. */
export function ColorPicker({ form, update }: Pick<FieldGroupProps, 'form' | 'update'>): ReactNode {
  return (
    <div className="field">
      <span className="field-label" id="color-label">
        Colour
      </span>
      <div className="swatches" role="radiogroup" aria-labelledby="color-label">
        <button
          type="button"
          role="radio"
          aria-checked={form.color === null}
          aria-label="No colour"
          className="swatch swatch-none"
          onClick={() => update({ color: null })}
        >
          {form.color === null && <CheckIcon size={11} />}
        </button>
        {COLOR_SWATCHES.map((c) => (
          <button
            key={c}
            type="button"
            role="radio"
            aria-checked={form.color === c}
            aria-label={`Colour ${c}`}
            className="swatch"
            style={{ background: c }}
            onClick={() => update({ color: c })}
          >
            {form.color === c && <CheckIcon size={11} />}
          </button>
        ))}
      </div>
    </div>
  );
}
