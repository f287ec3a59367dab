/** Asks for the values of a query's parameters before it runs. */
import { useState, type ReactNode } from 'react';
import { Dialog } from '../../ui/Dialog';

/** The dialog; values are typed as text and become SQL literals (see params.ts). */
export function ParamsDialog(props: {
  keys: string[];
  /** Values from the previous run of this tab, prefilled. */
  initial: Record<string, string>;
  onRun(values: Record<string, string>): void;
  onCancel(): void;
}): ReactNode {
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(props.keys.map((k) => [k, props.initial[k] ?? ''])),
  );
  return (
    <Dialog
      title={props.keys.length === 1 ? 'Value of the parameter' : `Values of ${props.keys.length} parameters`}
      size="small"
      onClose={props.onCancel}
      testId="params-dialog"
      footer={
        <>
          <span className="params-hint">Numbers and NULL stay as they are; anything else is quoted.</span>
          <span className="spacer" />
          <button type="button" className="btn" onClick={props.onCancel}>
            Cancel
          </button>
          <button type="submit" form="params-form" className="btn btn-primary">
            Run
          </button>
        </>
      }
    >
      <form
        id="params-form"
        className="params-form"
        onSubmit={(e) => {
          e.preventDefault();
          props.onRun(values);
        }}
      >
        {props.keys.map((key, i) => (
          <label key={key} className="params-row">
            <span className="params-name">{key.startsWith('?') || key.startsWith('$') ? key : `:${key}`}</span>
            <input
              className="params-input"
              autoFocus={i === 0}
              value={values[key] ?? ''}
              aria-label={`Value of ${key}`}
              onChange={(e) => setValues((v) => ({ ...v, [key]: e.target.value }))}
            />
          </label>
        ))}
      </form>
    </Dialog>
  );
}
