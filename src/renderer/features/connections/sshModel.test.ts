import { describe, expect, it } from 'vitest';
import type { ConnectionDetail } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { applyUrl, emptyForm, formFromDetail, toSaveArgs, validateForm } from './formModel';
import {
  hostKeyPromptFrom,
  hostKeyQuestion,
  patchSsh,
  sshAfterSave,
  sshSecretArgs,
  sshSecretPlaceholder,
  sshSummary,
  type SshForm,
} from './sshModel';

const sshDetail: ConnectionDetail = {
  id: 'c2',
  name: 'Orders via bastion',
  engine: 'postgres',
  target: 'postgres app@10.0.0.5:5432/orders',
  readOnly: false,
  color: null,
  environment: null,
  hasSecret: false,
  isDemo: false,
  params: {
    engine: 'postgres',
    host: '10.0.0.5',
    database: 'orders',
    user: 'app',
    ssh: {
      host: 'bastion.example.com',
      port: 2222,
      user: 'deploy',
      auth: 'key',
      privateKeyPath: '/home/me/.ssh/id_ed25519',
      trustedHostKey: 'SHA256:abc',
    },
  },
  sshSecrets: { password: false, passphrase: true },
  url: 'postgres://app@10.0.0.5/orders',
};

function withSsh(patch: Partial<SshForm>): ReturnType<typeof emptyForm> {
  const form = { ...emptyForm(), name: 'x' };
  return { ...form, ssh: { ...form.ssh, enabled: true, host: 'bastion', ...patch } };
}

describe('SSH tunnel section of the connection form', () => {
  it('round-trips saved SSH params and keeps the saved passphrase untouched', () => {
    const form = formFromDetail(sshDetail);
    expect(form.ssh).toMatchObject({
      enabled: true,
      host: 'bastion.example.com',
      port: '2222',
      user: 'deploy',
      auth: 'key',
      hasPassphrase: true,
      passphrase: '',
    });
    const args = toSaveArgs(form);
    expect(args.params.ssh).toEqual({ ...sshDetail.params.ssh });
    expect('sshPassword' in args).toBe(false);
    expect('sshPassphrase' in args).toBe(false);
    expect(sshSummary(form.ssh)).toBe('deploy@bastion.example.com:2222 · Private key');
  });

  it('sends SSH secrets only when typed, and null when forgotten', () => {
    const form = formFromDetail(sshDetail);
    expect(toSaveArgs({ ...form, ssh: { ...form.ssh, passphrase: 'pp' } }).sshPassphrase).toBe(
      'pp',
    );
    expect(
      toSaveArgs({ ...form, ssh: { ...form.ssh, forgetPassphrase: true } }).sshPassphrase,
    ).toBeNull();
    const pw = withSsh({ auth: 'password', password: 's3cret' });
    expect(sshSecretArgs(pw.ssh)).toEqual({ sshPassword: 's3cret' });
    // A key path typed under password auth is not sent: the tunnel would not use it.
    expect(toSaveArgs({ ...pw, ssh: { ...pw.ssh, privateKeyPath: '/k' } }).params.ssh).toEqual({
      host: 'bastion',
      auth: 'password',
    });
  });

  it('forgets a saved secret its auth mode no longer uses', () => {
    const form = formFromDetail(sshDetail);
    const agent = { ...form, ssh: { ...form.ssh, auth: 'agent' as const } };
    expect(sshSecretArgs(agent.ssh)).toEqual({ sshPassphrase: null });
  });

  it('turning SSH off sends params without ssh and deletes both SSH secrets', () => {
    const form = formFromDetail(sshDetail);
    const args = toSaveArgs({ ...form, ssh: { ...form.ssh, enabled: false } });
    expect(args.params).toEqual({ host: '10.0.0.5', database: 'orders', user: 'app' });
    expect(args.sshPassword).toBeNull();
    expect(args.sshPassphrase).toBeNull();
  });

  it('never sends SSH settings for SQLite', () => {
    const form = { ...withSsh({}), engine: 'sqlite' as const, filePath: '/tmp/a.db' };
    const args = toSaveArgs(form);
    expect(args.params).toEqual({ filePath: '/tmp/a.db' });
    expect(args.sshPassword).toBeNull();
  });

  it('keeps the tunnel when a URL is pasted', () => {
    const r = applyUrl(formFromDetail(sshDetail), 'postgres://u@db.internal:6543/shop');
    if (!r.ok) throw new Error(r.error);
    expect(r.form.host).toBe('db.internal');
    expect(r.form.ssh.host).toBe('bastion.example.com');
    expect(r.form.ssh.hasPassphrase).toBe(true);
  });

  it('requires an SSH host and a valid port only when SSH is on', () => {
    expect(validateForm(withSsh({ host: ' ', port: '99999' }))).toEqual({
      sshHost: 'Enter the SSH host (or an alias from ~/.ssh/config).',
      sshPort: 'The SSH port is a number from 1 to 65535.',
    });
    expect(validateForm(withSsh({ enabled: false, host: '' }))).toEqual({});
  });

  it('forgets a trusted fingerprint when the SSH host or port changes', () => {
    const ssh = formFromDetail(sshDetail).ssh;
    expect(patchSsh(ssh, { user: 'root' }).trustedHostKey).toBe('SHA256:abc');
    expect(patchSsh(ssh, { host: 'other' }).trustedHostKey).toBe('');
    expect(patchSsh(ssh, { port: '22' }).trustedHostKey).toBe('');
  });

  it('marks what a save stored or deleted', () => {
    const ssh = withSsh({ auth: 'password', password: 'pw', hasPassphrase: true }).ssh;
    const after = sshAfterSave(ssh, { sshPassword: 'pw', sshPassphrase: null });
    expect(after).toMatchObject({ password: '', hasPassword: true, hasPassphrase: false });
    expect(sshSecretPlaceholder(after.hasPassword, false, 'keychain', 'SSH password')).toBe(
      '•••• saved in keychain',
    );
    expect(sshSecretPlaceholder(false, false, 'keychain', 'SSH password')).toBe('SSH password');
  });

  it('turns an unknown host key into a prompt with its fingerprint, a changed one into a refusal', () => {
    const unknown = new AppError('SSH_HOST_UNKNOWN', 'not in known_hosts', {
      fingerprint: 'SHA256:q1w2e3',
      host: '127.0.0.1',
      port: 2201,
    });
    const prompt = hostKeyPromptFrom(unknown);
    expect(prompt).toEqual({
      kind: 'unknown',
      host: '127.0.0.1',
      port: 2201,
      fingerprint: 'SHA256:q1w2e3',
    });
    if (prompt?.kind === 'unknown')
      expect(hostKeyQuestion(prompt)).toBe(
        "First connection to 127.0.0.1:2201. Its host key fingerprint is SHA256:q1w2e3. Compare it with the server's before trusting it.",
      );
    const mismatch = new AppError('SSH_HOST_KEY_MISMATCH', 'This can mean an attack.');
    expect(hostKeyPromptFrom(mismatch)).toEqual({
      kind: 'mismatch',
      message: 'This can mean an attack.',
    });
    expect(hostKeyPromptFrom(new AppError('AUTH_FAILED', 'SSH login failed'))).toBeNull();
  });
});
