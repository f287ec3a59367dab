/** The target fields of the dialog: server, login and SSL for servers; the file for SQLite. */
import type { ReactNode } from 'react';
import { Field } from '../../ui/Field';
import { passwordPlaceholder } from './dialogText';
import { SecretField, TextField } from './TextField';
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
        <TextField
          label="Database file"
          error={errors.filePath}
          fieldClassName="span-2"
          hint="The path of the .db / .sqlite file on this computer."
          mono
          value={form.filePath}
          placeholder="/path/to/database.db"
          onChange={(filePath) => update({ filePath })}
        />
      </div>
    );
  return (
    <div className="form-grid">
      <div className="form-row-host span-2">
        <TextField
          label="Host"
          error={errors.host}
          value={form.host}
          placeholder="localhost"
          onChange={(host) => update({ host })}
        />
        <TextField
          label="Port"
          error={errors.port}
          value={form.port}
          inputMode="numeric"
          placeholder={portPlaceholder(form.engine)}
          onChange={(port) => update({ port })}
        />
      </div>
      <TextField
        label="User"
        value={form.user}
        autoComplete="off"
        onChange={(user) => update({ user })}
      />
      <SecretField
        label="Password"
        value={form.password}
        placeholder={passwordPlaceholder(form, props.secretBackend)}
        canForget={form.hasSecret && !form.forgetPassword && !form.password}
        onChange={(password) => update({ password, forgetPassword: false })}
        onForget={() => update({ forgetPassword: true })}
      />
      <TextField
        label="Database"
        value={form.database}
        onChange={(database) => update({ database })}
      />
      <TextField
        label="Default schema"
        value={form.defaultSchema}
        placeholder={form.engine === 'postgres' ? 'public' : form.engine === 'mssql' ? 'dbo' : ''}
        onChange={(defaultSchema) => update({ defaultSchema })}
      />
      <SslFields {...props} />
    </div>
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
      <TextField
        label="CA certificate file"
        mono
        value={form.sslCa}
        disabled={!files}
        placeholder="/path/to/ca.pem"
        onChange={(sslCa) => update({ sslCa })}
      />
      <TextField
        label="Client certificate file"
        mono
        value={form.sslCert}
        disabled={!files}
        placeholder="/path/to/client-cert.pem"
        onChange={(sslCert) => update({ sslCert })}
      />
      <TextField
        label="Client key file"
        mono
        value={form.sslKey}
        disabled={!files}
        placeholder="/path/to/client-key.pem"
        onChange={(sslKey) => update({ sslKey })}
      />
    </>
  );
}
