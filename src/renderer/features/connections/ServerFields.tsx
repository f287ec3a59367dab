/** The target fields of the dialog: server, login and SSL for servers; the file for SQLite. */
import type { ReactNode } from 'react';
import { Field } from '../../ui/Field';
import { passwordPlaceholder } from './dialogText';
import {
  portPlaceholder,
  SSL_MODES,
  type ConnectionForm,
  type FormErrors,
  type SslModeChoice,
} from './formModel';

/** Props shared by the dialog's field groups. */
export interface FieldGroupProps {
  form: ConnectionForm;
  errors: FormErrors;
  update(patch: Partial<ConnectionForm>): void;
}

/** Host, port, user, password, database, default schema and SSL (or the SQLite file). */
export function ServerFields(
  props: FieldGroupProps & { secretBackend: string | undefined },
): ReactNode {
  const { form, errors, update } = props;
  if (form.engine === 'sqlite')
    return (
      <div className="form-grid">
        <Field
          label="Database file"
          error={errors.filePath}
          className="span-2"
          hint="The path of the .db / .sqlite file on this computer."
        >
          {(id) => (
            <input
              id={id}
              className={`input input-mono${errors.filePath ? ' is-invalid' : ''}`}
              value={form.filePath}
              placeholder="/path/to/database.db"
              onChange={(e) => update({ filePath: e.target.value })}
            />
          )}
        </Field>
      </div>
    );
  return (
    <div className="form-grid">
      <div className="form-row-host span-2">
        <Field label="Host" error={errors.host}>
          {(id) => (
            <input
              id={id}
              className={`input${errors.host ? ' is-invalid' : ''}`}
              value={form.host}
              placeholder="localhost"
              onChange={(e) => update({ host: e.target.value })}
            />
          )}
        </Field>
        <Field label="Port" error={errors.port}>
          {(id) => (
            <input
              id={id}
              className={`input${errors.port ? ' is-invalid' : ''}`}
              value={form.port}
              inputMode="numeric"
              placeholder={portPlaceholder(form.engine)}
              onChange={(e) => update({ port: e.target.value })}
            />
          )}
        </Field>
      </div>
      <Field label="User">
        {(id) => (
          <input
            id={id}
            className="input"
            value={form.user}
            autoComplete="off"
            onChange={(e) => update({ user: e.target.value })}
          />
        )}
      </Field>
      <PasswordField {...props} />
      <Field label="Database">
        {(id) => (
          <input
            id={id}
            className="input"
            value={form.database}
            onChange={(e) => update({ database: e.target.value })}
          />
        )}
      </Field>
      <Field label="Default schema">
        {(id) => (
          <input
            id={id}
            className="input"
            value={form.defaultSchema}
            placeholder={
              form.engine === 'postgres' ? 'public' : form.engine === 'mssql' ? 'dbo' : ''
            }
            onChange={(e) => update({ defaultSchema: e.target.value })}
          />
        )}
      </Field>
      <SslFields {...props} />
    </div>
  );
}

function PasswordField(props: FieldGroupProps & { secretBackend: string | undefined }): ReactNode {
  const { form, update } = props;
  return (
    <Field
      label="Password"
      hint={
        form.hasSecret && !form.forgetPassword && !form.password ? (
          <button
            type="button"
            className="link-button"
            onClick={() => update({ forgetPassword: true })}
          >
            Forget password
          </button>
        ) : (
          'Never written to the app database.'
        )
      }
    >
      {(id) => (
        <input
          id={id}
          type="password"
          className="input"
          value={form.password}
          autoComplete="new-password"
          placeholder={passwordPlaceholder(form, props.secretBackend)}
          onChange={(e) => update({ password: e.target.value, forgetPassword: false })}
        />
      )}
    </Field>
  );
}

function SslFields({ form, update }: FieldGroupProps): ReactNode {
  const files = form.sslMode !== '' && form.sslMode !== 'disable';
  return (
    <>
      <Field label="SSL mode">
        {(id) => (
          <select
            id={id}
            className="select"
            value={form.sslMode}
            onChange={(e) => update({ sslMode: e.target.value as SslModeChoice })}
          >
            <option value="">Driver default</option>
            {SSL_MODES.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="CA certificate file">
        {(id) => (
          <input
            id={id}
            className="input input-mono"
            value={form.sslCa}
            disabled={!files}
            placeholder="/path/to/ca.pem"
            onChange={(e) => update({ sslCa: e.target.value })}
          />
        )}
      </Field>
      <Field label="Client certificate file">
        {(id) => (
          <input
            id={id}
            className="input input-mono"
            value={form.sslCert}
            disabled={!files}
            placeholder="/path/to/client-cert.pem"
            onChange={(e) => update({ sslCert: e.target.value })}
          />
        )}
      </Field>
      <Field label="Client key file">
        {(id) => (
          <input
            id={id}
            className="input input-mono"
            value={form.sslKey}
            disabled={!files}
            placeholder="/path/to/client-key.pem"
            onChange={(e) => update({ sslKey: e.target.value })}
          />
        )}
      </Field>
    </>
  );
}
