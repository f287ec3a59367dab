/** A labelled form field with an optional hint and an inline error. */
import { useId, type ReactNode } from 'react';

/** Label above, control in the middle, error (or hint) below. `children` gets the input's id. */
export function Field(props: {
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  className?: string;
  children(id: string): ReactNode;
}): ReactNode {
  const id = useId();
  return (
    <div className={`field${props.className ? ` ${props.className}` : ''}`}>
      <label className="field-label" htmlFor={id}>
        {props.label}
      </label>
      {props.children(id)}
      {props.error ? (
        <span className="field-error" role="alert">
          {props.error}
        </span>
      ) : (
        props.hint && <span className="field-hint">{props.hint}</span>
      )}
    </div>
  );
}
