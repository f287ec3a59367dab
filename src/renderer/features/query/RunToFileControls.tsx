/**
 * The visible parts of "Run to file" in a query tab: the small menu button beside Run, the
 * toolbar status (progress, Cancel, then the file with "Copy path"), and the confirmation dialog
 * the editor's Run uses for destructive statements and prod writes.
 */
import { useState, type ReactNode } from 'react';
import type { ConnectionSummary } from '../../../shared/contract';
import { formatBytes } from '../../../shared/values';
import { Menu } from '../../ui/Menu';
import { CloseIcon } from '../../ui/icons';
import { shortcutLabel } from '../palette/commands';
import { plural } from '../results/panelModel';
import { ConfirmRunDialog } from './ConfirmRunDialog';
import { RUN_TO_FILE_SHORTCUT, type RunToFile } from './useRunToFile';

/** The caret beside Run: a menu of the other ways to run (today: into a CSV file). */
export function RunMenuButton({ run, disabled, mac }: { run: RunToFile; disabled: boolean; mac: boolean }): ReactNode {
  const [at, setAt] = useState<{ x: number; y: number } | null>(null);
  const busy = run.state.phase === 'running' || run.state.phase === 'confirm';
  const shortcut = shortcutLabel(RUN_TO_FILE_SHORTCUT, mac);
  return (
    <>
      <button
        type="button"
        className="btn btn-primary run-menu-caret"
        aria-label="More ways to run"
        aria-haspopup="menu"
        aria-expanded={at !== null}
        title={`More ways to run: into a CSV file (${shortcut})`}
        disabled={disabled}
        onClick={(e) => {
          const r = e.currentTarget.getBoundingClientRect();
          setAt(at ? null : { x: r.left, y: r.bottom + 2 });
        }}
      >
        <svg width="8" height="8" viewBox="0 0 8 8" aria-hidden="true">
          <path d="M1 2.5 4 5.5 7 2.5" fill="none" stroke="currentColor" strokeWidth="1.4" />
        </svg>
      </button>
      {at && (
        <Menu
          x={at.x}
          y={at.y}
          label="Run"
          onClose={() => setAt(null)}
          items={[{ label: `Run statement to CSV file… (${shortcut})`, onSelect: run.start, disabled: busy }]}
        />
      )}
    </>
  );
}

/** The toolbar status of a run to file (nothing while idle or asking). */
export function RunToFileStatus({ run }: { run: RunToFile }): ReactNode {
  const { state } = run;
  const [copied, setCopied] = useState<string | null>(null);
  if (state.phase === 'idle' || state.phase === 'confirm') return null;
  if (state.phase === 'running') {
    return (
      <span className="run-to-file" role="status" data-testid="run-to-file-status">
        <span className="spinner" /> Writing CSV… {plural(state.rows, 'row')} · {formatBytes(state.bytes)}
        <button type="button" className="btn btn-small" onClick={run.cancel} disabled={state.cancelling}>
          {state.cancelling ? 'Cancelling…' : 'Cancel'}
        </button>
      </span>
    );
  }
  // No app exposes "reveal in folder" to the renderer (and web mode cannot): the path goes to the clipboard.
  const copy = (path: string): void => {
    navigator.clipboard.writeText(path).then(
      () => setCopied(path),
      () => setCopied(null),
    );
  };
  return (
    <span className={`run-to-file${state.phase === 'failed' && state.tone === 'error' ? ' is-error' : ''}`} role="status" data-testid="run-to-file-status">
      {state.phase === 'done' ? (
        <>
          <span title={state.fastPath ? 'PostgreSQL wrote the CSV itself (COPY)' : `Streamed row by row${state.reason ? `: ${state.reason}` : ''}`}>
            Saved {plural(state.rows, 'row')} ({formatBytes(state.bytes)}{state.fastPath ? ', COPY' : ''}) to
          </span>
          <code className="run-to-file-path" title={state.path} data-testid="run-to-file-path">
            {fileName(state.path)}
          </code>
          <button type="button" className="btn btn-small" onClick={() => copy(state.path)} title={`Copy ${state.path}`}>
            {copied === state.path ? 'Copied' : 'Copy path'}
          </button>
        </>
      ) : (
        <span className="run-to-file-message" title={state.message}>
          {state.message}
        </span>
      )}
      <button type="button" className="run-to-file-close" aria-label="Dismiss" onClick={run.dismiss}>
        <CloseIcon size={10} />
      </button>
    </span>
  );
}

/** The editor's confirmation dialog for a run to file; Cancel runs nothing. */
export function RunToFileConfirm({ run, connection }: { run: RunToFile; connection: ConnectionSummary }): ReactNode {
  if (run.state.phase !== 'confirm') return null;
  return (
    <ConfirmRunDialog
      request={run.state.request}
      connectionName={connection.name}
      prod={connection.environment === 'prod'}
      onCancel={run.decline}
      onConfirm={run.confirm}
    />
  );
}

/** The last part of a path (either separator): the toolbar has room for the name, the tooltip shows all. */
function fileName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}
