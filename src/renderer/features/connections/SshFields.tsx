/** The dialog's "SSH tunnel" section: collapsed to one line until opened or switched on. */
import { useState, type ReactNode } from 'react';
import { backendShortName } from './dialogText';
import type { FieldGroupProps } from './ServerFields';
import { SecretField, TextField } from './TextField';
import {
  DEFAULT_SSH_PORT,
  patchSsh,
  SSH_AUTH_CHOICES,
  sshSecretPlaceholder,
  sshSummary,
  type SshForm,
} from './sshModel';
import './ssh.css';

type SshProps = FieldGroupProps & { secretBackend: string | undefined };

/** Header (disclosure + "Connect through SSH" switch) and, when open, the tunnel's fields. */
export function SshFields(props: SshProps): ReactNode {
  const { form, errors, update } = props;
  const ssh = form.ssh;
  const [expanded, setExpanded] = useState(false);
  // A rejected save must show what is wrong, even if the user had folded the section.
  const open = ssh.enabled && (expanded || Boolean(errors.sshHost || errors.sshPort));
  const set = (patch: Partial<SshForm>): void => update({ ssh: patchSsh(ssh, patch) });

  return (
    <section className={`ssh-section${open ? ' is-open' : ''}`} aria-label="SSH tunnel">
      <div className="ssh-header">
        <button
          type="button"
          className="ssh-disclosure"
          aria-expanded={open}
          aria-controls="ssh-fields"
          disabled={!ssh.enabled}
          onClick={() => setExpanded(!open)}
        >
          <svg
            className="ssh-chevron"
            width="12"
            height="12"
            viewBox="0 0 16 16"
            aria-hidden="true"
          >
            <path d="M6 3.5 10.5 8 6 12.5" fill="none" stroke="currentColor" strokeWidth="1.8" />
          </svg>
          <span className="ssh-title">SSH tunnel</span>
          <span className="ssh-summary" data-testid="ssh-summary">
            {sshSummary(ssh)}
          </span>
        </button>
        <label className="switch switch-accent">
          <input
            type="checkbox"
            role="switch"
            checked={ssh.enabled}
            onChange={(e) => {
              set({ enabled: e.target.checked });
              setExpanded(e.target.checked);
            }}
          />
          <span className="switch-track" aria-hidden="true" />
          Connect through SSH
        </label>
      </div>
      {open && (
        <div className="form-grid ssh-fields" id="ssh-fields">
          <div className="form-row-host span-2">
            <TextField
              label="SSH host"
              error={errors.sshHost}
              value={ssh.host}
              placeholder="bastion.example.com or an alias from ~/.ssh/config"
              autoComplete="off"
              spellCheck={false}
              onChange={(host) => set({ host })}
            />
            <TextField
              label="SSH port"
              error={errors.sshPort}
              value={ssh.port}
              inputMode="numeric"
              placeholder={String(DEFAULT_SSH_PORT)}
              onChange={(port) => set({ port })}
            />
          </div>
          <TextField
            label="SSH user"
            value={ssh.user}
            placeholder="From ~/.ssh/config, else your login"
            autoComplete="off"
            onChange={(user) => set({ user })}
          />
          <div className="field">
            <span className="field-label" id="ssh-auth-label">
              Authentication
            </span>
            <div className="segmented" role="radiogroup" aria-labelledby="ssh-auth-label">
              {SSH_AUTH_CHOICES.map(({ auth, label }) => (
                <button
                  key={auth}
                  type="button"
                  role="radio"
                  aria-checked={ssh.auth === auth}
                  className={`segment${ssh.auth === auth ? ' is-on' : ''}`}
                  onClick={() => set({ auth })}
                >
                  {label}
                </button>
              ))}
            </div>
          </div>
          <AuthFields {...props} set={set} />
        </div>
      )}
    </section>
  );
}

function AuthFields(props: SshProps & { set(patch: Partial<SshForm>): void }): ReactNode {
  const { set, secretBackend } = props;
  const ssh = props.form.ssh;
  const backend = backendShortName(secretBackend);
  if (ssh.auth === 'agent')
    return (
      <p className="field-hint span-2 ssh-agent-hint">
        Uses the keys loaded in your SSH agent (SSH_AUTH_SOCK); nothing is stored here.
      </p>
    );
  if (ssh.auth === 'password')
    return (
      <SecretField
        label="SSH password"
        value={ssh.password}
        placeholder={sshSecretPlaceholder(
          ssh.hasPassword,
          ssh.forgetPassword,
          backend,
          'SSH password',
        )}
        canForget={ssh.hasPassword && !ssh.forgetPassword && !ssh.password}
        onChange={(password) => set({ password, forgetPassword: false })}
        onForget={() => set({ forgetPassword: true })}
      />
    );
  return (
    <>
      <TextField
        label="Private key file"
        hint="Empty: the alias's IdentityFile, else ~/.ssh/id_ed25519."
        mono
        value={ssh.privateKeyPath}
        placeholder="~/.ssh/id_ed25519"
        spellCheck={false}
        onChange={(privateKeyPath) => set({ privateKeyPath })}
      />
      <SecretField
        label="Key passphrase"
        value={ssh.passphrase}
        placeholder={sshSecretPlaceholder(
          ssh.hasPassphrase,
          ssh.forgetPassphrase,
          backend,
          'Only if the key is encrypted',
        )}
        canForget={ssh.hasPassphrase && !ssh.forgetPassphrase && !ssh.passphrase}
        onChange={(passphrase) => set({ passphrase, forgetPassphrase: false })}
        onForget={() => set({ forgetPassphrase: true })}
      />
    </>
  );
}
