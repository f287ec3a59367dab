/**
 * Pure model of the dialog's "SSH tunnel" section: the editable fields, their mapping to and from
 * `params.ssh` and the SSH secrets of `connections.save`, validation, and the host-key prompt a
 * failed test turns into.
 */
import type { ConnectionDetail, SaveConnectionArgs } from '../../../shared/contract';
import type { SshOptions } from '../../../shared/connection';
import { toAppError } from '../../../shared/errors';

/** How the tunnel logs in. */
export type SshAuth = SshOptions['auth'];

/** The SSH section as its inputs hold it (text fields stay strings). */
export interface SshForm {
  /** "Connect through SSH" is on. */
  enabled: boolean;
  host: string;
  port: string;
  user: string;
  auth: SshAuth;
  privateKeyPath: string;
  /** Typed this time; '' keeps what is saved. */
  password: string;
  /** Typed this time; '' keeps what is saved. */
  passphrase: string;
  /** The keychain holds an SSH password / key passphrase for this profile. */
  hasPassword: boolean;
  hasPassphrase: boolean;
  /** The user asked to delete the saved SSH password / passphrase. */
  forgetPassword: boolean;
  forgetPassphrase: boolean;
  /** The `SHA256:…` fingerprint the user trusted on first use ('' when none). */
  trustedHostKey: string;
}

/** SSH field errors, keyed like the dialog's other field errors. */
export type SshErrors = Partial<Record<'sshHost' | 'sshPort', string>>;

/** The SSH secrets part of the save arguments. */
export type SshSecretArgs = Pick<SaveConnectionArgs, 'sshPassword' | 'sshPassphrase'>;

/** Auth modes in the order the segmented control lists them. */
export const SSH_AUTH_CHOICES: readonly { auth: SshAuth; label: string }[] = [
  { auth: 'password', label: 'Password' },
  { auth: 'key', label: 'Private key' },
  { auth: 'agent', label: 'SSH agent' },
];

/** The SSH port when none is given. */
export const DEFAULT_SSH_PORT = 22;

/** SSH off, nothing saved. */
export function emptySshForm(): SshForm {
  return {
    enabled: false,
    host: '',
    port: '',
    user: '',
    auth: 'key',
    privateKeyPath: '',
    password: '',
    passphrase: '',
    hasPassword: false,
    hasPassphrase: false,
    forgetPassword: false,
    forgetPassphrase: false,
    trustedHostKey: '',
  };
}

/** The SSH section of a saved profile: its `params.ssh` and which secrets the keychain holds. */
export function sshFormFromParams(
  ssh: SshOptions | undefined,
  secrets: ConnectionDetail['sshSecrets'],
): SshForm {
  const base = {
    ...emptySshForm(),
    hasPassword: secrets?.password ?? false,
    hasPassphrase: secrets?.passphrase ?? false,
  };
  if (!ssh) return base;
  return {
    ...base,
    enabled: true,
    host: ssh.host,
    port: ssh.port !== undefined ? String(ssh.port) : '',
    user: ssh.user ?? '',
    auth: ssh.auth,
    privateKeyPath: ssh.privateKeyPath ?? '',
    trustedHostKey: ssh.trustedHostKey ?? '',
  };
}

/** `params.ssh` for the form, or undefined when SSH is off (never a secret). */
export function sshToParams(f: SshForm): SshOptions | undefined {
  if (!f.enabled) return undefined;
  const ssh: SshOptions = { host: f.host.trim(), auth: f.auth };
  if (f.port.trim()) ssh.port = Number(f.port.trim());
  if (f.user.trim()) ssh.user = f.user.trim();
  if (f.auth === 'key' && f.privateKeyPath.trim()) ssh.privateKeyPath = f.privateKeyPath.trim();
  if (f.trustedHostKey) ssh.trustedHostKey = f.trustedHostKey;
  return ssh;
}

/**
 * The SSH secrets to send: a typed one as a string, null to delete (asked for, or no longer used
 * by the auth mode, or SSH turned off), absent to keep what the keychain holds.
 */
export function sshSecretArgs(f: SshForm): SshSecretArgs {
  if (!f.enabled) return { sshPassword: null, sshPassphrase: null };
  return {
    ...secretArg('sshPassword', f.auth === 'password', f.password, f.hasPassword, f.forgetPassword),
    ...secretArg(
      'sshPassphrase',
      f.auth === 'key',
      f.passphrase,
      f.hasPassphrase,
      f.forgetPassphrase,
    ),
  };
}

function secretArg<K extends keyof SshSecretArgs>(
  key: K,
  used: boolean,
  typed: string,
  saved: boolean,
  forget: boolean,
): SshSecretArgs {
  if (used && typed) return { [key]: typed };
  if ((used && forget) || (!used && saved)) return { [key]: null };
  return {};
}

/** The section after a save that sent `sent`: typed secrets cleared, "saved" flags updated. */
export function sshAfterSave(f: SshForm, sent: SshSecretArgs): SshForm {
  const saved = (v: string | null | undefined, before: boolean): boolean =>
    v === undefined ? before : v !== null;
  return {
    ...f,
    password: '',
    passphrase: '',
    forgetPassword: false,
    forgetPassphrase: false,
    hasPassword: saved(sent.sshPassword, f.hasPassword),
    hasPassphrase: saved(sent.sshPassphrase, f.hasPassphrase),
  };
}

/** Applies an edit; a new host or port forgets the fingerprint trusted for the old one. */
export function patchSsh(f: SshForm, patch: Partial<SshForm>): SshForm {
  const next = { ...f, ...patch };
  const moved =
    (patch.host !== undefined && patch.host.trim() !== f.host.trim()) ||
    (patch.port !== undefined && patch.port.trim() !== f.port.trim());
  return moved ? { ...next, trustedHostKey: '' } : next;
}

/** Problems in the SSH section (none when SSH is off). */
export function validateSsh(f: SshForm): SshErrors {
  const errors: SshErrors = {};
  if (!f.enabled) return errors;
  if (!f.host.trim()) errors.sshHost = 'Enter the SSH host (or an alias from ~/.ssh/config).';
  const port = f.port.trim();
  if (port && !(/^\d+$/.test(port) && Number(port) >= 1 && Number(port) <= 65535))
    errors.sshPort = 'The SSH port is a number from 1 to 65535.';
  return errors;
}

/** One line for the collapsed section: "deploy@bastion:22 · Private key", or "Off". */
export function sshSummary(f: SshForm): string {
  if (!f.enabled) return 'Off';
  const target = `${f.user.trim() ? `${f.user.trim()}@` : ''}${f.host.trim() || '(no host)'}`;
  const label = SSH_AUTH_CHOICES.find((c) => c.auth === f.auth)?.label ?? f.auth;
  return `${target}:${f.port.trim() || DEFAULT_SSH_PORT} · ${label}`;
}

/** Placeholder of an SSH secret field: says whether and where one is saved. */
export function sshSecretPlaceholder(
  saved: boolean,
  forget: boolean,
  backendName: string,
  fallback: string,
): string {
  if (forget) return 'Will be forgotten on save';
  if (saved) return `•••• saved in ${backendName}`;
  return fallback;
}

/** What a failed test says about the SSH host key, when it is about the host key. */
export type HostKeyPrompt =
  | { kind: 'unknown'; host: string; port: number; fingerprint: string }
  | { kind: 'mismatch'; message: string };

/** The host-key prompt for a test failure, or null when the failure is about something else. */
export function hostKeyPromptFrom(err: unknown): HostKeyPrompt | null {
  const e = toAppError(err);
  if (e.code === 'SSH_HOST_KEY_MISMATCH') return { kind: 'mismatch', message: e.message };
  if (e.code !== 'SSH_HOST_UNKNOWN') return null;
  const { fingerprint, host, port } = e.detail ?? {};
  // Without a fingerprint there is nothing the user could compare: show the plain error instead.
  if (typeof fingerprint !== 'string' || !fingerprint) return null;
  return {
    kind: 'unknown',
    fingerprint,
    host: typeof host === 'string' ? host : '',
    port: typeof port === 'number' ? port : DEFAULT_SSH_PORT,
  };
}

/** The sentence the first-use prompt shows. */
export function hostKeyQuestion(p: Extract<HostKeyPrompt, { kind: 'unknown' }>): string {
  return `First connection to ${p.host}:${p.port}. Its host key fingerprint is ${p.fingerprint}. Compare it with the server's before trusting it.`;
}
