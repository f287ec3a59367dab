/** The inline answer to a test that failed on the SSH host key: trust-on-first-use, or refusal. */
import type { ReactNode } from 'react';
import { KeyIcon, WarningIcon } from '../../ui/icons';
import type { HostKeyPrompt } from './sshModel';
import './ssh.css';

/** Props: the prompt, whether a test is running, and the two answers. */
export interface HostKeyPanelProps {
  prompt: HostKeyPrompt | null;
  busy: boolean;
  onTrust(): void;
  onCancel(): void;
}

/**
 * An unknown host shows its fingerprint with "Trust and connect"; a changed key is a red alert
 * with no way to trust it from here (it may be an attack: known_hosts must be fixed by hand).
 */
export function HostKeyPanel({ prompt, busy, onTrust, onCancel }: HostKeyPanelProps): ReactNode {
  if (!prompt) return null;
  if (prompt.kind === 'mismatch')
    return (
      <div className="alert alert-error hostkey-alert" role="alert" data-testid="ssh-host-key">
        <WarningIcon size={14} />
        <span>
          <strong>SSH host key changed: connection refused.</strong> {prompt.message}
        </span>
      </div>
    );
  return (
    <div
      className="hostkey-panel"
      role="group"
      aria-label="Unknown SSH host key"
      data-testid="ssh-host-key"
    >
      <KeyIcon size={14} />
      <div className="hostkey-body">
        <p className="hostkey-text" data-testid="ssh-host-key-text">
          First connection to{' '}
          <strong>
            {prompt.host}:{prompt.port}
          </strong>
          . Its host key fingerprint is <code className="hostkey-fp">{prompt.fingerprint}</code>.
          Compare it with the server&apos;s before trusting it.
        </p>
        <div className="hostkey-actions">
          <button type="button" className="btn btn-primary" disabled={busy} onClick={onTrust}>
            Trust and connect
          </button>
          <button type="button" className="btn" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}
