/**
 * "Run statement to CSV file": the statement at the cursor (or the selection) goes straight to a
 * CSV file in the exports folder, without a grid (PostgreSQL writes it with COPY when it can).
 * Started from the palette, the menu beside Run or Ctrl/Cmd+Alt+Enter; a destructive or prod write
 * asks first in the editor's confirmation dialog; a toolbar status shows progress, Cancel, then
 * the file with "Copy path".
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { EditorView } from '@codemirror/view';
import type { ConnectionSummary } from '../../../shared/contract';
import { toAppError } from '../../../shared/errors';
import { useApi, useEvent } from '../../api/hooks';
import { runTarget } from '../editor/runModel';
import { registerCommands } from '../palette/commands';
import { confirmationFromError, type ConfirmationRequest } from './confirm';

/** Where one tab's run to file stands. */
export type RunToFileState =
  | { phase: 'idle' }
  | { phase: 'confirm'; sql: string; request: ConfirmationRequest }
  | { phase: 'running'; runId: string; rows: number; bytes: number; cancelling: boolean }
  | { phase: 'done'; path: string; rows: number; bytes: number; fastPath: boolean; reason?: string }
  | { phase: 'failed'; message: string; tone: 'error' | 'info' };

/** The state and actions of one tab's "Run to file". */
export interface RunToFile {
  state: RunToFileState;
  /** Runs the statement at the cursor / the selection. */
  start(): void;
  /** Runs the statement awaiting confirmation, confirmed. */
  confirm(): void;
  /** Drops the statement awaiting confirmation: nothing runs. */
  decline(): void;
  cancel(): void;
  dismiss(): void;
  /** The tab's key handler for the shortcut (Ctrl/Cmd+Alt+Enter). */
  onKeyDownCapture(e: KeyboardEvent<HTMLElement>): void;
}

/** The palette / sheet spelling of the shortcut. */
export const RUN_TO_FILE_SHORTCUT = 'Mod+Alt+Enter';

const CANCELLED = 'Run to file cancelled; the partial file was removed.';

/** Binds "Run statement to CSV file" to the tab's editor and registers its palette command. */
export function useRunToFile(connection: ConnectionSummary, view: React.RefObject<EditorView | null>, active: boolean): RunToFile {
  const api = useApi();
  const [state, setState] = useState<RunToFileState>({ phase: 'idle' });
  const stateRef = useRef(state);
  const cancelled = useRef(false);
  useEffect(() => {
    stateRef.current = state;
  });
  useEvent('query.runToFile.progress', (p) =>
    setState((s) => (s.phase === 'running' && s.runId === p.runId ? { ...s, rows: p.rows, bytes: p.bytes } : s)),
  );

  const launch = useCallback(
    (sql: string, confirmed: boolean): void => {
      const runId = `rtf-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e9).toString(36)}`;
      cancelled.current = false;
      setState({ phase: 'running', runId, rows: 0, bytes: 0, cancelling: false });
      api.call('query.runToFile', { connectionId: connection.id, sql, format: 'csv', runId, ...(confirmed ? { confirmed } : {}) }).then(
        (r) => setState({ phase: 'done', path: r.path, rows: r.rows, bytes: r.bytes, fastPath: r.fastPath, reason: r.fallbackReason }),
        (err: unknown) => {
          const e = toAppError(err);
          // Main refused before running anything: ask as the editor's Run does, then re-run confirmed.
          if (e.code === 'CONFIRMATION_REQUIRED' && !confirmed) setState({ phase: 'confirm', sql, request: confirmationFromError(e) });
          else setState({ phase: 'failed', message: cancelled.current ? CANCELLED : e.message, tone: 'error' });
        },
      );
    },
    [api, connection.id],
  );

  const start = useCallback((): void => {
    const v = view.current;
    const phase = stateRef.current.phase;
    if (!v || phase === 'running' || phase === 'confirm') return;
    const sel = v.state.selection.main;
    const target = runTarget(v.state.doc.toString(), { from: sel.from, to: sel.to }, 'current', connection.engine);
    if (target) launch(target.sql, false);
  }, [view, connection.engine, launch]);

  useEffect(() => {
    if (!active) return undefined;
    return registerCommands('run-to-file', [
      { id: 'run.toFile', title: 'Run statement to CSV file', group: 'Run', shortcut: RUN_TO_FILE_SHORTCUT, run: start },
    ]);
  }, [active, start]);

  const confirm = (): void => {
    if (state.phase === 'confirm') launch(state.sql, true);
  };
  const decline = (): void => {
    if (state.phase === 'confirm') setState({ phase: 'failed', message: 'Nothing ran: the statement was not confirmed.', tone: 'info' });
  };
  const cancel = (): void => {
    if (state.phase !== 'running') return;
    cancelled.current = true;
    setState({ ...state, cancelling: true });
    api.call('query.runToFile.cancel', { runId: state.runId }).catch(() => undefined);
  };
  const onKeyDownCapture = (e: KeyboardEvent<HTMLElement>): void => {
    if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey) || !e.altKey || e.shiftKey) return;
    e.preventDefault();
    e.stopPropagation();
    start();
  };
  return { state, start, confirm, decline, cancel, dismiss: () => setState({ phase: 'idle' }), onKeyDownCapture };
}
