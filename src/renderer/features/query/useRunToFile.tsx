/**
 * "Run statement to CSV file": the statement at the cursor (or the selection) goes straight to a
 * CSV file in the exports folder, without a grid (PostgreSQL writes it with COPY when it can).
 * A palette command starts it; a toolbar status shows progress, Cancel, then the file's path.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { EditorView } from '@codemirror/view';
import type { ConnectionSummary } from '../../../shared/contract';
import { toAppError } from '../../../shared/errors';
import { formatBytes } from '../../../shared/values';
import { useApi, useEvent } from '../../api/hooks';
import { CloseIcon } from '../../ui/icons';
import { runTarget } from '../editor/runModel';
import { registerCommands } from '../palette/commands';
import { plural } from '../results/panelModel';

type RunToFileState =
  | { phase: 'idle' }
  | { phase: 'running'; runId: string; rows: number; bytes: number; cancelling: boolean }
  | { phase: 'done'; path: string; rows: number; bytes: number; fastPath: boolean; reason?: string }
  | { phase: 'failed'; message: string };

/** The state and actions of one tab's "Run to file". */
export interface RunToFile {
  state: RunToFileState;
  start(): void;
  cancel(): void;
  dismiss(): void;
}

/** Binds "Run statement to CSV file" to the tab's editor and registers its palette command. */
export function useRunToFile(connection: ConnectionSummary, view: React.RefObject<EditorView | null>, active: boolean): RunToFile {
  const api = useApi();
  const [state, setState] = useState<RunToFileState>({ phase: 'idle' });
  const cancelled = useRef(false);
  useEvent('query.runToFile.progress', (p) =>
    setState((s) => (s.phase === 'running' && s.runId === p.runId ? { ...s, rows: p.rows, bytes: p.bytes } : s)),
  );
  const start = (): void => {
    const v = view.current;
    if (!v || state.phase === 'running') return;
    const sel = v.state.selection.main;
    const target = runTarget(v.state.doc.toString(), { from: sel.from, to: sel.to }, 'current', connection.engine);
    if (!target) return;
    const runId = `rtf-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e9).toString(36)}`;
    cancelled.current = false;
    setState({ phase: 'running', runId, rows: 0, bytes: 0, cancelling: false });
    api.call('query.runToFile', { connectionId: connection.id, sql: target.sql, format: 'csv', runId }).then(
      (r) => setState({ phase: 'done', path: r.path, rows: r.rows, bytes: r.bytes, fastPath: r.fastPath, reason: r.fallbackReason }),
      (err: unknown) =>
        setState({ phase: 'failed', message: cancelled.current ? 'Run to file cancelled; the partial file was removed.' : toAppError(err).message }),
    );
  };
  const startRef = useRef(start);
  useEffect(() => {
    startRef.current = start;
  });
  useEffect(() => {
    if (!active) return undefined;
    return registerCommands('run-to-file', [
      { id: 'run.toFile', title: 'Run statement to CSV file', group: 'Run', run: () => startRef.current() },
    ]);
  }, [active]);
  const cancel = (): void => {
    if (state.phase !== 'running') return;
    cancelled.current = true;
    setState({ ...state, cancelling: true });
    api.call('query.runToFile.cancel', { runId: state.runId }).catch(() => undefined);
  };
  return { state, start, cancel, dismiss: () => setState({ phase: 'idle' }) };
}

/** The toolbar status of a run to file (nothing while idle). */
export function RunToFileStatus({ run }: { run: RunToFile }): ReactNode {
  const { state } = run;
  if (state.phase === 'idle') return null;
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
  return (
    <span className={`run-to-file${state.phase === 'failed' ? ' is-error' : ''}`} role="status" data-testid="run-to-file-status">
      {state.phase === 'done' ? (
        <>
          <span title={state.fastPath ? 'PostgreSQL wrote the CSV itself (COPY)' : `Streamed row by row${state.reason ? `: ${state.reason}` : ''}`}>
            Saved {plural(state.rows, 'row')} ({formatBytes(state.bytes)}{state.fastPath ? ', COPY' : ''}) to
          </span>
          <code className="run-to-file-path" title={state.path} data-testid="run-to-file-path">
            {fileName(state.path)}
          </code>
        </>
      ) : (
        state.message
      )}
      <button type="button" className="run-to-file-close" aria-label="Dismiss" onClick={run.dismiss}>
        <CloseIcon size={10} />
      </button>
    </span>
  );
}

/** The last part of a path (either separator): the toolbar has room for the name, the tooltip shows all. */
function fileName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}
