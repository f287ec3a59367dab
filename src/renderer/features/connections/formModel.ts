/**
 * Pure model of the connection dialog: the editable form, its mapping to and from the contract's
 * save arguments, URL paste and copy, and validation (the SSH section lives in sshModel.ts).
 */
import type {
  ConnectionDetail,
  ConnectionSummary,
  SaveConnectionArgs,
} from '../../../shared/contract';
import {
  DEFAULT_PORTS,
  formatConnectionUrl,
  parseConnectionUrl,
  type ConnectionParams,
  type Engine,
  type SslOptions,
} from '../../../shared/connection';
import { toAppError } from '../../../shared/errors';
import {
  emptySshForm,
  sshFormFromParams,
  sshSecretArgs,
  sshToParams,
  validateSsh,
  type SshErrors,
  type SshForm,
} from './sshModel';

/** An SSL mode, or '' for the driver's default. */
export type SslModeChoice = SslOptions['mode'] | '';
/** An environment tag as the contract knows it. */
export type EnvironmentTag = NonNullable<ConnectionSummary['environment']>;

/** SSL modes in the order the select lists them. */
export const SSL_MODES: readonly SslOptions['mode'][] = [
  'disable',
  'prefer',
  'require',
  'verify-ca',
  'verify-full',
];
/** Environment tags in the order the picker lists them. */
export const ENVIRONMENTS: readonly EnvironmentTag[] = ['local', 'dev', 'staging', 'prod'];
/** Accent swatches offered in the dialog (hex, as the contract requires). */
export const COLOR_SWATCHES: readonly string[] = [
  '#2f6feb',
  '#1d8a4d',
  '#b7791f',
  '#d1303f',
  '#8250df',
  '#0f7ab8',
];
/** Engine names as the engine picker shows them. */
export const ENGINE_CHOICES: readonly { engine: Engine; label: string }[] = [
  { engine: 'sqlite', label: 'SQLite' },
  { engine: 'postgres', label: 'PostgreSQL' },
  { engine: 'mysql', label: 'MySQL / MariaDB' },
  { engine: 'mssql', label: 'SQL Server' },
];

/** Everything the dialog edits, as the inputs hold it (text fields stay strings). */
export interface ConnectionForm {
  /** Absent until the profile is saved. */
  id?: string;
  name: string;
  engine: Engine;
  host: string;
  port: string;
  database: string;
  user: string;
  /** Typed by the user this time; '' means "keep what is saved". */
  password: string;
  /** The keychain holds a password for this profile. */
  hasSecret: boolean;
  /** The user asked to delete the saved password. */
  forgetPassword: boolean;
  filePath: string;
  defaultSchema: string;
  sslMode: SslModeChoice;
  sslCa: string;
  sslCert: string;
  sslKey: string;
  color: string | null;
  environment: EnvironmentTag | null;
  readOnly: boolean;
  /** Statement timeout in seconds ('' or 0: none). */
  timeoutSeconds: string;
  /** Engine options from a URL's query string, kept as they are. */
  options: Record<string, string>;
  /** The SSH tunnel section (servers only). */
  ssh: SshForm;
}

/** Messages per field, shown under the inputs. */
export type FormErrors = Partial<
  Record<'name' | 'host' | 'port' | 'filePath' | 'timeout', string>
> &
  SshErrors;

/** A blank form for a new connection. */
export function emptyForm(engine: Engine = 'postgres'): ConnectionForm {
  return {
    name: '',
    engine,
    host: engine === 'sqlite' ? '' : 'localhost',
    port: '',
    database: '',
    user: '',
    password: '',
    hasSecret: false,
    forgetPassword: false,
    filePath: '',
    defaultSchema: '',
    sslMode: '',
    sslCa: '',
    sslCert: '',
    sslKey: '',
    color: null,
    environment: null,
    readOnly: false,
    timeoutSeconds: '',
    options: {},
    ssh: emptySshForm(),
  };
}

/** The form of a saved profile (never a password: only whether one is saved). */
export function formFromDetail(d: ConnectionDetail): ConnectionForm {
  return {
    ...fieldsFromParams(d.params, emptyForm(d.engine)),
    id: d.id,
    name: d.name,
    hasSecret: d.hasSecret,
    password: '',
    color: d.color,
    environment: d.environment,
    readOnly: d.readOnly,
    ssh: sshFormFromParams(d.params.ssh, d.sshSecrets),
  };
}

function fieldsFromParams(p: ConnectionParams, base: ConnectionForm): ConnectionForm {
  const timeout = p.statementTimeoutMs ? p.statementTimeoutMs / 1000 : 0;
  return {
    ...base,
    engine: p.engine,
    host: p.host ?? '',
    port: p.port !== undefined ? String(p.port) : '',
    database: p.database ?? '',
    user: p.user ?? '',
    filePath: p.filePath ?? '',
    sslMode: p.ssl?.mode ?? '',
    sslCa: p.ssl?.ca ?? '',
    sslCert: p.ssl?.cert ?? '',
    sslKey: p.ssl?.key ?? '',
    timeoutSeconds: timeout ? String(timeout) : '',
    options: { ...(p.options ?? {}) },
    defaultSchema: p.defaultSchema ?? base.defaultSchema,
    // A pasted URL carries no SSH settings: the tunnel stays as it was.
    ssh: p.ssh ? sshFormFromParams(p.ssh, undefined) : base.ssh,
  };
}

/** Switches the engine; a port that was the old engine's default gives way to the new one's. */
export function changeEngine(form: ConnectionForm, engine: Engine): ConnectionForm {
  const oldDefault = DEFAULT_PORTS[form.engine];
  const port = form.port === '' || form.port === String(oldDefault) ? '' : form.port;
  const host = engine !== 'sqlite' && !form.host ? 'localhost' : form.host;
  return { ...form, engine, port, host };
}

/** The placeholder of the port field: the engine's default port. */
export function portPlaceholder(engine: Engine): string {
  const port = DEFAULT_PORTS[engine];
  return port ? String(port) : '';
}

/** Result of pasting a URL: the filled form, or an error to show under the URL field. */
export type UrlPasteResult = { ok: true; form: ConnectionForm } | { ok: false; error: string };

/**
 * Fills every connection field from a pasted URL (password included, kept in the form only until
 * saved). Name, colour and environment stay; a blank name gets one derived from the target.
 */
export function applyUrl(form: ConnectionForm, url: string): UrlPasteResult {
  let params: ConnectionParams;
  try {
    params = parseConnectionUrl(url);
  } catch (err) {
    return { ok: false, error: toAppError(err).message };
  }
  const filled = fieldsFromParams(params, form);
  const next: ConnectionForm = {
    ...filled,
    password: params.password ?? '',
    forgetPassword: false,
    readOnly: params.readOnly ?? form.readOnly,
  };
  if (!next.name.trim()) next.name = suggestName(params);
  return { ok: true, form: next };
}

/** A name for a new profile from its target: "app @ db.example.com", or the file's name. */
export function suggestName(p: ConnectionParams): string {
  if (p.engine === 'sqlite') return (p.filePath ?? '').split(/[\\/]/).pop() || 'SQLite';
  const host = p.host ?? 'localhost';
  return p.database ? `${p.database} @ ${host}` : host;
}

/** Problems that keep the form from being saved (empty when it can be). */
export function validateForm(form: ConnectionForm): FormErrors {
  const errors: FormErrors = {};
  if (!form.name.trim()) errors.name = 'Give the connection a name.';
  if (form.engine === 'sqlite') {
    if (!form.filePath.trim()) errors.filePath = 'Enter the path of the SQLite database file.';
  } else {
    if (!form.host.trim()) errors.host = 'Enter the server host (e.g. localhost).';
    const port = form.port.trim();
    if (port && !(/^\d+$/.test(port) && Number(port) >= 1 && Number(port) <= 65535))
      errors.port = 'The port is a number from 1 to 65535.';
    Object.assign(errors, validateSsh(form.ssh));
  }
  const t = form.timeoutSeconds.trim();
  if (t && !(/^\d+(\.\d+)?$/.test(t) && Number(t) <= 86_400))
    errors.timeout = 'The timeout is a number of seconds, at most 86400 (a day).';
  return errors;
}

/** True when the form has no errors. */
export function isValid(errors: FormErrors): boolean {
  return Object.keys(errors).length === 0;
}

/** The connection parameters the form describes (no password). */
export function formToParams(form: ConnectionForm): ConnectionParams {
  const text = (v: string): string | undefined => v.trim() || undefined;
  const p: ConnectionParams = { engine: form.engine };
  if (form.engine === 'sqlite') {
    assign(p, 'filePath', text(form.filePath));
  } else {
    assign(p, 'host', text(form.host));
    assign(p, 'port', form.port.trim() ? Number(form.port.trim()) : undefined);
    assign(p, 'database', text(form.database));
    assign(p, 'user', text(form.user));
    if (form.sslMode) {
      const ssl: SslOptions = { mode: form.sslMode };
      assign(ssl, 'ca', text(form.sslCa));
      assign(ssl, 'cert', text(form.sslCert));
      assign(ssl, 'key', text(form.sslKey));
      p.ssl = ssl;
    }
    assign(p, 'ssh', sshToParams(form.ssh));
  }
  assign(p, 'defaultSchema', text(form.defaultSchema));
  const seconds = Number(form.timeoutSeconds.trim() || '0');
  if (seconds > 0) p.statementTimeoutMs = Math.round(seconds * 1000);
  if (Object.keys(form.options).length > 0) p.options = { ...form.options };
  return p;
}

// Optional properties stay absent rather than `undefined` (exactOptionalPropertyTypes).
function assign<T extends object, K extends keyof T>(
  obj: T,
  key: K,
  value: T[K] | undefined,
): void {
  if (value !== undefined) obj[key] = value;
}

/**
 * The `connections.save` arguments. The password is sent only when typed (a string), as null when
 * the user chose "Forget password", and left out otherwise so the keychain keeps it.
 */
export function toSaveArgs(form: ConnectionForm): SaveConnectionArgs {
  const params = formToParams(form);
  const { engine: _engine, ...rest } = params;
  const args: SaveConnectionArgs = {
    name: form.name.trim(),
    engine: form.engine,
    params: rest,
    color: form.color,
    environment: form.environment,
    readOnly: form.readOnly,
  };
  if (form.id) args.id = form.id;
  if (form.password) args.password = form.password;
  else if (form.forgetPassword) args.password = null;
  // SQLite has no tunnel: its profile never holds SSH secrets worth keeping.
  return { ...args, ...sshSecretArgs(form.engine === 'sqlite' ? emptySshForm() : form.ssh) };
}

/** "Copy as URL": the form's target as a URL, never with the password. */
export function formUrl(form: ConnectionForm): string {
  return formatConnectionUrl({ ...formToParams(form), readOnly: form.readOnly });
}
