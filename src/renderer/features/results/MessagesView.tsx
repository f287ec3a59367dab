/** The Messages tab: each statement's outcome, server notices and warnings, errors with position. */
import type { ReactNode } from 'react';
import { WarningIcon } from '../../ui/icons';
import { formatDuration, type MessageEntry } from './panelModel';
import './messages.css';

const ICONS: Record<MessageEntry['severity'], string> = {
  ok: '✓',
  notice: 'i',
  info: 'i',
  warning: '!',
  error: '✕',
};

/** The list of messages; errors can jump the editor to their position. */
export function MessagesView(props: {
  entries: MessageEntry[];
  onJumpTo?: ((position: { line: number; column: number }) => void) | undefined;
}): ReactNode {
  if (props.entries.length === 0) return <div className="rs-empty">No messages.</div>;
  return (
    <ol className="rs-messages" data-testid="result-messages">
      {props.entries.map((m) => (
        <li key={m.key} className={`rs-msg is-${m.severity}`} role={m.severity === 'error' ? 'alert' : undefined}>
          <span className="rs-msg-icon" aria-hidden="true">
            {m.severity === 'error' ? <WarningIcon size={13} /> : ICONS[m.severity]}
          </span>
          <div className="rs-msg-main">
            <div className="rs-msg-text">{m.text}</div>
            {m.where && <div className="rs-msg-where">{m.where}</div>}
          </div>
          {m.durationMs !== undefined && <span className="rs-msg-time">{formatDuration(m.durationMs)}</span>}
          {m.severity === 'error' && m.position && props.onJumpTo && (
            <button type="button" className="btn btn-small" onClick={() => props.onJumpTo?.(m.position!)}>
              Go to
            </button>
          )}
        </li>
      ))}
    </ol>
  );
}
