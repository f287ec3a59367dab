/** The connection dialog's labelled text inputs: plain, monospaced (paths) and secret. */
import type { InputHTMLAttributes, ReactNode } from 'react';
import { Field } from '../../ui/Field';

/** What a TextField passes straight to its <input> (placeholder, inputMode, disabled, …). */
type InputAttributes = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'className' | 'value' | 'onChange'
>;

/** A labelled input whose value is a string; an error outlines it and replaces the hint. */
export function TextField(
  props: InputAttributes & {
    label: string;
    value: string;
    onChange(value: string): void;
    error?: string | undefined;
    hint?: ReactNode;
    /** Extra class of the field (e.g. `span-2` to take the whole row). */
    fieldClassName?: string;
    /** Monospaced text, for file paths. */
    mono?: boolean;
  },
): ReactNode {
  const { label, value, onChange, error, hint, fieldClassName, mono, ...input } = props;
  return (
    <Field label={label} error={error} hint={hint} className={fieldClassName}>
      {(id) => (
        <input
          {...input}
          id={id}
          className={`input${mono ? ' input-mono' : ''}${error ? ' is-invalid' : ''}`}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

/**
 * A password-like input that is never autofilled. While a stored secret can be forgotten the hint
 * is a "Forget …" button, else it says the secret stays out of the app database.
 */
export function SecretField(props: {
  label: string;
  value: string;
  placeholder: string;
  canForget: boolean;
  onChange(value: string): void;
  onForget(): void;
}): ReactNode {
  return (
    <TextField
      label={props.label}
      type="password"
      value={props.value}
      autoComplete="new-password"
      placeholder={props.placeholder}
      onChange={props.onChange}
      hint={
        props.canForget ? (
          <button type="button" className="link-button" onClick={props.onForget}>
            Forget {props.label.toLowerCase()}
          </button>
        ) : (
          'Never written to the app database.'
        )
      }
    />
  );
}
